#!/usr/bin/env python3
"""Builds the zoning dev set: each Wikinews article of ../gum-news rendered into page templates of
different site styles, as HTML, as a text dump, and with its gold body.

    python3 Corpus/pages/build_pages.py        # needs lynx and w3m (Debian) for the dumps

Writes Corpus/pages/<split>/<template>/<article>.{html,txt,body.txt}. The gold body is the
article's paragraphs after the headline and dateline, without picture captions (they are rendered
as <figure>/<figcaption> or the site's caption markup); subheadings and lists inside the article
are body. Deterministic (fixed seeds), so the files can be rebuilt and diffed.

Splits: `dev` templates were looked at while writing rules; `heldout` templates were not.
"""
import html
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GUM = os.path.join(HERE, "..", "gum-news")

DEV = ["wiki", "news", "blog", "amp", "divsoup"]
HELDOUT = ["magazine", "portal", "teasers"]

DATE_RE = re.compile(r"^((Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d+, \d{4})\s*(.*)$", re.S)

AUTHORS = ["Maria Keller", "Tom Aldridge", "Priya Raman", "Jonas Berg", "Lucy Okafor", "Daniel Reyes",
           "Hannah Cho", "Samir Haddad", "Erin Walsh", "Pavel Novak"]
COMMENTERS = ["llloyd", "George", "Sunny B.", "anonymous", "Rita M", "old_timer_42", "Kev", "Marguerite",
              "J. Smith", "truthseeker", "Alan from Leeds", "bea"]
COMMENT_TEXTS = [
    "I read this twice and I still do not understand why nobody saw it coming. The warnings were there for years.",
    "Great reporting, as usual. It would be good to have a follow-up in a few months to see what actually changed.",
    "This is exactly what I have been saying to my friends for a long time, and now it is finally in the news.",
    "Does anyone know where the original figures come from? The article does not link to the report itself.",
    "Sad to read. My thoughts are with the families of everyone who was affected by this.",
    "The comments here are always better than the article. Keep it up, everyone!",
    "I lived there for ten years and I can tell you that the local people have a very different view of this story.",
    "Not sure I agree with the framing here, but the facts seem right and the quotes are fair.",
    "Typical. They will announce a review, nothing will happen, and we will be reading the same story next year.",
    "Thanks for covering this. Most of the big outlets ignored it completely.",
    "Interesting piece, but the headline is a bit misleading compared to what the officials actually said.",
    "Well, that escalated quickly. I wonder what the other side will say about it tomorrow.",
]
FAKE_HEADLINES = [
    "City council approves new budget after long debate", "Storm leaves thousands without power",
    "Local team wins regional championship", "Scientists discover new species of frog in rainforest",
    "Prices of fresh vegetables rise for third month", "Museum reopens after two-year renovation",
    "Train strike called off at the last minute", "Report warns of teacher shortage in rural schools",
    "Airport expansion plan faces legal challenge", "Researchers test new malaria vaccine",
    "Film festival announces this year's winners", "Bridge closed after engineers find cracks",
    "Election officials prepare for record turnout", "Heatwave expected to last until the weekend",
    "Central bank holds interest rates steady", "Volunteers clean up river after chemical spill",
]
TEASER_TEXTS = [
    "The council voted by a narrow margin on Tuesday evening to approve a budget that includes cuts to libraries and an increase in the cost of parking in the city centre.",
    "More than forty thousand homes were still without electricity on Sunday morning after strong winds brought down power lines across the north of the region.",
    "Officials said that the new rules would come into force at the start of next year, although several groups have already said that they will challenge them in court.",
    "The researchers, who spent three years on the project, said their findings could help farmers who have struggled with dry summers and falling prices for their crops.",
    "Witnesses told reporters that the fire started shortly after midnight and spread quickly through the upper floors of the building before firefighters arrived.",
    "The company said in a statement that it was cooperating fully with the investigation and that it had suspended two of its managers while the inquiry continues.",
]


FOOTER_PROSE = [
    "We are a member of the Independent Press Standards Organisation, which regulates the newspaper and magazine industry, and we abide by the Editors' Code of Practice.",
    "This website uses cookies to improve your experience, to show you personalised content and to analyse our traffic; by continuing to browse the site you agree to our use of cookies.",
    "Our journalism is funded by readers like you, and every contribution, however big or small, helps us to keep our reporting free for everyone to read.",
    "Registered office: 1 Example Square, London, and all of the content on this site is protected by copyright and may not be reproduced without our written permission.",
    "Download our app for the latest breaking news, live coverage of the biggest events of the day and the stories that matter to your community.",
]
SECTIONS = ["News", "UK", "World", "Business", "Politics", "Technology", "Science", "Health", "Education",
            "Entertainment", "Arts", "Travel", "Sport", "Football", "Cricket", "Opinion", "Obituaries", "Weather",
            "Puzzles", "Crosswords", "Podcasts", "Video", "Newsletters", "Jobs", "Events", "Shop"]


def big_footer(rnd):
    """A site-wide footer: section links and a prose-like legal or cookie paragraph or two."""
    cols = rnd.sample(SECTIONS, rnd.randint(10, 20))
    prose = rnd.sample(FOOTER_PROSE, rnd.randint(1, 2))
    return ('<div class="global-footer"><ul class="footer-links">%s</ul>%s</div>'
            % ("".join('<li><a href="#">%s</a></li>' % c for c in cols), "".join("<p>%s</p>" % p for p in prose)))


def read_article(path):
    paras = [p.strip() for p in open(path, encoding="utf-8").read().split("\n\n") if p.strip()]
    title = paras[0]
    m = DATE_RE.match(paras[1])
    date = m.group(1)
    rest = paras[2:]
    if m.group(3).strip():
        rest = [m.group(3).strip()] + rest
    items = []  # (kind, text): para, heading, caption
    for p in rest:
        if "Image:" in p:
            items.append(("caption", p))
        elif len(p) < 70 and not re.search(r"[.!?:\"”]$", p) and len(p.split()) <= 10:
            items.append(("heading", p))
        else:
            items.append(("para", p))
    name = os.path.basename(path)[len("GUM_news_"):-len(".txt")]
    return {"name": name, "title": title, "date": date, "items": items}


def esc(s):
    return html.escape(s, quote=False).replace('"', "&quot;")


def gold_body(a):
    return "\n\n".join(t for k, t in a["items"] if k != "caption") + "\n"


def iso(date):
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    _, md, y = date.split(", ")
    mon, d = md.split()
    return "%s-%02d-%02d" % (y, months.index(mon) + 1, int(d))


def jsonld(a, author, publisher):
    import json
    return ('<script type="application/ld+json">' + json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
        "datePublished": iso(a["date"]) + "T09:00:00Z",
        "author": [{"@type": "Person", "name": author}],
        "publisher": {"@type": "Organization", "name": publisher},
    }) + "</script>")


def linkify(text, rnd, every=9):
    """Wraps a few words of a paragraph in links, as articles do."""
    words = text.split(" ")
    out = []
    i = 0
    while i < len(words):
        if rnd.random() < 1.0 / every and i + 2 < len(words):
            out.append('<a href="/wiki/%s">%s</a>' % (esc(words[i].strip(".,")), esc(" ".join(words[i:i + 2]))))
            i += 2
        else:
            out.append(esc(words[i]))
            i += 1
    return " ".join(out)


def comments_for(rnd, n):
    return [(rnd.choice(COMMENTERS), rnd.choice(COMMENT_TEXTS), "%d:%02d pm" % (rnd.randint(1, 12), rnd.randint(0, 59)))
            for _ in range(n)]


def related(rnd, k, others):
    pool = FAKE_HEADLINES + others
    return rnd.sample(pool, k)


# ---------------------------------------------------------------- templates

def t_wiki(a, rnd, others):
    body = []
    for k, t in a["items"]:
        if k == "caption":
            body.append('<div class="thumb tright"><div class="thumbinner"><a href="/wiki/File:x.jpg" class="image"><img src="x.jpg" width="220"></a>'
                        '<div class="thumbcaption"><div class="magnify"><a href="#" title="Enlarge"></a></div>%s</div></div></div>' % esc(t))
        elif k == "heading":
            body.append('<h2><span class="mw-headline" id="%s">%s</span><span class="mw-editsection">[<a href="#">edit</a>]</span></h2>' % (esc(t.replace(" ", "_")), esc(t)))
        else:
            body.append("<p>%s</p>" % linkify(t, rnd))
    rel = related(rnd, 4, others)
    return """<!DOCTYPE html>
<html lang="en" dir="ltr"><head><meta charset="UTF-8"><title>%(title)s - Wikinews, the free news source</title>
<meta property="og:title" content="%(title)s"><meta property="og:site_name" content="Wikinews"></head>
<body class="mediawiki ltr sitedir-ltr ns-0 skin-vector">
<div id="mw-page-base" class="noprint"></div>
<div id="content" class="mw-body" role="main"><a id="top"></a>
<div id="siteNotice"><div id="localNotice"><p>Have a news tip? <a href="/wiki/Tips">Submit it here</a>.</p></div></div>
<h1 id="firstHeading" class="firstHeading" lang="en">%(title)s</h1>
<div id="bodyContent" class="mw-body-content"><div id="siteSub" class="noprint">From Wikinews, the free news source you can write!</div>
<div id="contentSub"></div><div id="jump-to-nav"></div><a class="mw-jump-link" href="#mw-head">Jump to navigation</a> <a class="mw-jump-link" href="#searchInput">Jump to search</a>
<div id="mw-content-text" lang="en" dir="ltr" class="mw-content-ltr"><div class="mw-parser-output">
<table class="infobox" style="float:right"><tr><th>Related news</th></tr>%(rel)s</table>
<p><strong class="published"><span id="publishDate" class="value-title">%(date)s</span></strong></p>
%(body)s
<h2><span class="mw-headline" id="Sources">Sources</span></h2>
<ul><li><span class="sourceTemplate"><a rel="nofollow" class="external text" href="http://example.org/1">"%(src1)s"</a> — <i>Example Wire</i>, %(date)s</span></li>
<li><span class="sourceTemplate"><a rel="nofollow" class="external text" href="http://example.org/2">"%(src2)s"</a> — <i>Daily Example</i>, %(date)s</span></li></ul>
<div class="noprint" style="border:1px solid #ccc"><p>Share this: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Reddit</a></p></div>
<div class="licence"><p>This text is licensed under the <a href="https://creativecommons.org/licenses/by/2.5/">Creative Commons Attribution 2.5</a> licence.</p></div>
</div></div>
<div id="catlinks" class="catlinks" data-mw="interface"><div id="mw-normal-catlinks" class="mw-normal-catlinks"><a href="/wiki/Special:Categories">Categories</a>: <ul><li><a href="#">%(date)s</a></li><li><a href="#">Published</a></li><li><a href="#">Archived</a></li><li><a href="#">World</a></li><li><a href="#">Politics and conflicts</a></li></ul></div></div>
</div></div>
<div id="mw-navigation"><h2>Navigation menu</h2>
<div id="mw-head"><div id="p-personal" role="navigation"><ul><li><a href="#">Not logged in</a></li><li><a href="#">Talk</a></li><li><a href="#">Contributions</a></li><li><a href="#">Create account</a></li><li><a href="#">Log in</a></li></ul></div>
<div id="left-navigation"><div id="p-namespaces" role="navigation" class="vectorTabs"><ul><li class="selected"><a href="#">Article</a></li><li><a href="#">Collaborate</a></li></ul></div></div>
<div id="right-navigation"><div id="p-views" role="navigation"><ul><li><a href="#">Read</a></li><li><a href="#">Edit</a></li><li><a href="#">View history</a></li></ul></div>
<div id="p-search" role="search"><h3><label for="searchInput">Search</label></h3><form action="/w/index.php"><input type="search" name="search" placeholder="Search Wikinews"></form></div></div></div>
<div id="mw-panel"><div class="portal" role="navigation" id="p-navigation"><h3>Navigation</h3><div class="body"><ul><li><a href="#">Main page</a></li><li><a href="#">Latest news</a></li><li><a href="#">Random article</a></li><li><a href="#">Write an article</a></li><li><a href="#">Newsroom</a></li></ul></div></div>
<div class="portal" role="navigation" id="p-tb"><h3>Tools</h3><div class="body"><ul><li><a href="#">What links here</a></li><li><a href="#">Related changes</a></li><li><a href="#">Upload file</a></li><li><a href="#">Permanent link</a></li><li><a href="#">Cite this page</a></li></ul></div></div></div></div>
<div id="footer" role="contentinfo"><ul id="footer-info"><li id="footer-info-lastmod">This page was last edited on %(date)s.</li>
<li id="footer-info-copyright">All text created after September 25, 2005 available under the terms of the Creative Commons Attribution 2.5 License, unless otherwise noted. Content published before that date is in the public domain.</li></ul>
<ul id="footer-places"><li><a href="#">Privacy policy</a></li><li><a href="#">About Wikinews</a></li><li><a href="#">Disclaimers</a></li><li><a href="#">Mobile view</a></li></ul></div>
</body></html>
""" % {"title": esc(a["title"]), "date": esc(a["date"]), "body": "\n".join(body),
       "rel": "".join('<tr><td><a href="#">%s</a></td></tr>' % esc(r) for r in rel),
       "src1": esc(rel[0]), "src2": esc(a["title"])}


def t_news(a, rnd, others):
    author = rnd.choice(AUTHORS)
    body = []
    paras = [i for i, (k, _) in enumerate(a["items"]) if k == "para"]
    inline_at = paras[len(paras) // 2] if len(paras) > 3 else -1
    for i, (k, t) in enumerate(a["items"]):
        if k == "caption":
            body.append('<figure class="article-image"><img src="p.jpg" alt=""><figcaption class="caption">%s <span class="credit">Photo: Wire Services</span></figcaption></figure>' % esc(t))
        elif k == "heading":
            body.append("<h2>%s</h2>" % esc(t))
        else:
            body.append("<p>%s</p>" % linkify(t, rnd, 14))
        if i == inline_at:
            r = related(rnd, 1, others)[0]
            body.append('<aside class="related-inline"><p><strong>Read more:</strong> <a href="#">%s</a></p></aside>' % esc(r))
            body.append('<div class="ad-slot"><p>Advertisement</p></div>')
    com = comments_for(rnd, rnd.randint(2, 8))
    comments = "\n".join('<div class="comment"><div class="comment-header"><span class="comment-author">%s</span> <span class="comment-time">%s</span></div><div class="comment-text"><p>%s</p></div><div class="comment-actions"><a href="#">Reply</a> <a href="#">Report</a></div></div>' % (esc(n), esc(tm), esc(c)) for n, c, tm in com)
    rel = related(rnd, 5, others)
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%(title)s | The Daily Example</title>
<meta name="description" content="%(desc)s"><meta property="og:title" content="%(title)s"><meta property="og:site_name" content="The Daily Example">
<meta name="author" content="%(author)s"><meta property="article:published_time" content="%(iso)s"></head>
<body>
<div class="top-bar"><a href="#">Subscribe</a> <a href="#">Sign in</a></div>
<header class="site-header"><div class="logo"><a href="/">The Daily Example</a></div>
<nav class="main-nav"><ul><li><a href="#">World</a></li><li><a href="#">Politics</a></li><li><a href="#">Business</a></li><li><a href="#">Science</a></li><li><a href="#">Sport</a></li><li><a href="#">Culture</a></li><li><a href="#">Opinion</a></li></ul></nav></header>
<div class="breadcrumb"><a href="#">Home</a> › <a href="#">World</a></div>
<main><article class="story">
<h1 class="headline">%(title)s</h1>
<div class="byline">By <a rel="author" href="#">%(author)s</a>, World Affairs Correspondent</div>
<time datetime="%(iso)s">%(date)s</time>
<ul class="share-buttons"><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on Twitter</a></li><li><a href="#">Email</a></li></ul>
<div class="article-body">
%(body)s
</div>
<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter and get the most important stories of the day in your inbox every morning.</p><form><input type="email"><button>Sign up</button></form></div>
</article>
<section class="related-stories"><h2>Related stories</h2><ul>%(rel)s</ul></section>
<section id="comments" class="comments"><h2>%(n)d comments</h2>
%(comments)s
<p class="comment-policy">Comments are moderated. Please read our <a href="#">community guidelines</a> before posting.</p></section>
</main>
<footer class="site-footer"><ul><li><a href="#">About us</a></li><li><a href="#">Contact</a></li><li><a href="#">Careers</a></li><li><a href="#">Privacy policy</a></li><li><a href="#">Terms of use</a></li></ul>
<p>© 2024 The Daily Example Ltd. All rights reserved.</p></footer>
</body></html>
""" % {"title": esc(a["title"]), "date": esc(a["date"]), "iso": iso(a["date"]), "author": esc(author),
       "desc": esc(a["items"][0][1][:150]), "body": "\n".join(body), "n": len(com), "comments": comments,
       "rel": "".join('<li><a href="#">%s</a></li>' % esc(r) for r in rel)}


def t_blog(a, rnd, others):
    author = rnd.choice(AUTHORS)
    body = []
    for k, t in a["items"]:
        if k == "caption":
            body.append('<div class="wp-caption aligncenter"><img src="i.jpg"><p class="wp-caption-text">%s</p></div>' % esc(t))
        elif k == "heading":
            body.append("<h3>%s</h3>" % esc(t))
        else:
            body.append("<p>%s</p>" % linkify(t, rnd, 20))
    com = comments_for(rnd, rnd.randint(3, 9))
    items = []
    for i, (n, c, tm) in enumerate(com):
        items.append('<li class="comment even thread-even depth-1" id="comment-%d"><article class="comment-body"><footer class="comment-meta">'
                     '<div class="comment-author vcard"><img class="avatar" src="a.png"> <b class="fn">%s</b> <span class="says">says:</span></div>'
                     '<div class="comment-metadata"><a href="#"><time>%s at %s</time></a></div></footer>'
                     '<div class="comment-content"><p>%s</p></div><div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article></li>'
                     % (1000 + i, esc(n), esc(a["date"]), tm, esc(c)))
    recent = related(rnd, 5, others)
    return """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>%(title)s &#8211; Notes From Everywhere</title>
<meta property="og:type" content="article"><meta property="og:title" content="%(title)s"><meta property="article:published_time" content="%(iso)s"></head>
<body class="post-template-default single single-post">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">Notes From Everywhere</a></p><p class="site-description">A blog about the news that matters</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle">Menu</button><div class="menu-primary-container"><ul id="primary-menu" class="menu"><li><a href="/">Home</a></li><li><a href="/about">About</a></li><li><a href="/archive">Archive</a></li><li><a href="/contact">Contact</a></li></ul></div></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-42" class="post-42 post type-post status-publish format-standard hentry category-world">
<header class="entry-header"><h1 class="entry-title">%(title)s</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="#" rel="bookmark"><time class="entry-date published">%(date)s</time></a></span> <span class="byline"> by <span class="author vcard"><a class="url fn n" href="#">%(author)s</a></span></span></div></header>
<div class="entry-content">
%(body)s
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li><li><a href="#">Print</a></li></ul></div>
<div class="jp-relatedposts"><h3>Related</h3><p><a href="#">%(r0)s</a></p><p><a href="#">%(r1)s</a></p></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="#">World</a></span> <span class="tags-links">Tagged <a href="#">news</a>, <a href="#">%(name)s</a></span></footer>
</article>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="#">%(r2)s</a></div><div class="nav-next"><a href="#">%(r3)s</a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">%(n)d thoughts on &ldquo;%(title)s&rdquo;</h2>
<ol class="comment-list">%(comments)s</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><p><label>Comment</label><textarea></textarea></p><p><label>Name *</label><input></p><p><label>Email *</label><input></p><p><input type="submit" value="Post Comment"></p></form></div>
</div></main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_search"><form><label>Search for:</label><input type="search"></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>%(recent)s</ul></section>
<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="#">March 2024</a></li><li><a href="#">February 2024</a></li><li><a href="#">January 2024</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="#">Proudly powered by WordPress</a></div></footer></div>
</body></html>
""" % {"title": esc(a["title"]), "date": esc(a["date"]), "iso": iso(a["date"]), "author": esc(author), "name": a["name"],
       "body": "\n".join(body), "n": len(com), "comments": "\n".join(items),
       "recent": "".join('<li><a href="#">%s</a></li>' % esc(r) for r in recent),
       "r0": esc(recent[0]), "r1": esc(recent[1]), "r2": esc(recent[2]), "r3": esc(recent[3])}


def t_amp(a, rnd, others):
    author = rnd.choice(AUTHORS)
    body = []
    for i, (k, t) in enumerate(a["items"]):
        if k == "caption":
            body.append('<figure><amp-img src="x.jpg" width="600" height="400" layout="responsive"></amp-img><figcaption>%s</figcaption></figure>' % esc(t))
        elif k == "heading":
            body.append("<h2>%s</h2>" % esc(t))
        else:
            body.append("<p>%s</p>" % esc(t))
        if i == 2:
            body.append('<div class="amp-ad-container"><amp-ad width="300" height="250" type="doubleclick"></amp-ad><p class="ad-label">Advertisement</p></div>')
    return """<!doctype html>
<html amp lang="en"><head><meta charset="utf-8"><title>%(title)s</title><link rel="canonical" href="https://example.com/news/%(name)s">
<meta name="viewport" content="width=device-width,minimum-scale=1">%(ld)s
<style amp-custom>body{font-family:serif}</style></head>
<body><header class="amp-header"><button on="tap:sidebar.toggle" class="hamburger">☰</button><a href="/" class="brand">Example Wire</a></header>
<amp-sidebar id="sidebar" layout="nodisplay"><ul><li><a href="#">Top stories</a></li><li><a href="#">Local</a></li><li><a href="#">National</a></li><li><a href="#">Weather</a></li></ul></amp-sidebar>
<main id="content" role="main"><article class="amp-article">
<header><p class="kicker">World</p><h1 class="amp-title">%(title)s</h1>
<address class="author">%(author)s</address><p class="amp-date">%(date)s</p></header>
<div class="amp-body">
%(body)s
</div>
<p class="amp-tags">Topics: <a href="#">World</a> <a href="#">%(name)s</a></p>
</article></main>
<footer class="amp-footer"><p>View full site</p><p>© Example Wire</p></footer>
</body></html>
""" % {"title": esc(a["title"]), "date": esc(a["date"]), "author": esc(author), "name": a["name"],
       "ld": jsonld(a, author, "Example Wire"), "body": "\n".join(body)}


def t_divsoup(a, rnd, others):
    author = rnd.choice(AUTHORS)
    body = []
    n = 0
    for k, t in a["items"]:
        if k == "caption":
            body.append('<div class="img-wrap"><img src="y.jpg"><div class="img-cap">%s</div></div>' % esc(t))
        elif k == "heading":
            body.append('<div class="subhead"><b>%s</b></div>' % esc(t))
        else:
            body.append('<div class="para">%s</div>' % linkify(t, rnd, 12))
            n += 1
            if n % 4 == 0:
                body.append('<div class="ad-container"><div class="ad-label">ADVERTISEMENT</div><div class="ad-box"></div></div>')
    pop = related(rnd, 6, others)
    return """<html><head><title>%(title)s - Metro Herald</title>%(ld)s
<meta name="keywords" content="world, %(name)s"></head>
<body><div class="wrapper"><div class="hdr"><div class="logo">Metro Herald</div><div class="hdr-links"><a href="#">Home</a> | <a href="#">Metro</a> | <a href="#">Nation</a> | <a href="#">World</a> | <a href="#">Money</a> | <a href="#">Lifestyle</a> | <a href="#">E-paper</a></div></div>
<div class="container"><div class="row"><div class="col-md-8">
<div class="story"><div class="story-title">%(title)s</div>
<div class="story-meta"><span class="story-author">%(author)s</span> | <span>Published %(date)s</span> | <span><a href="#">0 comments</a></span></div>
<div class="story-text">
%(body)s
</div>
<div class="story-share"><span>Share:</span> <a href="#">WhatsApp</a> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Telegram</a></div>
<div class="story-footer"><div>Follow Metro Herald on Google News for the latest updates.</div><div>Also read: <a href="#">%(p0)s</a></div></div>
</div></div>
<div class="col-md-4"><div class="box"><div class="box-title">Most Popular</div>%(pop)s</div>
<div class="box"><div class="box-title">Trending Now</div><div><a href="#">%(p1)s</a></div><div><a href="#">%(p2)s</a></div></div></div>
</div></div>
<div class="ftr"><div><a href="#">About</a> | <a href="#">Advertise with us</a> | <a href="#">Privacy</a> | <a href="#">Contact</a></div><div>Copyright © 2024 Metro Herald Media Pvt Ltd.</div></div></div>
</body></html>
""" % {"title": esc(a["title"]), "date": esc(a["date"]), "author": esc(author), "name": a["name"],
       "ld": jsonld(a, author, "Metro Herald"), "body": "\n".join(body),
       "pop": "".join('<div class="pop-item"><span>%d</span> <a href="#">%s</a></div>' % (i + 1, esc(p)) for i, p in enumerate(pop)),
       "p0": esc(pop[0]), "p1": esc(pop[1]), "p2": esc(pop[2])}


# ---------------------------------------------------------------- held-out templates

def t_magazine(a, rnd, others):
    author = rnd.choice(AUTHORS)
    paras = [t for k, t in a["items"] if k == "para"]
    quote = paras[min(1, len(paras) - 1)].split(". ")[0].rstrip(".") + "."
    body = []
    n = 0
    for k, t in a["items"]:
        if k == "caption":
            body.append('<div class="css-79elbk"><picture><img src="m.jpg"></picture><span class="css-1a48zt4 e1z0qqy90">%s</span><span class="css-cnj6d5">Credit: Agency photographer</span></div>' % esc(t))
        elif k == "heading":
            body.append('<h2 class="css-1bxwobu">%s</h2>' % esc(t))
        else:
            body.append('<div class="css-s99gbd StoryBodyCompanionColumn"><div class="css-53u6y8"><p class="css-at9mc1 evys1bk0">%s</p></div></div>' % linkify(t, rnd, 16))
            n += 1
            if n == 2:
                body.append('<blockquote class="css-pullquote">%s</blockquote>' % esc(quote))
            if n == 3:
                body.append('<div class="css-1cvxx1d" data-testid="inline-promo"><p class="css-7f3b0s">Sign up for The Weekly Read, a newsletter with the best of our journalism delivered every Sunday.</p></div>')
    com = comments_for(rnd, rnd.randint(2, 4))
    return """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%(title)s - The Monthly Review</title>
<meta property="og:title" content="%(title)s"><meta property="og:site_name" content="The Monthly Review"><meta name="byl" content="By %(author)s">
<meta property="article:published_time" content="%(iso)s"></head>
<body><div id="app"><div class="css-1mq3s9k" data-testid="masthead"><a href="#" class="css-1kj7lfb">The Monthly Review</a><div class="css-x3er1k"><a href="#">Politics</a><a href="#">Ideas</a><a href="#">Culture</a><a href="#">Books</a><a href="#">Podcasts</a><a href="#">Give a gift</a></div></div>
<div class="css-1vxc2sl"><section name="articleBody" class="meteredContent css-1r7ky0e">
<div class="css-kbghgg"><h1 data-testid="headline" class="css-ti4s5p">%(title)s</h1>
<p class="css-w6ymp8 e1wiw3jv0">A report from our correspondents.</p>
<div class="css-1baulvz"><p class="css-aknsld last-byline" itemprop="author">By <span class="css-1baulvz">%(author)s</span></p><time class="css-1sbuyqj">%(date)s</time></div></div>
%(body)s
<div class="css-1jpxb8n"><p class="css-tk4lv0">A version of this article appears in print, Section A, Page 4 of the New York edition.</p><p><a href="#">Order Reprints</a> | <a href="#">Today's Paper</a> | <a href="#">Subscribe</a></p></div>
</section>
<div class="css-mostread"><h2 class="css-1e9i1ct">Most Read</h2><ol>%(most)s</ol></div>
<div class="css-discuss"><h2>Readers' Comments</h2>%(comments)s</div></div>
<div class="css-foot"><div><a href="#">© 2024 The Monthly Review Company</a></div><div><a href="#">Accessibility</a> <a href="#">Work with us</a> <a href="#">Your Privacy Choices</a></div></div></div>
</body></html>
""" % {"title": esc(a["title"]), "date": esc(a["date"]), "iso": iso(a["date"]), "author": esc(author),
       "body": "\n".join(body),
       "most": "".join('<li><a href="#"><h3>%s</h3></a></li>' % esc(h) for h in related(rnd, 5, others)),
       "comments": "".join('<div class="css-comment"><div class="css-cauthor">%s</div><div class="css-ctext">%s</div><div class="css-crec">Recommend</div></div>' % (esc(n), esc(c)) for n, c, _ in com)}


def t_portal(a, rnd, others):
    body = []
    for k, t in a["items"]:
        if k == "caption":
            body.append('<center><img src="z.gif"><br><font size="1"><i>%s</i></font></center>' % esc(t))
        elif k == "heading":
            body.append("<b>%s</b><br><br>" % esc(t))
        else:
            body.append("%s<br><br>" % linkify(t, rnd, 25))
    links = related(rnd, 8, others)
    return """<HTML><HEAD><TITLE>NewsPortal Online :: %(title)s</TITLE></HEAD>
<BODY bgcolor="#ffffff"><TABLE width="100%%" border="0"><TR><TD colspan="3" bgcolor="#003366"><FONT color="white" size="5">NewsPortal Online</FONT> <FONT color="white">Your window on the world since 1998</FONT></TD></TR>
<TR><TD width="150" valign="top" bgcolor="#eeeeee"><B>Sections</B><BR><A href="#">Front Page</A><BR><A href="#">World News</A><BR><A href="#">Business</A><BR><A href="#">Technology</A><BR><A href="#">Entertainment</A><BR><A href="#">Weather</A><BR><BR><B>Services</B><BR><A href="#">Email Alerts</A><BR><A href="#">Archives</A><BR><A href="#">Site Map</A></TD>
<TD valign="top"><FONT face="Arial" size="2"><A href="#">Front Page</A> &gt; <A href="#">World News</A></FONT><BR>
<FONT face="Georgia" size="5"><B>%(title)s</B></FONT><BR><FONT size="2" color="gray">Posted: %(date)s | Source: Wire Reports</FONT><BR><BR>
<FONT face="Georgia" size="3">
%(body)s
</FONT>
<HR><FONT size="2"><A href="#">Printer-friendly version</A> | <A href="#">E-mail this story</A> | <A href="#">Discuss this story</A></FONT><BR><BR>
<B>Other stories in World News</B><BR>%(others)s</TD>
<TD width="160" valign="top"><B>Sponsored Links</B><BR><A href="#">Cheap flights to anywhere</A><BR><A href="#">Refinance your home today</A><BR><A href="#">Learn a language in 30 days</A><BR><BR><B>Poll</B><BR>Do you read the news every day?<BR><INPUT type="radio"> Yes<BR><INPUT type="radio"> No</TD></TR>
<TR><TD colspan="3" align="center"><FONT size="1">Copyright 1998-2024 NewsPortal Online. All rights reserved. | <A href="#">Terms</A> | <A href="#">Privacy</A> | <A href="#">Advertise</A></FONT></TD></TR></TABLE></BODY></HTML>
""" % {"title": esc(a["title"]), "date": esc(a["date"]), "body": "\n".join(body),
       "others": "".join('<A href="#">%s</A><BR>' % esc(l) for l in links)}


def t_teasers(a, rnd, others):
    author = rnd.choice(AUTHORS)
    body = []
    for k, t in a["items"]:
        if k == "caption":
            body.append('<div class="media"><img src="q.jpg"><p class="media-caption">%s</p></div>' % esc(t))
        elif k == "heading":
            body.append("<h3>%s</h3>" % esc(t))
        else:
            body.append("<p>%s</p>" % esc(t))
    teasers = rnd.sample(TEASER_TEXTS, 3)
    heads = related(rnd, 3, others)
    com = comments_for(rnd, rnd.randint(3, 5))
    return """<!DOCTYPE html><html><head><meta charset="utf-8"><title>%(title)s</title>
<meta property="og:title" content="%(title)s"><meta property="og:site_name" content="Northern Post"></head>
<body><div class="page">
<div class="masthead"><h2 class="site-name">Northern Post</h2><p class="tagline">Independent news for the north</p>
<div class="menu"><a href="#">News</a> <a href="#">Sport</a> <a href="#">What's on</a> <a href="#">Jobs</a> <a href="#">Property</a> <a href="#">Notices</a></div></div>
<div class="main-column">
<div class="post-content">
<h1>%(title)s</h1>
<p class="post-info">%(date)s · %(author)s · 4 min read</p>
%(body)s
<p class="post-tags">Tags: world, %(name)s</p>
</div>
<div class="more-news"><h2>More news</h2>
<div class="teaser"><h3><a href="#">%(h0)s</a></h3><p>%(t0)s</p></div>
<div class="teaser"><h3><a href="#">%(h1)s</a></h3><p>%(t1)s</p></div>
<div class="teaser"><h3><a href="#">%(h2)s</a></h3><p>%(t2)s</p></div></div>
<div class="discussion"><h2>Discussion</h2>%(comments)s<p><a href="#">Leave a comment</a></p></div>
</div>
<div class="bottom"><p>Northern Post is published by Northern Media Group. Registered in England No. 123456.</p><p><a href="#">Contact</a> · <a href="#">Corrections</a> · <a href="#">Cookie settings</a></p></div>
</div></body></html>
""" % {"title": esc(a["title"]), "date": esc(a["date"]), "author": esc(author), "name": a["name"],
       "body": "\n".join(body), "h0": esc(heads[0]), "h1": esc(heads[1]), "h2": esc(heads[2]),
       "t0": esc(teasers[0]), "t1": esc(teasers[1]), "t2": esc(teasers[2]),
       "comments": "".join('<div class="msg"><p><b>%s</b> says:</p><p>%s</p></div>' % (esc(n), esc(c)) for n, c, _ in com)}


TEMPLATES = {"wiki": t_wiki, "news": t_news, "blog": t_blog, "amp": t_amp, "divsoup": t_divsoup,
             "magazine": t_magazine, "portal": t_portal, "teasers": t_teasers}

# ---------------------------------------------------------------- dumps

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article",
          "header", "footer", "nav", "aside", "blockquote", "figure", "figcaption", "form", "main", "address",
          "center", "time", "hr", "dt", "dd"}


def copy_dump(page):
    """What a browser's select-all and copy gives, roughly: one line per block, inline text joined,
    a blank line after paragraphs and headings."""
    from html.parser import HTMLParser

    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.out, self.cur, self.skip = [], [], 0

        def flush(self, blank=False):
            t = " ".join("".join(self.cur).split())
            if t:
                self.out.append(t)
                if blank:
                    self.out.append("")
            self.cur = []

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style", "head", "title", "button", "amp-sidebar"):
                self.skip += 1
            elif tag == "br":
                self.flush()
            elif tag in BLOCKS:
                self.flush()

        def handle_endtag(self, tag):
            if tag in ("script", "style", "head", "title", "button", "amp-sidebar"):
                self.skip = max(0, self.skip - 1)
            elif tag in BLOCKS:
                self.flush(blank=tag in ("p", "h1", "h2", "h3", "blockquote"))

        def handle_data(self, data):
            if not self.skip:
                self.cur.append(data)

    p = P()
    p.feed(page)
    p.flush()
    text = "\n".join(p.out)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def dump(page, style, path):
    if style == "lynx":
        return subprocess.run(["lynx", "-dump", "-nolist", "-width=1024", "-display_charset=utf-8", "-assume_charset=utf-8", path],
                              capture_output=True, text=True, check=True).stdout
    if style == "lynx80":
        return subprocess.run(["lynx", "-dump", "-nolist", "-display_charset=utf-8", "-assume_charset=utf-8", path],
                              capture_output=True, text=True, check=True).stdout
    if style == "w3m":
        return subprocess.run(["w3m", "-dump", "-cols", "1000", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", path],
                              capture_output=True, text=True, check=True).stdout
    return copy_dump(page)


STYLES = ["lynx", "copy", "w3m", "lynx80"]


def main():
    arts = sorted(os.listdir(GUM))
    arts = [read_article(os.path.join(GUM, f)) for f in arts if f.endswith(".txt")]
    manifest = ["split\ttemplate\tarticle\tdump"]
    for ti, (tname, fn) in enumerate(TEMPLATES.items()):
        split = "dev" if tname in DEV else "heldout"
        d = os.path.join(HERE, split, tname)
        os.makedirs(d, exist_ok=True)
        for ai, a in enumerate(arts):
            rnd = random.Random("%s/%s" % (tname, a["name"]))
            others = [b["title"] for b in arts if b is not a]
            page = fn(a, rnd, others)
            page = page.replace("</body>", big_footer(rnd) + "\n</body>").replace("</BODY>", big_footer(rnd) + "\n</BODY>")
            base = os.path.join(d, a["name"])
            with open(base + ".html", "w", encoding="utf-8") as f:
                f.write(page)
            style = STYLES[(ai + ti) % len(STYLES)]
            with open(base + ".txt", "w", encoding="utf-8") as f:
                f.write(dump(page, style, base + ".html"))
            with open(base + ".body.txt", "w", encoding="utf-8") as f:
                f.write(gold_body(a))
            manifest.append("\t".join([split, tname, a["name"], style]))
    with open(os.path.join(HERE, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    print("built %d pages" % (len(arts) * len(TEMPLATES)), file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Attribution gold for GUM news articles, written by hand while reading each article.
Run `python3 annotations.py` to regenerate the *.quotes.jsonl files next to it.

Q: a quotation (text between the marks), its speaker (canonical name or descriptive phrase),
   the cue it rests on (None for turns) and its type (direct / partial).
S: a scare quote or a quoted title or term (speaker null).
C: a claim (reported speech without marks). As in the worked example's gold, the span covers
   the reporting clause: speaker, cue and reported content, so that the cue lies inside it.
`after` disambiguates repeated text: the span is searched for after the first occurrence of it."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
MARKS = "\"'“”‘’«»„"
A = {}

def add(doc, rec):
    A.setdefault(doc, []).append(rec)

def Q(doc, text, speaker, cue, type="direct", after=None):
    add(doc, dict(kind="quote", type=type, text=text, speaker=speaker, cue=cue, after=after))

def S(doc, text, after=None):
    add(doc, dict(kind="quote", type="scare", text=text, speaker=None, cue=None, after=after))

def C(doc, text, speaker, cue, after=None):
    add(doc, dict(kind="claim", text=text, speaker=speaker, cue=cue, after=after))

# --- asylum
d = "GUM_news_asylum"
C(d, "Major general Fuad Basya, spokesman for the Indonesian military, said fisherman first noticed the people and a warship was deployed to retrieve them", "Fuad Basya", "said")
C(d, "According to ABC News", "ABC News", "According to")
C(d, "Basya also believes the asylum seekers found in the water may have left the boat on purpose to be rescued to avoid being sent away from Indonesia waters", "Fuad Basya", "believes")
C(d, "according to AFP, the Untied Nations and United States have both criticised", "AFP", "according to")
Q(d, "We are in contact with all relevant parties, with whom we share the desire to find a solution to this crisis", "Najib Razak", "said")
C(d, "The US State Department said John Kerry, the Secretary of State, contacted Thailand's foreign minister over temporary housing for the Rohingya out at sea", "US State Department", "said")
Q(d, "We urge the governments of the region to work together quickly, first and foremost, to save the lives of migrants now at sea who are in need of an immediate rescue effort", "Jeff Rathke", "said")

# --- clock
d = "GUM_news_clock"
C(d, "The Deseret News observed that the hashtag on Twitter, #IStandWithAhmed, had become an international phenomenon", "Deseret News", "observed")
C(d, "The Straits Times noted what began as individual messages to Mohamed had grown into a \"support movement\"", "Straits Times", "noted")
Q(d, "support movement", "Straits Times", "noted", "partial")
Q(d, "Hoping that the #istandwithahmed movement translates into a substantive national conversation on race, punishment, and incarceration.", "Marc Lamont Hill", "commented")
C(d, "His father Mohamed El-Hassan Mohamed said he was taking his entire family to the U.N. headquarters in New York, because international dignitaries wanted to meet with his son and express their support", "Mohamed El-Hassan Mohamed", "said")
C(d, "Jafari said she felt Mohamed had been subject to Islamophobia and her hashtag created greater awareness about this issue", "Amneh Jafari", "said")
Q(d, "Cool clock, Ahmed. Want to bring it to the White House? We should inspire more kids like you to like science. It's what makes America great.", "Barack Obama", "tweeted")
C(d, "Mark Zuckerberg tweeted to Mohamed and said the boy was welcome to come and tour the company", "Mark Zuckerberg", "said")
C(d, "Alia Salem said Mohamed wishes to use his newfound fame and attention to spotlight social causes including the treatment of Muslims in the United States", "Alia Salem", "said")
C(d, "Sehar Memon said the large amount of positive feedback for Mohamed had helped make his situation much better", "Sehar Memon", "said")
C(d, "Memon also said she believed the social movement in reaction to Mohamed helped improve Muslim / non-Muslim", "Sehar Memon", "said")
C(d, "Both the Irving Independent School District and the Irving Police Department have asserted that the boy's religion and name were not a factor in the manner in which they approached the situation", "Irving Independent School District and the Irving Police Department", "asserted")

# --- crane
d = "GUM_news_crane"
C(d, "A storm yesterday caused a crane to fall into Mecca's Grand Mosque, killing 107 or more and wounding 238, according to Saudi Arabia's Civil Defense Authority", "Civil Defense Authority", "according to")
Q(d, "All those who were wounded and the dead have been taken to hospital. There are no casualties left at the location.", "Suleiman al-Amr", "said")
Q(d, "Had it happened an hour later it would have been much worse,", "Khaled Al-Maeena", "said")
Q(d, "Had it happened five hours earlier or four hours earlier, I think the death toll would have been more than a thousand.", "Khaled Al-Maeena", None)

# --- flag
d = "GUM_news_flag"
C(d, "According to the New Zealand Herald", "New Zealand Herald", "According to")
C(d, "Emeritus Professor John Burrows, the chairman of the project's panel of twelve, said New Zealand's flag has never before been open to public choice", "John Burrows", "said")
C(d, "Professor Burrows also said resources and kits would be accessible for schools and communities", "John Burrows", "said")
Q(d, " For example, schools can run their own flag discussions and referendums to mirror the formal process as part of their own learning exercise", "John Burrows", "said")
C(d, "John Key said he believes redesigning the flag now has a \"strong rationale\"", "John Key", "said")
Q(d, "strong rationale", "John Key", "said", "partial")
Q(d, "In the end I'll have one vote in each referendum just like every other New Zealander on the electoral roll", "John Key", "said")

# --- hackers
d = "GUM_news_hackers"
C(d, "according to an Internet posting made just over 24 hours ago, the Church of Scientology's website is being attacked by hackers, causing the site to shut down", "an Internet posting", "according to")
S(d, "Anonymous")
S(d, "Insurgency Wiki")
S(d, "History")
C(d, "section of the site explains, in a satirical fashion, that the incident was prompted by the Church of Scientology's attempts to remove a promotional video featuring Scientologist Tom Cruise from YouTube", "the History section of the site", "explains")
C(d, "other sites such as Gawker.com have stated that they will keep hosting the video", "Gawker.com", "stated")
Q(d, "So far, it's the Internet: 1, Scientology: 0. But it's a long game.", "Matthew Ingram", None)
Q(d, "Scientology vs. the Internet, part XVII", "Matthew Ingram", "dubbed")
Q(d, "another small skirmish in a war that Scientology has been waging for almost 15 years, since the early days of newsgroups such as alt.religion.scientology, which posted internal church documents in 1994. Lawsuits have been filed, mailing lists have been shut down, homes of discussion group participants have been raided and their computers seized -- an all-out war.", "Matthew Ingram", "characterized", "partial")
Q(d, "Prompted I think by the Tom Cruise video, a new obsession is taking hold on the internet. An insurgency against The Church of Scientology.", "anonymous blogger", None)
S(d, "Anon declares war on Church of Scientology")
Q(d, "I have myself, as per instructions, loaded up Gigaloader and started bombarding the Scientology homepage. Theres [sic] something in the hilarious anarchy of the net that produces these 'events' every now and again.", "one poster", "writing")
C(d, "The poster wrote that \"Prompted", "one poster", "wrote")
Q(d, "Prompted I think by the Tom Cruise video, a new obsession is taking hold on the internet. An insurgency against The Church of Scientology.", "one poster", "wrote", after="The poster wrote")
Q(d, "Someone emailed me earlier today talking about a tool a group’s been using to attack the scientology website. It’s an interesting tool, created to overload/create malformed strings and crash a website’s database,", "the post by an unknown author", "said")
C(d, "Some individuals reported that when they are able to reach the site, all they get is a message stating", "Some individuals", "reported")
Q(d, "The word scientology means search for truth ...", "a message", "stating")
C(d, "Posts on the message board for the Scientology-critic site Operation Clambake from Friday theorized that a denial-of-service attack had occurred", "posts on the message board", "theorized")
C(d, "wrote that as of Friday the Scientology.org site was either not loading at all, or loading very slowly", "posts on the message board", "wrote")
Q(d, "How can people look at both sides if one side is gone?", "one poster", "writing")

# --- korea
d = "GUM_news_korea"
S(d, "quasi-state of war")
C(d, "According to Yonhap news agency, quoting North Korea's main news agency Korean Central News Agency (KCNA), the country's military has been placed on high alert and has been told to prepare", "Yonhap news agency", "According to")
Q(d, "quasi-state of war", "Korean Central News Agency", "quoting", "partial", after="prepare a")
Q(d, "War maniacs of the South Korean puppet military made another grave provocation to the DPRK in the central western sector of the front on Thursday afternoon. They perpetrated such reckless action as firing 36 shells at KPA civil police posts under the absurd pretext that the KPA fired one shell at the south side. Six shells of them hit the area near KPA civil police posts 542 and 543 and other 15 shells fell near KPA civil police posts 250 and 251", "Korean Central News Agency", "said")
Q(d, "Foolhardy provocation deserves harsh punishment", "Korean Central News Agency", "added")
Q(d, "Kim Jong-un issued an order of the supreme commander of the Korean People's Army [KPA] that the front-line large combined units of the KPA should enter a wartime state to be fully battle ready to launch surprise operations", "Korean Central News Agency", "added")
Q(d, "Commanders of the Korean People's Army were hastily dispatched to the front-line troops to command military operations to destroy psychological warfare tools if the enemy does not stop the propaganda broadcast within 48 hours and prepare against the enemy's possible counteractions", "Korean Central News Agency", "added")
C(d, "South Korea says the broadcasts will continue", "South Korea", "says")
C(d, "North Korea stated it would attack any loudspeakers broadcasting propaganda and would respond, militarily, within 48 hours if the broadcasts do not stop", "North Korea", "stated")

# --- soccer
d = "GUM_news_soccer"
Q(d, "I think we have learned a lot from today's game.\n\nIt was a very emotional day. This is the fifth time I've been at a World Cup but it felt like the first. The team was still very emotional at the start of the match but as time went by, they were able to focus better.", "Hernan Dario Gomez", "said")
Q(d, "In the first half it felt good out there.\n\nWe could've scored two or three goals in the first half and put the game to bed early.", "Harry Kane", "said")
Q(d, "We were playing against a highly-skilled and highly co-ordinated team in terms of their forward players.\n\nIf we were to get a draw it would have been an excellent result for us. But hopefully this will lead to higher levels of concentration in the coming games.", "Nabil Maaloul", "said")

# --- taxes
d = "GUM_news_taxes"
Q(d, "because the users of the private schools pay a frequency fee, this kind of activity is considered as a commercial one", "Municipality of Livorno", "reasoned", "partial")
C(d, "Stefania Giannini said a \"more general reflection\" ((it)) is needed", "Stefania Giannini", "said")
Q(d, "more general reflection", "Stefania Giannini", "said", "partial")
Q(d, "a discussion table will be opened with the non-profit associations, religious association included", "Claudio De Vincenti", "said", "partial")
Q(d, "many schools will increase their fees or they will quit. Then the State will have to find new resources to build new structures and manage them", "Toccafondi", "says", "partial")
Q(d, "dangerous", "Nunzio Galantino", "called", "partial")
Q(d, "ideological", "Nunzio Galantino", "called", "partial")
Q(d, "We face a dangerous sentence. Who takes the decisions, do it with less ideology. Because I have the clear sensation that with this way of thinking, they wait the praise of some ideologized supporters. Indeed, they don't understand what kind of good service private schools held", "Nunzio Galantino", None)

# --- warhol
d = "GUM_news_warhol"
C(d, "The Polaroids were all donated by the Andy Warhol Photographic Legacy Program, according to Kristen Wilkins", "Kristen Wilkins", "according to")
S(d, "Andy Warhol: Photographs and Prints from the University Collection")
C(d, "Wilkins observed that the 2007 starting date of the donation program, which is part of the Andy Warhol Foundation for the Visual Arts, coincided with the 20th anniversary of Andy Warhol's death in 1987", "Kristen Wilkins", "observed")
C(d, "K.C. Maurer, chief financial officer and treasurer at the Andy Warhol Foundation, said 500 institutions received the initial invitation and currently 190 universities have accepted one or more donations", "K.C. Maurer", "said")
C(d, "Institutional recipients, said Mauer, are required to exhibit their donated Warhol photographs every ten years as one stipulation", "K.C. Maurer", "said")
C(d, "the Weatherspoon Art Museum at the University of North Carolina at Greensboro saw attendance levels reach 11,000 visitors when it exhibited its Warhol collection in 2010, according to curator Elaine Gustafon", "Elaine Gustafon", "according to")
Q(d, "I think America's obsession with celebrity culture is as strong today as it was when Warhol was living", "Elaine Gustafon", "said")
Q(d, "People are still intrigued by how stars live, dress and socialize, since it is so different from most people's every day lives.", "Elaine Gustafon", None)
C(d, "Wilkins explained Warhol's obsession with celebrities began when he first collected head shots as a kid and continued as a passion throughout his life", "Kristen Wilkins", "explained")
Q(d, "He's hanging out with the celebrities, and has kind of become the same sort of celebrity he was interested in documenting earlier in his career", "Kristen Wilkins", "said")
C(d, "Wikinews observed the USI exhibit identifies and features Polaroids of fashion designer Halston, a former resident of Evansville", "Wikinews", "observed")
S(d, "unknowns")
Q(d, "These images serve as documentation of people in his every day life and art - one which many of us enjoy a glimpse into.", "Cynthia Thompson", "said")
Q(d, "Pop art was about what popular American culture really thought was important", "Kathryn Waters", "said")
Q(d, "That's why he did the Campbell Soup cans or the Marilyn pictures, these iconic products of American culture whether they be in film, video or actually products we consumed. So even back in the sixties, he was very aware of this part of our culture. Which as we all know in 2014, has only increased probably a thousand fold.", "Kathryn Waters", None)
Q(d, "I think everybody knows Andy Warhol's name, even non-art people, that's a name they might know because he was such a personality", "Kathryn Waters", "said")
Q(d, "I think his photography is equally influential as his graphic works, his more famous pictures of Marilyn. In terms of the evolution of photography and experimentation, like painting on them or the celebrity fascination, I think he was really ground-breaking in that regard.", "Hilary Braysmith", "said")
Q(d, " [Warhol] liked the way photo booths and the Polaroid's front flash looked", "Kristen Wilkins", "said")
C(d, "According to Wilkins, Warhol was able to reproduce the Polaroid photograph and create an enlargement of it, which he then could use to commit the image to the silk screen medium by applying paint or manipulating them further", "Kristen Wilkins", "According to")
S(d, "Cowboys and Indians")
C(d, "Wilkins also said Warhol was both an artist and a businessperson", "Kristen Wilkins", "said")
Q(d, "As a way to commercialize his work, he would make a blue Marilyn and a pink Marilyn and a yellow Marilyn, and then you could pick your favorite color and buy that. It was a very practical salesman approach to his work. He was very prolific but very business minded about that.", "Kristen Wilkins", None)
Q(d, "He wanted to be rich and famous and he made lots of choices to go that way", "Kristen Wilkins", "said")
C(d, "Kiara Perkins, a second year USI art major, admitted she was willing to skip class Thursday night to attend the opening exhibit but then circumstances allowed for her to attend the exhibit", "Kiara Perkins", "admitted")
Q(d, "It's Warhol. He is a legend.", "Kiara Perkins", None)
Q(d, "Andy Warhol was the center of the Zeitgeist for the 20th century and everything since. He is a post-modern diety.", "Kevin Allton", "said")
C(d, "Allton said he had only seen the Silver Clouds installation before in film", "Kevin Allton", "said")
Q(d, "I thought that in real life it was really kind of magical,", "Kevin Allton", "said")
Q(d, "I smacked them around.", "Kevin Allton", None)
S(d, "electric")
S(d, "pills")
C(d, "The big hit of the evening, Wikinews observed from the long line, was the Polaroid-room where attendees could wear a Warhol-like wig or don crazy glasses and have their own Polaroid taken", "Wikinews", "observed")

# --- warming
d = "GUM_news_warming"
Q(d, "The climate projections are quite consistent [...] the future of ozone pollution is very different [...] leading to either offsetting or reinforcing effects [of climate change] on crops", "Colette Heald", "told")
C(d, "Heald said although temperature and ozone are separately known to impact crop yields, \"nobody has looked at these together\"", "Colette Heald", "said")
Q(d, "nobody has looked at these together", "Colette Heald", "said", "partial")
Q(d, "Ground-level ozone causes more damage to plants than all other air pollutants combined", "U.S. Department of Agriculture", "notes")
C(d, "The U.S. Environmental Protection Agency says some crops may have higher yields with increased levels of carbon dioxide", "U.S. Environmental Protection Agency", "says")
C(d, "Heald noted the findings show pollution reduction is also important", "Colette Heald", "noted")
Q(d, "An air-quality cleanup would improve crop yields [...] Ozone is something that we understand the causes of, and the steps that need to be taken to improve air quality.", "Colette Heald", None)
C(d, "As Heald told The Huffington Post, US surface ozone has dropped partly due to the Clean Air Act", "Colette Heald", "told")
Q(d, "Despite an increase in vehicle miles driven and energy consumption, surface ozone has declined by 25 percent on average across the U.S. from 1980 to 2012 [...] However, the future of ozone air quality in the U.S. and around the world will depend on local emissions, the use of pollution control technology, regulations, and air quality policy.", "Colette Heald", None)

# --- questionnaire
d = "GUM_news_questionnaire"
S(d, "streamlined")
S(d, "legacy backlog")
S(d, "streamline", after="step to ")
Q(d, "must be completed in English", "the document", None, "partial")
Q(d, "online translation tools", "the government", "recommending", "partial")
Q(d, "failure to return the questionnaire without reasonable explanation may result in an individual's asylum claim being withdrawn in line with the published policy", "a leaked internal letter", "says", "partial")
C(d, "Officials tell BBC News every claim will be assessed meritocratically", "officials", "tell")
C(d, "the i reporting no one will be refused \"based solely on the response of the questionnaire\"", "the i", "reporting")
Q(d, "based solely on the response of the questionnaire", "the i", "reporting", "partial")
C(d, "Yvette Cooper said her party has supported the idea \"for months\"", "Yvette Cooper", "said")
Q(d, "for months", "Yvette Cooper", "said", "partial")
C(d, "said it was \"damning that the Home Office isn't doing this already [...] including for safe countries like Albania\" after the United Nations High Commissioner for Refugees \"recommended it two years ago.\"", "Yvette Cooper", "said", after="for months")
Q(d, "damning that the Home Office isn't doing this already [...] including for safe countries like Albania", "Yvette Cooper", "said", "partial")
Q(d, "recommended it two years ago.", "Yvette Cooper", "said", "partial")
Q(d, "Labour has a common-sense plan to fast-track cases, get return agreements in place so unsuccessful claims can be quickly and safely returned, and take much stronger action against the criminal gangs driving dangerous small boat crossings.", "Yvette Cooper", "continued")
Q(d, "we may extend the use of the questionnaire as a means to gather additional information from other claimants awaiting an asylum decision in due course", "the Home Office letter", "reads", "partial")
Q(d, "It's clear that we have an unsustainable situation in towns and cities around our country [...] because of the overwhelming numbers of people arriving here illegally and our legal duties to accommodate them", "Suella Braverman", "told")
C(d, "media have said the questionnaires attract criticism both for making it easier for some asylum seekers to obtain the right to live and work in the UK, and for presenting a burden on those who may not speak English or have access to help or legal counsel", "media", "said")
Q(d, "Were you subject to human trafficking (the recruitment, transportation, transfer, harbouring or receipt of people through force, fraud or deception, with the aim of exploiting them for profit) or modern slavery (severe exploitation of other people for personal or commercial gain) during your journey to or after you arrived in the UK?", "The Guardian", "cited")
Q(d, "People fleeing desperate circumstances clearly need this government to make quicker and fairer asylum decisions, but this latest move from government is clumsy, unthinking and could put people’s safety at risk.\n\n\"No one’s right to refuge should be jeopardised because they weren't able to fill in an unwieldy form in a language they don’t speak.", "Caitlin Boswell", "stating")
C(d, "Enver Solomon told Sky News any process \"must be well thought out\"", "Enver Solomon", "told")
Q(d, "must be well thought out", "Enver Solomon", "told", "partial")
Q(d, "Moves to reduce the backlog are welcome but the answer is not yet more bureaucratic hurdles and threats of applications being withdrawn.\n\n\"After living in worry and uncertainty for months and even years without hearing anything about their claims, it cannot then be fair or reasonable to expect people to complete a lengthy form only in English in a matter of weeks especially for those who don't have access to legal advice and don't speak English.", "Enver Solomon", "told")
Q(d, "formal update", "Rishi Sunak", "promising", "partial")
Q(d, "The Home Secretary and I are working intensely and as quickly as possible to bring forward that legislation [...] in the meantime our deals with Albania and France are already yielding benefits [...] we want a system whereby if someone arrives in our country illegally they will not be able to stay.", "Rishi Sunak", None)


def main():
    for doc, recs in A.items():
        text = open(os.path.join(HERE, doc + ".txt"), encoding="utf-8").read()
        out = []
        for r in recs:
            base = 0
            if r["after"]:
                base = text.index(r["after"]) + len(r["after"])
            start = text.find(r["text"], base)
            if r["kind"] == "quote":
                while start >= 0 and start > 0 and text[start - 1] not in MARKS and not text[start - 1].isspace() and text[start - 1] != ',':
                    start = text.find(r["text"], start + 1)
            if start < 0:
                raise SystemExit(f"{doc}: not found: {r['text'][:60]!r}")
            end = start + len(r["text"])
            # Quote spans hold no surrounding space.
            while text[start].isspace(): start += 1
            while text[end - 1].isspace(): end -= 1
            zone = "title" if "\n" not in text[:start] else "body"
            rec = {"doc": doc, "kind": r["kind"]}
            if r["kind"] == "quote": rec["type"] = r["type"]
            rec.update({"text": text[start:end], "start": start, "end": end, "zone": zone, "speaker": r["speaker"]})
            if r["cue"]: rec["cue"] = r["cue"]
            out.append(rec)
        out.sort(key=lambda r: (r["start"], r["end"]))
        with open(os.path.join(HERE, doc + ".quotes.jsonl"), "w", encoding="utf-8") as f:
            for rec in out:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(doc, len(out))

if __name__ == "__main__":
    main()

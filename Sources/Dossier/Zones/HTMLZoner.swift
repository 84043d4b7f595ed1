/// Zones of an HTML page from its DOM blocks: the main-content container by text and link density
/// and class/id hints (as Readability does), then within it the body paragraphs without captions,
/// bylines, datelines, pull quotes and widgets; comment sections as `Comment` records with their
/// authors when the markup names them; captions and bylines from markup. The result is the same
/// zone model as for plain text.
extension ZoneDetector {
    /// What a block's enclosing labels say about it.
    struct Hints: OptionSet {
        let rawValue: UInt16
        static let negative = Hints(rawValue: 1)
        static let positive = Hints(rawValue: 2)
        static let comment = Hints(rawValue: 4)
        static let caption = Hints(rawValue: 8)
        static let byline = Hints(rawValue: 16)
        static let headline = Hints(rawValue: 32)
        static let meta = Hints(rawValue: 64)
        static let articleTag = Hints(rawValue: 128)
        static let commentForm = Hints(rawValue: 256)
        static let author = Hints(rawValue: 512)
    }

    /// Class and id words, from `zone_hints.txt`-like lists kept short and general.
    static let negativeWords: Set<String> = ["nav", "navbar", "navigation", "menu", "footer", "share", "sharing", "social", "related",
        "sidebar", "widget", "breadcrumb", "breadcrumbs", "cookie", "cookies", "subscribe", "subscription", "newsletter", "signup",
        "promo", "ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "banner", "masthead", "popular", "trending",
        "mostread", "recommended", "recommendations", "teaser", "teasers", "more", "tags", "tag", "toolbar", "pagination",
        "pager", "jump", "skip", "catlinks", "infobox", "outbrain", "taboola", "paywall", "modal", "popup", "hidden", "print",
        "noprint", "reprints", "secondary", "links", "tools", "topics", "licence", "license", "copyright", "colophon",
        "sitesub", "sitenotice", "hdr", "ftr", "inline-promo", "disclaimer", "ad-slot", "ad-container", "ad-label", "ad-box",
        "post-navigation", "nav-links", "sharedaddy", "relatedposts", "jp-relatedposts", "screen-reader-text", "contentsub",
        "portal", "mw-panel", "mw-head", "mw-navigation", "editsection", "mw-editsection", "box", "mostpopular", "top-bar",
        "header", "site-header", "global-footer", "bottom", "more-news", "story-share", "story-footer", "post-tags",
        "amp-tags", "kicker", "rating", "poll", "login", "search", "author-bio", "bio"]
    static let negativeParts = ["advert", "sidebar", "newsletter", "breadcrumb", "footer", "sponsor", "subscribe", "recommend",
        "trending", "popular", "widget", "cookie", "mostread", "most-read", "related", "promo", "share", "social", "navig", "menu"]
    static let positiveParts = ["article", "content", "story", "post", "entry", "main", "text", "body", "blog", "news"]
    static let commentParts = ["comment", "discuss", "disqus", "respond", "replies", "reactions", "msg", "thread"]
    static let captionParts = ["caption", "credit", "img-cap", "media-cap", "figcaption", "thumbcaption", "wp-caption"]
    static let bylineParts = ["byline", "byl", "rel-author", "itemprop-author", "dateline", "posted-on", "author", "contributor"]
    static let metaParts = ["meta", "date", "time", "published", "posted", "info", "timestamp", "updated", "reading-time"]
    static let headlineParts = ["headline", "title", "heading"]
    static let commentFormParts = ["respond", "form", "policy", "reply-title", "comments-title", "comment-notes"]
    static let authorParts = ["author", "fn", "user", "name", "nick", "cite", "commenter", "cauthor"]
    /// "-author", …: a label word ending with an author part.
    static let authorSuffixes = authorParts.map { "-" + $0 }
    /// "author-", …: a label word starting with one.
    static let authorPrefixes = authorParts.map { $0 + "-" }

    static func hints(ofLabel label: String) -> Hints {
        var h: Hints = []
        let tagEnd = label.firstIndex(where: { $0 == "#" || $0 == "." || $0 == "[" }) ?? label.endIndex
        let tag = label[..<tagEnd]
        if tag == "body" || tag == "html" { return h }
        switch tag {
        case "nav", "footer", "aside", "form", "menu": h.insert(.negative)
        case "article", "main": h.insert(.articleTag); h.insert(.positive)
        case "figcaption", "caption": h.insert(.caption)
        case "address": h.insert(.byline)
        case "h1": h.insert(.headline)
        case "time": h.insert(.meta)
        default: break
        }
        let rest = LabelText(label[tagEnd...])
        guard !rest.text.isEmpty else { return h }
        if rest.contains("[navigation]") || rest.contains("[banner]") || rest.contains("[contentinfo]") || rest.contains("[complementary]") || rest.contains("[search]") { h.insert(.negative) }
        if rest.contains("[main]") || rest.contains("[article]") { h.insert(.positive) }
        let words = rest.text.split(whereSeparator: { $0 == "." || $0 == "#" || $0 == "[" || $0 == "]" })
        for w in words {
            let word = String(w)
            let text = LabelText(w)
            if negativeWords.contains(word) || word.split(whereSeparator: { $0 == "-" || $0 == "_" }).contains(where: { negativeWords.contains(String($0)) && $0.count > 2 && $0 != "more" && $0 != "box" && $0 != "bio" }) {
                h.insert(.negative)
            }
            if negativeParts.contains(where: text.contains) { h.insert(.negative) }
            if positiveParts.contains(where: text.contains) { h.insert(.positive) }
            if commentParts.contains(where: text.contains) { h.insert(.comment) }
            if captionParts.contains(where: text.contains) { h.insert(.caption) }
            if bylineParts.contains(where: text.contains) { h.insert(.byline) }
            if metaParts.contains(where: text.contains) { h.insert(.meta) }
            if headlineParts.contains(where: text.contains) { h.insert(.headline) }
            if commentFormParts.contains(where: text.contains) { h.insert(.commentForm) }
            if text.contains("author") || authorParts.indices.contains(where: {
                word == authorParts[$0] || word.hasSuffix(authorSuffixes[$0]) || word.hasPrefix(authorPrefixes[$0])
            }) { h.insert(.author) }
        }
        return h
    }

    /// Part of a class or id label with a quick substring test: `String.contains` compares
    /// characters, costly for the thousands of labels of a page; ASCII labels (nearly all, and
    /// where a byte is a character) are searched as bytes.
    struct LabelText {
        let text: Substring
        /// The bytes, when all ASCII and free of "\r" (which joins "\r\n" into one character).
        let ascii: [UInt8]?

        init(_ text: Substring) {
            self.text = text
            let bytes = Array(text.utf8)
            ascii = bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? bytes : nil
        }

        func contains(_ part: String) -> Bool {
            guard let ascii else { return text.contains(part) }
            let needle = Array(part.utf8)
            return needle.isEmpty || ascii.containsRun(needle)
        }
    }

    struct NodeStats {
        var depth = 0
        var parent: Int32 = -1
        var label = ""
        var score = 0.0
        var chars = 0
        var linkChars = 0
    }

    /// Zones of an HTML page, or nil when no content container stands out (then the text rules decide).
    func detectHTML(_ document: Document, blocks: [HTMLBlock]) -> (ZoneMap, DocumentMetadata)? {
        let units = document.utf16
        var metadata = document.metadata
        let lines = blocks.map { Line(start: $0.start, end: $0.end, units: units, features: features, afterBlank: true) }
        var cache: [String: Hints] = [:]
        func hints(_ label: String) -> Hints {
            if let h = cache[label] { return h }
            let h = Self.hints(ofLabel: label)
            cache[label] = h
            return h
        }
        // Per block: the union of its labels' hints, and per node: text, links and content score.
        var blockHints: [[Hints]] = []
        blockHints.reserveCapacity(blocks.count)
        var nodes: [Int32: NodeStats] = [:]
        for (i, b) in blocks.enumerated() {
            let hs = b.path.map(hints)
            blockHints.append(hs)
            guard b.ancestors.count == b.path.count else { return nil }
            let chars = b.end - b.start
            for (d, id) in b.ancestors.enumerated() {
                var n = nodes[id] ?? NodeStats(depth: d, parent: d > 0 ? b.ancestors[d - 1] : -1, label: b.path[d])
                n.chars += chars
                n.linkChars += b.linkCharacters
                nodes[id] = n
            }
            let all = hs.reduce(Hints()) { $0.union($1) }
            let line = lines[i]
            guard chars >= 25, !all.contains(.negative), !all.contains(.comment), !all.contains(.caption), !line.isChrome,
                  b.linkCharacters * 2 < chars else { continue }
            let prose = isProse(line)
            var commas = 0
            for k in b.start..<b.end where units[k] == 0x2C { commas += 1 }
            let contentScore = (1 + Double(commas) + min(Double(chars) / 100, 3)) * (prose ? 1 : 0.3)
            let own = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "figcaption"].contains(b.tag)
            let top = b.ancestors.count - (own ? 2 : 1)
            var level = 0
            var d = top
            while d >= 0, level < 3 {
                let id = b.ancestors[d]
                nodes[id]!.score += contentScore / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3)
                level += 1
                d -= 1
            }
        }
        // The best container.
        var best: (id: Int32, score: Double)? = nil
        for (id, n) in nodes where n.score > 0 {
            let h = hints(n.label)
            var s = n.score * (1 - Double(n.linkChars) / Double(max(1, n.chars)))
            if h.contains(.positive) { s += 10 }
            if h.contains(.articleTag) { s += 5 }
            if h.contains(.negative) { s -= 25 }
            if h.contains(.comment) { s -= 50 }
            if best == nil || s > best!.score || (s == best!.score && id < best!.id) { best = (id, s) }
        }
        guard let top = best, top.score >= 8, let topNode = nodes[top.id] else { return nil }
        // Siblings of the container that hold prose count too (an article split around a widget).
        var containers: Set<Int32> = [top.id]
        for (id, n) in nodes where n.parent == topNode.parent && n.depth == topNode.depth && id != top.id {
            let h = hints(n.label)
            if n.score >= max(10, top.score * 0.2), !h.contains(.negative), !h.contains(.comment) { containers.insert(id) }
        }
        let d = topNode.depth
        // Body candidates.
        var role = [ZoneType?](repeating: nil, count: blocks.count)
        var inBody = [Bool](repeating: false, count: blocks.count)
        var titleCandidates: [Int] = []
        for (i, b) in blocks.enumerated() {
            let hs = blockHints[i]
            let all = hs.reduce(Hints()) { $0.union($1) }
            if all.contains(.caption) || (lines[i].isCaption && b.tag != "p" && lines[i].words <= 30) { role[i] = .caption }
            if all.contains(.headline) || b.tag == "h1" { titleCandidates.append(i) }
            guard b.ancestors.count > d, containers.contains(b.ancestors[d]) else { continue }
            let below = hs[(d + 1)...].reduce(Hints()) { $0.union($1) }.union(hs[d].intersection([.caption]))
            if below.contains(.negative) || below.contains(.comment) || below.contains(.caption) { continue }
            if b.tag == "h1" || below.contains(.headline) && lines[i].words <= 25 && !isProse(lines[i]) { continue }
            if (below.contains(.byline) || below.contains(.meta)) && lines[i].words <= 20 { continue }
            let line = lines[i]
            if line.isChrome || b.linkCharacters * 2 > (b.end - b.start) { continue }
            if isDateline(line) { continue }
            inBody[i] = true
        }
        // Pull quotes: a quote block whose text is repeated in another body block.
        for i in blocks.indices where inBody[i] && (blocks[i].tag == "blockquote" || blocks[i].tag == "aside") {
            let t = lines[i].text
            if blocks.indices.contains(where: { $0 != i && inBody[$0] && lines[$0].length > lines[i].length && lines[$0].text.contains(t) }) { inBody[i] = false }
        }
        // Trim non-prose blocks at both ends.
        guard let first = blocks.indices.first(where: { inBody[$0] && isProse(lines[$0]) }),
              let last = blocks.indices.last(where: { inBody[$0] && isProse(lines[$0]) }) else { return nil }
        for i in blocks.indices where inBody[i] && (i < first || i > last) { inBody[i] = false }
        var zones: [Zone] = []
        var i = 0
        while i < blocks.count {
            guard inBody[i] else { i += 1; continue }
            var j = i
            while j + 1 < blocks.count, inBody[j + 1] { j += 1 }
            zones.append(Zone(type: .body, start: blocks[i].start, end: blocks[j].end))
            i = j + 1
        }
        // Comments.
        let comments = htmlComments(blocks, lines: lines, hints: blockHints, inBody: inBody)
        var taken = inBody
        for c in comments.groups {
            for k in c { taken[k] = true }
        }
        var k = 0
        let groups = comments.groups.sorted { $0.first! < $1.first! }
        while k < groups.count {
            var s = groups[k].first!, e = groups[k].last!
            while k + 1 < groups.count, groups[k + 1].first! <= e + 2 { k += 1; e = groups[k].last! }
            s = max(s, 0)
            zones.append(Zone(type: .comments, start: blocks[s].start, end: blocks[e].end))
            k += 1
        }
        // Title: the headline block that best matches the metadata title, before the body.
        let metaWords = metadata.title.map { t in Set(contentWords(Array(t.utf16), 0..<t.utf16.count)) } ?? []
        var bestTitle: (Int, Double)? = nil
        for t in titleCandidates where !taken[t] && t < first && lines[t].words <= 30 && !lines[t].isChrome {
            let words = Set(contentWords(units, lines[t].start..<lines[t].end))
            guard !words.isEmpty else { continue }
            var s = blocks[t].tag == "h1" ? 1.0 : 0.5
            if !metaWords.isEmpty { s += 3 * Double(words.intersection(metaWords).count) / Double(max(words.count, metaWords.count)) }
            if bestTitle == nil || s > bestTitle!.1 { bestTitle = (t, s) }
        }
        if let (t, _) = bestTitle {
            zones.append(Zone(type: .title, start: blocks[t].start, end: blocks[t].end))
            taken[t] = true
            if metadata.title == nil { metadata.title = lines[t].text }
        }
        // Byline: a short block marked as byline or author near the top of the article.
        for (b, block) in blocks.enumerated() where !taken[b] && b < first + 3 && lines[b].words <= 15 {
            let all = blockHints[b].reduce(Hints()) { $0.union($1) }
            let span = block.inlineSpans.first { s in Self.bylineParts.contains(where: { s.label.contains($0) }) }
            guard all.contains(.byline) || span != nil, !all.contains(.comment) else { continue }
            let author: String
            if let s = span, s.end > s.start {
                author = document.slice(s.start, s.end).trimmingCharacters(in: " ,|")
            } else {
                var t = lines[b].text
                if t.lowercased().hasPrefix("by ") { t = String(t.dropFirst(3)) }
                author = String(t.split(separator: ",").first ?? "").trimmingCharacters(in: " |•")
            }
            guard let c = author.unicodeScalars.first, c.properties.isUppercase, author.split(separator: " ").count <= 5 else { continue }
            zones.append(Zone(type: .byline, start: block.start, end: block.end))
            taken[b] = true
            if metadata.author == nil { metadata.author = author.hasPrefix("By ") ? String(author.dropFirst(3)) : author }
            break
        }
        for b in blocks.indices where role[b] == .caption && !taken[b] {
            zones.append(Zone(type: .caption, start: blocks[b].start, end: blocks[b].end))
            taken[b] = true
        }
        readMetadataLines(lines, into: &metadata)
        // Everything else is boilerplate, one zone per run of blocks.
        var b = 0
        while b < blocks.count {
            guard !taken[b] else { b += 1; continue }
            var e = b
            while e + 1 < blocks.count, !taken[e + 1] { e += 1 }
            zones.append(Zone(type: .boilerplate, start: blocks[b].start, end: blocks[e].end))
            b = e + 1
        }
        return (ZoneMap(zones: zones, comments: comments.records), metadata)
    }

    /// A short line that is only a date ("Monday, May 18, 2015", "Posted: 3 June 2021 | Source: …").
    func isDateline(_ line: Line) -> Bool {
        guard line.words <= 12, !(line.endsSentence && line.words > 6) else { return false }
        let f = line.folded
        var digits = 0
        for b in f where b >= 0x30 && b <= 0x39 { digits += 1 }
        guard digits >= 2 else { return false }
        return features.months.matches(f, present: line.present)
    }

    static let monthWords: [[UInt8]] = ["january", "february", "march", "april", "may ", "june", "july", "august", "september",
                                        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday", "jan ", "feb ", "mar ", "apr ", "jun ", "jul ", "aug ", "sep ", "sept ",
                                        "oct ", "nov ", "dec "].map { Array($0.utf8) }

    /// Comment items in sections marked as comments: their blocks, author and content.
    func htmlComments(_ blocks: [HTMLBlock], lines: [Line], hints: [[Hints]], inBody: [Bool]) -> (groups: [[Int]], records: [Comment]) {
        var groups: [[Int]] = []
        var itemIDs: [Int32] = []
        var itemLabels: [String] = []
        for (i, b) in blocks.enumerated() where !inBody[i] {
            guard let root = hints[i].firstIndex(where: { $0.contains(.comment) }) else { continue }
            if hints[i][root...].contains(where: { $0.contains(.commentForm) && !$0.contains(.author) }) && !hints[i].last!.contains(.author) {
                // The comment form and the section's heading and policy lines are not comments.
                if hints[i][root...].contains(where: { $0.contains(.commentForm) }) { continue }
            }
            var itemDepth = root + 1
            if let list = b.path.lastIndex(where: { $0.hasPrefix("ol") || $0.hasPrefix("ul") }), list >= root { itemDepth = list + 1 }
            itemDepth = min(itemDepth, b.path.count - 1)
            let id = b.ancestors[itemDepth]
            if let last = itemIDs.last, last == id, let g = groups.last, g.last! + 1 >= i - 1 {
                groups[groups.count - 1].append(i)
            } else {
                groups.append([i])
                itemIDs.append(id)
                itemLabels.append(b.path[itemDepth])
            }
        }
        var records: [Comment] = []
        var keptGroups: [[Int]] = []
        for (g, group) in groups.enumerated() {
            var author: String? = nil
            var authorSpan: Range<Int>? = nil
            var content: [Int] = []
            for i in group {
                let b = blocks[i]
                let line = lines[i]
                if author == nil, let s = b.inlineSpans.first(where: { Self.hints(ofLabel: $0.label).contains(.author) && !$0.label.contains("avatar") }) {
                    let (a, r) = trimmedSpan(lines[i].units, s.start, s.end)
                    if !a.isEmpty { author = a; authorSpan = r }
                    continue
                }
                let own = hints[i].last!
                if author == nil, own.contains(.author), line.words <= 6 {
                    var e = b.end
                    if let says = saysHeader(line, from: line.start) { author = says.author; authorSpan = says.span; continue }
                    while e > b.start, lines[i].units[e - 1] == 0x3A { e -= 1 }
                    let (a, r) = trimmedSpan(lines[i].units, b.start, e)
                    author = a; authorSpan = r
                    continue
                }
                if author == nil, let says = saysHeader(line, from: line.start) { author = says.author; authorSpan = says.span; continue }
                if own.contains(.meta) && line.words <= 8 { continue }
                if line.isChrome || line.words <= 3 && !line.endsSentence { continue }
                let labels = b.path.suffix(2).joined()
                if labels.contains("reply") || labels.contains("action") || labels.contains("rec") && line.words <= 3 { continue }
                content.append(i)
            }
            let item = itemLabels[g]
            guard let c0 = content.first, let c1 = content.last,
                  author != nil || (item.contains("comment") && !item.contains("respond")) else { continue }
            let number = item.hasPrefix("li") ? nil as Int? : nil
            records.append(Comment(number: number, author: author, authorSpan: authorSpan, start: blocks[c0].start, end: blocks[c1].end))
            keptGroups.append(group)
        }
        return (keptGroups, records)
    }

    /// The text of `units[start..<end]` without surrounding spaces and a trailing "says:", and its span.
    func trimmedSpan(_ units: [UInt16], _ start: Int, _ end: Int) -> (String, Range<Int>) {
        var s = start, e = end
        while s < e, Tokenizer.isSpace(units[s]) { s += 1 }
        while e > s, Tokenizer.isSpace(units[e - 1]) || units[e - 1] == 0x3A { e -= 1 }
        var text = Line.decode(units, s, e)
        if text.hasSuffix(" says") { text.removeLast(5); e -= 5 }
        return (text, s..<e)
    }
}

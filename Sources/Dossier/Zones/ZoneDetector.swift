/// Finds the parts of a page, from its text alone (as jusText does: paragraph length, stop-word
/// density, chrome patterns) plus, for HTML, the markup around each paragraph:
/// - `comments`: runs of numbered or "NAME says:" comment headers and what follows them;
/// - `body`: the densest run of prose lines before the comments;
/// - `title`: the headline-like line before the body that shares most words with it;
/// - `byline`: a "By NAME" line near the top;
/// - everything else is `boilerplate`.
/// It also reads metadata lines: "Republished from X", "Tags: a, b", "Category: c".
public struct ZoneDetector: Sendable {
    let language: LanguageData
    let features: LineFeatures

    public init(language: LanguageData = .english) {
        self.language = language
        features = LineFeatures(language: language)
    }

    /// Zones and metadata of `document`. `blocks` are the HTML paragraphs, when the text came from HTML.
    public func detect(_ document: Document, blocks: [HTMLBlock] = []) -> (ZoneMap, DocumentMetadata) {
        if !blocks.isEmpty, let found = detectHTML(document, blocks: blocks) { return found }
        var (lines, contentKeys) = Line.lines(of: document.utf16, features: features)
        var metadata = document.metadata
        if lines.isEmpty { return (ZoneMap(zones: []), metadata) }
        if !blocks.isEmpty { applyMarkupHints(&lines, blocks: blocks) } else { lines = mergeWrapped(lines, units: document.utf16) }
        let (commentsFrom, comments) = findComments(lines)
        let headingLimit = commentHeading(lines, upTo: commentsFrom ?? lines.count)
        let bodyLimit = headingLimit ?? commentsFrom ?? lines.count
        var zones: [Zone] = []
        // With no prose run (a short note, a one-line input), every non-chrome line before the comments is body.
        guard let body = findBody(lines, upTo: bodyLimit) ?? fallbackBody(lines, upTo: bodyLimit) else {
            zones += commentsZone(lines, from: commentsFrom, comments: comments)
            return (ZoneMap(ordered: fillBoilerplate(zones, lines: lines), comments: comments), metadata)
        }
        let carved = carveBody(lines, body)
        // Room for the body's spans and captions, a title, a byline and the comments at once.
        zones.reserveCapacity(carved.spans.count + carved.captions.count + 4)
        for span in carved.spans { zones.append(Zone(type: .body, start: lines[span.lowerBound].start, end: lines[span.upperBound - 1].end)) }
        for c in carved.captions { zones.append(Zone(type: .caption, start: lines[c].start, end: lines[c].end)) }
        let top = min(carved.spans.first?.lowerBound ?? body.lowerBound, body.upperBound - 1)
        let titleBody = top..<body.upperBound
        if let t = findTitle(lines, body: titleBody, metadata: metadata, units: document.utf16, contentKeys: contentKeys) {
            zones.append(Zone(type: .title, start: lines[t].start, end: lines[t].end))
            if metadata.title == nil { metadata.title = lines[t].text }
        }
        if let (b, author) = findByline(lines, body: titleBody) {
            if !zones.contains(where: { $0.start <= lines[b].start && lines[b].start < $0.end }) {
                zones.append(Zone(type: .byline, start: lines[b].start, end: lines[b].end))
            }
            if metadata.author == nil { metadata.author = author }
        }
        zones += commentsZone(lines, from: commentsFrom, comments: comments)
        zones += captions(lines, outside: zones)
        readMetadataLines(lines, into: &metadata)
        return (ZoneMap(ordered: fillBoilerplate(zones, lines: lines), comments: comments), metadata)
    }

    /// Caption lines that lie outside every other zone. Long lines left unchecked by `Line` are
    /// checked here, only when they are outside the zones.
    func captions(_ lines: [Line], outside zones: [Zone]) -> [Zone] {
        var found: [Zone] = []
        // By index: a line taken out of the array is copied, its arrays retained and released.
        for i in lines.indices where lines[i].isCaption || lines[i].captionUnchecked {
            let start = lines[i].start
            guard !zones.contains(where: { $0.start <= start && start < $0.end }),
                  lines[i].isCaption || features.captions.matches(lines[i].folded, present: lines[i].present) else { continue }
            found.append(Zone(type: .caption, start: start, end: lines[i].end))
        }
        return found
    }

    // MARK: Line classes

    enum LineClass { case good, nearGood, short, bad, chrome }

    func classify(_ line: Line) -> LineClass {
        if line.isChrome { return .chrome }
        let chars = line.length
        // Headlines and navigation: title case without a final stop.
        if !line.endsSentence && line.titleCaseRatio >= 0.7 && line.words <= 25 { return chars < 60 ? .short : .bad }
        if chars >= 80 && line.stopDensity >= 0.25 && line.words >= 12 { return .good }
        if chars >= 40 && line.stopDensity >= 0.18 && line.words >= 7 { return .nearGood }
        if line.words >= 4 && line.endsSentence && line.stopDensity >= 0.2 { return .nearGood }
        if chars < 60 { return .short }
        return .bad
    }

    func score(_ line: Line) -> Int {
        switch classify(line) {
        case .good: return line.length
        case .nearGood: return line.length / 2
        case .short: return line.endsSentence ? -5 : -25
        case .bad: return -max(25, line.length / 2)
        case .chrome: return -200
        }
    }

    /// One zone from the first comment header to the end of the last comment.
    func commentsZone(_ lines: [Line], from: Int?, comments: [Comment]) -> [Zone] {
        guard let from, let last = comments.last else { return [] }
        return [Zone(type: .comments, start: lines[from].start, end: last.end)]
    }

    // MARK: Body

    /// The run of lines with the highest score (Kadane), trimmed to prose at both ends.
    func findBody(_ lines: [Line], upTo limit: Int) -> Range<Int>? {
        var best = 0, bestRange: Range<Int>? = nil
        var sum = 0, start = 0
        var scores = (0..<limit).map { score(lines[$0]) }
        // One or two short chrome lines between prose lines ("Advertisement", "Read more: …") sit
        // inside an article: they cost less than a block of chrome.
        var c = 0
        while c < limit {
            guard lines[c].isChrome else { c += 1; continue }
            var e = c
            while e < limit, lines[e].isChrome { e += 1 }
            if e - c <= 2, c > 0, e < limit, isProse(lines[c - 1]), isProse(lines[e]), lines[c..<e].allSatisfy({ $0.length <= 100 }) {
                for k in c..<e { scores[k] = -60 }
            }
            c = e
        }
        for i in 0..<limit {
            let s = scores[i]
            if sum <= 0 { sum = 0; start = i }
            sum += s
            if sum > best { best = sum; bestRange = start..<(i + 1) }
        }
        guard var r = bestRange else { return nil }
        while !r.isEmpty, !isProse(lines[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
        while !r.isEmpty, !isProse(lines[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
        return r.isEmpty ? nil : r
    }

    /// The non-chrome lines before `limit`, when they are all there is.
    func fallbackBody(_ lines: [Line], upTo limit: Int) -> Range<Int>? {
        guard let first = lines[..<limit].firstIndex(where: { !$0.isChrome }),
              let last = lines[..<limit].lastIndex(where: { !$0.isChrome }) else { return nil }
        if lines[first...last].contains(where: { $0.isChrome }) { return nil }
        return first..<(last + 1)
    }

    func isProse(_ line: Line) -> Bool {
        let c = classify(line)
        return c == .good || c == .nearGood
    }

    // MARK: Title

    /// The headline: a title-case line of 2–25 words before the body (or the first body line when
    /// it looks like one), sharing the most content words with the body's opening.
    /// `contentKeys`: the keys that `Line.contentKeys` point to.
    func findTitle(_ lines: [Line], body: Range<Int>, metadata: DocumentMetadata, units: [UInt16], contentKeys: [UInt64]) -> Int? {
        let from = max(0, body.lowerBound - 40)
        // Each candidate with where its distinct content words lie in `candidateKeys`, one
        // candidate after another. One array sized up front: a filtered list of candidates and
        // a list of their spans grew and were freed in every document.
        var candidates: [(line: Int, keys: Range<Int>)] = []
        candidates.reserveCapacity(body.lowerBound - from)
        var candidateKeys: [UInt64] = []
        // Room for a typical headline's words: growing these arrays cost more than filling them.
        // Made only when needed: most candidates' keys were found by the line scan.
        var keys: [UInt64] = []
        // By index: a line taken out of the array is copied, its arrays retained and released.
        for i in from..<body.lowerBound where isTitleCandidate(lines, i, units) {
            if candidateKeys.capacity == 0 { candidateKeys.reserveCapacity((body.lowerBound - i) * 8) }
            let first = candidateKeys.count
            // A line's keys go straight into `candidateKeys`, each once.
            if let known = lines[i].contentKeys {
                Self.appendDistinct(contentKeys[known], to: &candidateKeys, from: first)
            } else {
                contentWords(units, lines[i].start..<lines[i].end, into: &keys)
                Self.appendDistinct(keys, to: &candidateKeys, from: first)
            }
            candidates.append((i, first..<candidateKeys.count))
        }
        guard !candidates.isEmpty else { return nil }
        var metaWords = KeySet()
        if let t = metadata.title {
            contentWords(Array(t.utf16), 0..<t.utf16.count, into: &keys)
            metaWords.formUnion(keys)
        }
        // Of the words of the body's opening, only those of candidates count: they are marked
        // in a table of the candidates' words.
        var shared = MarkedKeyTable(candidateKeys)
        for j in body.lowerBound..<min(body.upperBound, body.lowerBound + 4) {
            if let known = lines[j].contentKeys, lines[j].length <= 2000 {
                for k in contentKeys[known] { shared.mark(k) }
            } else {
                contentWords(units, lines[j].start..<min(lines[j].end, lines[j].start + 2000), into: &keys)
                for k in keys { shared.mark(k) }
            }
        }
        var best: (score: Double, index: Int)? = nil
        for (i, span) in candidates {
            let words = candidateKeys[span]
            let count = words.count
            guard count > 0 else { continue }
            var s = Double(shared.markedCount(words)) / Double(count).squareRoot()
            if !metaWords.isEmpty { s += 3 * Double(Self.sharedCount(words, metaWords)) / Double(max(count, metaWords.count)) }
            if lines[i].titleCaseRatio >= 0.6 { s += 0.5 }
            s -= Double(body.lowerBound - i) * 0.01
            if s >= 1.0, best == nil || s > best!.score { best = (s, i) }
        }
        return best?.index
    }

    /// Whether line `i` may be the title: not chrome, of 2–25 words, not ending with a single dot.
    func isTitleCandidate(_ lines: [Line], _ i: Int, _ units: [UInt16]) -> Bool {
        guard !lines[i].isChrome, lines[i].words >= 2, lines[i].words <= 25 else { return false }
        let (start, end) = (lines[i].start, lines[i].end)
        let last = units[end - 1]
        return !(last == 0x2E && !(end - 2 >= start && units[end - 2] == 0x2E))
    }

    /// Appends the members of `source` that `keys[from...]` lacks, in order, each once (a
    /// line's few words: compared pairwise).
    static func appendDistinct<Source: Sequence<UInt64>>(_ source: Source, to keys: inout [UInt64], from: Int) {
        for key in source {
            var seen = false
            for j in from..<keys.count where keys[j] == key { seen = true; break }
            if !seen { keys.append(key) }
        }
    }

    /// How many members of `a` are in `b`.
    static func sharedCount(_ a: ArraySlice<UInt64>, _ b: KeySet) -> Int {
        var n = 0
        for k in a where b.contains(k) { n += 1 }
        return n
    }

    /// Keys of the words of three or more letters in `range` that are not stop words.
    func contentWords(_ units: [UInt16], _ range: Range<Int>) -> [UInt64] {
        var out: [UInt64] = []
        contentWords(units, range, into: &out)
        return out
    }

    /// Keys of the words of three or more letters in `range` that are not stop words, in `out`.
    func contentWords(_ units: [UInt16], _ range: Range<Int>, into out: inout [UInt64]) {
        if out.capacity == 0 { out.reserveCapacity(32) }
        out.removeAll(keepingCapacity: true)
        LineScanner.classes.withUnsafeBufferPointer { classes in
            units.withUnsafeBufferPointer { buf in
                var i = range.lowerBound
                let end = range.upperBound
                while i < end {
                    let c = buf[i]
                    guard c < 0x80 ? classes[Int(c)] & LineScanner.word != 0 : Line.isWordUnit(c) else {
                        i &+= 1
                        continue
                    }
                    let start = i
                    var hash = TokenKey.offset
                    var ascii = true
                    while i < end {
                        let d = buf[i]
                        if d < 0x80 {
                            let t = classes[Int(d)]
                            guard t & LineScanner.word != 0 else { break }
                            hash = (hash ^ UInt64(t & 0xFF)) &* TokenKey.prime
                        } else {
                            guard Line.isWordUnit(d) else { break }
                            ascii = false
                        }
                        i &+= 1
                    }
                    guard i - start >= 3 else { continue }
                    let key = ascii ? hash : TokenKey.of(units: buf[start..<i])
                    if !features.stopWords.contains(key) { out.append(key) }
                }
            }
        }
    }

    // MARK: Byline

    /// A "By NAME" line near the top of the page, or a "NAME Archive" author line.
    func findByline(_ lines: [Line], body: Range<Int>) -> (Int, String)? {
        let from = max(0, body.lowerBound - 40)
        // By index, and "by " compared in place: a line taken out of the array is copied, and an
        // array made for the prefix is allocated, on every line.
        for i in from..<min(lines.count, body.lowerBound + 1) {
            guard lines[i].words >= 2, lines[i].words <= 12 else { continue }
            if Self.startsWithBy(lines[i].folded) {
                let name = lines[i].text.dropFirst(3).split(separator: ",").first.map { String($0).trimmingCharacters(in: " |•") } ?? ""
                if let first = name.unicodeScalars.first, first.properties.isUppercase { return (i, name) }
            }
        }
        return nil
    }

    /// Whether folded bytes start with "by ".
    static func startsWithBy(_ folded: ArraySlice<UInt8>) -> Bool {
        let s = folded.startIndex
        return folded.count >= 3 && folded[s] == 0x62 && folded[s + 1] == 0x79 && folded[s + 2] == 0x20
    }

    // MARK: Markup

    /// HTML: paragraphs inside navigation, footers, sharing widgets and the like are chrome.
    func applyMarkupHints(_ lines: inout [Line], blocks: [HTMLBlock]) {
        let chromeHints = ["nav", "footer", "menu", "share", "social", "related", "sidebar", "breadcrumb", "cookie", "subscribe", "newsletter", "advert", "promo"]
        var b = 0
        // The verdict of each block, computed once: a block holds many lines, and its path may be deep.
        var verdict: (block: Int, chrome: Bool)? = nil
        for i in lines.indices {
            while b < blocks.count, blocks[b].end <= lines[i].start { b += 1 }
            guard b < blocks.count, blocks[b].start <= lines[i].start else { continue }
            if verdict?.block != b {
                let block = blocks[b]
                let inChrome = block.path.contains { label in
                    label.hasPrefix("nav") || label.hasPrefix("footer") || label.hasPrefix("aside")
                        || chromeHints.contains { hint in label.contains("." + hint) || label.contains("#" + hint) }
                }
                let linkDense = block.end > block.start && block.linkCharacters * 2 > (block.end - block.start)
                verdict = (b, inChrome || linkDense)
            }
            if verdict!.chrome { lines[i].isChrome = true }
        }
    }

    /// Every line not in a zone is boilerplate; consecutive boilerplate lines form one zone.
    /// The zones come back ordered by start (`ZoneMap(ordered:comments:)` takes them as they are):
    /// each boilerplate zone goes in after the zones that start where it does or before, as a
    /// stable sort of the zones and then the boilerplate zones orders them.
    func fillBoilerplate(_ zones: [Zone], lines: [Line]) -> [Zone] {
        let sorted = zones.sorted { $0.start < $1.start }
        var out: [Zone] = []
        // The zones and, usually, no more than one boilerplate zone before each and one after the last.
        out.reserveCapacity(2 * sorted.count + 1)
        var z = 0
        // The zones of `sorted` before this one are in `out`.
        var placed = 0
        var pending: Zone?
        // By index: a line taken out of the array is copied, its arrays retained and released.
        for i in lines.indices {
            let (start, end) = (lines[i].start, lines[i].end)
            while z < sorted.count, sorted[z].end <= start { z += 1 }
            if z < sorted.count, sorted[z].start <= start || (start < sorted[z].start && end > sorted[z].start) {
                if let p = pending { Self.append(p, after: sorted, placed: &placed, to: &out); pending = nil }
                continue
            }
            if var p = pending { p.end = end; pending = p } else { pending = Zone(type: .boilerplate, start: start, end: end) }
        }
        if let p = pending { Self.append(p, after: sorted, placed: &placed, to: &out) }
        out.append(contentsOf: sorted[placed...])
        return out
    }

    /// Appends `boilerplate` to `out` after the zones of `sorted` from `placed` on that start
    /// where it does or before (`placed` moves past them). Boilerplate zones appended in order of
    /// start, then the rest of `sorted`, are ordered as a stable sort of `sorted` and then them.
    static func append(_ boilerplate: Zone, after sorted: [Zone], placed: inout Int, to out: inout [Zone]) {
        while placed < sorted.count && sorted[placed].start <= boilerplate.start {
            out.append(sorted[placed])
            placed += 1
        }
        out.append(boilerplate)
    }
}

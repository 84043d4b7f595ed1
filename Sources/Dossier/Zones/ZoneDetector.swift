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
            return (ZoneMap(zones: fillBoilerplate(zones, lines: lines), comments: comments), metadata)
        }
        let carved = carveBody(lines, body)
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
        return (ZoneMap(zones: fillBoilerplate(zones, lines: lines), comments: comments), metadata)
    }

    /// Caption lines that lie outside every other zone.
    func captions(_ lines: [Line], outside zones: [Zone]) -> [Zone] {
        lines.filter { line in line.isCaption && !zones.contains { $0.start <= line.start && line.start < $0.end } }
            .map { Zone(type: .caption, start: $0.start, end: $0.end) }
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
        let candidates = (from..<body.lowerBound).filter { i in
            let line = lines[i]
            guard !line.isChrome, line.words >= 2, line.words <= 25 else { return false }
            let last = units[line.end - 1]
            return !(last == 0x2E && !(line.end - 2 >= line.start && units[line.end - 2] == 0x2E))
        }
        guard !candidates.isEmpty else { return nil }
        // The candidates' distinct content words, one candidate after another.
        var keys: [UInt64] = []
        var candidateKeys: [UInt64] = []
        var spans: [Range<Int>] = []
        for i in candidates {
            if let known = lines[i].contentKeys {
                keys.removeAll(keepingCapacity: true)
                keys.append(contentsOf: contentKeys[known])
            } else {
                contentWords(units, lines[i].start..<lines[i].end, into: &keys)
            }
            Self.keepDistinct(&keys)
            spans.append(candidateKeys.count..<(candidateKeys.count + keys.count))
            candidateKeys.append(contentsOf: keys)
        }
        // Of the words of the body's opening, only those of candidates count.
        let wanted = KeySet(candidateKeys)
        var opening = KeySet()
        for j in body.lowerBound..<min(body.upperBound, body.lowerBound + 4) {
            if let known = lines[j].contentKeys, lines[j].length <= 2000 {
                for k in contentKeys[known] where wanted.contains(k) { opening.insert(k) }
            } else {
                contentWords(units, lines[j].start..<min(lines[j].end, lines[j].start + 2000), into: &keys)
                for k in keys where wanted.contains(k) { opening.insert(k) }
            }
        }
        var metaWords = KeySet()
        if let t = metadata.title {
            contentWords(Array(t.utf16), 0..<t.utf16.count, into: &keys)
            metaWords.formUnion(keys)
        }
        var best: (score: Double, index: Int)? = nil
        for (i, span) in zip(candidates, spans) {
            let words = candidateKeys[span]
            let count = words.count
            guard count > 0 else { continue }
            var s = Double(Self.sharedCount(words, opening)) / Double(count).squareRoot()
            if !metaWords.isEmpty { s += 3 * Double(Self.sharedCount(words, metaWords)) / Double(max(count, metaWords.count)) }
            if lines[i].titleCaseRatio >= 0.6 { s += 0.5 }
            s -= Double(body.lowerBound - i) * 0.01
            if s >= 1.0, best == nil || s > best!.score { best = (s, i) }
        }
        return best?.index
    }

    /// Drops repeated keys (a line's few words: compared pairwise).
    static func keepDistinct(_ keys: inout [UInt64]) {
        var distinct = 0
        for k in keys.indices {
            let key = keys[k]
            var seen = false
            for j in 0..<distinct where keys[j] == key { seen = true; break }
            if !seen { keys[distinct] = key; distinct += 1 }
        }
        keys.removeLast(keys.count - distinct)
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
        for i in from..<min(lines.count, body.lowerBound + 1) {
            let line = lines[i]
            guard line.words >= 2, line.words <= 12 else { continue }
            if line.folded.starts(with: Array("by ".utf8)) {
                let name = line.text.dropFirst(3).split(separator: ",").first.map { String($0).trimmingCharacters(in: " |•") } ?? ""
                if let first = name.unicodeScalars.first, first.properties.isUppercase { return (i, name) }
            }
        }
        return nil
    }

    // MARK: Comments

    /// Comment headers ("12. NAME says:", numbered items in sequence after a comment heading) and
    /// the comments they open. Returns the index of the first comment line.
    func findComments(_ lines: [Line]) -> (Int?, [Comment]) {
        var headers: [(line: Int, number: Int?, author: String?, authorSpan: Range<Int>?, contentStart: Int?)] = []
        var numbered: [(line: Int, number: Int, contentStart: Int)] = []
        // By index, and each test called only for lines that may pass it: a line passed on is
        // copied, its arrays retained and released.
        for i in lines.indices {
            let (number, afterMarker) = Self.startsWithDigit(lines[i]) ? numberMarker(lines[i]) : (nil, nil)
            if Self.mayBeSaysHeader(lines[i]), let says = saysHeader(lines[i], from: afterMarker ?? lines[i].start) {
                headers.append((i, number, says.author, says.span, nil))
            } else if let n = number, let a = afterMarker {
                numbered.append((i, n, a))
            }
        }
        // Numbered items in a 1, 2, 3 … sequence near comment headings or "says:" headers count too.
        let sequence = numberedSequence(numbered, sayHeaders: headers.map { ($0.line, $0.number) }, lines: lines)
        for item in sequence { headers.append((item.line, item.number, nil, nil, item.contentStart)) }
        headers.sort { $0.line < $1.line }
        guard !headers.isEmpty else { return (nil, []) }
        var comments: [Comment] = []
        for (k, h) in headers.enumerated() {
            let next = k + 1 < headers.count ? headers[k + 1].line : lines.count
            var start = h.contentStart
            var lastLine = h.line
            var j = h.line + 1
            while j < next, !lines[j].isChrome {
                if start == nil { start = lines[j].start }
                lastLine = j
                j += 1
            }
            guard let s = start else { continue }
            let end = lastLine == h.line && h.contentStart == nil ? s : lines[lastLine].end
            if end > s {
                comments.append(Comment(number: h.number, author: h.author, authorSpan: h.authorSpan, start: s, end: end))
            }
        }
        return (headers.first?.line, comments)
    }

    /// Whether the line's folded text starts with a digit, as a `numberMarker` does.
    static func startsWithDigit(_ line: Line) -> Bool {
        guard let first = line.folded.first else { return false }
        return first >= 0x30 && first <= 0x39
    }

    /// Whether a line passes the first tests of `saysHeader`: short, with a colon.
    static func mayBeSaysHeader(_ line: Line) -> Bool {
        line.length <= 120 && line.present.containsAll(colon)
    }

    /// "12. " at the start of a line: the number and where the text after it starts.
    func numberMarker(_ line: Line) -> (Int?, Int?) {
        let f = line.folded
        var i = 0
        while i < f.count, i < 5, f[i] >= 0x30 && f[i] <= 0x39 { i += 1 }
        guard i > 0, i < 5, i + 1 < f.count, f[i] == 0x2E, f[i + 1] == 0x20, let n = Int(String(decoding: f[0..<i], as: UTF8.self)) else {
            return (nil, nil)
        }
        // Offsets: the folded line starts at line.start and the marker has no collapsed spaces.
        return (n, line.start + i + 2)
    }

    /// "NAME says:" (possibly followed by a few words such as "• Website" or a date).
    func saysHeader(_ line: Line, from: Int) -> (author: String, span: Range<Int>)? {
        // Such a line is folded whole: it holds a colon only if its folded bytes do.
        guard line.length <= 120, line.present.containsAll(Self.colon), Self.contains(line.units, line.start, line.end, Self.saysUnits),
              let range = line.text.firstRange(of: " says:") else { return nil }
        let prefixUnits = line.text[..<range.lowerBound].utf16.count
        let after = line.text[range.upperBound...].split(separator: " ").count
        guard after <= 8 else { return nil }
        let headStart = from - line.start
        guard headStart <= prefixUnits else { return nil }
        let utf = Array(line.text.utf16)
        var name = String(decoding: utf[headStart..<prefixUnits], as: UTF16.self)
        var nameEnd = prefixUnits
        if let bullet = name.firstRange(of: " •") {
            name = String(name[..<bullet.lowerBound])
            nameEnd = headStart + name.utf16.count
        }
        let trimmed = name.trimmingCharacters(in: " ")
        guard !trimmed.isEmpty, trimmed.split(separator: " ").count <= 5 else { return nil }
        let lead = name.utf16.count - name.drop(while: { $0 == " " }).utf16.count
        return (trimmed, (line.start + headStart + lead)..<(line.start + nameEnd))
    }

    func numberedSequence(_ items: [(line: Int, number: Int, contentStart: Int)], sayHeaders: [(Int, Int?)],
                          lines: [Line]) -> [(line: Int, number: Int, contentStart: Int)] {
        guard !items.isEmpty else { return [] }
        let sayNumbers = Set(sayHeaders.compactMap { $0.1 })
        var result: [(line: Int, number: Int, contentStart: Int)] = []
        for item in items {
            // Part of a run with the "says:" headers, or with its neighbours.
            let neighbours = sayNumbers.contains(item.number - 1) || sayNumbers.contains(item.number + 1)
                || items.contains { $0.number == item.number + 1 && $0.line > item.line }
                || items.contains { $0.number == item.number - 1 && $0.line < item.line }
            guard neighbours else { continue }
            if !sayNumbers.isEmpty || hasCommentHeading(before: item.line, lines: lines) { result.append(item) }
        }
        return result
    }

    func hasCommentHeading(before index: Int, lines: [Line]) -> Bool {
        for j in stride(from: index - 1, through: max(0, index - 15), by: -1) {
            let text = String(decoding: lines[j].folded, as: UTF8.self)
            if text.contains("comment") || text.contains("repl") || text.contains("responses") { return true }
        }
        return false
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

    // MARK: Metadata lines

    func readMetadataLines(_ lines: [Line], into metadata: inout DocumentMetadata) {
        for i in lines.indices where lines[i].isChrome || lines[i].words <= 40 {
            // Most lines hold no marker at all: skip them before building strings.
            guard Self.metadataMarkerPatterns.matches(lines[i].folded, present: lines[i].present)
                    || Self.mayHoldColon(lines[i]) && Self.holdsLabel(lines[i].units, lines[i].start, lines[i].end) else { continue }
            let line = lines[i]
            let text = line.text
            for marker in Self.sourceMarkers where metadata.source == nil {
                if let markerEnd = Self.end(of: marker, in: line.folded) {
                    // The folded line is one Character per scalar (no combining marks, no CR LF):
                    // its Character offset is its count of UTF-8 lead bytes.
                    let offset = line.folded[..<markerEnd].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                    var rest = String(text.dropFirst(offset))
                    for stop in [" by permission", " with permission", " and is ", ".", ")", ","] {
                        if let s = rest.firstRange(ofASCII: stop) { rest = String(rest[..<s.lowerBound]) }
                    }
                    rest = rest.trimmingCharacters(in: " ")
                    if !rest.isEmpty { metadata.source = "\(text.dropFirst(offset - marker.count).prefix(marker.count).trimmingCharacters(in: " ").capitalisedFirst) \(rest)" }
                }
            }
            // Most lines hold no "•": then the line is the one part.
            let parts = Self.contains(line.units, line.start, line.end, [0x2022]) ? text.split(separator: "•") : [text[...]]
            for part in parts {
                let p = part.trimmingCharacters(in: " ")
                // A label found as Characters is found as UTF-8 bytes: search bytes first, as most parts hold none.
                guard Self.holdsLabel(p) else { continue }
                if let r = p.firstRange(ofASCII: "Tags:") ?? p.firstRange(ofASCII: "Tagged:") {
                    metadata.tags += p[r.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
                }
                if let r = p.firstRange(ofASCII: "Category:") ?? p.firstRange(ofASCII: "Categories:") {
                    metadata.categories += p[r.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
                }
            }
        }
    }

    /// Lowercase markers of `readMetadataLines`, as bytes of the folded line.
    static let metadataMarkers: [[UInt8]] = ["republished from ", "originally published ", "first appeared ", "originally appeared "].map { Array($0.utf8) }
    /// The markers that name the source, in the order they are tried.
    static let sourceMarkers: [[UInt8]] = ["republished from ", "originally published in ", "originally published by ", "originally published at ",
                                           "first appeared in ", "first appeared on ", "originally appeared in ", "originally appeared on "].map { Array($0.utf8) }
    /// Labels of `readMetadataLines` without their final colon, as UTF-16.
    static let labelUnits: [[UInt16]] = ["Tags", "Tagged", "Category", "Categories"].map { Array($0.utf16) }

    /// `metadataMarkers` as unanchored patterns: found in a folded line by one skip scan.
    static let metadataMarkerPatterns = ChromePatternSet(metadataMarkers.map { ChromePattern(String(decoding: $0, as: UTF8.self)) })

    /// Whether a line may hold a colon: a line folded whole holds one only if its folded bytes do.
    static func mayHoldColon(_ line: Line) -> Bool {
        line.length > Line.foldedLimit || line.present.containsAll(colon)
    }

    static let colon: ByteMask = {
        var mask = ByteMask()
        mask.insert(0x3A)
        return mask
    }()

    /// Whether `units[start..<end]` holds a label ("Tags:", "Category:" …): one scan for colons,
    /// each checked for a label before it.
    static func holdsLabel(_ units: [UInt16], _ start: Int, _ end: Int) -> Bool {
        units.withUnsafeBufferPointer { u in
            for c in start..<end where u[c] == 0x3A {
                for label in labelUnits where c - label.count >= start {
                    var j = 0
                    while j < label.count, u[c - label.count + j] == label[j] { j += 1 }
                    if j == label.count { return true }
                }
            }
            return false
        }
    }

    /// Whether `text` holds a label ("Tags:", "Category:" …) among its UTF-8 bytes.
    static func holdsLabel(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            labelBytes.contains { label in
                guard let first = label.first else { return false }
                for i in bytes.indices where bytes[i] == first && startsWith(bytes, at: i, label) { return true }
                return false
            }
        }
    }

    /// Labels of `readMetadataLines` with their colon, as UTF-8.
    static let labelBytes: [[UInt8]] = ["Tags:", "Tagged:", "Category:", "Categories:"].map { Array($0.utf8) }

    /// Whether `f[i...]` starts with `needle`.
    static func startsWith(_ f: UnsafeBufferPointer<UInt8>, at i: Int, _ needle: [UInt8]) -> Bool {
        guard i + needle.count <= f.count else { return false }
        for j in needle.indices where f[i + j] != needle[j] { return false }
        return true
    }

    /// The end of the first occurrence of `needle` in `haystack`.
    static func end(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        haystack.withUnsafeBufferPointer { f in
            guard let first = needle.first else { return nil }
            for i in f.indices where f[i] == first && startsWith(f, at: i, needle) { return i + needle.count }
            return nil
        }
    }
    static let saysUnits: [UInt16] = Array(" says:".utf16)

    /// Whether `haystack` holds `needle`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether `units[start..<end]` holds `needle`.
    static func contains(_ units: [UInt16], _ start: Int, _ end: Int, _ needle: [UInt16]) -> Bool {
        guard let first = needle.first, end - start >= needle.count else { return false }
        return units.withUnsafeBufferPointer { u in
            var i = start
            let last = end - needle.count
            while i <= last {
                if u[i] == first {
                    var j = 1
                    while j < needle.count, u[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Every line not in a zone is boilerplate; consecutive boilerplate lines form one zone.
    func fillBoilerplate(_ zones: [Zone], lines: [Line]) -> [Zone] {
        let sorted = zones.sorted { $0.start < $1.start }
        var out: [Zone] = []
        var z = 0
        var pending: Zone?
        for line in lines {
            while z < sorted.count, sorted[z].end <= line.start { z += 1 }
            if z < sorted.count, sorted[z].start <= line.start || (line.start < sorted[z].start && line.end > sorted[z].start) {
                if let p = pending { out.append(p); pending = nil }
                continue
            }
            if var p = pending { p.end = line.end; pending = p } else { pending = Zone(type: .boilerplate, start: line.start, end: line.end) }
        }
        if let p = pending { out.append(p) }
        return (sorted + out).sorted { $0.start < $1.start }
    }
}

extension StringProtocol {
    /// `firstRange(of: needle)` for an ASCII needle without CR or LF, by a search of the UTF-8
    /// bytes. Such a needle has no other canonically equivalent spelling, so the first Character
    /// match is at the first byte match when that one lies on Character boundaries: it does when
    /// its neighbours are ASCII (or the ends of the text), or the one before is a no-break space.
    /// Otherwise the Characters are searched.
    func firstRange(ofASCII needle: String) -> Range<Index>? {
        let found: Int? = utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var needle = needle
            return needle.withUTF8 { n in
                guard let first = n.first, bytes.count >= n.count else { return -1 }
                for i in 0...(bytes.count - n.count) where bytes[i] == first {
                    var j = 1
                    while j < n.count, bytes[i + j] == n[j] { j += 1 }
                    guard j == n.count else { continue }
                    // A no-break space (C2 A0, as in "•\u{A0}Category:") is no prepended mark: a Character ends with it.
                    let before = i == 0 || bytes[i - 1] < 0x80 && bytes[i - 1] != 0x0D || i >= 2 && bytes[i - 2] == 0xC2 && bytes[i - 1] == 0xA0
                    let after = i + n.count == bytes.count || bytes[i + n.count] < 0x80
                    return before && after ? i : -2
                }
                return -1
            }
        }
        guard let found, found != -2 else { return firstRange(of: needle) }
        if found < 0 { return nil }
        let lower = utf8.index(startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let chars = Array(set)
        guard let first = firstIndex(where: { !chars.contains($0) }) else { return "" }
        let last = lastIndex(where: { !chars.contains($0) })!
        return String(self[first...last])
    }

    var capitalisedFirst: String { prefix(1).uppercased() + String(dropFirst()) }
}

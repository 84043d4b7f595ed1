internal import ICUText

/// Splits a document into sentences: ICU's `en@ss=standard` sentence break, then a post-filter
/// that re-joins what ICU still splits after abbreviations and initials ("U.S. Army", "Dr. Smith",
/// "e.g. Smith", "J. R. Smith") and joins hard-wrapped lines. Blank lines and list markers never
/// become sentences, and a sentence never crosses a paragraph break (a blank line).
public struct SentenceSplitter: Sendable {
    let language: LanguageData

    public init(language: LanguageData = .english) {
        self.language = language
    }

    /// The sentences of a document. Out of line and without closures of its own, so that the
    /// per-stage profile (`Scripts/profile_stages.sh`), which toggles its count on entering any
    /// function whose name starts like this one's (closures included), counts it once, whole.
    @inline(never)
    public func split(_ units: [UInt16], tokens: [Token]) -> [Sentence] {
        sentences(between: Self.boundaries(of: units), units: units, tokens: tokens)
    }

    /// ICU's sentence boundaries of `units`.
    static func boundaries(of units: [UInt16]) -> [Int] {
        var boundaries: [Int] = []
        boundaries.reserveCapacity(units.count / 64 + 8)
        units.withUnsafeBufferPointer { TextSegmenter.sentenceBoundaries(in: $0, into: &boundaries) }
        return boundaries
    }

    /// The sentences of the segments between `boundaries`: their token ranges, merged across
    /// abbreviations and hard wraps (never across a blank line) in order, then collected.
    func sentences(between boundaries: [Int], units: [UInt16], tokens: [Token]) -> [Sentence] {
        units.withUnsafeBufferPointer { units in
            tokens.withUnsafeBufferPointer { tokens in
                boundaries.withUnsafeBufferPointer { boundaries in
                    [Sentence](unsafeUninitializedCapacity: SentenceCollector.capacity(boundaries: boundaries.count, tokens: tokens.count)) { storage, initialized in
                        var out = SentenceCollector(tokens: tokens, units: units, storage: storage)
                        // `pending` is the merged range so far.
                        var pending: Range<Int>?
                        var t = 0
                        for boundary in boundaries {
                            let first = t
                            t = Self.firstToken(from: t, startingAtOrAfter: boundary, in: tokens)
                            guard t > first else { continue }
                            let segment = first..<t
                            if let last = pending, shouldJoin(last, segment, tokens: tokens, units: units) {
                                pending = last.lowerBound..<t
                            } else {
                                if let last = pending { out.add(last) }
                                pending = segment
                            }
                        }
                        if let last = pending { out.add(last) }
                        initialized = out.count
                    }
                }
            }
        }
    }

    /// The first token from `t` on that starts at or after `offset`, or `tokens.count` (tokens
    /// before `t` start before `offset`): eight tokens a step while the eighth still starts
    /// before it (a sentence holds some twenty tokens), then four, then one at a time.
    static func firstToken(from t: Int, startingAtOrAfter offset: Int, in tokens: UnsafeBufferPointer<Token>) -> Int {
        var i = t
        while i + 8 <= tokens.count && Int(tokens[i + 7].start) < offset { i += 8 }
        if i + 4 <= tokens.count && Int(tokens[i + 3].start) < offset { i += 4 }
        while i < tokens.count && Int(tokens[i].start) < offset { i += 1 }
        return i
    }

    /// The longest sentence, in tokens. Text without sentence breaks (a page flattened to one line,
    /// a list of words) is cut into pieces of at most this size, at a comma or semicolon when one
    /// is near, so that every later stage works on bounded sentences.
    static let maxTokens = 300

    func shouldJoin(_ a: Range<Int>, _ b: Range<Int>, tokens: UnsafeBufferPointer<Token>, units: UnsafeBufferPointer<UInt16>) -> Bool {
        let next = tokens[b.lowerBound]
        let gapStart = Int(tokens[a.upperBound - 1].end), gapEnd = Int(next.start)
        if Self.hasBlankLine(units, from: gapStart, to: gapEnd) { return false }
        let lastToken = tokens[a.upperBound - 1]
        if next.lineBreakBefore {
            // A hard-wrapped line: the line before has no final punctuation and this one goes on in lowercase.
            let finalPunct = lastToken.kind == .punctuation || lastToken.kind == .quote
            return !finalPunct && next.shape == .lower && next.kind == .word
        }
        guard a.count >= 2, lastToken.kind == .punctuation, units[Int(lastToken.start)] == 0x2E,
              lastToken.end - lastToken.start == 1 else { return false }
        let word = tokens[a.upperBound - 2]
        guard word.end == lastToken.start else { return false }
        if let cls = language.abbreviations[word.key] {
            switch cls {
            case .always: return true
            case .acronym: return next.isCapitalised && next.kind == .word && !language.stopWords.contains(next.key)
            }
        }
        // Dotted capitals ("K.C. Maurer") read like an acronym: they join a capitalised content word.
        if word.shape == .upper, word.length <= 5, units[Int(word.start)..<Int(word.end)].contains(0x2E) {
            return next.isCapitalised && next.kind == .word && !language.stopWords.contains(next.key)
        }
        // An initial: a single capital letter, then a capitalised word ("J. R. Smith").
        if word.length == 1, word.shape == .capitalised, next.isCapitalised {
            return a.count == 2 || !tokens[a.upperBound - 3].isCapitalised || tokens[a.upperBound - 3].length <= 2
        }
        return false
    }

    /// Drops a leading list marker ("1.", "12)", "a)", "•", "-") at the start of a line; what is
    /// left may be empty.
    static func dropListMarker(_ r: Range<Int>, tokens: UnsafeBufferPointer<Token>, units: UnsafeBufferPointer<UInt16>) -> Range<Int> {
        var lo = r.lowerBound
        func atLineStart(_ i: Int) -> Bool { i == 0 || tokens[i].lineBreakBefore }
        if r.count >= 2, atLineStart(lo), tokens[lo].length <= 3,
           tokens[lo].kind == .number || (tokens[lo].kind == .word && tokens[lo].length == 1),
           tokens[lo + 1].kind == .punctuation, tokens[lo + 1].length == 1,
           units[Int(tokens[lo + 1].start)] == 0x2E || units[Int(tokens[lo + 1].start)] == 0x29,
           r.count == 2 || tokens[lo + 2].spaceBefore {
            lo += 2
        }
        if atLineStart(r.lowerBound) {
            while lo < r.upperBound, Self.isBullet(units[Int(tokens[lo].start)]), tokens[lo].length == 1 { lo += 1 }
        }
        return lo..<r.upperBound
    }

    static func isBullet(_ u: UInt16) -> Bool {
        u == 0x2022 || u == 0x2A || u == 0x2D || u == 0x2013 || u == 0x2014 || u == 0xB7 || u == 0x25AA || u == 0x25CF || u == 0x203A || u == 0xBB || u == 0x3E
    }

    /// Whether a blank line (two line breaks with only spaces between) lies in `from..<to`.
    static func hasBlankLine(_ units: UnsafeBufferPointer<UInt16>, from: Int, to: Int) -> Bool {
        var breaks = 0
        var i = from
        while i < to {
            let u = units[i]
            if u == 0x0A || u == 0x2029 { breaks += 1; if breaks >= 2 { return true } }
            else if u != 0x0D && u != 0x20 && u != 0x09 && u != 0xA0 { breaks = 0 }
            i += 1
        }
        return false
    }
}

/// Turns merged sentence ranges into sentences: cuts overlong ones, drops list markers, skips what
/// is left empty and counts paragraphs. The sentences are written straight into the storage of
/// the array being made, sized by `capacity(boundaries:tokens:)`.
private struct SentenceCollector {
    let tokens: UnsafeBufferPointer<Token>
    let units: UnsafeBufferPointer<UInt16>
    let storage: UnsafeMutableBufferPointer<Sentence>
    /// The sentences written so far.
    private(set) var count = 0
    var paragraph = 0
    var previousEnd = 0

    init(tokens: UnsafeBufferPointer<Token>, units: UnsafeBufferPointer<UInt16>, storage: UnsafeMutableBufferPointer<Sentence>) {
        self.tokens = tokens
        self.units = units
        self.storage = storage
    }

    /// The most sentences that ranges between `boundaries` boundaries can make: one a range
    /// (`add` is called at most once a boundary), and one more for every cut of an overlong
    /// range, each of which takes more than `maxTokens / 2` of the `tokens` tokens.
    static func capacity(boundaries: Int, tokens: Int) -> Int {
        boundaries + tokens / (SentenceSplitter.maxTokens / 2) + 1
    }

    /// Adds a merged range, cut into pieces of at most `SentenceSplitter.maxTokens` tokens.
    mutating func add(_ r: Range<Int>) {
        let maxTokens = SentenceSplitter.maxTokens
        var start = r.lowerBound
        while r.upperBound - start > maxTokens {
            var cut = start + maxTokens
            var i = cut - 1
            while i > start + maxTokens / 2 {
                let t = tokens[i]
                if t.kind == .punctuation, t.length == 1, units[Int(t.start)] == 0x2C || units[Int(t.start)] == 0x3B {
                    cut = i + 1
                    break
                }
                i -= 1
            }
            addPiece(start..<cut)
            start = cut
        }
        addPiece(start..<r.upperBound)
    }

    private mutating func addPiece(_ piece: Range<Int>) {
        let r = SentenceSplitter.dropListMarker(piece, tokens: tokens, units: units)
        if r.isEmpty { return }
        let start = Int(tokens[r.lowerBound].start)
        if SentenceSplitter.hasBlankLine(units, from: previousEnd, to: start) { paragraph += 1 }
        let end = Int(tokens[r.upperBound - 1].end)
        // `capacity(boundaries:tokens:)` bounds the count; the check keeps a wrong bound from
        // writing past the storage.
        guard count < storage.count else { assertionFailure("sentence capacity bound"); return }
        storage.initializeElement(at: count, to: Sentence(start: start, end: end, tokens: r, paragraph: paragraph))
        count += 1
        previousEnd = end
    }
}

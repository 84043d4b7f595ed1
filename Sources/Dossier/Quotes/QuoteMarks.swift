/// A span between paired quotation marks, in token indexes and UTF-16 offsets.
public struct QuoteSpan: Sendable, Equatable {
    /// The opening mark's token, or nil when it was missing and the span starts at its paragraph.
    public var open: Int?
    /// The closing mark's token, or nil when it was missing and the span ends with its paragraph.
    public var close: Int?
    /// The first and one-past-last tokens of the quoted text.
    public var first: Int
    public var last: Int
    /// UTF-16 span of the quoted text, marks excluded.
    public var start: Int
    public var end: Int
    /// How many quotations enclose this one (0 for an outer quotation).
    public var depth: Int
    /// Whether the quotation runs on over a paragraph break.
    public var multiParagraph: Bool
}

/// Finds quotation marks of every style (“ ” ‘ ’ " ' « » „ ‚ ‹ ›) and pairs them. Whether a mark
/// opens or closes is read from the characters around it (an opening mark has space or opening
/// punctuation before and text after); apostrophes ("don't", "Kurds'") are told apart the same
/// way. Double marks pair with double, single with single; a quotation left open at the end of a
/// paragraph runs on when the next paragraph opens with a mark, and is otherwise recovered or
/// dropped within its paragraph, so an unbalanced mark never disturbs the rest of the document.
public struct QuoteMarkPairer {
    let scope: QuoteScope
    /// The longest quotation, in tokens: a pairing that would span more is taken as stray marks,
    /// so that text with marks but no sentence structure stays linear.
    static let maxQuoteTokens = 1500

    enum Family { case double, single }
    enum Role { case open, close, either, none }

    struct Open {
        var token: Int
        var family: Family
        var paragraph: Int
        var multiParagraph: Bool
        var strong: Bool
    }

    /// All quotation spans of the searched regions, ordered by start.
    public func pairs() -> [QuoteSpan] {
        var out: [QuoteSpan] = []
        out.reserveCapacity(scope.markTokens.count / 2 + 1)
        // One list of visited tokens and one stack, emptied for each region.
        var visited: [Int] = []
        var stack = OpenMarks()
        for (k, region) in scope.regions.enumerated() {
            self.visited(region, sentences: scope.regionSentences[k], into: &visited)
            stack.removeAll()
            pair(region, visiting: visited, stack: &stack, into: &out)
        }
        out.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
        return out
    }

    /// The tokens of a region that can change the pairing: its quotation marks and the first token
    /// of each paragraph, ascending. (Any other token of the current paragraph changes nothing.)
    /// They go into `out`, emptied first (its storage kept for the next region).
    func visited(_ region: Range<Int>, sentences: Range<Int>, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        let marks = scope.markTokens, all = scope.sentences
        // The first mark of the region.
        var lo = 0, hi = marks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(marks[mid]) < region.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var q = lo
        // At most one token per sentence and mark.
        hi = marks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(marks[mid]) < region.upperBound { lo = mid + 1 } else { hi = mid }
        }
        out.reserveCapacity(sentences.count + lo - q)
        var paragraph = -1
        for si in sentences {
            let r = all[si].tokens
            guard !r.isEmpty, all[si].paragraph >= 0 else { continue }
            let opens = all[si].paragraph != paragraph
            if opens {
                out.append(r.lowerBound)
                paragraph = all[si].paragraph
            }
            while q < marks.count, Int(marks[q]) < r.upperBound {
                let t = Int(marks[q])
                q += 1
                if t >= r.lowerBound, !(opens && t == r.lowerBound) { out.append(t) }
            }
        }
    }

    /// Pairs the marks of a region, given its `visited` tokens and an empty stack (lent, so that
    /// its storage serves every region).
    func pair(_ region: Range<Int>, visiting visited: [Int], stack: inout OpenMarks, into out: inout [QuoteSpan]) {
        let tokens = scope.tokens
        var paragraph = -1
        var paragraphFirst = region.lowerBound
        for i in visited {
            guard let p = scope.paragraph(ofToken: i) else { continue }
            // A mark opened more than `maxQuoteTokens` back can neither close nor be recovered, nor
            // enclose what follows: forgetting it keeps the stack, and every search of it, bounded.
            stack.forget(before: i - Self.maxQuoteTokens)
            if p != paragraph {
                if paragraph >= 0 {
                    // A paragraph that opens with a mark continues the one quotation left open.
                    let opener = tokens[i].kind == .quote ? classify(i) : nil
                    var continued = false
                    if let opener, opener.role == .open || opener.role == .either,
                       let k = stack.lastIndex(where: { $0.family == opener.family }), stack.endIndex - k <= 2,
                       stack[..<k].allSatisfy({ $0.family != opener.family }) {
                        var keep = stack[k]
                        recoverOutermost(stack[..<k], paragraphEnd: i, into: &out)
                        keep.multiParagraph = true
                        keep.paragraph = p
                        stack.removeAll()
                        stack.append(keep)
                        continued = true
                    } else {
                        recoverOutermost(stack[...], paragraphEnd: i, into: &out)
                        stack.removeAll()
                    }
                    paragraph = p
                    paragraphFirst = i
                    if continued { continue }
                } else {
                    paragraph = p
                    paragraphFirst = i
                }
            }
            guard tokens[i].kind == .quote, let mark = classify(i) else { continue }
            switch mark.role {
            case .none:
                break
            case .open:
                stack.append(Open(token: i, family: mark.family, paragraph: p, multiParagraph: false, strong: true))
            case .either:
                if let k = stack.lastIndex(where: { $0.family == mark.family }) {
                    close(at: i, stackIndex: k, stack: &stack, into: &out)
                } else {
                    stack.append(Open(token: i, family: mark.family, paragraph: p, multiParagraph: false, strong: false))
                }
            case .close:
                if mark.family == .double {
                    if let k = stack.lastIndex(where: { $0.family == .double }) {
                        close(at: i, stackIndex: k, stack: &stack, into: &out)
                    } else if scope.firstUnit(i) == 0x22, hasStraightMark(after: i, paragraph: p, limit: region.upperBound) {
                        // A mistyped opening mark ('said," For example …"'): another straight mark follows.
                        stack.append(Open(token: i, family: .double, paragraph: p, multiParagraph: false, strong: false))
                    } else {
                        recoverMissingOpener(closer: i, paragraphFirst: paragraphFirst, into: &out)
                    }
                } else if let top = stack.last, top.family == .single {
                    close(at: i, stackIndex: stack.endIndex - 1, stack: &stack, into: &out)
                }
                // A single closing mark with no single quotation open is an apostrophe ("Kurds’").
            }
        }
        // What the last token of a paragraph would have forgotten.
        var last = region.upperBound - 1
        while last >= region.lowerBound, scope.paragraph(ofToken: last) == nil { last -= 1 }
        if last >= region.lowerBound { stack.forget(before: last - Self.maxQuoteTokens) }
        recoverOutermost(stack[...], paragraphEnd: region.upperBound, into: &out)
    }

    /// Of the quotations left open at a paragraph's end, only the outermost double one can be
    /// recovered: it holds the others.
    func recoverOutermost(_ open: Slice<OpenMarks>, paragraphEnd: Int, into out: inout [QuoteSpan]) {
        if let o = open.first(where: { $0.family == .double && $0.strong }) { recover(o, paragraphEnd: paragraphEnd, into: &out) }
    }

    /// Closes the quotation opened at `stack[k]`; quotations opened after it and still open were
    /// not quotations (apostrophes or stray marks) and are dropped.
    func close(at closer: Int, stackIndex k: Int, stack: inout OpenMarks, into out: inout [QuoteSpan]) {
        let o = stack[k]
        stack.removeSuffix(from: k)
        guard closer > o.token + 1, closer - o.token <= Self.maxQuoteTokens else { return }
        let start = Int(scope.tokens[o.token].end), end = Int(scope.tokens[closer].start)
        out.append(QuoteSpan(open: o.token, close: closer, first: o.token + 1, last: closer, start: start, end: end,
                             depth: stack.count, multiParagraph: o.multiParagraph))
    }

    /// A double quotation still open where its paragraph ends: when it opened clearly and runs to
    /// a finished sentence of a few words, the closing mark was forgotten; otherwise it is dropped.
    func recover(_ o: Open, paragraphEnd: Int, into out: inout [QuoteSpan]) {
        guard o.family == .double, o.strong else { return }
        var last = min(paragraphEnd, o.token + Self.maxQuoteTokens)
        while last > o.token + 1, scope.paragraph(ofToken: last - 1) != o.paragraph { last -= 1 }
        guard last > o.token + 1, paragraphEnd - o.token <= Self.maxQuoteTokens else { return }
        var words = 0
        for t in (o.token + 1)..<last where scope.tokens[t].kind == .word {
            words += 1
            if words >= 4 { break }
        }
        let final = scope.tokens[last - 1]
        let u = scope.units[Int(final.start)]
        guard words >= 4, final.kind == .punctuation, u == 0x2E || u == 0x3F || u == 0x21 else { return }
        out.append(QuoteSpan(open: o.token, close: nil, first: o.token + 1, last: last, start: Int(scope.tokens[o.token].end),
                             end: Int(final.end), depth: 0, multiParagraph: o.multiParagraph))
    }

    /// A closing double mark with no opening one, when the paragraph starts with the quoted words
    /// (a forgotten opening mark): it ends the quotation left open at the end of the paragraph
    /// before, or else, when a cue follows the mark, quotes the paragraph up to it.
    func recoverMissingOpener(closer: Int, paragraphFirst: Int, into out: inout [QuoteSpan]) {
        guard closer > paragraphFirst + 2, closer - paragraphFirst <= Self.maxQuoteTokens,
              scope.tokens[paragraphFirst].isCapitalised else { return }
        if (paragraphFirst..<closer).contains(where: { scope.tokens[$0].kind == .quote }) { return }
        let words = scope.wordCount(paragraphFirst..<closer, upTo: 3)
        guard words >= 3, let paragraph = scope.paragraph(ofToken: paragraphFirst) else { return }
        if let k = out.indices.last, out[k].close == nil, out[k].depth == 0,
           scope.paragraph(ofToken: out[k].last - 1) == paragraph - 1 {
            out[k].close = closer
            out[k].last = closer
            out[k].end = Int(scope.tokens[closer].start)
            out[k].multiParagraph = true
            return
        }
        var cueFollows = false
        var t = closer + 1
        while t < scope.tokens.count, t <= closer + 4, scope.paragraph(ofToken: t) == paragraph {
            if scope.tokens[t].kind == .word, scope.lexicon.longestCue(in: scope.tokens, from: t, limit: scope.tokens.count) != nil {
                cueFollows = true
                break
            }
            t += 1
        }
        guard cueFollows else { return }
        out.append(QuoteSpan(open: nil, close: closer, first: paragraphFirst, last: closer,
                             start: Int(scope.tokens[paragraphFirst].start), end: Int(scope.tokens[closer].start),
                             depth: 0, multiParagraph: false))
    }

    /// Whether another straight double mark follows in the paragraph.
    func hasStraightMark(after i: Int, paragraph: Int, limit: Int) -> Bool {
        var t = i + 1
        while t < limit, t <= i + Self.maxQuoteTokens, scope.paragraph(ofToken: t) == paragraph {
            if scope.tokens[t].kind == .quote, scope.firstUnit(t) == 0x22 { return true }
            t += 1
        }
        return false
    }

    /// The family of a mark and whether it opens or closes, from the characters on both sides.
    func classify(_ i: Int) -> (family: Family, role: Role)? {
        let t = scope.tokens[i]
        let units = scope.units
        let ch = units[Int(t.start)]
        let family: Family
        switch ch {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x300C, 0x300D: family = .double
        case 0x27, 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A: family = .single
        default: return nil
        }
        let before: UInt16 = t.start > 0 ? units[Int(t.start) - 1] : 0x20
        let after: UInt16 = Int(t.end) < units.count ? units[Int(t.end)] : 0x20
        let leftBound = Self.isSpace(before) || Self.opensBefore(before) || Self.isMark(before)
        let rightBound = Self.isSpace(after) || Self.closesAfter(after) || Self.isMark(after)
        let prefersOpen = ch == 0x201C || ch == 0x201E || ch == 0xAB || ch == 0x2018 || ch == 0x201A || ch == 0x2039 || ch == 0x300C
        let prefersClose = ch == 0x201D || ch == 0xBB || ch == 0x2019 || ch == 0x203A || ch == 0x300D
        var role: Role
        switch (leftBound, rightBound) {
        case (true, false): role = .open
        case (false, true): role = .close
        default: role = prefersOpen ? .open : prefersClose ? .close : .either
        }
        if family == .single {
            // Elisions and apostrophes: "'90s", "rock 'n' roll", a lone straight mark between spaces.
            if role == .open, after >= 0x30, after <= 0x39 { role = .none }
            if leftBound && rightBound && !prefersOpen { role = .none }
            if !leftBound && !rightBound { role = .none }
        }
        return (family, role)
    }

    static func isSpace(_ u: UInt16) -> Bool { Tokenizer.isSpace(u) }

    /// The marks still open, oldest first (so in token order). Indexes are absolute: forgetting the
    /// oldest marks moves `startIndex` up without shifting the rest, so it costs nothing per mark.
    struct OpenMarks: RandomAccessCollection {
        private var storage: [Open] = []
        private(set) var startIndex = 0
        var endIndex: Int { storage.count }

        subscript(i: Int) -> Open { storage[i] }

        mutating func append(_ o: Open) { storage.append(o) }

        /// Drops the marks from index `k` on (one or two, as a rule: popped one by one).
        mutating func removeSuffix(from k: Int) {
            while storage.count > k { storage.removeLast() }
            if startIndex >= storage.count { removeAll() }
        }

        /// Empties the stack, keeping its storage (an empty one is left as it is).
        mutating func removeAll() {
            if !storage.isEmpty { storage.removeAll(keepingCapacity: true) }
            startIndex = 0
        }

        /// Forgets the marks opened at tokens before `token`.
        mutating func forget(before token: Int) {
            if storage.isEmpty { return }
            while startIndex < storage.count, storage[startIndex].token < token { startIndex += 1 }
            if startIndex == storage.count {
                removeAll()
            } else if startIndex > 64, startIndex * 2 > storage.count {
                storage.removeFirst(startIndex)
                startIndex = 0
            }
        }
    }

    static func opensBefore(_ u: UInt16) -> Bool {
        u == 0x28 || u == 0x5B || u == 0x7B || u == 0x2D || u == 0x2013 || u == 0x2014 || u == 0x2F || u == 0x3A
    }
    static func closesAfter(_ u: UInt16) -> Bool {
        switch u {
        case 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x2026, 0x2D, 0x2013, 0x2014, 0x2F: return true
        default: return false
        }
    }
    static func isMark(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x27, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2039, 0x203A: return true
        default: return false
        }
    }
}

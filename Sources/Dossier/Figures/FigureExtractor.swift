/// Finds figures: casualty counts, border crossings, money, percentages, durations, ages and
/// other counts, with the value as a number, the counted unit, a qualifier ("over", "about"),
/// low/high for ranges, and the verb and place when the sentence gives them.
///
/// The rules come in families, one file each, with an example corpus per family in
/// `Corpus/figures/` that doubles as its test: numbers (`NumberRules`), what is not a figure
/// (`NonFigureRules`), units (`UnitRules`), categories, ages and places (`CategoryRules`) and
/// elliptical counts (`EllipsisRule`). Word lists live in `Language/en/figures_*.txt`.
public struct FigureExtractor: Sendable {
    let language: LanguageData
    let lexicon: FigureLexicon
    /// `lexicon`, by reference, for the scans.
    let words: SharedFigureLexicon

    public init(language: LanguageData) {
        self.language = language
        self.lexicon = .english
        words = SharedFigureLexicon(lexicon)
    }

    /// Figure records for the searched sentences.
    public func extract(_ context: MatchContext, entities: [EntityMention], records: RecordBuilder) -> [Record] {
        extract(context, entities: entities).map { $0.record(builder: records) }
    }

    /// The figures of the searched sentences, in text order, their number signals found here
    /// (tests, `extract(_:entities:records:)`).
    func extract(_ context: MatchContext, entities: [EntityMention]) -> [Figure] {
        extract(context, entities: entities, signalled: nil)
    }

    /// The figures of the searched sentences, in text order, given the searched sentences that
    /// hold a number signal (`signalled(_:)`, or the quote stage's pass over the tokens when it
    /// found them: nil when it did not). Not inlined: the stage's entry point for
    /// `Scripts/profile_stages.sh`.
    @inline(never) func extract(_ context: MatchContext, entities: [EntityMention], signalled: SignalledSentences?) -> [Figure] {
        let signalled = signalled ?? self.signalled(context)
        guard !signalled.sentences.isEmpty else { return [] }
        let document = FigureDocument(tokens: context.tokens, language: language, entities: entities)
        var out: [Figure] = []
        context.tokens.withUnsafeBufferPointer { tokenBuffer in
            context.document.utf16.withUnsafeBufferPointer { unitBuffer in
                // One scan for the document, moved from sentence to sentence: one a sentence retained
                // and released the document and the lexicon.
                var scan = FigureScan(document: document, words: words, tokens: tokenBuffer, units: unitBuffer, lo: 0, hi: 0)
                for sentence in signalled.sentences {
                    scan.lo = sentence.tokens.lowerBound
                    scan.hi = sentence.tokens.upperBound
                    // An article reads as a number only right before a number word, so no number starts
                    // before the token preceding the first signal.
                    let first = max(sentence.tokens.lowerBound, sentence.firstSignal - 1)
                    if let starts = sentence.starts {
                        scan.appendFigures(from: first, trying: signalled.starts[starts], to: &out)
                    } else {
                        scan.appendFigures(from: first, to: &out)
                    }
                }
            }
        }
        return out
    }

    /// The searched sentences that hold a number signal, with their first signal, in order. A
    /// cheap first pass: most sentences have no number at all.
    func signalled(_ context: MatchContext) -> SignalledSentences {
        let signals = lexicon.numberSignalKeys, filter = lexicon.numberSignalFilter
        var out = SignalledSentences()
        context.tokens.withUnsafeBufferPointer { tokenBuffer in
            context.document.utf16.withUnsafeBufferPointer { unitBuffer in
                for sentence in context.searched {
                    guard let first = Self.firstNumberSignal(tokenBuffer, unitBuffer, in: sentence.tokens, signals: signals, filter: filter) else {
                        continue
                    }
                    out.sentences.append(SignalledSentence(tokens: sentence.tokens, firstSignal: first, starts: nil))
                }
            }
        }
        return out
    }

    /// The first token of the range that starts with a digit or is a number word that is more
    /// than an article, or nil when there is none. Not inlined, so that its loop keeps its few
    /// values in registers: two branches a token, both on rare outcomes (a digit, a key the
    /// prefilter lets through).
    @inline(never) static func firstNumberSignal(_ tokens: UnsafeBufferPointer<Token>, _ units: UnsafeBufferPointer<UInt16>,
                                                 in range: Range<Int>, signals: KeySet, filter: KeyPrefilter) -> Int? {
        filter.withBits { bits in
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                if units[Int(tokens[i].start)] &- 0x30 < 10 { return i }
                let key = tokens[i].key
                let h = KeyPrefilter.bit(key)
                if bits[h >> 6] >> UInt64(h & 63) & 1 != 0, tokens[i].kind == .word, signals.contains(key) { return i }
                i += 1
            }
            return nil
        }
    }
}

extension FigureScan {
    /// Appends the figures of the sentence to `out`, in text order; no number starts before token
    /// `first`. The rules that look at neighbouring figures see only this sentence's ones.
    func appendFigures(from first: Int, to out: inout [Figure]) {
        let base = out.count
        var i = first
        while i < hi {
            guard mayStartNumber(i), let n = readNumber(at: i) else { i += 1; continue }
            if out.count == out.capacity, out.isEmpty { out.reserveCapacity(16) }
            i = max(figure(for: n, into: &out), i + 1)
        }
        finishFigures(from: base, in: &out)
    }

    /// `appendFigures(from:to:)` given the sentence's tokens that may start a number
    /// (`mayStartNumber`), ascending: only those are tried, in the same order.
    func appendFigures(from first: Int, trying starts: ArraySlice<Int32>, to out: inout [Figure]) {
        let base = out.count
        var i = first
        for start in starts where Int(start) >= i {
            let c = Int(start)
            guard let n = readNumber(at: c) else { continue }
            if out.count == out.capacity, out.isEmpty { out.reserveCapacity(16) }
            i = max(figure(for: n, into: &out), c + 1)
        }
        finishFigures(from: base, in: &out)
    }

    /// Types, places and keeps the figures `out` gained from `base` on (this sentence's).
    func finishFigures(from base: Int, in out: inout [Figure]) {
        guard out.count > base else { return }
        for k in base..<out.count { applyCue(&out[k]) }
        inheritForward(&out, from: base)
        inheritElliptical(&out, from: base)
        // The kept figures move down, in order, without a second array.
        var kept = base
        for k in base..<out.count where finish(&out[k]) {
            if kept != k { out.swapAt(kept, k) }
            kept += 1
        }
        out.removeLast(out.count - kept)
    }

    /// Gives a figure its age and place; false when it is not kept. (In place: passing the figure
    /// by value would copy its strings.)
    @inline(__always) func finish(_ f: inout Figure) -> Bool {
        applyAge(&f)
        guard keep(f) else { return false }
        if f.type != .duration && f.type != .age && f.type != .percent { f.place = findPlace(f) }
        return true
    }

    /// Bare number words are kept only when a cue, a vague plural or an earlier count gives them
    /// meaning ("two were killed", "millions", "three with Iran"); "one" needs a unit.
    @inline(__always) func keep(_ f: Figure) -> Bool {
        if f.isOne {
            if has(f.numberStart - 1, .pronounOne) || has(f.numberEnd, .notAfterOne) { return false }
            // "One day, she…", "she said one day": an idiom unless a preposition or bound leads in
            if f.type == .duration, f.start == f.numberStart,
               !(isWord(f.start - 1) && language.stopWords.contains(key(f.start - 1))) { return false }
            return !f.bare || f.cued
        }
        if f.bare, f.words, !f.standsAlone, !f.cued { return false }
        return true
    }

    /// Appends the figure built on number `n`, if any, to `out`; returns where to resume scanning.
    func figure(for n: NumberSpan, into out: inout [Figure]) -> Int {
        var start = n.start
        var currency: String?
        if let c = phrase(lexicon.currenciesBefore, lastWords: lexicon.currencyBeforeLastWords, endingAt: n.start) {
            currency = c.payload
            start = c.start
        }
        var qualifier: String?
        if let q = phrase(lexicon.qualifiers, lastWords: lexicon.qualifierLastWords, endingAt: start) {
            qualifier = q.payload
            start = q.start
        }
        if let resume = nonFigureEnd(n, hasQualifier: qualifier != nil || currency != nil) { return resume }
        var n = n
        // "the 100m final": metres, not millions, when no currency leads and a singular noun follows
        if currency == nil, n.millionsAsM, isWord(n.end), tokens[n.end].shape == .lower, !looksPlural(n.end),
           !language.stopWords.contains(key(n.end)), phrase(lexicon.units, startingAt: n.end) == nil {
            n.value /= n.factor
            n.factor = 1
            n.hasSuffixUnit = true  // the glued "m"
        }
        if n.form == .ordinal { return ordinalFigure(n, into: &out) }
        var f = Figure(start: start, end: n.end, value: n.value, numberStart: n.start, numberEnd: n.end,
                       bare: true, words: n.form != .digits)
        f.qualifier = qualifier ?? vagueWord(n)
        f.factor = n.factor
        f.isOne = n.form == .words && key(n.start) == FigureKeys.one && n.end == n.start + 1
        f.standsAlone = n.form == .vague || n.form == .fraction || n.factor > 1
        if let currency { setMoney(&f, currency) }
        var last = n
        if let m = rangeEnd(n, figureStart: start) {
            if isDate(m) { return m.end }
            var low = n.value
            if n.factor == 1, m.factor > 1, n.value * m.factor <= m.value { low *= m.factor; f.factor = m.factor }
            f.low = low
            f.high = m.value
            f.value = low
            f.end = m.end
            f.numberEnd = m.end
            if isKey(start - 1, FigureKeys.between) {
                f.start = start - 1
                f.qualifier = "between"
            }
            last = m
        }
        attachUnit(&f, number: last, after: f.end)
        if f.bare, !f.typeFixed, has(f.start - 1, .age) { applyAge(&f) }
        let end = f.end
        out.appendMoving(&f)
        return end
    }

    /// The second number of a range: "between 200 and 300", "20-30", "20 to 30" (not "from 20 to 30").
    func rangeEnd(_ n: NumberSpan, figureStart: Int) -> NumberSpan? {
        let e = n.end
        var second: Int?
        if isKey(figureStart - 1, FigureKeys.between), isKey(e, FigureKeys.and) {
            second = e + 1
        } else if inSentence(e), tokens[e].kind == .dash, isJoiningDash(e) || firstUnit(e) == 0x2013 {
            second = e + 1
        } else if has(e, .rangeTo), !has(figureStart - 1, .rangeFrom) {
            second = e + 1
        }
        guard var s = second, s < hi else { return nil }
        if let c = phrase(lexicon.currenciesBefore, startingAt: s) { s = c.end }
        guard s < hi, mayStartNumber(s), let m = readNumber(at: s), m.form == n.form || (n.form == .digits && m.form == .digits),
              m.value > n.value * (m.factor > n.factor ? m.factor / n.factor : 1) || (n.factor == 1 && m.factor > 1 && m.value > n.value),
              !m.isTimeOrDecade, m.form != .ordinal else { return nil }
        return m
    }

    /// Ordinals count only in fixed patterns: "for the third time", "the fifth consecutive day",
    /// "the second attack". Appends the figure, if any, to `out`; returns where to resume scanning.
    func ordinalFigure(_ n: NumberSpan, into out: inout [Figure]) -> Int {
        guard has(n.start - 1, .determiner) else { return n.end }
        var j = n.end
        let modified = has(j, .ordinalModifier)
        if modified { j += 1 }
        guard isWord(j) else { return n.end }
        let unit = phrase(lexicon.units, startingAt: j)
        let attack = unit?.payload.figureType == .attacks
        guard modified || key(j) == FigureKeys.time || attack else { return n.end }
        var f = Figure(start: n.start, end: unit?.end ?? j + 1, value: n.value, numberStart: n.start, numberEnd: n.end,
                       bare: false, words: n.form != .digits)
        f.unit = unit?.payload.unit ?? text(j..<(unit?.end ?? j + 1)).lowercased()
        f.qualifier = "ordinal"
        if attack { setType(&f, .attacks) } else { f.typeFixed = true }
        let end = f.end
        out.appendMoving(&f)
        return end
    }
}

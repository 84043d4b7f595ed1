/// Unit rules: what a number counts. Percent signs and words, currencies after the number,
/// hyphenated compounds ("nine-month", "35-year-old"), "of" after vague numbers and fractions
/// ("millions of Shia"), and the counted noun phrase ("attempted suicide bombings").
extension FigureScan {
    /// Attaches the unit after token `e` (the end of the number) to `f`.
    func attachUnit(_ f: inout Figure, number n: NumberSpan, after e: Int) {
        if let s = suffixUnit(n) {
            f.unit = s
            f.bare = false
            return
        }
        if let m = phrase(lexicon.units, startingAt: e), m.payload.figureType == .percent {
            setType(&f, .percent)
            f.unit = m.payload.unit
            f.end = m.end
            f.bare = false
            return
        }
        if let m = phrase(lexicon.currenciesAfter, startingAt: e) {
            setMoney(&f, m.payload)
            f.end = m.end
            return
        }
        if f.currency != nil { return }
        // "nine-month", "35-year-old", "five-storey"
        if isJoiningDash(e), isWord(e + 1), !lexicon.candidateKeys.contains(key(e + 1)) {
            if let m = phrase(lexicon.units, startingAt: e + 1), let unit = m.payload.unit, m.payload.figureType == .duration {
                setType(&f, .duration)
                f.unit = unit
                f.end = m.end
                if isJoiningDash(f.end), has(f.end + 1, .ageAfter) {
                    setType(&f, .age)
                    f.end += 2
                }
            } else if tokens[e + 1].shape == .lower {
                f.unit = lower(e + 1)
                f.end = e + 2
            } else {
                return
            }
            f.bare = false
            return
        }
        var s = e
        var viaOf = false
        if isKey(s, FigureKeys.of) {
            // "millions of Shia", "half of the town", "three of the victims"
            let determiner = has(s + 1, .determiner)
            if n.form == .vague || n.form == .fraction || n.factor > 1 || determiner {
                s += 1
                viaOf = true
                if determiner { s += 1 }
                if let m = phrase(lexicon.currenciesAfter, startingAt: s) {
                    setMoney(&f, m.payload)
                    return
                }
            }
        } else if n.form == .fraction, has(s, .determiner) {
            s += 1  // "half the town"
            viaOf = true
        }
        guard let np = nounPhrase(from: s, afterOf: viaOf, singular: n.value == 1 && n.factor == 1) else { return }
        f.bare = false
        f.unit = np.info?.unit ?? text(np.start..<np.end)
        if let t = np.info?.figureType { setType(&f, t) }
        if !viaOf { f.end = np.end }
        // "35 years old"
        if f.type == .duration, has(np.end, .ageAfter), !viaOf {
            setType(&f, .age)
            f.end = np.end + 1
        }
    }

    func setType(_ f: inout Figure, _ t: FigureType) {
        f.type = t
        f.typeFixed = true
    }

    func setMoney(_ f: inout Figure, _ code: String) {
        setType(&f, .money)
        f.currency = code
        f.unit = code
        f.bare = false
    }

    /// The counted noun phrase starting at `s`: up to four words ending at a known unit, a plural
    /// or the end of the phrase; nil when a function word, verb cue or punctuation comes first.
    func nounPhrase(from first: Int, afterOf: Bool, singular: Bool = false) -> NounPhrase? {
        var s = first
        var j = s
        var count = 0
        while j < hi, count < 4 {
            if !isWord(j) {
                if isJoiningDash(j), isWord(j + 1), count > 0 { j += 1; continue }
                break
            }
            if let m = phrase(lexicon.units, startingAt: j) { return NounPhrase(start: skipAdjectives(s, j), end: m.end, info: m.payload) }
            let k = key(j)
            // "189 other galleries", "200 more people"
            if j == s, has(j, .unitAdjective), isWord(j + 1) { j += 1; continue }
            // a participle after a noun is a verb: "one poster admitted", "one poster writing"
            if count > 0, endsWith(j, "ed") || endsWith(j, "ing") { break }
            if language.stopWords.contains(k) || has(j, .notUnit) || has(j, .month) || has(j, .weekday)
                || lexicon.candidateKeys.contains(k) || phrase(lexicon.cues, startingAt: j) != nil || endsWith(j, "ly") {
                break
            }
            // after "one town", a word ending in -s is a verb: "one town remains"
            if looksPlural(j) {
                if singular, count > 0 { break }
                return NounPhrase(start: skipAdjectives(s, j), end: j + 1, info: nil)
            }
            count += 1
            j += 1
        }
        s = skipAdjectives(s, j)
        guard j > s else { return nil }
        // "South Korea 1 – 0 Panama": a name after the number is not what it counts
        if let m = mention(s), m.type != .organisation, m.tokens.upperBound >= j { return nil }
        // "millions of Shia walk": a capitalised name, then a lowercase verb
        if tokens[s].isCapitalised {
            var c = s
            while c < j, tokens[c].isCapitalised || tokens[c].kind == .dash { c += 1 }
            return NounPhrase(start: s, end: c, info: nil)
        }
        // A lone participle is a verb: "76 attended".
        if j == s + 1, endsWith(s, "ed") || endsWith(s, "ing") { return nil }
        let complete = j >= hi || !isWord(j) || language.stopWords.contains(key(j)) || phrase(lexicon.cues, startingAt: j) != nil
        if j - s <= 2, complete { return NounPhrase(start: s, end: j, info: nil) }
        return NounPhrase(start: s, end: s + 1, info: nil)
    }

    /// The first token after "other", "more" and the like, before `limit`.
    func skipAdjectives(_ s: Int, _ limit: Int) -> Int {
        var s = s
        while s < limit, has(s, .unitAdjective) { s += 1 }
        return s
    }

    /// Whether the token's text ends with an ASCII suffix (lowercase).
    func endsWith(_ i: Int, _ suffix: StaticString) -> Bool {
        let t = tokens[i]
        let n = suffix.utf8CodeUnitCount
        guard t.length > n + 1 else { return false }
        let u = units
        let base = suffix.utf8Start
        for k in 0..<n where u[Int(t.end) - n + k] | 0x20 != UInt16(base[k]) { return false }
        return true
    }
}

/// A counted noun phrase: its tokens and, when it is a known unit, the unit's entry. A named
/// type, not a tuple: an optional tuple is destroyed through the runtime's generic witnesses.
struct NounPhrase {
    var start: Int
    var end: Int
    var info: FigureLexicon.UnitInfo?
}

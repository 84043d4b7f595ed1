/// What is not a figure: years and dates ("in 2003", "10 March", "between 2007 and 2012"),
/// clock times ("5:30", "5pm"), phone numbers, identifiers ("Section 427", "Boeing 747",
/// "COVID-19"), list markers and page chrome ("5 Comments"), and numbers inside names.
extension FigureScan {
    /// If the number is not a figure, the token index to resume scanning from.
    func nonFigureEnd(_ n: NumberSpan, hasQualifier: Bool) -> Int? {
        let i = n.start
        if n.isTimeOrDecade { return n.end }
        if let covered = mentionTokens(i), covered.contains(n.end - 1) { return n.end }
        if n.form == .digits || n.form == .ordinal {
            if let e = timeEnd(n) { return e }
            if isDate(n) { return n.end }
            if let e = yearEnd(n, hasQualifier: hasQualifier) { return e }
            if let e = phoneEnd(n) { return e }
            if let e = scoreEnd(n) { return e }
            if isIdentifier(n, hasQualifier: hasQualifier) { return listEnd(n.end) }
            if isListMarker(n) { return n.end }
        }
        if isChromeOrAddress(n) { return n.end }
        return nil
    }

    /// "5:30", "9/11", "24/7", "5 pm", "10 GMT".
    func timeEnd(_ n: NumberSpan) -> Int? {
        let e = n.end
        if (isMark(e, 0x3A) || isMark(e, 0x2F)), attached(e), isDigit(e + 1), attached(e + 1) {
            var k = e + 2
            while (isMark(k, 0x3A) || isMark(k, 0x2F)) && attached(k) && isDigit(k + 1) && attached(k + 1) { k += 2 }
            return k
        }
        if (isMark(n.start - 1, 0x3A) || isMark(n.start - 1, 0x2F)), attached(n.start), attached(n.start - 1), isDigit(n.start - 2) {
            return n.end
        }
        if n.factor == 1, has(e, .time) { return e + 1 }
        // "at 10.30": a clock time written with a dot
        if n.integerDigits == nil, n.factor == 1, n.value < 24, isKey(n.start - 1, FigureKeys.at) {
            let t = text(n.start)
            if let dot = t.firstIndex(of: "."), t.distance(from: dot, to: t.endIndex) == 3 { return n.end }
        }
        return nil
    }

    /// A day number next to a month: "10 March", "March 10", "10th of March", "Monday 10".
    func isDate(_ n: NumberSpan) -> Bool {
        guard n.factor == 1, n.value >= 1, n.value <= 31, n.value.rounded() == n.value, n.integerDigits != nil || n.form == .ordinal else {
            return false
        }
        let e = n.end
        if has(e, .month) || (isKey(e, FigureKeys.of) && has(e + 1, .month)) { return true }
        var p = n.start - 1
        if isMark(p, 0x2E) { p -= 1 }  // "Sept. 10"
        return has(p, .month) || has(p, .weekday)
    }

    /// Four-digit years: "2003", "in 1990", "2012-13", "between 2007 and 2012" — unless what follows
    /// is a counted plural ("2000 people", "some 1500 troops").
    func yearEnd(_ n: NumberSpan, hasQualifier: Bool) -> Int? {
        guard n.integerDigits == 4, n.value >= 1000, n.value <= 2100 else {
            // "300 BC"
            if n.integerDigits != nil, has(n.end, .era) { return n.end + 1 }
            return nil
        }
        let e = n.end
        // "2012-13", "2007-2012", "2000 - 2050", "2007/08"
        if inSentence(e), tokens[e].kind == .dash || isMark(e, 0x2F), isDigit(e + 1) { return e + 2 }
        // "in 2003", "March 2003", "the 2014 protests"
        let p = n.start - 1
        let prevYearWord = has(p, .yearBefore) || has(p, .month) || (isMark(p, 0x2C) && has(p - 2, .month))
            || (has(p, .determiner) && !hasQualifier)
        if !prevYearWord, (hasQualifier || countedNounFollows(e)) { return nil }
        return e
    }

    /// Whether a plural noun or a known counted noun follows (so a four-digit number is a count).
    func countedNounFollows(_ e: Int) -> Bool {
        guard isWord(e) else { return false }
        if phrase(lexicon.units, startingAt: e) != nil { return true }
        var j = e
        while j < min(e + 3, hi), isWord(j), !language.stopWords.contains(key(j)) {
            if looksPlural(j) { return true }
            j += 1
        }
        return false
    }

    /// Phone numbers: "020 7946 0958", "555-1234", "+44 20 …".
    func phoneEnd(_ n: NumberSpan) -> Int? {
        guard n.integerDigits != nil else { return nil }
        if n.leadingZero { return skipDigitGroups(from: n.end) }
        if isMark(n.start - 1, 0x2B) { return skipDigitGroups(from: n.end) }
        let e = n.end
        // digit groups separated by spaces: "020 7946 0958", "555 1234"
        if isDigit(e), tokens[e].spaceBefore, (n.integerDigits ?? 0) >= 3, tokens[e].length >= 3, !isMark(e - 1, 0x2C) {
            return skipDigitGroups(from: e)
        }
        // "555-1234", "1-800-555-0100"
        if isJoiningDash(e), isDigit(e + 1) {
            let second = tokens[e + 1].length
            let third = isJoiningDash(e + 2) && isDigit(e + 3)
            if third || ((n.integerDigits ?? 0) >= 3 && second == 4) { return skipDigitGroups(from: e) }
        }
        return nil
    }

    func skipDigitGroups(from e: Int) -> Int {
        var k = e
        while isDigit(k) || ((isJoiningDash(k) || isMark(k, 0x2E)) && isDigit(k + 1)) { k += 1 }
        return k
    }

    /// "Section 427", "Row 21", "page 5", "No. 10", "#3", "Boeing 747", "COVID-19", "F-16".
    func isIdentifier(_ n: NumberSpan, hasQualifier: Bool) -> Bool {
        if hasQualifier { return false }
        let p = n.start - 1
        guard inSentence(p) else { return false }
        if isMark(p, 0x23) { return true }  // "#3"
        if isMark(p, 0x2E), attached(p), isKey(p - 1, FigureKeys.no) { return true }
        // "COVID-19", "F-16": a word glued to the number by a hyphen
        if tokens[p].kind == .dash, attached(n.start), attached(p), isWord(p - 1) { return true }
        guard tokens[p].kind == .word else { return false }
        let k = key(p)
        if lexicon.identifiersBefore.contains(k) { return true }
        // A capitalised word that is not a function word, month, qualifier or cue: "Boeing 747".
        guard tokens[p].isCapitalised || tokens[p].shape == .mixed, attached(n.start) == false else { return false }
        if language.stopWords.contains(k) || has(p, .month) || has(p, .weekday) || has(p, .yearBefore) || has(p, .age) { return false }
        if phrase(lexicon.cues, lastWords: lexicon.cueLastWords, endingAt: n.start) != nil || phrase(lexicon.currenciesBefore, lastWords: lexicon.currencyBeforeLastWords, endingAt: n.start) != nil { return false }
        if lexicon.candidateKeys.contains(k) { return false }
        // "Iraq 2" at the start of a sentence is unusual; a capital after the sentence start is a name.
        return true
    }

    /// "Sweden won 2 – 1", "ended 0-0": a score, not a range (the first is not below the second,
    /// or single digits around a spaced dash).
    func scoreEnd(_ n: NumberSpan) -> Int? {
        let e = n.end
        guard n.integerDigits != nil, inSentence(e), tokens[e].kind == .dash, isDigit(e + 1) else { return nil }
        let spaced = tokens[e].spaceBefore && tokens[e + 1].spaceBefore
        let second = Double(text(e + 1)) ?? 0
        if second <= n.value || (spaced && n.value < 10 && second < 10) { return e + 2 }
        return nil
    }

    /// The end of a list of identifiers: "posts 542 and 543", "rooms 4, 5 and 6".
    func listEnd(_ e: Int) -> Int {
        var k = e
        while (isMark(k, 0x2C) || isKey(k, FigureKeys.and) || isKey(k, FigureKeys.or)), isDigit(k + 1) { k += 2 }
        return k
    }

    /// "1." or "2)" at the start of a line or sentence; "[1]" footnotes.
    func isListMarker(_ n: NumberSpan) -> Bool {
        let first = n.start == lo || tokens[n.start].lineBreakBefore
        if first, isMark(n.end, 0x2E) || isMark(n.end, 0x29), !isDigit(n.end + 1) { return true }
        if isMark(n.start - 1, 0x5B), isMark(n.end, 0x5D) { return true }
        return false
    }

    /// "5 Comments", "10 Downing Street", "Channel 4 News" (a name around the number).
    func isChromeOrAddress(_ n: NumberSpan) -> Bool {
        let e = n.end
        guard isWord(e) else { return false }
        // "5 Comments" (chrome is capitalised; "500 comments" in running text is a count)
        if lexicon.identifiersAfter.contains(key(e)), tokens[e].isCapitalised { return true }
        // "10 Downing Street": capitalised words then a street word
        if n.form == .digits, tokens[e].isCapitalised {
            var j = e
            while j < min(e + 3, hi), isWord(j), tokens[j].isCapitalised {
                if lexicon.identifiersAfter.contains(key(j)) { return true }
                j += 1
            }
        }
        return false
    }

    /// A lowercase word that looks like an English plural ("crossings", not "crisis" or "glass").
    func looksPlural(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.length > 3 else { return false }
        let u = units
        let last = u[Int(t.end) - 1] | 0x20
        guard last == 0x73 else { return false }  // s
        let prev = u[Int(t.end) - 2] | 0x20
        return prev != 0x73 && prev != 0x75 && prev != 0x69  // not -ss, -us, -is
    }
}

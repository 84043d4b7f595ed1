/// Names that no list holds, from their shape and the words around them:
/// - organisations: a capitalised run ending in (or opening with) an organisation keyword,
///   "Badr Organisation", "Ministry of Defence";
/// - places: a capitalised run next to a place keyword, "the Karada district", "Anbar Province";
/// - people: a run of two to four capitalised words with a known given name first (or second,
///   after a descriptive word: "Scientologist Tom Cruise"), or a known surname last or first;
/// - organisations again: an unknown acronym ("FTU", "DAB") not listed as a common abbreviation.
public struct NameRules: Sendable {
    let language: LanguageData
    let gazetteer: Gazetteer

    public func mention(at i: Int, in sentence: Sentence, context: MatchContext) -> EntityMention? {
        guard let found = name(at: i, in: sentence, context: context) else { return nil }
        return make(found.tokens, found.type, context, source: found.source)
    }

    /// The tokens, type and source of the name at token `i`, if there is one.
    func name(at i: Int, in sentence: Sentence, context: MatchContext) -> (tokens: Range<Int>, type: EntityType, source: MentionSource)? {
        let tokens = context.tokens
        let limit = sentence.tokens.upperBound
        // Only at the start of a run: the previous word is not capitalised.
        if i > sentence.tokens.lowerBound, tokens[i - 1].kind == .word, tokens[i - 1].isCapitalised,
           !language.stopWords.contains(tokens[i - 1].key) { return nil }
        var run = NameRun.capitalised(from: i, limit: limit, context: context, language: language)
        guard !run.isEmpty else { return nil }
        // "militant Shia Badr Organisation": a nationality before a listed name is not part of it
        // ("Greek Orthodox Church" and "Iraqi Army" keep theirs).
        if gazetteer.demonyms[tokens[i].key] != nil, run.count >= 3,
           let listed = gazetteer.names.longest(in: tokens, from: i + 1, limit: run.upperBound), listed.end == run.upperBound {
            return nil
        }
        // Organisation: "X Y Organisation", "Ministry of Z", "University of Z".
        if let org = organisation(run, context: context, limit: limit) { return (org, .organisation, .pattern) }
        // Drop a leading demonym or sentence-initial function word: "Iraqi Kurdistan" is listed; "Kurdish Masoud".
        while !run.isEmpty, isNonName(run.lowerBound, context: context, sentence: sentence) {
            run = (run.lowerBound + 1)..<run.upperBound
        }
        guard !run.isEmpty else { return nil }
        // Place: "the Karada district", "Lake Chad".
        let after = run.upperBound
        if after < limit, tokens[after].shape == .lower, language.placeKeywords[tokens[after].key] == .after,
           run.count <= 3, i > sentence.tokens.lowerBound,
           isDeterminer(i - 1, context: context) || language.locativeWords.contains(tokens[i - 1].key) {
            return (run, .place, .pattern)
        }
        if let last = run.last, language.placeKeywords[tokens[last].key] == .after, run.count >= 2 {
            return (run, .place, .pattern)
        }
        if language.placeKeywords[tokens[run.lowerBound].key] == .before, run.count >= 2 {
            return (run, .place, .pattern)
        }
        if let person = person(run, context: context, sentence: sentence) { return (person, .person, .givenName) }
        if run.count == 1, let org = acronym(run.lowerBound, context: context, sentence: sentence) { return (org, .organisation, .pattern) }
        return nil
    }

    /// A person's name within a capitalised run, from the given-name and surname lists.
    func person(_ run: Range<Int>, context: MatchContext, sentence: Sentence) -> Range<Int>? {
        let tokens = context.tokens
        // The capitalised words of the run: how many, the first, the second and the last.
        var count = 0, first = -1, second = -1, last = -1
        for i in run where tokens[i].kind == .word && tokens[i].isCapitalised {
            // A word in capitals that is not an initial ("NATO") makes no person's name.
            if tokens[i].shape == .upper && tokens[i].length > 2 && !isInitial(i, context: context) { return nil }
            count += 1
            if first < 0 { first = i } else if second < 0 { second = i }
            last = i
        }
        guard count >= 2, count <= 5 else { return nil }
        let sentenceStart = run.lowerBound == sentence.tokens.lowerBound
        if count <= 4, isGivenName(first, context: context, sentence: sentence) || isInitial(first, context: context) {
            return trimmed(run, context: context)
        }
        if count >= 3, isGivenName(second, context: context, sentence: sentence), !isGivenName(first, context: context, sentence: sentence) {
            return trimmed(second..<run.upperBound, context: context)
        }
        if count <= 3, isSurname(last, context: context),
           !sentenceStart || isGivenName(first, context: context, sentence: sentence) || isSurname(first, context: context) {
            return run
        }
        // After a role in lowercase: "mayor Luca Pastorino", "striker Romelu Lukaku".
        if count <= 4, afterLowercaseRole(run.lowerBound, context: context, sentence: sentence),
           everyWord(of: run, tokens: tokens, { tokens[$0].shape == .capitalised && !language.stopWords.contains(tokens[$0].key) }) {
            return run
        }
        // Family name first, as in Chinese and Korean names: "Lee Cheuk-yan", "Wong Kwok-kin", "Kim Min-Woo".
        if count == 2 || count == 3, let dash = run.first(where: { tokens[$0].kind == .dash }), dash > first, dash + 1 < run.upperBound,
           isSurname(first, context: context) || tokens[dash + 1].shape == .lower || isSyllablePair(dash, context: context) {
            return run
        }
        // Two or three unknown capitalised words that are nothing else are most often a person in news
        // ("Romelu Lukaku", "Nunzio Galantino"): none is an everyday word, a keyword, a title or a date.
        if count <= 3, everyWord(of: run, tokens: tokens, { plainNameWord($0, context: context) }) {
            return run
        }
        return nil
    }

    /// Whether every capitalised word of the run passes `test`.
    @inline(__always)
    func everyWord(of run: Range<Int>, tokens: [Token], _ test: (Int) -> Bool) -> Bool {
        for i in run where tokens[i].kind == .word && tokens[i].isCapitalised {
            if !test(i) { return false }
        }
        return true
    }

    /// A listed given name; an ambiguous one ("Will") not first in its sentence.
    func isGivenName(_ i: Int, context: MatchContext, sentence: Sentence) -> Bool {
        let key = context.tokens[i].key
        return gazetteer.givenNames.contains(key) || (gazetteer.ambiguousGivenNames.contains(key) && i != sentence.tokens.lowerBound)
    }

    /// A listed surname the document never writes in lowercase.
    func isSurname(_ i: Int, context: MatchContext) -> Bool {
        let key = context.tokens[i].key
        return gazetteer.surnames.contains(key) && !context.lowercaseWords.contains(key)
    }

    /// A person's run without a trailing label word before a colon: "Ahmed Mohamed Image: …" → "Ahmed Mohamed".
    func trimmed(_ run: Range<Int>, context: MatchContext) -> Range<Int> {
        let last = run.upperBound - 1
        guard run.count > 2, run.upperBound < context.tokens.count, context.firstUnit(run.upperBound) == 0x3A,
              language.commonWords.contains(context.tokens[last].key) else { return run }
        return run.lowerBound..<last
    }

    /// "K.C" or "J" followed by a dot.
    func isInitial(_ i: Int, context: MatchContext) -> Bool {
        let t = context.tokens[i]
        guard t.isCapitalised, t.length <= 3, i + 1 < context.tokens.count, context.firstUnit(i + 1) == 0x2E else { return false }
        return t.length == 1 || context.document.utf16[Int(t.start)..<Int(t.end)].contains(0x2E)
    }

    /// Two short syllables joined by a hyphen, as Korean and Chinese given names are written: "Joo-Ho", "Hee-Chan".
    func isSyllablePair(_ dash: Int, context: MatchContext) -> Bool {
        let a = context.tokens[dash - 1], b = context.tokens[dash + 1]
        return a.kind == .word && b.kind == .word && a.length >= 2 && a.length <= 4 && b.length >= 2 && b.length <= 4
            && !context.lowercaseWords.contains(a.key) && !context.lowercaseWords.contains(b.key)
    }

    /// The word before `i` is a title or role written in lowercase ("mayor", "striker").
    func afterLowercaseRole(_ i: Int, context: MatchContext, sentence: Sentence) -> Bool {
        guard i > sentence.tokens.lowerBound else { return false }
        let previous = context.tokens[i - 1]
        guard previous.kind == .word, previous.shape == .lower else { return false }
        return language.roleWords.contains(previous.key)
    }

    /// A capitalised word that can only be part of a name here.
    func plainNameWord(_ i: Int, context: MatchContext) -> Bool {
        let t = context.tokens[i]
        guard t.shape == .capitalised, t.length >= 2 else { return false }
        let k = t.key
        return !context.lowercaseWords.contains(k) && !language.commonWords.contains(k) && !language.calendarWords.contains(k)
            && language.organisationKeywords[k] == nil && language.placeKeywords[k] == nil && gazetteer.demonyms[k] == nil
            && language.titles.longestEnd(in: context.tokens, from: i, limit: i + 1) == nil
            && !gazetteer.ambiguousGivenNames.contains(k)
    }

    /// An unknown acronym of two to six capitals, not in a line of capitals, not a common abbreviation.
    func acronym(_ i: Int, context: MatchContext, sentence: Sentence) -> Range<Int>? {
        let tokens = context.tokens
        let t = tokens[i]
        guard t.shape == .upper, t.length >= 2, t.length <= 6, !language.nonEntityAcronyms.contains(t.key),
              context.document.utf16[Int(t.start)..<Int(t.end)].allSatisfy({ $0 != 0x2E }),
              !language.stopWords.contains(t.key) || t.length > 2 else { return nil }
        var shouting = 0
        for j in max(sentence.tokens.lowerBound, i - 3)..<min(sentence.tokens.upperBound, i + 4) where j != i {
            if tokens[j].kind == .word, tokens[j].shape == .upper { shouting += 1 }
        }
        return shouting >= 2 ? nil : i..<(i + 1)
    }

    func organisation(_ run: Range<Int>, context: MatchContext, limit: Int) -> Range<Int>? {
        let tokens = context.tokens
        guard let last = run.last else { return nil }
        if run.count >= 2, let p = language.organisationKeywords[tokens[last].key], p == .last || p == .both {
            return run
        }
        // "Ministry of Defence", "University of Baghdad": keyword, "of", capitalised words.
        if let p = language.organisationKeywords[tokens[run.lowerBound].key], p == .first || p == .both {
            // "Union of Rationalist Atheists and Agnostics": connectives and capitalised runs, up to eight words.
            var end = run.upperBound
            while end + 1 < limit, end - run.lowerBound < 8, language.nameConnectives.contains(tokens[end].key), tokens[end].shape == .lower {
                var from = end + 1
                if from + 1 < limit, language.determiners.contains(tokens[from].key), tokens[from].shape == .lower { from += 1 }
                let rest = NameRun.capitalised(from: from, limit: limit, context: context, language: language, maxWords: 4)
                if rest.isEmpty { break }
                end = rest.upperBound
            }
            if end > run.lowerBound + 1 { return run.lowerBound..<end }
        }
        return nil
    }

    /// A word that cannot open a name: a demonym, or a function word starting the sentence.
    func isNonName(_ i: Int, context: MatchContext, sentence: Sentence) -> Bool {
        let t = context.tokens[i]
        if gazetteer.demonyms[t.key] != nil { return true }
        if language.stopWords.contains(t.key) { return true }
        return false
    }

    func isDeterminer(_ i: Int, context: MatchContext) -> Bool {
        language.determiners.contains(context.tokens[i].key)
    }


    func make(_ r: Range<Int>, _ type: EntityType, _ context: MatchContext, source: MentionSource = .pattern) -> EntityMention {
        let tokens = context.tokens
        return EntityMention(tokens: r, start: Int(tokens[r.lowerBound].start), end: Int(tokens[r.upperBound - 1].end),
                             type: type, canonical: nil, id: nil, source: source)
    }
}

/// Names that no list holds, from their shape and the words around them:
/// - organisations: a capitalised run ending in (or opening with) an organisation keyword,
///   "Badr Organisation", "Ministry of Defence";
/// - places: a capitalised run next to a place keyword, "the Karada district", "Anbar Province";
/// - people: a run of two to four capitalised words opening with a known given name.
public struct NameRules: Sendable {
    let language: LanguageData
    let gazetteer: Gazetteer

    public func mention(at i: Int, in sentence: Sentence, context: MatchContext) -> EntityMention? {
        let tokens = context.tokens
        let limit = sentence.tokens.upperBound
        // Only at the start of a run: the previous word is not capitalised.
        if i > sentence.tokens.lowerBound, tokens[i - 1].kind == .word, tokens[i - 1].isCapitalised { return nil }
        var run = NameRun.capitalised(from: i, limit: limit, context: context, language: language)
        guard !run.isEmpty else { return nil }
        // Organisation: "X Y Organisation", "Ministry of Z", "University of Z".
        if let org = organisation(run, context: context, limit: limit) { return make(org, .organisation, context) }
        // Drop a leading demonym or sentence-initial function word: "Iraqi Kurdistan" is listed; "Kurdish Masoud".
        while !run.isEmpty, isNonName(run.lowerBound, context: context, sentence: sentence) {
            run = (run.lowerBound + 1)..<run.upperBound
        }
        guard !run.isEmpty else { return nil }
        // Place: "the Karada district", "Lake Chad".
        let after = run.upperBound
        if after < limit, tokens[after].shape == .lower, language.placeKeywords[tokens[after].key] == .after,
           run.count <= 3, i > sentence.tokens.lowerBound, isDeterminer(i - 1, context: context) {
            return make(run, .place, context)
        }
        if let last = run.last, language.placeKeywords[tokens[last].key] == .after, run.count >= 2 {
            return make(run, .place, context)
        }
        if language.placeKeywords[tokens[run.lowerBound].key] == .before, run.count >= 2 {
            return make(run, .place, context)
        }
        // Person: a given name and one to three more capitalised words.
        let first = tokens[run.lowerBound]
        let words = run.filter { tokens[$0].kind == .word && tokens[$0].isCapitalised }.count
        if words >= 2, words <= 4, gazetteer.givenNames.contains(first.key),
           !gazetteer.ambiguousGivenNames.contains(first.key) || run.lowerBound > sentence.tokens.lowerBound {
            return make(run, .person, context, source: .givenName)
        }
        return nil
    }

    func organisation(_ run: Range<Int>, context: MatchContext, limit: Int) -> Range<Int>? {
        let tokens = context.tokens
        guard let last = run.last else { return nil }
        if run.count >= 2, let p = language.organisationKeywords[tokens[last].key], p == .last || p == .both {
            return run
        }
        // "Ministry of Defence", "University of Baghdad": keyword, "of", capitalised words.
        if let p = language.organisationKeywords[tokens[run.lowerBound].key], p == .first || p == .both {
            var end = run.upperBound
            if end + 1 < limit, language.nameConnectives.contains(tokens[end].key), tokens[end].shape == .lower {
                let rest = NameRun.capitalised(from: end + 1, limit: limit, context: context, language: language, maxWords: 4)
                if !rest.isEmpty { end = rest.upperBound }
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
        NameRules.determiners.contains(context.tokens[i].key)
    }

    static let determiners: Set<UInt64> = Set(["the", "a", "an"].map { TokenKey.of($0) })

    func make(_ r: Range<Int>, _ type: EntityType, _ context: MatchContext, source: MentionSource = .pattern) -> EntityMention {
        let tokens = context.tokens
        return EntityMention(tokens: r, start: Int(tokens[r.lowerBound].start), end: Int(tokens[r.upperBound - 1].end),
                             type: type, canonical: nil, id: nil, source: source)
    }
}

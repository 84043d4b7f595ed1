/// Finds gazetteer names in sentences, longest match first, left to right, in time linear in
/// the tokens. A name matches only with the letter case its words need ("ISIS" and "Isis" match
/// the entry "Isis"; "turkey" does not match "Turkey"), and a name flagged as an everyday word
/// needs to stand where a name can: not first in its sentence.
public struct GazetteerMatcher: Sendable {
    let gazetteer: Gazetteer
    let language: LanguageData

    public init(gazetteer: Gazetteer, language: LanguageData = .english) {
        self.gazetteer = gazetteer
        self.language = language
    }

    /// The best gazetteer name starting at token `i`, if any: its end and entry.
    @inline(__always)
    public func match(at i: Int, in sentence: Sentence, context: MatchContext) -> (end: Int, entry: Int)? {
        let t = context.tokens[i]
        // Most words open no listed name: one probe of the trie tells.
        guard t.kind == .word || t.kind == .number, let node = gazetteer.names.firstNode(startingWith: t.key),
              let found = bestMatch(at: i, reached: node, in: sentence, context: context) else { return nil }
        return (found.end, Int(found.name.entry))
    }

    /// `match` once a name may start at token `i`: `node` is where its first word leads in the trie.
    /// The name found holds what a mention needs of its entry but strings.
    func bestMatch(at i: Int, reached node: PhraseTrieSlot, in sentence: Sentence, context: MatchContext) -> (end: Int, name: GazetteerName)? {
        let tokens = context.tokens
        // Among names of the same length, prefer the best-ranked, most populous entry (`isPreferred`,
        // compiled into each name's preference).
        let found = gazetteer.names.bestOfLongestRankedFirst(in: tokens, from: i, reached: node, limit: sentence.tokens.upperBound, accept: { name, range in
            accepts(name, range, sentence: sentence, tokens: tokens) && fitsContext(name, range, sentence: sentence, context: context)
        }, isBetter: { a, b in
            a.preference < b.preference
        })
        guard let found else { return nil }
        return (found.end, found.payload)
    }

    func accepts(_ name: GazetteerName, _ range: Range<Int>, sentence: Sentence, tokens: [Token]) -> Bool {
        // An everyday word is not a name at the start of a sentence (the cheapest test first).
        if name.isCommon, range.lowerBound == sentence.tokens.lowerBound { return false }
        var word = 0
        var capitalised = false
        var i = range.lowerBound
        while i < range.upperBound {
            let t = tokens[i]
            if t.kind == .dash && i > range.lowerBound { i += 1; continue }
            let need = (name.casePattern >> (2 * UInt64(word))) & 3
            switch need {
            case 1: if !t.isCapitalised && t.kind != .number { return false }
            case 2: if t.shape != .upper { return false }
            default: break
            }
            if t.isCapitalised { capitalised = true }
            word += 1
            i += 1
        }
        guard capitalised else { return false }
        if name.isCommon {
            // An everyday word: not in an all-capitals headline either.
            if tokens[range.lowerBound].shape == .upper && name.casePattern & 3 != 2 { return false }
        }
        return true
    }

    /// A one-word name from the open-data place lists ("Alia", "Salem", "Eden", "Batman", "USI")
    /// is doubted where it is more likely part of another name or an everyday word:
    /// - next to another capitalised word ("Alia Salem", "Junius Ho", "Kim Jong-un"), unless that
    ///   word is a title or keyword ("Texas Governor", "Mosul University" is left to the rules);
    /// - written in lowercase elsewhere in the document, or an organisation or place keyword;
    /// - an acronym, or a given name or surname, unless a locative word precedes it ("in Irving").
    func fitsContext(_ name: GazetteerName, _ range: Range<Int>, sentence: Sentence, context: MatchContext) -> Bool {
        guard name.wordCount == 1, name.type == .place else { return true }
        let isGeonames = name.idKind == .geonames
        guard isGeonames || name.idKind == .iso3166Division else { return true }
        let tokens = context.tokens
        let t = tokens[range.lowerBound]
        let limit = sentence.tokens.upperBound
        if t.shape == .upper { return false }
        if context.lowercaseWords.contains(t.key) || language.organisationKeywords[t.key] != nil || language.placeKeywords[t.key] != nil {
            return false
        }
        let next = range.upperBound
        if next < limit, tokens[next].kind == .word, tokens[next].isCapitalised, language.titles.longestEnd(in: tokens, from: next, limit: limit) == nil {
            return false
        }
        let previous = range.lowerBound - 1
        if previous >= sentence.tokens.lowerBound, tokens[previous].kind == .word, tokens[previous].isCapitalised,
           !language.stopWords.contains(tokens[previous].key) {
            return false
        }
        // Part of a hyphenated word: "Joo-Ho", "Ho-Chan".
        if previous >= sentence.tokens.lowerBound, tokens[previous].kind == .dash, !t.spaceBefore { return false }
        if next < limit, tokens[next].kind == .dash, !tokens[next].spaceBefore { return false }
        if isGeonames,
           gazetteer.givenNames.contains(t.key) || gazetteer.ambiguousGivenNames.contains(t.key) || gazetteer.surnames.contains(t.key) {
            return previous >= sentence.tokens.lowerBound && language.locativeWords.contains(tokens[previous].key)
        }
        return true
    }
}

/// Names that no list or rule knows but the document itself shows to be names: a capitalised word
/// used at least twice inside sentences, never in lowercase, not an everyday word. Its type comes
/// from the company it keeps across its uses: after "in"/"from" it is a place, before "said" or
/// after a role ("striker") a person, after "the" an organisation; a given name is a person.
/// Every use becomes a mention, the one that opens a sentence too.
public struct RepeatedNameResolver: Sendable {
    let language: LanguageData
    let gazetteer: Gazetteer
    /// The keys that are never a repeated name whatever the document: function, calendar and
    /// role words, demonyms, keywords. One set, so that a candidate is checked with one probe
    /// instead of one a list (the everyday words, 12,000 of them, keep their own test).
    let excluded: KeySet

    public init(language: LanguageData, gazetteer: Gazetteer) {
        self.language = language
        self.gazetteer = gazetteer
        var excluded = KeySet()
        let lists: [[UInt64]] = [Array(language.stopWords), Array(language.calendarWords), gazetteer.demonyms.keys,
                                 language.organisationKeywords.keys, language.placeKeywords.keys, Array(language.roleWords)]
        excluded.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists { for key in list { excluded.insert(key) } }
        self.excluded = excluded
    }

    struct Votes {
        var uses: [Int] = []
        var inside = 0
        var person = 0
        var place = 0
        var organisation = 0
    }

    /// Takes the mentions (`consuming`): a caller that hands over its last copy spares copying them.
    public func resolve(_ mentions: consuming [EntityMention], context: MatchContext) -> [EntityMention] {
        let tokens = context.tokens
        // 1 for a token inside a mention (bytes, so that the test below needs no branch).
        var covered = [UInt8](repeating: 0, count: tokens.count)
        for k in mentions.indices { for i in mentions[k].tokens { covered[i] = 1 } }
        var votes: KeyMap<Votes> = [:]
        var capitalised = TokenListCursor(context.capitalisedWords)
        for sentence in context.searched {
            for p in capitalised.positions(in: sentence.tokens) where covered[Int(capitalised.indexes[p])] == 0 {
                let i = Int(capitalised.indexes[p])
                let t = tokens[i]
                guard t.shape == .capitalised, t.length >= 3, isCandidate(t.key, context: context) else { continue }
                // Single words only: a neighbouring capitalised word makes it part of a longer name.
                if i + 1 < sentence.tokens.upperBound, tokens[i + 1].kind == .word, tokens[i + 1].isCapitalised { continue }
                if i > sentence.tokens.lowerBound, tokens[i - 1].kind == .word, tokens[i - 1].isCapitalised,
                   !language.stopWords.contains(tokens[i - 1].key) { continue }
                let inside = i > sentence.tokens.lowerBound
                vote(&votes[t.key, default: Votes()], at: i, inside: inside, sentence: sentence, context: context)
            }
        }
        var out = consume mentions
        // A known given name used alone inside a sentence is a person even once ("Marilyn").
        for (key, v) in votes where v.inside >= 2 || (v.inside == 1 && gazetteer.givenNames.contains(key) && !language.commonWords.contains(key)) {
            let type: EntityType
            if v.place > max(v.person, v.organisation) { type = .place }
            else if v.person > v.organisation || (v.person == v.organisation && gazetteer.givenNames.contains(key)) { type = .person }
            else if v.organisation >= 2 { type = .organisation }
            else { continue }
            for i in v.uses {
                let t = tokens[i]
                let text = context.text(i)
                out.append(EntityMention(tokens: i..<(i + 1), start: Int(t.start), end: Int(t.end), type: type, canonical: text,
                                         id: AliasResolver.localID(text), source: .repeated))
            }
        }
        out.sortByStart()
        return out
    }

    func isCandidate(_ key: UInt64, context: MatchContext) -> Bool {
        !context.lowercaseWords.contains(key) && !excluded.contains(key)
            && (!language.commonWords.contains(key) || gazetteer.givenNames.contains(key) || gazetteer.surnames.contains(key))
    }

    /// `isCandidate` as the lists themselves answer it, one by one (for tests).
    func isCandidateByLists(_ key: UInt64, context: MatchContext) -> Bool {
        !context.lowercaseWords.contains(key) && !language.stopWords.contains(key)
            && (!language.commonWords.contains(key) || gazetteer.givenNames.contains(key) || gazetteer.surnames.contains(key))
            && !language.calendarWords.contains(key) && gazetteer.demonyms[key] == nil && language.organisationKeywords[key] == nil
            && language.placeKeywords[key] == nil && !language.roleWords.contains(key)
    }

    func vote(_ v: inout Votes, at i: Int, inside: Bool, sentence: Sentence, context: MatchContext) {
        let tokens = context.tokens
        v.uses.append(i)
        if inside { v.inside += 1 }
        if i > sentence.tokens.lowerBound {
            let p = tokens[i - 1].key
            if language.locativeWords.contains(p), tokens[i - 1].shape == .lower { v.place += 1 }
            if language.determiners.contains(p) { v.organisation += 1 }
            if language.roleWords.contains(p) { v.person += 2 }
        }
        if i + 1 < sentence.tokens.upperBound {
            let next = tokens[i + 1]
            if language.agentVerbs[next.key] == .speech { v.person += 1 }
            if next.kind == .clitic { v.person += 1 }
        }
        if gazetteer.givenNames.contains(tokens[i].key) || gazetteer.surnames.contains(tokens[i].key) { v.person += 1 }
    }
}

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

    /// What a candidate word's uses say about it: how many are inside a sentence (not its first
    /// word), and the votes for each type.
    struct Votes {
        var key: UInt64
        var inside = 0
        var person = 0
        var place = 0
        var organisation = 0
        /// What the votes make it, once counted (`nameType`).
        var type: EntityType?
    }

    /// Takes the mentions (`consuming`): a caller that hands over its last copy spares copying them.
    public func resolve(_ mentions: consuming [EntityMention], context: MatchContext) -> [EntityMention] {
        let tokens = context.tokens
        let covered = CoveredTokens(count: tokens.count, mentions: mentions)
        defer { covered.deallocate() }
        var tally = RepeatedNameTally(room: context.capitalisedWords.count)
        defer { tally.deallocate() }
        var capitalised = TokenListCursor(context.capitalisedWords)
        for sentence in context.searched {
            for p in capitalised.positions(in: sentence.tokens) where covered[Int(capitalised.indexes[p])] == 0 {
                let i = Int(capitalised.indexes[p])
                let t = tokens[i]
                guard t.shape == .capitalised, t.length >= 3 else { continue }
                // Single words only: a neighbouring capitalised word makes it part of a longer name.
                // (The next word first: it needs no lookup.)
                if i + 1 < sentence.tokens.upperBound, tokens[i + 1].kind == .word, tokens[i + 1].isCapitalised { continue }
                guard isCandidate(t.key, context: context) else { continue }
                if i > sentence.tokens.lowerBound, tokens[i - 1].kind == .word, tokens[i - 1].isCapitalised,
                   !language.stopWords.contains(tokens[i - 1].key) { continue }
                let inside = i > sentence.tokens.lowerBound
                let n = tally.use(t.key, at: i)
                vote(&tally.tallies[n], at: i, inside: inside, sentence: sentence, context: context)
            }
        }
        var out = consume mentions
        out.sortByStart()
        guard tally.useCount > 0 else { return out }
        // The type of each word that is a name (none: nil). A known given name used alone inside a
        // sentence is a person even once ("Marilyn").
        for n in 0..<tally.count { tally.tallies[n].type = nameType(tally.tallies[n]) }
        // Each use becomes a mention, put after the mentions that start at or before it, as a stable
        // sort of them all by start would put it (uses come in text order: one cursor suffices).
        var position = 0, lastStart = Int.min
        for u in 0..<tally.useCount {
            guard let type = tally.tallies[Int(tally.uses[u].tally)].type else { continue }
            let i = Int(tally.uses[u].token)
            let t = tokens[i]
            let start = Int(t.start)
            if start < lastStart { position = 0 }
            lastStart = start
            while position < out.count, out[position].start <= start { position += 1 }
            // Its id is its own local id, spelt when the record is written.
            out.insert(EntityMention(tokens: i..<(i + 1), start: start, end: Int(t.end), type: type,
                                     names: .local(canonical: context.text(i)), source: .repeated), at: position)
            position += 1
        }
        return out
    }

    /// The type the votes give a word, or nil if it is not a name.
    func nameType(_ v: Votes) -> EntityType? {
        guard v.inside >= 2 || (v.inside == 1 && gazetteer.givenNames.contains(v.key) && !language.commonWords.contains(v.key)) else { return nil }
        if v.place > max(v.person, v.organisation) { return .place }
        if v.person > v.organisation || (v.person == v.organisation && gazetteer.givenNames.contains(v.key)) { return .person }
        if v.organisation >= 2 { return .organisation }
        return nil
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

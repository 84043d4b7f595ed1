/// Finds entity mentions in the searched sentences: titles before names, gazetteer names, and
/// rules for names no list holds (organisation and place keywords, given names).
public struct EntityRecognizer: Sendable {
    let language: LanguageData
    let gazetteer: Gazetteer
    let gazetteerMatcher: GazetteerMatcher
    let titleRule: TitleRule
    let nameRules: NameRules

    public init(language: LanguageData, gazetteer: Gazetteer) {
        self.language = language
        self.gazetteer = gazetteer
        gazetteerMatcher = GazetteerMatcher(gazetteer: gazetteer, language: language)
        titleRule = TitleRule(language: language, gazetteer: gazetteer)
        nameRules = NameRules(language: language, gazetteer: gazetteer)
    }

    public func recognize(_ context: MatchContext) -> [EntityMention] {
        // About one mention in a dozen tokens: room enough to spare most regrowing.
        var mentions = MentionBuffer(capacity: context.tokens.count / 8)
        let names = gazetteer.names
        let openers = gazetteer.lowercaseOpeners
        // The loop over every token reads tokens and filter words unchecked: each sentence's
        // range is checked once against the tokens, and a filter index is below 64 by its making.
        context.tokens.withUnsafeBufferPointer { tokens in
            gazetteer.lowercaseOpenerBits.withUnsafeBufferPointer { openerBits in
                precondition(openerBits.count == 64, "the opener filter has 4,096 bits")
                for sentence in context.searched {
                    precondition(sentence.tokens.lowerBound >= 0 && sentence.tokens.upperBound <= tokens.count,
                                 "sentence outside its tokens")
                    var i = sentence.tokens.lowerBound
                    let end = sentence.tokens.upperBound
                    while true {
                        // Most words open no mention: an uncapitalised word opens one only if a listed
                        // name whose first word needs no capital starts with it, which a filter and a
                        // small set tell before a probe of the gazetteer trie.
                        i = Self.firstOpener(from: i, to: end, in: tokens, openerBits: openerBits)
                        guard i < end else { break }
                        let t = tokens[i]
                        let node = t.isCapitalised || openers.contains(t.key) ? names.firstNode(startingWith: t.key) : nil
                        guard node != nil || t.isCapitalised else { i += 1; continue }
                        i = appendMention(at: i, reached: node, in: sentence, context: context, to: &mentions) ?? i + 1
                    }
                }
            }
        }
        return mentions.moveToArray()
    }

    /// The first token of `start..<end` that may open a mention (`mayOpenMention`), or `end`;
    /// `end` is at most `tokens.count`. A loop of its own, out of line, so that its few values
    /// stay in registers (inlined in `recognize`, it spilled them around the mention code).
    @inline(never)
    static func firstOpener(from start: Int, to end: Int, in tokens: UnsafeBufferPointer<Token>,
                            openerBits: UnsafeBufferPointer<UInt64>) -> Int {
        var i = start
        while i < end, !mayOpenMention(tokens[i], openerBits: openerBits) { i &+= 1 }
        return i
    }

    /// Whether token `t` may open a mention: a capitalised word, or a word in lowercase (or lowercase
    /// first, "iPhone") that the filter of lowercase openers lets through. The filter's bit picks the
    /// set of shapes that open, and the token's shape its bit in that set. (In `firstOpener`'s loop
    /// the compiler makes a branch of the kind test and of the filter's pick; a form all in shifts,
    /// with one branch, took 0.7 M more instructions over 200 documents to spare 10 K mispredicted
    /// branches.) `openerBits` holds 64 words.
    @inline(__always)
    static func mayOpenMention(_ t: Token, openerBits: UnsafeBufferPointer<UInt64>) -> Bool {
        let h = KeyPrefilter.bit(t.key)
        let maybeOpener = UInt32(truncatingIfNeeded: openerBits[h >> 6] >> UInt64(h & 63)) & 1
        // One bit a shape: capitalised words and words in capitals open a mention on their own,
        // words in lowercase or lowercase first only through the filter.
        let capitalisedShapes: UInt32 = 1 << TokenShape.capitalised.rawValue | 1 << TokenShape.upper.rawValue
        let lowerFirstShapes: UInt32 = 1 << TokenShape.lower.rawValue | 1 << TokenShape.mixed.rawValue
        let opening = capitalisedShapes | lowerFirstShapes &* maybeOpener
        let word = UInt32(t.kind == .word ? 1 : 0)
        return (opening &>> UInt32(t.shape.rawValue)) & word != 0
    }

    /// Appends the mention that starts at word `i`, if there is one, and returns the index past it.
    /// `node` is where the word leads in the gazetteer trie (nil: no listed name starts with it).
    /// (Appending in place spares copying mentions and their strings.)
    func appendMention(at i: Int, reached node: PhraseTrieSlot?, in sentence: Sentence, context: MatchContext,
                       to mentions: inout MentionBuffer) -> Int? {
        let tokens = context.tokens
        let t = tokens[i]
        let listed = node.flatMap { gazetteerMatcher.bestMatch(at: i, reached: $0, in: sentence, context: context) }
        if t.isCapitalised, titleRule.mayMatch(startingWith: t.key), let titled = titleRule.match(at: i, in: sentence, context: context),
           listed == nil || listed!.end <= titled.name.lowerBound,
           language.organisationKeywords[tokens[titled.name.upperBound - 1].key] == nil {
            mentions.append(person(titled.name, title: titled.title, info: titled.info, context: context, sentence: sentence))
            return mentions.lastTokenEnd
        }
        if let (end, name) = listed {
            // A lowercase "the" is not part of the name: "the West" → "West".
            let first = (t.shape == .lower && language.determiners.contains(t.key) && end > i + 1) ? i + 1 : i
            if let longer = keywordExtension(of: first..<end, type: name.type, context: context, sentence: sentence) {
                mentions.append(EntityMention(tokens: longer, start: Int(tokens[first].start), end: Int(tokens[longer.upperBound - 1].end),
                                              type: .organisation, canonical: nil, id: nil, source: .pattern))
                return longer.upperBound
            }
            mentions.append(EntityMention(tokens: first..<end, start: Int(tokens[first].start), end: Int(tokens[end - 1].end),
                                          type: name.type, names: .entry(gazetteer.entries[Int(name.entry)]), source: .gazetteer))
            return end
        }
        // A capitalised function word ("The", "In") opens no name that the gazetteer does not know.
        guard t.isCapitalised, !language.stopWords.contains(t.key),
              let found = nameRules.name(at: i, in: sentence, context: context) else { return nil }
        let name = found.tokens
        mentions.append(EntityMention(tokens: name, start: Int(tokens[name.lowerBound].start), end: Int(tokens[name.upperBound - 1].end),
                                      type: found.type, canonical: nil, id: nil, source: found.source))
        return name.upperBound
    }

    /// A person after a title; the gazetteer names them if it can.
    func person(_ name: Range<Int>, title: Range<Int>, info: TitleInfo, context: MatchContext, sentence: Sentence) -> EntityMention {
        let tokens = context.tokens
        var m = EntityMention(tokens: name, start: Int(tokens[name.lowerBound].start), end: Int(tokens[name.upperBound - 1].end),
                              type: .person, canonical: nil, id: nil, title: context.text(title), source: .title)
        m.gender = info.gender
        if let (end, entry) = gazetteerMatcher.match(at: name.lowerBound, in: sentence, context: context), end <= name.upperBound,
           gazetteer.entries[entry].type == .person {
            m.names = .entry(gazetteer.entries[entry])
            m.tokens = name.lowerBound..<end
            m.end = Int(tokens[end - 1].end)
        }
        return m
    }

    /// A listed name that opens a longer organisation name is part of it: "Badr Organisation",
    /// "Colorado State University", "US National Science Foundation". The longer name's tokens, if any.
    func keywordExtension(of name: Range<Int>, type: EntityType, context: MatchContext, sentence: Sentence) -> Range<Int>? {
        guard type != .organisation || name.count == 1,
              NameRun.mayStart(at: name.upperBound, limit: sentence.tokens.upperBound, tokens: context.tokens, language: language)
        else { return nil }
        let run = NameRun.capitalised(from: name.upperBound, limit: sentence.tokens.upperBound, context: context, language: language, maxWords: 5)
        guard let last = run.last, let p = language.organisationKeywords[context.tokens[last].key], p != .first else { return nil }
        return name.lowerBound..<run.upperBound
    }
}

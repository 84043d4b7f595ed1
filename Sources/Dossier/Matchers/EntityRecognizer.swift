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
        var mentions: [EntityMention] = []
        for sentence in context.searched {
            var i = sentence.tokens.lowerBound
            while i < sentence.tokens.upperBound {
                if let m = mention(at: i, in: sentence, context: context) {
                    mentions.append(m)
                    i = m.tokens.upperBound
                } else {
                    i += 1
                }
            }
        }
        return mentions
    }

    func mention(at i: Int, in sentence: Sentence, context: MatchContext) -> EntityMention? {
        let tokens = context.tokens
        let t = tokens[i]
        guard t.kind == .word, t.isCapitalised || t.shape == .lower || t.shape == .mixed else { return nil }
        let listed = gazetteerMatcher.match(at: i, in: sentence, context: context)
        if t.isCapitalised, let titled = titleRule.match(at: i, in: sentence, context: context),
           listed == nil || listed!.end <= titled.name.lowerBound,
           language.organisationKeywords[tokens[titled.name.upperBound - 1].key] == nil {
            return person(titled.name, title: titled.title, info: titled.info, context: context, sentence: sentence)
        }
        if let (end, entry) = listed {
            let e = gazetteer.entries[entry]
            // A lowercase "the" is not part of the name: "the West" → "West".
            let first = (t.shape == .lower && language.determiners.contains(t.key) && end > i + 1) ? i + 1 : i
            var m = EntityMention(tokens: first..<end, start: Int(tokens[first].start), end: Int(tokens[end - 1].end), type: e.type,
                                  canonical: e.canonical, id: e.id, source: .gazetteer)
            extendWithKeyword(&m, context: context, sentence: sentence)
            return m
        }
        // A capitalised function word ("The", "In") opens no name that the gazetteer does not know.
        guard t.isCapitalised, !language.stopWords.contains(t.key) else { return nil }
        return nameRules.mention(at: i, in: sentence, context: context)
    }

    /// A person after a title; the gazetteer names them if it can.
    func person(_ name: Range<Int>, title: Range<Int>, info: TitleInfo, context: MatchContext, sentence: Sentence) -> EntityMention {
        let tokens = context.tokens
        var m = EntityMention(tokens: name, start: Int(tokens[name.lowerBound].start), end: Int(tokens[name.upperBound - 1].end),
                              type: .person, canonical: nil, id: nil, title: context.text(title), source: .title)
        m.gender = info.gender
        if let (end, entry) = gazetteerMatcher.match(at: name.lowerBound, in: sentence, context: context), end <= name.upperBound,
           gazetteer.entries[entry].type == .person {
            m.canonical = gazetteer.entries[entry].canonical
            m.id = gazetteer.entries[entry].id
            m.tokens = name.lowerBound..<end
            m.end = Int(tokens[end - 1].end)
        }
        return m
    }

    /// A listed name that opens a longer organisation name is part of it: "Badr Organisation",
    /// "Colorado State University", "US National Science Foundation".
    func extendWithKeyword(_ m: inout EntityMention, context: MatchContext, sentence: Sentence) {
        guard m.type != .organisation || m.tokens.count == 1 else { return }
        let next = m.tokens.upperBound
        let run = NameRun.capitalised(from: next, limit: sentence.tokens.upperBound, context: context, language: language, maxWords: 5)
        guard let last = run.last, let p = language.organisationKeywords[context.tokens[last].key], p != .first else { return }
        m.type = .organisation
        m.canonical = nil
        m.id = nil
        m.tokens = m.tokens.lowerBound..<run.upperBound
        m.end = Int(context.tokens[last].end)
        m.source = .pattern
    }
}

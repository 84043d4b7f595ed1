/// Finds quotations and reported claims and attributes them to speakers (issue: quotes).
public struct QuoteExtractor: Sendable {
    let language: LanguageData

    public init(language: LanguageData) {
        self.language = language
    }

    /// Quote and claim records for the searched sentences.
    public func extract(_ context: MatchContext, entities: [EntityMention], records: RecordBuilder) -> [Record] {
        []
    }
}

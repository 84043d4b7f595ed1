/// Finds figures: counts, casualties, money, percentages, durations (issue: figures).
public struct FigureExtractor: Sendable {
    let language: LanguageData

    public init(language: LanguageData) {
        self.language = language
    }

    /// Figure records for the searched sentences.
    public func extract(_ context: MatchContext, entities: [EntityMention], records: RecordBuilder) -> [Record] {
        []
    }
}

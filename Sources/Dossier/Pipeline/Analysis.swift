/// Everything the pipeline found in one document, before it becomes records.
public struct Analysis: Sendable {
    public var document: Document
    public var zones: ZoneMap
    public var tokens: [Token]
    public var sentences: [Sentence]
    public var entities: [EntityMention]
    /// Figure records (see `Figures/`).
    public var figures: [Record] = []
    /// Quote and claim records (see `Quotes/`).
    public var quotes: [Record] = []
}

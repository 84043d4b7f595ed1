/// Everything the pipeline found in one document, before it becomes records.
public struct Analysis: Sendable {
    public var document: Document
    public var zones: ZoneMap
    public var tokens: [Token]
    public var sentences: [Sentence]
    public var entities: [EntityMention]
    /// The figures found (see `Figures/`), in text order; `extract` writes them without building records.
    var foundFigures: [Figure] = []
    /// The quotations and claims found (see `Quotes/`), in text order.
    var foundQuotes: [Attributed] = []

    /// Figure records (see `Figures/`).
    public var figures: [Record] {
        let builder = RecordBuilder(analysis: self)
        return foundFigures.map { $0.record(builder: builder) }
    }

    /// Quote and claim records (see `Quotes/`).
    public var quotes: [Record] {
        let builder = RecordBuilder(analysis: self)
        return foundQuotes.map { QuoteExtractor.record($0, builder: builder) }
    }
}

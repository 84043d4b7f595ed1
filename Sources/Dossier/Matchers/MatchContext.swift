/// What every matcher reads: the document, its tokens and sentences, and which sentences to search.
public struct MatchContext {
    public let document: Document
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// Sentences whose zone is searched for entities.
    public let searched: [Sentence]

    /// The text of a token range.
    public func text(_ r: Range<Int>) -> String {
        document.slice(Int(tokens[r.lowerBound].start), Int(tokens[r.upperBound - 1].end))
    }

    /// The text of one token.
    public func text(_ i: Int) -> String {
        document.slice(Int(tokens[i].start), Int(tokens[i].end))
    }

    /// The first UTF-16 unit of a token.
    public func firstUnit(_ i: Int) -> UInt16 { document.utf16[Int(tokens[i].start)] }
}

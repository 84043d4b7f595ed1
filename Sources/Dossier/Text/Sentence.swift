/// A sentence: its UTF-16 span (trimmed of surrounding space) and the tokens in it.
public struct Sentence: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// Indexes into the document's token array.
    public var tokens: Range<Int>
    /// The paragraph the sentence belongs to (paragraphs are separated by blank lines).
    public var paragraph: Int
}

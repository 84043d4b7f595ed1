/// A decoded article: its text, the UTF-16 view the text layer works on, where it came from,
/// and the metadata read from it. Offsets inside the pipeline are UTF-16 offsets into `utf16`;
/// `offsets` converts them to the Unicode code point offsets that records carry.
public struct Document: Sendable {
    /// The document id: a path as given, or the `id` of a JSONL input line.
    public let id: String
    /// The text that record offsets index (for HTML, the text extracted from the page).
    public let text: String
    /// `text` as UTF-16 code units, as ICU reads it.
    public let utf16: [UInt16]
    /// Converts UTF-16 offsets to code point offsets.
    public let offsets: OffsetMap
    /// Whether the text came from plain text or HTML.
    public let format: DocumentFormat
    /// Metadata found while reading (e.g. the HTML `<title>`), before zoning adds more.
    public var metadata: DocumentMetadata
    /// For HTML, the paragraphs of `text` and the markup around them; empty for plain text.
    public var blocks: [HTMLBlock]

    public init(id: String, text: String, format: DocumentFormat = .text, metadata: DocumentMetadata = .init(),
                blocks: [HTMLBlock] = []) {
        self.id = id
        self.text = text
        self.utf16 = Array(text.utf16)
        self.offsets = OffsetMap(utf16: utf16)
        self.format = format
        self.metadata = metadata
        self.blocks = blocks
    }

    /// The text between two UTF-16 offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        utf16.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF16.self) }
    }
}

/// The format a document was read from.
public enum DocumentFormat: String, Sendable {
    case text
    case html
}

/// What is known about a document beyond its text: title, author, source, tags.
public struct DocumentMetadata: Sendable, Equatable {
    public var title: String?
    public var author: String?
    public var source: String?
    public var published: String?
    public var publisher: String?
    public var tags: [String] = []
    public var categories: [String] = []

    public init(title: String? = nil, author: String? = nil, source: String? = nil) {
        self.title = title
        self.author = author
        self.source = source
    }
}

/// The three entity types of the record contract.
public enum EntityType: String, Sendable, CaseIterable {
    case person
    case place
    case organisation
}

/// An entity mention found by a matcher, before and after resolution.
public struct EntityMention: Sendable, Equatable {
    /// Token indexes of the name (titles excluded).
    public var tokens: Range<Int>
    /// UTF-16 span of the name.
    public var start: Int
    public var end: Int
    public var type: EntityType
    /// The resolved full name; nil until known.
    public var canonical: String?
    /// Gazetteer id, or a document-local id after resolution.
    public var id: String?
    /// The title before a person's name ("Interior Minister"), as written.
    public var title: String?
    /// What found it.
    public var source: MentionSource
    /// Gender from a title ("Mr", "Mrs"), when known.
    public var gender: Gender = .unknown

    public init(tokens: Range<Int>, start: Int, end: Int, type: EntityType, canonical: String?, id: String?,
                title: String? = nil, source: MentionSource) {
        self.tokens = tokens
        self.start = start
        self.end = end
        self.type = type
        self.canonical = canonical
        self.id = id
        self.title = title
        self.source = source
    }
}

/// The matcher or rule behind a mention.
public enum MentionSource: String, Sendable, CaseIterable {
    case gazetteer
    case title
    case givenName
    case pattern
    case acronym
    case alias
    case commenter
    /// A word the document uses as a name more than once.
    case repeated
}

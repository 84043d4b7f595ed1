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
    /// The canonical name and id: strings, or a gazetteer entry's, made into strings only when read.
    var names: MentionNames
    /// The title before a person's name ("Interior Minister"), as written.
    public var title: String?
    /// What found it.
    public var source: MentionSource
    /// Gender from a title ("Mr", "Mrs"), when known.
    public var gender: Gender = .unknown

    /// The resolved full name; nil until known.
    public var canonical: String? {
        get { names.canonical }
        set { names.canonical = newValue }
    }

    /// Gazetteer id, or a document-local id after resolution.
    public var id: String? {
        get { names.id }
        set { names.id = newValue }
    }

    /// `canonical != nil`, without making the string.
    public var hasCanonical: Bool { names.hasCanonical }

    /// `id != nil`, without making the string.
    public var hasID: Bool { names.hasID }

    /// Whether the mention has an id that starts with `prefix` (ASCII): `id?.hasPrefix(prefix)`,
    /// without making the string.
    public func idHasPrefix(_ prefix: StaticString) -> Bool { names.idHasPrefix(prefix) }

    /// Compares the names as strings, whatever holds them.
    public static func == (a: EntityMention, b: EntityMention) -> Bool {
        a.tokens == b.tokens && a.start == b.start && a.end == b.end && a.type == b.type && a.title == b.title
            && a.source == b.source && a.gender == b.gender && a.canonical == b.canonical && a.id == b.id
    }
}

// The initialisers live in an extension so that the struct keeps its memberwise initialiser
// (`init(tokens:start:end:type:names:title:source:gender:)`), which builds a mention in place: an
// initialiser in the struct's body that assigns its fields one by one built each mention in a
// temporary, copied it through its value witness and destroyed the temporary.
extension EntityMention {
    public init(tokens: Range<Int>, start: Int, end: Int, type: EntityType, canonical: String?, id: String?,
                title: String? = nil, source: MentionSource) {
        self.init(tokens: tokens, start: start, end: end, type: type, names: .strings(canonical: canonical, id: id), title: title, source: source)
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

/// A decoded article: its text, the UTF-16 view the text layer works on, where it came from,
/// and the metadata read from it. Offsets inside the pipeline are UTF-16 offsets into `utf16`;
/// `offsets` converts them to the Unicode code point offsets that records carry.
public struct Document: Sendable {
    /// The document id: a path as given, or the `id` of a JSONL input line.
    public let id: String
    /// The text that record offsets index (for HTML, the text extracted from the page), decoded
    /// from `utf16` on each use: the pipeline reads `utf16`, only a few commands read the text.
    public var text: String { utf16.withUnsafeBufferPointer { Document.string($0) } }
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
        var text = text
        let transcoded = text.withUTF8 { Document.transcode(utf8: $0) }
        self.init(id: id, utf16: transcoded.units, offsets: OffsetMap(highSurrogates: transcoded.highSurrogates),
                  format: format, metadata: metadata, blocks: blocks)
    }

    /// A document from valid UTF-8 bytes, transcoded once (no `String` is built); the offset map
    /// comes from the same pass.
    init(id: String, validUTF8 bytes: ArraySlice<UInt8>, format: DocumentFormat = .text) {
        let transcoded = bytes.withUnsafeBufferPointer { Document.transcode(utf8: $0) }
        self.init(id: id, utf16: transcoded.units, offsets: OffsetMap(highSurrogates: transcoded.highSurrogates),
                  format: format, metadata: .init(), blocks: [])
    }

    /// A plain-text document from its decoded bytes (valid UTF-8: `decoded.invalidAt` is nil).
    init(id: String, decoded: TextDecoding) {
        self.init(id: id, utf16: decoded.units, offsets: OffsetMap(highSurrogates: decoded.highSurrogates),
                  format: .text, metadata: .init(), blocks: [])
    }

    /// A document from its UTF-16 units.
    init(id: String, utf16: [UInt16], format: DocumentFormat, metadata: DocumentMetadata, blocks: [HTMLBlock]) {
        self.init(id: id, utf16: utf16, offsets: OffsetMap(utf16: utf16), format: format, metadata: metadata, blocks: blocks)
    }

    /// A document from its UTF-16 units and their offset map.
    private init(id: String, utf16: [UInt16], offsets: OffsetMap, format: DocumentFormat, metadata: DocumentMetadata,
                 blocks: [HTMLBlock]) {
        self.id = id
        self.utf16 = utf16
        self.offsets = offsets
        self.format = format
        self.metadata = metadata
        self.blocks = blocks
    }

    /// The text between two UTF-16 offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        utf16.withUnsafeBufferPointer { Document.string(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// `String(decoding: units, as: UTF16.self)`, transcoded in one pass: the standard library
    /// decodes text that is not pure ASCII (’ — …) scalar by scalar. An unpaired surrogate becomes
    /// U+FFFD, as in `String(decoding:as:)`.
    static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        // The exact UTF-8 length first, so that a long slice allocates no more than it needs.
        var length = 0, k = 0
        let raw = UnsafeRawBufferPointer(units)
        while k < units.count {
            // Four ASCII units at a time.
            if k + 4 <= units.count, raw.loadUnaligned(fromByteOffset: 2 * k, as: UInt64.self) & 0xFF80_FF80_FF80_FF80 == 0 {
                length += 4
                k += 4
                continue
            }
            let u = units[k]
            k += 1
            if u < 0x80 { length += 1 } else if u < 0x800 { length += 2 } else if u & 0xFC00 == 0xD800, k < units.count,
                units[k] & 0xFC00 == 0xDC00 { length += 4; k += 1 } else { length += 3 }
        }
        return String(unsafeUninitializedCapacity: length) { out in
            if length == units.count {
                for i in 0..<units.count { out[i] = UInt8(truncatingIfNeeded: units[i]) }
                return length
            }
            var n = 0, i = 0
            while i < units.count {
                let u = UInt32(units[i])
                i += 1
                if u < 0x80 {
                    out[n] = UInt8(truncatingIfNeeded: u)
                    n += 1
                } else if u < 0x800 {
                    out[n] = UInt8(truncatingIfNeeded: 0xC0 | u >> 6)
                    out[n + 1] = UInt8(truncatingIfNeeded: 0x80 | u & 0x3F)
                    n += 2
                } else if u & 0xFC00 == 0xD800, i < units.count, units[i] & 0xFC00 == 0xDC00 {
                    let scalar = 0x10000 + ((u & 0x3FF) << 10) + (UInt32(units[i]) & 0x3FF)
                    i += 1
                    out[n] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
                    out[n + 1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 12) & 0x3F)
                    out[n + 2] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
                    out[n + 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
                    n += 4
                } else {
                    // A lone surrogate is replaced by U+FFFD (EF BF BD).
                    let c: UInt32 = u & 0xF800 == 0xD800 ? 0xFFFD : u
                    out[n] = UInt8(truncatingIfNeeded: 0xE0 | c >> 12)
                    out[n + 1] = UInt8(truncatingIfNeeded: 0x80 | (c >> 6) & 0x3F)
                    out[n + 2] = UInt8(truncatingIfNeeded: 0x80 | c & 0x3F)
                    n += 3
                }
            }
            return n
        }
    }

    /// The UTF-16 units of valid UTF-8 bytes, transcoded in one pass.
    static func utf16(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt16] { transcode(utf8: bytes).units }

    /// The UTF-16 units of valid UTF-8 bytes and the offsets of the high surrogates among them
    /// (what `OffsetMap` needs: a four-byte sequence is exactly a surrogate pair), in one pass.
    static func transcode(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (units: [UInt16], highSurrogates: [Int]) {
        let decoded = TextDecoding(utf8: bytes, controlsWithin: 0)
        return (decoded.units, decoded.highSurrogates)
    }

    /// The low four bytes of `word` (ASCII) as four 16-bit lanes, little-endian order.
    @inline(__always) static func widenASCII(_ word: UInt64) -> UInt64 {
        let pairs = (word & 0xFFFF_FFFF | (word & 0xFFFF_FFFF) &<< 16) & 0x0000_FFFF_0000_FFFF
        return (pairs | pairs &<< 8) & 0x00FF_00FF_00FF_00FF
    }
}

/// The format a document was read from.
public enum DocumentFormat: String, Sendable {
    case text
    case html
}

/// What is known about a document beyond its text: title, author, source, tags.
///
/// The fields live in one shared, copy-on-write object: a document is copied several times a
/// run (into its match context, its analysis), and a copy then takes one reference instead of
/// seven. Metadata never written shares one empty object.
public struct DocumentMetadata: Sendable, Equatable {
    private var fields: MetadataStorage

    public var title: String? {
        get { fields.title }
        set { writable().title = newValue }
    }
    public var author: String? {
        get { fields.author }
        set { writable().author = newValue }
    }
    public var source: String? {
        get { fields.source }
        set { writable().source = newValue }
    }
    public var published: String? {
        get { fields.published }
        set { writable().published = newValue }
    }
    public var publisher: String? {
        get { fields.publisher }
        set { writable().publisher = newValue }
    }
    public var tags: [String] {
        get { fields.tags }
        set { writable().tags = newValue }
        // An append changes the list in place.
        _modify { yield &writable().tags }
    }
    public var categories: [String] {
        get { fields.categories }
        set { writable().categories = newValue }
        // An append changes the list in place.
        _modify { yield &writable().categories }
    }

    public init(title: String? = nil, author: String? = nil, source: String? = nil) {
        fields = MetadataStorage.empty
        if title != nil || author != nil || source != nil {
            fields = MetadataStorage(copying: fields)
            fields.title = title
            fields.author = author
            fields.source = source
        }
    }

    /// The fields, copied first if another value shares them.
    private mutating func writable() -> MetadataStorage {
        if !isKnownUniquelyReferenced(&fields) { fields = MetadataStorage(copying: fields) }
        return fields
    }

    public static func == (a: DocumentMetadata, b: DocumentMetadata) -> Bool {
        a.fields === b.fields || (a.title == b.title && a.author == b.author && a.source == b.source
            && a.published == b.published && a.publisher == b.publisher && a.tags == b.tags && a.categories == b.categories)
    }
}

/// The storage of `DocumentMetadata`: written only through a value that holds the only
/// reference to it (copy on write), so sharing it between threads is safe.
final class MetadataStorage: @unchecked Sendable {
    var title: String?
    var author: String?
    var source: String?
    var published: String?
    var publisher: String?
    var tags: [String] = []
    var categories: [String] = []

    /// The fields of metadata never written; never written itself (a write copies it first).
    static let empty = MetadataStorage()

    private init() {}

    init(copying other: MetadataStorage) {
        title = other.title
        author = other.author
        source = other.source
        published = other.published
        publisher = other.publisher
        tags = other.tags
        categories = other.categories
    }
}

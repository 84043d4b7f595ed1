/// The canonical name and id of an entity mention: strings, or those of a gazetteer entry, kept
/// as the entry and made into strings only when read. A gazetteer mention thus makes no string:
/// the record writer copies the entry's names from the gazetteer's packed UTF-8
/// (`JSONByteBuffer.appendNames`), and the resolvers copy or compare the entry. A document-local
/// id is kept as the name it is made from: the writer spells it into the record.
enum MentionNames: Sendable {
    case strings(canonical: String?, id: String?)
    /// The entry's canonical name and id (never nil).
    case entry(GazetteerEntry)
    /// A canonical name whose id is its own local id, `local:` and its slug (`AliasResolver.localID`).
    case local(canonical: String)

    static let none = MentionNames.strings(canonical: nil, id: nil)

    var canonical: String? {
        get {
            switch self {
            case .strings(let canonical, _): canonical
            case .entry(let e): e.canonical
            case .local(let canonical): canonical
            }
        }
        set {
            switch self {
            case .strings(_, let id): self = .strings(canonical: newValue, id: id)
            case .entry(let e): self = .strings(canonical: newValue, id: e.id)
            case .local(let canonical): self = .strings(canonical: newValue, id: AliasResolver.localID(canonical))
            }
        }
    }

    var id: String? {
        get {
            switch self {
            case .strings(_, let id): id
            case .entry(let e): e.id
            case .local(let canonical): AliasResolver.localID(canonical)
            }
        }
        set {
            switch self {
            case .strings(let canonical, _): self = .strings(canonical: canonical, id: newValue)
            case .entry(let e): self = .strings(canonical: e.canonical, id: newValue)
            case .local(let canonical): self = .strings(canonical: canonical, id: newValue)
            }
        }
    }

    /// `canonical != nil`, without making the string.
    var hasCanonical: Bool {
        // The case alone, no payload bound: a bound one is copied (retained) and released.
        if case .strings(.none, _) = self { return false }
        return true
    }

    /// `id != nil`, without making the string.
    var hasID: Bool {
        if case .strings(_, .none) = self { return false }
        return true
    }

    /// `canonical == other.canonical`; without making strings when both are one entry's.
    func hasSameCanonical(as other: MentionNames) -> Bool {
        if case .entry(let a) = self, case .entry(let b) = other, a.storage === b.storage, a.index == b.index { return true }
        return canonical == other.canonical
    }

    /// Whether there is an id and it starts with `prefix` (ASCII), as `String.hasPrefix` says,
    /// from the bytes when they decide it (see `ASCIIPrefix`).
    func idHasPrefix(_ prefix: StaticString) -> Bool {
        switch self {
        case .strings(_, nil):
            return false
        case .strings(_, let id?):
            var id = id
            return id.withUTF8 { ASCIIPrefix.test($0, prefix) } ?? id.hasPrefix(prefix.description)
        case .entry(let e):
            return e.withIDBytes { ASCIIPrefix.test($0, prefix) } ?? e.id.hasPrefix(prefix.description)
        case .local(let canonical):
            // "local:" and a slug, all ASCII: a prefix that differs from "local:" within its length
            // is not one, and one no longer than "local:" that does not differ is (no string made).
            let local: StaticString = "local:"
            let agrees = prefix.withUTF8Buffer { p in
                local.withUTF8Buffer { l in
                    for j in 0..<min(p.count, l.count) where p[j] != l[j] { return false }
                    return true
                }
            }
            guard agrees, prefix.utf8CodeUnitCount > local.utf8CodeUnitCount else { return agrees }
            var id = AliasResolver.localID(canonical)
            return id.withUTF8 { ASCIIPrefix.test($0, prefix) } ?? id.hasPrefix(prefix.description)
        }
    }
}

/// `String.hasPrefix` for an ASCII prefix, from UTF-8 bytes.
enum ASCIIPrefix {
    /// Whether `bytes` start with `prefix`, when the bytes decide it: when those up to one past the
    /// prefix are ASCII, which no other character can combine with or equal; nil otherwise.
    static func test(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool? {
        let n = prefix.utf8CodeUnitCount
        return prefix.withUTF8Buffer { p -> Bool? in
            for j in 0..<min(bytes.count, n + 1) where bytes[j] >= 0x80 { return nil }
            guard bytes.count >= n else { return false }
            for j in 0..<n where bytes[j] != p[j] { return false }
            return true
        }
    }
}

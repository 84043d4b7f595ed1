/// Document-local ids, `local:<slug>`, by canonical name: a name gets the id made for the first
/// name equal to it (as Swift compares strings, so that "Ångström" written with a combining ring
/// matches its precomposed form).
///
/// The id is not made here: a name whose id is its own slug's (a first name, or one byte for byte
/// equal to the first) is kept as `MentionNames.local`, and the record writer spells its id. Only a
/// name equal to an earlier one of other bytes gets that one's id as a string.
///
/// Names that are all ASCII, nearly all of them, are not looked up: an ASCII name equals another
/// ASCII name only byte for byte, and then their slugs are the same bytes too; it can equal a
/// name of other bytes only if that one is not all ASCII ("K" and the Kelvin sign), and those few
/// are compared one by one.
struct LocalIDs {
    private var names: [String] = []
    /// Entries whose names are not all ASCII: the only ones an ASCII name can equal with other bytes.
    private var otherEntries: [Int] = []

    /// Room for `count` names without growing.
    init(capacity count: Int) {
        names.reserveCapacity(count)
    }

    /// The canonical name and id of a mention named `name`.
    mutating func names(for name: String) -> MentionNames {
        let isASCII = Self.isASCII(name)
        let earlier: Int?
        if isASCII {
            earlier = otherEntries.isEmpty ? nil : otherEntries.first(where: { names[$0] == name })
        } else {
            earlier = names.firstIndex(of: name)
        }
        if let e = earlier {
            // Equal as strings; the same id only if the same bytes.
            if Self.sameBytes(names[e], name) { return .local(canonical: name) }
            return .strings(canonical: name, id: AliasResolver.localID(names[e]))
        }
        if !isASCII { otherEntries.append(names.count) }
        names.append(name)
        return .local(canonical: name)
    }

    /// The id of a mention named `name` (`names(for:)`, as a string).
    mutating func id(for name: String) -> String {
        names(for: name).id ?? ""
    }

    /// Whether every byte of `s` is ASCII (`UTF8Bytes.areASCII`).
    static func isASCII(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable(UTF8Bytes.areASCII) ?? s.utf8.allSatisfy { $0 < 0x80 }
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }
}

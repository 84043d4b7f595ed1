/// Document-local ids, `local:<slug>`, by canonical name: a name gets the id made for the first
/// name equal to it (as Swift compares strings, so that "Ångström" written with a combining ring
/// matches its precomposed form).
///
/// Names that are all ASCII, nearly all of them, are not looked up: an ASCII name equals another
/// ASCII name only byte for byte, and then their slugs are the same bytes too; it can equal a
/// name of other bytes only if that one is not all ASCII ("K" and the Kelvin sign), and those few
/// are compared one by one.
struct LocalIDs {
    private var names: [String] = []
    private var ids: [String] = []
    /// Entries whose names are not all ASCII: the only ones an ASCII name can equal with other bytes.
    private var otherEntries: [Int] = []

    /// Room for `count` names without growing.
    init(capacity count: Int) {
        names.reserveCapacity(count)
        ids.reserveCapacity(count)
    }

    mutating func id(for name: String) -> String {
        var isASCII = true
        let id = AliasResolver.slugged(name, prefix: "local:", isASCII: &isASCII)
        if isASCII {
            if !otherEntries.isEmpty, let e = otherEntries.first(where: { names[$0] == name }) { return ids[e] }
        } else if let e = names.firstIndex(of: name) {
            return ids[e]
        }
        if !isASCII { otherEntries.append(names.count) }
        names.append(name)
        ids.append(id)
        return id
    }
}

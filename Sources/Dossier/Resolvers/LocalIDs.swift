/// Document-local ids, `local:<slug>`, by canonical name: a name gets the id made for the first
/// name equal to it (as Swift compares strings, so that "Ångström" written with a combining ring
/// matches its precomposed form). All-ASCII names, nearly all of them, are found by a hash of
/// their bytes instead of by comparing strings.
struct LocalIDs {
    private var names: [String] = []
    private var ids: [String] = []
    /// The first entry of each byte hash of an ASCII name.
    private var asciiEntries = KeyMap<Int32>()
    /// Entries whose names are not all ASCII: the only ones an ASCII name can equal with other bytes.
    private var otherEntries: [Int] = []

    /// Room for `count` names without growing.
    init(capacity count: Int) {
        names.reserveCapacity(count)
        ids.reserveCapacity(count)
        asciiEntries.reserveCapacity(count)
    }

    mutating func id(for name: String) -> String {
        let (hash, isASCII) = Self.hash(name)
        if let e = entry(of: name, hash: hash, isASCII: isASCII) { return ids[e] }
        let id = AliasResolver.localID(name)
        let e = names.count
        names.append(name)
        ids.append(id)
        if !isASCII {
            otherEntries.append(e)
        } else if !asciiEntries.contains(hash) {
            asciiEntries[hash] = Int32(e)
        }
        return id
    }

    /// The entry whose name equals `name`, if any (there is at most one).
    private func entry(of name: String, hash: UInt64, isASCII: Bool) -> Int? {
        guard isASCII else { return names.firstIndex(of: name) }
        if let e = asciiEntries[hash] {
            if names[Int(e)] == name { return Int(e) }
            // Another name with the same hash came first: compare them all.
            return names.firstIndex(of: name)
        }
        return otherEntries.first { names[$0] == name }
    }

    /// FNV-1a of the UTF-8 bytes, and whether they are all ASCII.
    static func hash(_ s: String) -> (hash: UInt64, isASCII: Bool) {
        let body = { (bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, Bool) in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            var high: UInt8 = 0
            for b in bytes {
                h = (h ^ UInt64(b)) &* 0x100_0000_01B3
                high |= b
            }
            return (h, high < 0x80)
        }
        return s.utf8.withContiguousStorageIfAvailable(body) ?? Array(s.utf8).withUnsafeBufferPointer(body)
    }
}

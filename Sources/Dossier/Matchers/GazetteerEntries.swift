/// One named entity from a gazetteer file: a view of a row of `GazetteerEntries`, whose id and
/// canonical name are made into strings only when read.
public struct GazetteerEntry: Sendable {
    let storage: GazetteerEntries.Storage
    let index: Int

    public var id: String { storage.columns.string(2 * index) }
    public var type: EntityType { storage.columns.types[index] }
    public var canonical: String { storage.columns.string(2 * index + 1) }
    /// The name is also an everyday word or given name ("Turkey", "Jordan"): it needs context.
    public var isCommon: Bool { storage.columns.commonFlags[index] != 0 }
    public var population: Int { Int(storage.columns.populations[index]) }
    /// Lower is preferred when two entries share a name (the order files are loaded in).
    public var rank: Int { Int(storage.columns.ranks[index]) }

    /// Whether the id starts with `prefix` ("geonames:"), without making the id a string.
    public func idHasPrefix(_ prefix: StaticString) -> Bool {
        storage.columns.strings.hasPrefix(2 * index, prefix)
    }

    /// Calls `body` with the UTF-8 bytes of the id, without making a string.
    @inline(__always)
    func withIDBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.columns.strings.withBytes(of: 2 * index, body)
    }

    /// Calls `body` with the UTF-8 bytes of the canonical name, without making a string.
    @inline(__always)
    func withCanonicalBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.columns.strings.withBytes(of: 2 * index + 1, body)
    }

    /// Calls `body` with the UTF-8 bytes of the canonical name and of the id (adjacent strings,
    /// found by one look-up), without making strings.
    @inline(__always)
    func withNameBytes<R>(_ body: (_ canonical: UnsafeBufferPointer<UInt8>, _ id: UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.columns.strings.withBytes(ofPairAt: 2 * index) { id, canonical in body(canonical, id) }
    }
}

/// All gazetteer entries, in load order, indexed by `GazetteerName.entry`.
public struct GazetteerEntries: RandomAccessCollection, Sendable {
    /// The columns, shared by every `GazetteerEntry` read from them.
    final class Storage: Sendable {
        let columns: GazetteerEntryColumns
        init(_ columns: GazetteerEntryColumns) { self.columns = columns }
    }

    let storage: Storage

    init(_ columns: GazetteerEntryColumns) {
        storage = Storage(columns)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.columns.types.count }

    /// Whether entry `a` is preferred to entry `b` when both bear a name: lower rank, then the more
    /// populous (`(rank, -population)` compared), read without making an entry view of either.
    @inline(__always)
    func isPreferred(_ a: Int, over b: Int) -> Bool {
        let columns = storage.columns
        let rankA = columns.ranks[a], rankB = columns.ranks[b]
        if rankA != rankB { return rankA < rankB }
        return -Int(columns.populations[a]) < -Int(columns.populations[b])
    }

    /// The type of entry `index`, read without making an entry view.
    @inline(__always)
    func type(of index: Int) -> EntityType { storage.columns.types[index] }

    public subscript(index: Int) -> GazetteerEntry {
        precondition(index >= 0 && index < endIndex, "gazetteer entry out of range")
        return GazetteerEntry(storage: storage, index: index)
    }
}

/// Gazetteer entries column by column, with every id and canonical name in one UTF-8 buffer:
/// the form the compiler fills and the cache saves and loads in bulk.
struct GazetteerEntryColumns: Sendable {
    var types: [EntityType] = []
    var commonFlags: [UInt8] = []
    var populations: [Int64] = []
    var ranks: [Int32] = []
    /// Two a row: the id, then the canonical name.
    var strings = PackedStrings()

    var count: Int { types.count }

    mutating func append(id: String, type: EntityType, canonical: String, isCommon: Bool, population: Int, rank: Int) {
        types.append(type)
        commonFlags.append(isCommon ? 1 : 0)
        populations.append(Int64(population))
        ranks.append(Int32(rank))
        strings.append(id)
        strings.append(canonical)
    }

    func string(_ k: Int) -> String { strings[k] }

    /// Per entry, its level in the order of preference between entries that bear one name (lower
    /// rank, then the more populous: `GazetteerEntries.isPreferred`); equal entries share a level,
    /// so that comparing levels decides as `isPreferred` does.
    func preferenceLevels() -> [UInt32] {
        let isPreferred = { (a: Int, b: Int) -> Bool in
            ranks[a] != ranks[b] ? ranks[a] < ranks[b] : populations[a] > populations[b]
        }
        let order = (0..<count).sorted(by: isPreferred)
        var levels = [UInt32](repeating: 0, count: count)
        var level: UInt32 = 0
        for (n, e) in order.enumerated() {
            if n > 0, isPreferred(order[n - 1], e) { level += 1 }
            levels[e] = level
        }
        return levels
    }

    /// Whether the columns have one length and the strings are well formed.
    var isConsistent: Bool {
        let n = types.count
        return commonFlags.count == n && populations.count == n && ranks.count == n && strings.count == 2 * n && strings.isConsistent
    }
}

/// Strings stored end to end in one UTF-8 buffer, with where each ends: no allocation a string.
struct PackedStrings: Sendable {
    var ends: [UInt32] = []
    var bytes: [UInt8] = []

    var count: Int { ends.count }

    mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        ends.append(UInt32(bytes.count))
    }

    subscript(k: Int) -> String {
        let start = k == 0 ? 0 : Int(ends[k - 1]), end = Int(ends[k])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of the `k`th string.
    @inline(__always)
    func withBytes<R>(of k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = k == 0 ? 0 : Int(ends[k - 1]), end = Int(ends[k])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Calls `body` with the UTF-8 bytes of the `k`th string and of the one after it.
    @inline(__always)
    func withBytes<R>(ofPairAt k: Int, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = k == 0 ? 0 : Int(ends[k - 1]), middle = Int(ends[k]), end = Int(ends[k + 1])
        return bytes.withUnsafeBufferPointer { b in
            body(UnsafeBufferPointer(rebasing: b[start..<middle]), UnsafeBufferPointer(rebasing: b[middle..<end]))
        }
    }

    /// Whether the `k`th string starts with the bytes of `prefix`.
    func hasPrefix(_ k: Int, _ prefix: StaticString) -> Bool {
        let start = k == 0 ? 0 : Int(ends[k - 1]), end = Int(ends[k]), n = prefix.utf8CodeUnitCount
        guard end - start >= n else { return false }
        return bytes.withUnsafeBufferPointer { b in
            prefix.withUTF8Buffer { p in (0..<n).allSatisfy { b[start + $0] == p[$0] } }
        }
    }

    /// Whether the ends are in order and inside the buffer (as they must be if loaded from a file).
    var isConsistent: Bool {
        var previous: UInt32 = 0, disordered = 0
        for end in ends {
            disordered |= end < previous ? 1 : 0
            previous = end
        }
        return disordered == 0 && Int(previous) <= bytes.count
    }
}

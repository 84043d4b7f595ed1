/// The aliases of each token key, in the order they were added, chained through one pool: no
/// array per key, and nothing to retain but the pool. The keys live in an open-addressing table
/// of their own, each beside its chain's ends, so that adding an alias probes one table and
/// writes in place (a document has a few dozen keys: the table stays in the first-level cache).
struct AliasLists {
    /// A key and the pool indexes of its first and last alias; -1 for none (a struct, not a
    /// tuple: its type needs no metadata made at run time).
    struct Entry {
        var key: UInt64
        var first: Int32
        var last: Int32

        static let empty = Entry(key: 0, first: -1, last: -1)
    }

    /// Slot table, at most half full: key 0 marks an empty slot (the key 0 itself is `zeroEntry`).
    private var table: [Entry]
    private var shift: UInt64
    private var zeroEntry = Entry.empty
    /// The keys with aliases, in the order of their first alias.
    private(set) var keys: [UInt64] = []
    private var pool: [AliasResolver.Alias] = []
    /// Per alias: the pool index of the next alias of its key, or -1.
    private var next: [Int32] = []

    /// Room for `count` aliases without growing.
    init(capacity count: Int) {
        var bits = 3
        while 1 << bits < count * 2 { bits += 1 }
        table = [Entry](repeating: .empty, count: 1 << bits)
        shift = UInt64(64 - bits)
        keys.reserveCapacity(count)
        pool.reserveCapacity(count)
        next.reserveCapacity(count)
    }

    var isEmpty: Bool { keys.isEmpty }

    func contains(_ key: UInt64) -> Bool { entry(of: key).first >= 0 }

    /// The slot that holds `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        table.withUnsafeBufferPointer { t in
            let mask = t.count &- 1
            var i = KeySlot.home(key, shift)
            while t[i].key != key && t[i].key != 0 { i = (i &+ 1) & mask }
            return i
        }
    }

    /// The entry of `key`: `first` is -1 if it has no aliases.
    @inline(__always)
    private func entry(of key: UInt64) -> Entry {
        key == 0 ? zeroEntry : table[slot(of: key)]
    }

    mutating func append(_ alias: AliasResolver.Alias, to key: UInt64) {
        let index = Int32(pool.count)
        pool.append(alias)
        next.append(-1)
        if key == 0 {
            let e = chained(index, to: zeroEntry)
            zeroEntry = e
            return
        }
        var s = slot(of: key)
        if table[s].key == 0 {
            if (keys.count + 1) * 2 > table.count {
                grow()
                s = slot(of: key)
            }
            table[s].key = key
        }
        let e = chained(index, to: table[s])
        table[s] = e
    }

    /// `entry` with alias `index` made its last: linked after its last alias, or recorded as a new key.
    private mutating func chained(_ index: Int32, to entry: Entry) -> Entry {
        var e = entry
        if e.last >= 0 {
            next[Int(e.last)] = index
        } else {
            e.first = index
            keys.append(e.key)
        }
        e.last = index
        return e
    }

    /// Doubles the table.
    private mutating func grow() {
        let old = table
        table = [Entry](repeating: .empty, count: old.count * 2)
        shift -= 1
        for e in old where e.key != 0 { table[slot(of: e.key)] = e }
    }

    /// The aliases of `key`, in the order added.
    func aliases(of key: UInt64) -> Chain {
        Chain(pool: pool, links: next, index: Int(entry(of: key).first))
    }

    /// The alias of `key` defined nearest before `position` (or at it), else its first one.
    func best(for key: UInt64, before position: Int) -> AliasResolver.Alias? {
        let first = entry(of: key).first
        guard first >= 0 else { return nil }
        var found = Int(first)
        var p = found
        while p >= 0 {
            if pool[p].position <= position { found = p }
            p = Int(next[p])
        }
        return pool[found]
    }

    /// One key's aliases.
    struct Chain: Sequence, IteratorProtocol {
        let pool: [AliasResolver.Alias]
        let links: [Int32]
        var index: Int

        mutating func next() -> AliasResolver.Alias? {
            guard index >= 0 else { return nil }
            defer { index = Int(links[index]) }
            return pool[index]
        }
    }
}

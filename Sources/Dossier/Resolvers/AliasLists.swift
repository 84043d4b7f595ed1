/// The aliases of each token key, in the order they were added, chained through one pool: no
/// array per key. The keys live in an open-addressing table of their own, each beside its chain's
/// ends, so that adding an alias probes one table and writes in place (a document has a few dozen
/// keys: the table stays in the first-level cache).
///
/// A class over two allocations of its own, freed with it: the slot table, and one block for the
/// pool, its links and the key list (Swift arrays would check their uniqueness and capacity at
/// every write, and look up the metadata of their element type at every allocation).
final class AliasLists {
    /// A key and the pool indexes of its first and last alias; -1 for none.
    struct Entry {
        var key: UInt64
        var first: Int32
        var last: Int32

        static let empty = Entry(key: 0, first: -1, last: -1)
    }

    /// Slot table, at most half full: key 0 marks an empty slot (the key 0 itself is `zeroEntry`).
    private var table: UnsafeMutableBufferPointer<Entry>
    private var shift: UInt64
    private var zeroEntry = Entry.empty
    /// The block that holds `pool`, `keyList` and `next`, in that order.
    private var block: UnsafeMutableRawPointer
    /// The keys with aliases, in the order of their first alias (as many as `pool` has room for:
    /// a key has at least one alias).
    private var keyList: UnsafeMutableBufferPointer<UInt64>
    /// How many keys have aliases.
    private(set) var keyCount = 0
    private var pool: UnsafeMutableBufferPointer<AliasResolver.Alias>
    /// Per alias: the pool index of the next alias of its key, or -1.
    private var next: UnsafeMutableBufferPointer<Int32>
    /// How many aliases `pool` holds.
    private var count = 0

    /// Room for `count` aliases without growing, under as many keys.
    convenience init(capacity count: Int) { self.init(capacity: count, keys: count) }

    /// Room for `count` aliases and `keys` keys without growing.
    init(capacity count: Int, keys: Int) {
        var bits = 3
        while 1 << bits < keys * 2 { bits += 1 }
        table = .allocate(capacity: 1 << bits)
        table.initialize(repeating: .empty)
        shift = UInt64(64 - bits)
        (block, pool, keyList, next) = Self.allocateBlock(room: max(count, 4))
    }

    deinit {
        table.deallocate()
        block.deallocate()
    }

    /// One block with room for `room` aliases, keys and links, and the three lists laid out in it.
    private static func allocateBlock(room: Int) -> (UnsafeMutableRawPointer, UnsafeMutableBufferPointer<AliasResolver.Alias>,
                                                     UnsafeMutableBufferPointer<UInt64>, UnsafeMutableBufferPointer<Int32>) {
        let poolBytes = MemoryLayout<AliasResolver.Alias>.stride * room
        let keyOffset = (poolBytes + 7) & ~7
        let nextOffset = keyOffset + MemoryLayout<UInt64>.stride * room
        let alignment = max(MemoryLayout<AliasResolver.Alias>.alignment, MemoryLayout<UInt64>.alignment)
        let block = UnsafeMutableRawPointer.allocate(byteCount: nextOffset + MemoryLayout<Int32>.stride * room, alignment: alignment)
        let pool = UnsafeMutableBufferPointer(start: block.bindMemory(to: AliasResolver.Alias.self, capacity: room), count: room)
        let keys = UnsafeMutableBufferPointer(start: (block + keyOffset).bindMemory(to: UInt64.self, capacity: room), count: room)
        let next = UnsafeMutableBufferPointer(start: (block + nextOffset).bindMemory(to: Int32.self, capacity: room), count: room)
        return (block, pool, keys, next)
    }

    var isEmpty: Bool { keyCount == 0 }

    /// The keys with aliases, in the order of their first alias.
    var keys: [UInt64] { Array(keyList[..<keyCount]) }

    /// The `n`th key with aliases (`n < keyCount`).
    func key(at n: Int) -> UInt64 {
        precondition(n >= 0 && n < keyCount)
        return keyList[n]
    }

    func contains(_ key: UInt64) -> Bool { entry(of: key).first >= 0 }

    /// The slot that holds `key`, or the empty slot where it would go (the table is never full).
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        let mask = table.count &- 1
        var i = KeySlot.home(key, shift)
        while table[i].key != key && table[i].key != 0 { i = (i &+ 1) & mask }
        return i
    }

    /// The entry of `key`: `first` is -1 if it has no aliases.
    @inline(__always)
    private func entry(of key: UInt64) -> Entry {
        key == 0 ? zeroEntry : table[slot(of: key)]
    }

    func append(_ alias: AliasResolver.Alias, to key: UInt64) {
        if count == pool.count { growPool() }
        let index = Int32(count)
        pool.initializeElement(at: count, to: alias)
        next.initializeElement(at: count, to: -1)
        count += 1
        if key == 0 {
            zeroEntry = chained(index, to: zeroEntry)
            return
        }
        var s = slot(of: key)
        if table[s].key == 0 {
            if (keyCount + 1) * 2 > table.count {
                growTable()
                s = slot(of: key)
            }
            table[s].key = key
        }
        table[s] = chained(index, to: table[s])
    }

    /// `entry` with alias `index` made its last: linked after its last alias, or recorded as a new key.
    private func chained(_ index: Int32, to entry: Entry) -> Entry {
        var e = entry
        if e.last >= 0 {
            next[Int(e.last)] = index
        } else {
            e.first = index
            keyList[keyCount] = e.key
            keyCount += 1
        }
        e.last = index
        return e
    }

    /// Doubles the table.
    private func growTable() {
        let old = table
        table = .allocate(capacity: old.count * 2)
        table.initialize(repeating: .empty)
        shift -= 1
        for e in old where e.key != 0 { table[slot(of: e.key)] = e }
        old.deallocate()
    }

    /// Doubles the room of the pool, its links and the key list.
    private func growPool() {
        let old = (block, pool, keyList, next)
        (block, pool, keyList, next) = Self.allocateBlock(room: old.1.count * 2)
        _ = pool.initialize(fromContentsOf: old.1[..<count])
        _ = keyList.initialize(fromContentsOf: old.2[..<keyCount])
        _ = next.initialize(fromContentsOf: old.3[..<count])
        old.0.deallocate()
    }

    /// The aliases of `key`, in the order added.
    func aliases(of key: UInt64) -> Chain {
        Chain(lists: self, index: Int(entry(of: key).first))
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

    /// One key's aliases, read through the lists themselves (an alias appended to the key while
    /// they are walked is met too).
    struct Chain: Sequence, IteratorProtocol {
        let lists: AliasLists
        var index: Int

        mutating func next() -> AliasResolver.Alias? {
            guard index >= 0, index < lists.count else { return nil }
            defer { index = Int(lists.next[index]) }
            return lists.pool[index]
        }
    }
}

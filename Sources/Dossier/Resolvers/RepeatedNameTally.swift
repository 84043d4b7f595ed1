/// The candidate words of a document for `RepeatedNameResolver`: one tally of votes a distinct key,
/// in the order first met, found through a small open-addressing table of their indexes, and every
/// use in the order met with its tally. Raw storage of its own, allocated at the first use and
/// freed by `deallocate()` (a keyed map of tallies that each held an array of uses allocated a
/// key and looked up their types' metadata; most documents have a few candidates or none).
struct RepeatedNameTally {
    /// A use: the token and the index of its key's tally.
    struct Use {
        var token: Int32
        var tally: Int32
    }

    private(set) var tallies = UnsafeMutableBufferPointer<RepeatedNameResolver.Votes>(start: nil, count: 0)
    private(set) var count = 0
    private(set) var uses = UnsafeMutableBufferPointer<Use>(start: nil, count: 0)
    private(set) var useCount = 0
    /// Tally index + 1 of each slot's key; 0 for an empty slot. At most half full.
    private var slots = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    private var shift: UInt64 = 64
    /// Room to allocate at the first use (it grows if need be).
    private let room: Int

    /// Room for `room` keys and uses without growing (the document's capitalised words suffice).
    init(room: Int) {
        self.room = Swift.max(room, 4)
    }

    func deallocate() {
        tallies.deallocate()
        uses.deallocate()
        slots.deallocate()
    }

    /// Records a use of `key` at `token`, and returns the index of the key's tally (new ones start
    /// with no votes).
    mutating func use(_ key: UInt64, at token: Int) -> Int {
        if slots.count == 0 { allocate() }
        if useCount == uses.count { uses = Self.grown(uses, keeping: useCount) }
        var s = slot(of: key)
        if slots[s] == 0 {
            if count == tallies.count { tallies = Self.grown(tallies, keeping: count) }
            if (count + 1) * 2 > slots.count {
                growSlots()
                s = slot(of: key)
            }
            tallies.initializeElement(at: count, to: RepeatedNameResolver.Votes(key: key))
            count += 1
            slots[s] = Int32(truncatingIfNeeded: count)
        }
        let tally = Int(slots[s]) &- 1
        uses.initializeElement(at: useCount, to: Use(token: Int32(truncatingIfNeeded: token), tally: Int32(truncatingIfNeeded: tally)))
        useCount += 1
        return tally
    }

    /// The slot that holds `key`'s tally, or the empty one where it would go.
    private func slot(of key: UInt64) -> Int {
        let mask = slots.count &- 1
        var s = KeySlot.home(key, shift)
        while slots[s] != 0 && tallies[Int(slots[s]) &- 1].key != key { s = (s &+ 1) & mask }
        return s
    }

    private mutating func allocate() {
        var bits = 3
        while 1 << bits < room * 2 { bits += 1 }
        slots = .allocate(capacity: 1 << bits)
        slots.initialize(repeating: 0)
        shift = UInt64(64 - bits)
        tallies = .allocate(capacity: room)
        uses = .allocate(capacity: room)
    }

    /// Doubles the slot table.
    private mutating func growSlots() {
        let old = slots
        slots = .allocate(capacity: old.count * 2)
        slots.initialize(repeating: 0)
        shift -= 1
        for n in 0..<count { slots[slot(of: tallies[n].key)] = Int32(n + 1) }
        old.deallocate()
    }

    /// Twice the room, the first `count` elements moved over (trivial types).
    private static func grown<T>(_ old: UnsafeMutableBufferPointer<T>, keeping count: Int) -> UnsafeMutableBufferPointer<T> {
        let larger = UnsafeMutableBufferPointer<T>.allocate(capacity: Swift.max(old.count * 2, 4))
        if count > 0 { _ = larger.moveInitialize(fromContentsOf: old[..<count]) }
        old.deallocate()
        return larger
    }
}

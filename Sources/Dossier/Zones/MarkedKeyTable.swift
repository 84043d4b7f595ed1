/// The content words of a page's title candidates, in an open-addressing table with `KeySet`'s
/// hashing, each with a mark set once the body's opening is found to hold it: `findTitle` counts
/// the words a candidate shares with the opening from the marks, without a set of the opening's
/// words. Slots and marks share one allocation, freed with the table.
struct MarkedKeyTable: ~Copyable {
    /// `capacity` slot keys, 0 for an empty slot (the key 0 itself is `hasZero`), then their marks (0 or 1).
    private let slots: UnsafeMutablePointer<UInt64>
    private let capacity: Int
    private let shift: UInt64
    /// One bit per held key's top six bits: most keys of the body's opening are not held, and
    /// the bit rules them out before a probe.
    private var filter: UInt64 = 0
    private var hasZero = false
    private var zeroMarked = false

    /// A table of `keys`, none marked.
    init(_ keys: [UInt64]) {
        // At most half full: a power of two, at least 8 slots.
        var bits = 3
        while 1 << bits < keys.count * 2 { bits += 1 }
        capacity = 1 << bits
        shift = UInt64(64 - bits)
        slots = .allocate(capacity: 2 * capacity)
        slots.initialize(repeating: 0, count: 2 * capacity)
        for key in keys {
            if key == 0 { hasZero = true; continue }
            slots[slot(key)] = key
            filter |= Self.filterBit(key)
        }
    }

    deinit { slots.deallocate() }

    /// The bit of `filter` for `key`.
    @inline(__always) private static func filterBit(_ key: UInt64) -> UInt64 { 1 &<< (key &>> 58) }

    /// The slot of `key`, or of the empty slot where it would go.
    @inline(__always) private func slot(_ key: UInt64) -> Int {
        let mask = capacity &- 1
        var i = KeySlot.home(key, shift)
        while slots[i] != 0 && slots[i] != key { i = (i &+ 1) & mask }
        return i
    }

    /// Marks `key` if the table holds it.
    @inline(__always) mutating func mark(_ key: UInt64) {
        if key == 0 { zeroMarked = zeroMarked || hasZero; return }
        guard filter & Self.filterBit(key) != 0 else { return }
        let i = slot(key)
        if slots[i] != 0 { slots[capacity &+ i] = 1 }
    }

    /// Whether the table holds `key` and it was marked.
    func isMarked(_ key: UInt64) -> Bool {
        if key == 0 { return zeroMarked }
        let i = slot(key)
        return slots[i] != 0 && slots[capacity &+ i] != 0
    }

    /// How many of `keys` are held and marked.
    func markedCount(_ keys: ArraySlice<UInt64>) -> Int {
        var n = 0
        for k in keys where isMarked(k) { n += 1 }
        return n
    }
}

/// The stop words as a table for the line scan: open addressing at a load of a quarter or less,
/// so that most lookups probe one slot. It answers as `KeySet.contains` does.
struct StopWordTable: Sendable {
    private let slots: [UInt64]
    private let shift: UInt64
    private let hasZero: Bool

    init(_ words: KeySet) {
        var bits = 6
        while 1 << bits < words.count * 4 { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        let mask = slots.count - 1
        var hasZero = false
        for key in words {
            guard key != 0 else { hasZero = true; continue }
            var i = StopWordLookup.home(key, UInt64(64 - bits))
            while slots[i] != 0 && slots[i] != key { i = (i + 1) & mask }
            slots[i] = key
        }
        self.slots = slots
        shift = UInt64(64 - bits)
        self.hasZero = hasZero
    }

    /// Runs `body` with a lookup into the table.
    func withLookup<R>(_ body: (StopWordLookup) -> R) -> R {
        slots.withUnsafeBufferPointer { body(StopWordLookup(slots: $0, shift: shift, hasZero: hasZero)) }
    }
}

/// Lookups into a `StopWordTable`, valid inside `StopWordTable.withLookup`.
struct StopWordLookup {
    let slots: UnsafeBufferPointer<UInt64>
    let shift: UInt64
    let hasZero: Bool

    @inline(__always) static func home(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        var i = Self.home(key, shift)
        let mask = slots.count &- 1
        while true {
            let s = slots[i]
            if s == key { return true }
            if s == 0 { return false }
            i = (i &+ 1) & mask
        }
    }
}

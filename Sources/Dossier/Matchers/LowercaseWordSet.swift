/// The keys of the words a document writes in lowercase (`MatchContext.lowercaseWords`): a set
/// asked only whether it holds a key, so it keeps no list of its members, as `KeySet` does for
/// its ordered iteration. The same table otherwise: one multiply to a home slot, linear probing,
/// at most half full, 0 an empty slot (the key 0 itself kept apart).
public struct LowercaseWordSet: Sendable {
    private let slots: [UInt64]
    private let shift: UInt64
    private let hasZero: Bool

    /// The set of `keys`, repeats and all.
    init(_ keys: UnsafeBufferPointer<UInt64>) {
        var bits = 3
        while 1 << bits < (keys.count + 1) * 2 { bits += 1 }
        let shift = UInt64(64 - bits)
        var zero = false
        slots = [UInt64](unsafeUninitializedCapacity: 1 << bits) { table, count in
            table.initialize(repeating: 0)
            let mask = table.count &- 1
            for key in keys {
                // A key seen before (about half of a document's words) is written over itself.
                if key == 0 { zero = true; continue }
                var i = KeySlot.home(key, shift)
                var s = table[i]
                while s != 0 && s != key {
                    i = (i &+ 1) & mask
                    s = table[i]
                }
                table[i] = key
            }
            count = table.count
        }
        self.shift = shift
        hasZero = zero
    }

    @inline(__always) public func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        return slots.withUnsafeBufferPointer { table in
            let mask = table.count &- 1
            var i = KeySlot.home(key, shift)
            while true {
                let s = table[i]
                if s == key { return true }
                if s == 0 { return false }
                i = (i &+ 1) & mask
            }
        }
    }
}

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
            for key in keys {
                // A key seen before (about half of a document's words) is written over itself.
                if key == 0 { zero = true; continue }
                table[KeySlot.find(key, shift, in: UnsafeBufferPointer(table))] = key
            }
            count = table.count
        }
        self.shift = shift
        hasZero = zero
    }

    @inline(__always) public func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        return slots.withUnsafeBufferPointer { table in table[KeySlot.find(key, shift, in: table)] != 0 }
    }
}

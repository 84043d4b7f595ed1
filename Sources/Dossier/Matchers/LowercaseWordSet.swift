/// The keys of the words a document writes in lowercase (`MatchContext.lowercaseWords`): a set
/// asked only whether it holds a key, so it keeps no list of its members, as `KeySet` does for
/// its ordered iteration. The same probing otherwise: one multiply to a home slot, linear
/// probing, 0 an empty slot (the key 0 itself kept apart).
///
/// The table is sized by the keys given, repeats included, not twice that: about half of a
/// document's lowercase words repeat one before, so it ends up a quarter to three quarters full.
/// Should the distinct keys pass three quarters, it is built again at twice the size.
public struct LowercaseWordSet: Sendable {
    private let slots: LowercaseWordSlots
    private let shift: UInt64
    private let hasZero: Bool

    /// The set of `keys`, repeats and all.
    init(_ keys: UnsafeBufferPointer<UInt64>) {
        var bits = 3
        while 1 << bits <= keys.count { bits += 1 }
        var zero = false
        while true {
            let size = 1 << bits
            let shift = UInt64(64 - bits)
            let table = LowercaseWordSlots(count: size)
            // At most three quarters of the slots are taken: the probe always meets an empty one.
            // Fewer keys than that cannot fill them, and then are not counted.
            let limit = size - size / 4
            let full = keys.count <= limit
                ? Self.insert(keys, into: table.slots, shift: shift, zero: &zero, limit: nil)
                : Self.insert(keys, into: table.slots, shift: shift, zero: &zero, limit: limit)
            if !full {
                self.slots = table
                self.shift = shift
                hasZero = zero
                return
            }
            bits += 1
        }
    }

    /// Writes `keys` (but 0, which sets `zero`) into the empty table `slots`; whether the keys
    /// written passed `limit` (then not all are in).
    @inline(__always)
    private static func insert(_ keys: UnsafeBufferPointer<UInt64>, into slots: UnsafeMutableBufferPointer<UInt64>,
                               shift: UInt64, zero: inout Bool, limit: Int?) -> Bool {
        var taken = 0
        for key in keys {
            if key == 0 { zero = true; continue }
            // A key seen before (about half of a document's words) is written over itself.
            let i = KeySlot.find(key, shift, in: UnsafeBufferPointer(slots))
            if let limit {
                taken &+= slots[i] == 0 ? 1 : 0
                if taken > limit { slots[i] = key; return true }
            }
            slots[i] = key
        }
        return false
    }

    @inline(__always) public func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        let table = UnsafeBufferPointer(slots.slots)
        return table[KeySlot.find(key, shift, in: table)] != 0
    }
}

/// The slot table of a `LowercaseWordSet`, zero-filled: memory of its own rather than an array,
/// so that making one (once a document) looks up no generic array type in the runtime's
/// metadata cache. Written only while the set is built, read-only afterwards.
final class LowercaseWordSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<UInt64>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: 0)
    }

    deinit { slots.deallocate() }
}

/// The stop words of the zone line scan, asked about every word of every line: a table of
/// buckets of two slots, where a key is a member if a slot of its bucket holds it. A key's bucket
/// is the top bits of the key times a multiplier, chosen when the table is built so that no bucket
/// gets more than two members. An empty slot holds a key of another bucket, which no key of its
/// own bucket equals. A look-up is one multiply, one shift and two compares: no probe loop, and
/// no test for key 0 (which an empty slot of a linear-probing table holds).
struct StopWordTable: Sendable {
    /// Two slots a bucket, bucket `b` at `2 * b` and `2 * b + 1`.
    let slots: [UInt64]
    /// Odd, so that multiplying by it is a bijection on 64-bit keys.
    let multiplier: UInt64
    /// 64 minus the number of bucket bits (at least one bit).
    let shift: UInt64

    init(_ keys: KeySet) {
        let members = Array(keys)
        // Twice as many buckets as members at least (a quarter of the slots filled): few
        // buckets get three, and a few dozen multipliers tried at most spread them all.
        var bits = 1
        while 1 << bits < 2 * members.count { bits += 1 }
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var tries = 0
        while true {
            if let slots = Self.place(members, multiplier: multiplier, bits: bits) {
                self.slots = slots
                break
            }
            // Another odd multiplier; after 64 of them, twice as many buckets.
            multiplier &+= 0x2545_F491_4F6C_DD1D &<< 1
            tries += 1
            if tries % 64 == 0 { bits += 1 }
        }
        self.multiplier = multiplier
        shift = UInt64(64 - bits)
    }

    /// The slots of `members` in `1 << bits` buckets under `multiplier`, or nil when a bucket
    /// would get more than two.
    static func place(_ members: [UInt64], multiplier: UInt64, bits: Int) -> [UInt64]? {
        let shift = UInt64(64 - bits)
        let buckets = 1 << bits
        // Counted first: most multipliers tried fail, before any slot is written.
        var filled = [UInt8](repeating: 0, count: buckets)
        for key in members {
            let b = Int(truncatingIfNeeded: (key &* multiplier) >> shift)
            guard filled[b] < 2 else { return nil }
            filled[b] += 1
        }
        // An empty slot of bucket `b` holds the key whose product is `b ^ 1` in the top bits:
        // the key times the multiplier's inverse (a bijection), which lies in bucket `b ^ 1`.
        let inverse = Self.inverse(multiplier)
        var slots = (0..<2 * buckets).map { s in inverse &* (UInt64((s >> 1) ^ 1) << shift) }
        for key in members {
            let b = Int(truncatingIfNeeded: (key &* multiplier) >> shift)
            filled[b] -= 1
            slots[2 * b + Int(filled[b])] = key
        }
        return slots
    }

    /// The inverse of an odd number modulo 2^64 (Newton's iteration: each step doubles the bits
    /// that are right, from three).
    static func inverse(_ a: UInt64) -> UInt64 {
        var x = a
        for _ in 0..<5 { x = x &* (2 &- a &* x) }
        return x
    }

    /// Runs `body` with an unchecked lookup into the table.
    func withLookup<R>(_ body: (StopWordLookup) -> R) -> R {
        slots.withUnsafeBufferPointer { body(StopWordLookup(slots: $0.baseAddress!, multiplier: multiplier, shift: shift)) }
    }
}

/// Look-ups into a `StopWordTable`, valid inside `StopWordTable.withLookup`.
struct StopWordLookup {
    let slots: UnsafePointer<UInt64>
    let multiplier: UInt64
    let shift: UInt64

    @inline(__always) func contains(_ key: UInt64) -> Bool {
        // The shift is below 64: a masking shift, without a test of its size.
        let b = Int(truncatingIfNeeded: (key &* multiplier) &>> shift) &<< 1
        return slots[b] == key || slots[b &+ 1] == key
    }
}

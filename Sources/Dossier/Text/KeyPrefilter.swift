/// A 4,096-bit summary of a set of token keys: a key whose bit is clear is certainly not in the
/// set. For the word lists asked about every token, which most tokens are not in, it answers
/// "no" with one multiply, shift and bit test instead of a probe of the `KeySet`.
struct KeyPrefilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        for key in keys {
            let h = Self.bit(key)
            bits[h >> 6] |= 1 << UInt64(h & 63)
        }
    }

    /// The key's bit: the top twelve bits of its product with an odd constant.
    @inline(__always) static func bit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52) }

    /// False when the key is not in the set; true when it may be.
    @inline(__always) func mayContain(_ key: UInt64) -> Bool {
        bits.withUnsafeBufferPointer { Self.mayContain(key, bits: $0) }
    }

    /// Calls `body` with the bits, for a loop that asks `mayContain(_:bits:)` of many keys.
    @inline(__always) func withBits<R>(_ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try bits.withUnsafeBufferPointer(body)
    }

    /// `mayContain` over the bits `withBits` lends.
    @inline(__always) static func mayContain(_ key: UInt64, bits: UnsafeBufferPointer<UInt64>) -> Bool {
        let h = bit(key)
        return bits[h >> 6] >> UInt64(h & 63) & 1 != 0
    }
}

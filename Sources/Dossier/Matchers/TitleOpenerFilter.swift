/// The words that can open a title rule's match: the first words of the titles and the demonyms
/// ("Kurdish President"), as a 16,384-bit filter. A capitalised word whose bit is clear opens no
/// title, which one multiply, shift and bit test tell before `TitleRule.match` runs (most
/// capitalised words open none).
struct TitleOpenerFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 256)

    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        for key in keys {
            let h = Self.bit(key)
            bits[h >> 6] |= 1 << UInt64(h & 63)
        }
    }

    /// The key's bit: the top fourteen bits of its product with an odd constant.
    @inline(__always) static func bit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 50) }

    /// False when no title match can start at a word with this key; true when one may.
    @inline(__always) func mayOpen(_ key: UInt64) -> Bool {
        let h = Self.bit(key)
        return bits.withUnsafeBufferPointer { $0[h >> 6] >> UInt64(h & 63) & 1 != 0 }
    }
}

/// Maps UTF-16 offsets to Unicode code point offsets. For text without surrogate pairs (almost all
/// news) the two are equal and the map stores nothing.
public struct OffsetMap: Sendable {
    /// UTF-16 offsets of the high surrogates, ascending; empty for BMP-only text.
    private let surrogates: [Int]

    /// The map of text whose high surrogates (each followed by its low one) are at `highSurrogates`,
    /// ascending: what `Document.transcode(utf8:)` finds.
    init(highSurrogates: [Int]) {
        surrogates = highSurrogates
    }

    public init(utf16: [UInt16]) {
        surrogates = utf16.withUnsafeBufferPointer { units in
            var found: [Int] = []
            let raw = UnsafeRawBufferPointer(units)
            var i = 0
            while i < units.count {
                // Four units at a time while none has its top bit set (no surrogate can be among them).
                if i + 4 <= units.count, raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt64.self) & 0x8000_8000_8000_8000 == 0 {
                    i += 4
                    continue
                }
                if units[i] & 0xFC00 == 0xD800 { found.append(i) }
                i += 1
            }
            return found
        }
    }

    /// The code point offset of UTF-16 offset `u`.
    @inline(__always)
    public func codePoint(_ u: Int) -> Int {
        if surrogates.isEmpty { return u }
        // Count surrogate pairs that end at or before `u`.
        var lo = 0, hi = surrogates.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if surrogates[mid] + 1 < u { lo = mid + 1 } else { hi = mid }
        }
        return u - lo
    }
}

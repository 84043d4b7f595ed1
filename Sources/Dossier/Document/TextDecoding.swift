/// UTF-8 bytes checked and transcoded to UTF-16 in one pass: the units, the offsets of their high
/// surrogates (for `OffsetMap`), where the bytes stop being valid UTF-8, and how many control
/// characters (as `DocumentReader.looksBinary` counts them) lie in the first bytes. The reader
/// takes a plain-text document through here instead of three passes over its bytes.
struct TextDecoding {
    /// The units of the bytes up to the first invalid one (all of them when valid).
    var units: [UInt16]
    /// The UTF-16 offsets of the high surrogates among `units`, ascending.
    var highSurrogates: [Int] = []
    /// The byte offset of the first byte that is not part of valid UTF-8 (what
    /// `DocumentReader.firstInvalidUTF8` returns), or nil.
    var invalidAt: Int?
    /// Control characters other than tab, line feed, form feed and carriage return among the first
    /// `controlsWithin` bytes; counted up to `invalidAt` only.
    var controls = 0

    /// Decodes `bytes`, counting control characters among the first `limit` bytes.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>, controlsWithin limit: Int) {
        var highSurrogates: [Int] = []
        var invalidAt: Int?
        var controls = 0
        // A UTF-8 string never has more UTF-16 units than bytes.
        units = [UInt16](unsafeUninitializedCapacity: bytes.count) { out, count in
            var i = 0, n = 0
            let end = bytes.count
            let raw = UnsafeRawBufferPointer(bytes)
            // n <= i throughout, so the 8 or 16 units stored at n fit when as many bytes remain at i.
            let target = UnsafeMutableRawPointer(out.baseAddress)
            while i < end {
                if i + 16 <= end {
                    // Sixteen bytes widened to units as one vector and stored: all of them when none
                    // is a control character or beyond ASCII (most text), else those before the
                    // first such byte, which the code below then reads. The units stored past it
                    // are overwritten later (n <= i, so all sixteen fit).
                    let low = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let high = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    let wide = SIMD16<UInt16>(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self))
                    target!.storeBytes(of: wide, toByteOffset: 2 * n, as: SIMD16<UInt16>.self)
                    let lowStops = Self.stops(low), highStops = Self.stops(high)
                    if lowStops | highStops == 0 {
                        i += 16
                        n += 16
                        continue
                    }
                    let clean = lowStops != 0 ? lowStops.trailingZeroBitCount >> 3 : 8 + highStops.trailingZeroBitCount >> 3
                    i += clean
                    n += clean
                } else {
                    // The last bytes: eight at a time, widened to units in two words.
                    while i + 8 <= end {
                        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        if Self.stops(word) != 0 { break }
                        target!.storeBytes(of: Document.widenASCII(word).littleEndian, toByteOffset: 2 * n, as: UInt64.self)
                        target!.storeBytes(of: Document.widenASCII(word >> 32).littleEndian, toByteOffset: 2 * n + 8, as: UInt64.self)
                        i += 8
                        n += 8
                    }
                    guard i < end else { break }
                }
                let b = UInt32(bytes[i])
                if b < 0x80 {
                    if i < limit && UTF8Bytes.isControl(UInt8(truncatingIfNeeded: b)) { controls += 1 }
                    out[n] = UInt16(b); n += 1; i += 1
                    continue
                }
                // A lead byte: its sequence is checked by the table `firstInvalidUTF8` uses.
                let (need, lowBound, highBound) = UTF8Bytes.lead(bytes[i])
                if need == 0 || i + need >= end { invalidAt = i; break }
                let c1 = UInt32(bytes[i + 1])
                if c1 < UInt32(lowBound) || c1 > UInt32(highBound) { invalidAt = i; break }
                if need == 1 {
                    out[n] = UInt16(((b & 0x1F) << 6) | (c1 & 0x3F)); n += 1; i += 2
                    continue
                }
                let c2 = UInt32(bytes[i + 2])
                if c2 & 0xC0 != 0x80 { invalidAt = i; break }
                if need == 2 {
                    out[n] = UInt16(((b & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F)); n += 1; i += 3
                    continue
                }
                let c3 = UInt32(bytes[i + 3])
                if c3 & 0xC0 != 0x80 { invalidAt = i; break }
                let v = ((b & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F)
                let w = v - 0x10000
                highSurrogates.append(n)
                out[n] = UInt16(0xD800 + (w >> 10)); out[n + 1] = UInt16(0xDC00 + (w & 0x3FF)); n += 2; i += 4
            }
            count = n
        }
        self.highSurrogates = highSurrogates
        self.invalidAt = invalidAt
        self.controls = controls
    }

    /// The high bit of each byte of `word` (little-endian) that is a control character or beyond
    /// ASCII, and perhaps of bytes after such a byte (a borrow runs on): zero when there is none,
    /// and the lowest bit set is always that of the first one.
    @inline(__always) static func stops(_ word: UInt64) -> UInt64 {
        (word | (word &- 0x2020_2020_2020_2020) & ~word) & 0x8080_8080_8080_8080
    }
}

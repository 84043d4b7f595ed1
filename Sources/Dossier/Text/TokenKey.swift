/// Hash keys for folded token text, so that matchers compare tokens without building strings.
/// The fold lowercases, folds Latin accents to ASCII ("Erdoğan" → "erdogan"), and drops dots
/// ("U.S" → "us").
public enum TokenKey {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The key of a word as written in a data file, folded the same way as text tokens.
    public static func of(_ word: some StringProtocol) -> UInt64 {
        if let h = word.utf8.withContiguousStorageIfAvailable({ asciiKey($0) }), let h { return h }
        var h = offset
        for b in word.utf8 {
            if b >= 0x80 {
                let units = Array(word.utf16)
                return units.withUnsafeBufferPointer { of(units: $0[...]) }
            }
            if b == 0x2E { continue }
            h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)) &* prime
        }
        return h
    }

    /// The key of ASCII UTF-8 bytes; nil if a byte is not ASCII.
    @inline(__always)
    static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var h = offset
        for b in bytes {
            if b >= 0x80 { return nil }
            if b == 0x2E { continue }
            h = (h ^ UInt64(b &- 0x41 < 26 ? b | 0x20 : b)) &* prime
        }
        return h
    }

    /// The key of a span of UTF-16 text.
    public static func of(units: Slice<UnsafeBufferPointer<UInt16>>) -> UInt64 {
        var h = offset
        for u in units {
            if u >= 0x80 {
                // Latin letters with diacritics fold through the table; anything else through ICU,
                // but for general punctuation ("’", "–"), which has no case: it keys as itself, as
                // `folded` would key it (`TokenizerFastPathTests` checks the whole block).
                if let ascii = ASCIIFoldTable.shared.fold(u) {
                    for c in ascii where c != 0x2E { h = (h ^ UInt64(c)) &* prime }
                } else if u &- 0x2000 < 0x70 {
                    h = (h ^ UInt64(u)) &* prime
                } else {
                    return folded(units)
                }
                continue
            }
            var c = u
            if c == 0x2E { continue }  // dots: "U.S" == "US"
            if c >= 0x41 && c <= 0x5A { c += 0x20 }
            h = (h ^ UInt64(c)) &* prime
        }
        return h
    }

    /// Keys of text with characters the table does not fold (other scripts, rare letters): each
    /// scalar folds through the table or its Unicode lowercase mapping. Other scripts are not
    /// transliterated: the gazetteers hold Latin-script names.
    static func folded(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> UInt64 {
        var h = offset
        for scalar in String(decoding: units, as: UTF16.self).unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v == 0x2E { continue }
                h = (h ^ UInt64(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)) &* prime
            } else if v <= 0xFFFF, let ascii = ASCIIFoldTable.shared.fold(UInt16(v)) {
                for c in ascii where c != 0x2E { h = (h ^ UInt64(c)) &* prime }
            } else {
                for u in scalar.properties.lowercaseMapping.utf16 { h = (h ^ UInt64(u)) &* prime }
            }
        }
        return h
    }
}

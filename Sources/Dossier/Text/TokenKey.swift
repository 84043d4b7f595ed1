internal import ICUText

/// Hash keys for folded token text, so that matchers compare tokens without building strings.
/// The fold lowercases, folds accents and other scripts to ASCII, and drops dots ("U.S" → "us").
public enum TokenKey {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The key of a word as written in a data file, folded the same way as text tokens.
    public static func of(_ word: some StringProtocol) -> UInt64 {
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

    /// The key of a span of UTF-16 text.
    public static func of(units: Slice<UnsafeBufferPointer<UInt16>>) -> UInt64 {
        var h = offset
        for u in units {
            if u >= 0x80 {
                // Latin letters with diacritics fold through the table; anything else through ICU.
                guard let ascii = ASCIIFoldTable.shared.fold(u) else { return folded(units) }
                for c in ascii where c != 0x2E { h = (h ^ UInt64(c)) &* prime }
                continue
            }
            var c = u
            if c == 0x2E { continue }  // dots: "U.S" == "US"
            if c >= 0x41 && c <= 0x5A { c += 0x20 }
            h = (h ^ UInt64(c)) &* prime
        }
        return h
    }

    /// Keys of non-ASCII text go through ICU's transliterator.
    static func folded(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> UInt64 {
        var s = String(decoding: units, as: UTF16.self)
        s = s.replacingApostrophes()
        let ascii = ASCIIFolding.fold(s)
        var h = offset
        for u in ascii.utf16 where u != 0x2E {
            var c = u
            if c >= 0x41 && c <= 0x5A { c += 0x20 }
            h = (h ^ UInt64(c)) &* prime
        }
        return h
    }
}

extension String {
    /// Curly apostrophes as straight ones, so "Côte d’Ivoire" and "Côte d'Ivoire" fold alike.
    func replacingApostrophes() -> String {
        guard utf8.contains(0xE2) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{2019}" || $0 == "\u{2018}" ? "'" : $0 }))
    }
}

internal import ICUText

/// Splits a document into tokens with ICU's word-break rules. Whitespace becomes flags on the
/// following token; possessive "'s" is split off its word so that "Isis's" yields the name "Isis".
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ units: [UInt16]) -> [Token] {
        var segments: [WordSegment] = []
        segments.reserveCapacity(units.count / 3)
        var tokens: [Token] = []
        tokens.reserveCapacity(units.count / 4)
        units.withUnsafeBufferPointer { buf in
            TextSegmenter.words(in: buf, into: &segments)
            var space = false
            var lineBreak = false
            for seg in segments {
                let first = buf[seg.start]
                if seg.kind == .other && Self.isSpace(first) {
                    space = true
                    for i in seg.start..<seg.end where buf[i] == 0x0A || buf[i] == 0x0D || buf[i] == 0x2028 || buf[i] == 0x2029 {
                        lineBreak = true
                    }
                    continue
                }
                var start = seg.start
                var end = seg.end
                var clitic = false
                if seg.kind == .letter, end - start > 2, buf[end - 1] | 0x20 == 0x73, buf[end - 2] == 0x27 || buf[end - 2] == 0x2019 {
                    end -= 2
                    clitic = true
                }
                let kind: TokenKind
                switch seg.kind {
                case .number: kind = .number
                case .letter, .kana, .ideograph: kind = .word
                case .other: kind = Self.classify(first)
                }
                let slice = buf[start..<end]
                let key: UInt64
                let shape: TokenShape
                if let ascii = Self.asciiKeyAndShape(slice) {
                    (key, shape) = ascii
                } else {
                    key = TokenKey.of(units: slice)
                    shape = Self.shape(slice)
                }
                tokens.append(Token(start: Int32(start), end: Int32(end), kind: kind, shape: shape,
                                    spaceBefore: space, lineBreakBefore: lineBreak, key: key))
                if clitic {
                    start = end
                    end = seg.end
                    tokens.append(Token(start: Int32(start), end: Int32(end), kind: .clitic, shape: .lower,
                                        spaceBefore: false, lineBreakBefore: false, key: TokenKey.of(units: buf[start..<end])))
                }
                space = false
                lineBreak = false
            }
        }
        return tokens
    }

    @inline(__always) static func isSpace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x0A || u == 0x0D || u == 0x09 || u == 0x0C || u == 0xA0 || u == 0x2028 || u == 0x2029
            || (u >= 0x2000 && u <= 0x200B) || u == 0x3000 || u == 0x202F || u == 0x0B
    }

    static func classify(_ u: UInt16) -> TokenKind {
        switch u {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return .dash
        case 0x22, 0x27, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2039, 0x203A, 0x300C, 0x300D: return .quote
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E, 0x2026, 0xA1, 0xBF, 0x2022, 0xB7: return .punctuation
        default: return .symbol
        }
    }

    /// `TokenKey.of(units:)` and `shape(_:)` in one pass, for ASCII text (most tokens); nil when a
    /// unit is not ASCII.
    @inline(__always)
    static func asciiKeyAndShape(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> (UInt64, TokenShape)? {
        var h = TokenKey.offset
        var upper = 0, lower = 0
        var firstUpper = false
        for u in units {
            if u >= 0x80 { return nil }
            let isUpper = u &- 0x41 < 26
            let isLower = u &- 0x61 < 26
            if upper + lower == 0 { firstUpper = isUpper }
            if isUpper { upper += 1 } else if isLower { lower += 1 }
            if u != 0x2E { h = (h ^ UInt64(isUpper ? u | 0x20 : u)) &* TokenKey.prime }
        }
        let letters = upper + lower
        if letters == 0 { return (h, .none) }
        if lower == 0 { return (h, letters >= 2 ? .upper : .capitalised) }
        if firstUpper { return (h, .capitalised) }
        return (h, upper > 0 ? .mixed : .lower)
    }

    /// The letter case of a token's text.
    static func shape(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> TokenShape {
        var upper = 0, lower = 0, letters = 0
        var firstUpper: Bool?
        for u in units {
            var isUpper = false, isLower = false
            if u < 0x80 {
                isUpper = u >= 0x41 && u <= 0x5A
                isLower = u >= 0x61 && u <= 0x7A
            } else if let scalar = Unicode.Scalar(u) {
                isUpper = scalar.properties.isUppercase
                isLower = scalar.properties.isLowercase
            }
            if isUpper || isLower {
                letters += 1
                if firstUpper == nil { firstUpper = isUpper }
                if isUpper { upper += 1 } else { lower += 1 }
            }
        }
        if letters == 0 { return .none }
        if lower == 0 { return letters >= 2 ? .upper : .capitalised }
        if firstUpper == true { return .capitalised }
        return upper > 0 ? .mixed : .lower
    }
}

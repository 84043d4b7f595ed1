internal import ICUText

/// Splits a document into tokens with ICU's word-break rules. Whitespace becomes flags on the
/// following token; possessive "'s" is split off its word so that "Isis's" yields the name "Isis".
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ units: [UInt16]) -> [Token] {
        var result: [Token] = []
        units.withUnsafeBufferPointer { buf in
            Self.asciiTable.withUnsafeBufferPointer { table in
                guard let text = buf.baseAddress, let table = table.baseAddress else { return }
                TextSegmenter.withWordBreaks(in: buf) { breaks in
                    result = Self.tokens(of: &breaks, text: text, count: buf.count, table: table)
                }
            }
        }
        return result
    }

    /// The tokens of ICU's word segments, written straight into an array's storage sized for
    /// the usual count (a token per four units); text with more tokens continues in more arrays.
    static func tokens(of breaks: inout WordBreaks, text: UnsafePointer<UInt16>, count: Int,
                       table: UnsafePointer<UInt32>) -> [Token] {
        var gap = Gap()
        var done = false
        var result = [Token](unsafeUninitializedCapacity: count / 4 + 16) { storage, initialized in
            var tokens = TokenBuffer(storage)
            done = fill(&tokens, from: &breaks, text: text, table: table, gap: &gap)
            initialized = tokens.count
        }
        while !done {
            let more = [Token](unsafeUninitializedCapacity: max(result.count, 64)) { storage, initialized in
                var tokens = TokenBuffer(storage)
                done = fill(&tokens, from: &breaks, text: text, table: table, gap: &gap)
                initialized = tokens.count
            }
            result.append(contentsOf: more)
        }
        return result
    }

    /// The whitespace seen since the last token: it becomes flags on the next one.
    struct Gap {
        var space = false
        var lineBreak = false
    }

    /// Appends tokens while `tokens` has room for a word and its clitic; whether the text ended.
    /// Runs of modelled lines are segmented here (`fillRun`), other lines read from ICU.
    @inline(never)
    static func fill(_ tokens: inout TokenBuffer, from breaks: inout WordBreaks, text: UnsafePointer<UInt16>,
                     table: UnsafePointer<UInt32>, gap: inout Gap) -> Bool {
        // All state is local, so that it stays in registers.
        var out = tokens
        var space = gap.space
        var lineBreak = gap.lineBreak
        defer {
            tokens = out
            gap = Gap(space: space, lineBreak: lineBreak)
        }
        while out.hasRoom(for: 2) {
            if let limit = breaks.modelledRunEnd() {
                breaks.offset = fillRun(&out, text: text, from: breaks.offset, limit: limit, classes: breaks.classTable,
                                        table: table, space: &space, lineBreak: &lineBreak)
                continue
            }
            guard let seg = breaks.next() else { return true }
            let first = text[seg.start]
            if seg.kind == .other && isSpace(first) {
                space = true
                if !lineBreak { lineBreak = hasLineBreak(text, from: seg.start, to: seg.end) }
                continue
            }
            append(seg, text: text, table: table, first: first, space: space, lineBreak: lineBreak, to: &out)
            space = breaks.skipSingleSpace()
            lineBreak = false
        }
        return false
    }

    /// Appends the token (or word and clitic) of a segment that is not whitespace.
    @inline(__always)
    static func append(_ seg: WordSegment, text: UnsafePointer<UInt16>, table: UnsafePointer<UInt32>, first: UInt16,
                       space: Bool, lineBreak: Bool, to tokens: inout TokenBuffer) {
        let start = seg.start
        var end = seg.end
        var clitic = false
        if seg.kind == .letter, end - start > 2, text[end - 1] | 0x20 == 0x73, text[end - 2] == 0x27 || text[end - 2] == 0x2019 {
            end -= 2
            clitic = true
        }
        let kind: TokenKind
        switch seg.kind {
        case .number: kind = .number
        case .letter, .kana, .ideograph: kind = .word
        case .other: kind = Self.classify(first)
        }
        let (key, shape) = Self.asciiKeyAndShape(text, from: start, to: end, table: table)
            ?? Self.keyAndShape(text, from: start, to: end)
        // UTF-16 offsets of a document fit in Int32 (Token's layout).
        tokens.append(Token(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end), kind: kind,
                            shape: shape, spaceBefore: space, lineBreakBefore: lineBreak, key: key))
        if clitic {
            tokens.append(Token(start: Int32(truncatingIfNeeded: end), end: Int32(truncatingIfNeeded: seg.end),
                                kind: .clitic, shape: .lower, spaceBefore: false, lineBreakBefore: false,
                                key: TokenKey.of(units: UnsafeBufferPointer(start: text, count: seg.end)[end..<seg.end])))
        }
    }

    /// Key and shape of any text: the slow path, out of line so that the hot loop stays small.
    @inline(never)
    static func keyAndShape(_ text: UnsafePointer<UInt16>, from: Int, to: Int) -> (key: UInt64, shape: TokenShape) {
        let slice = UnsafeBufferPointer(start: text, count: to)[from..<to]
        return (TokenKey.of(units: slice), shape(slice))
    }

    /// Whether `text[from..<to]` holds a line break.
    @inline(__always)
    static func hasLineBreak(_ text: UnsafePointer<UInt16>, from: Int, to: Int) -> Bool {
        for i in from..<to {
            let u = text[i]
            if u == 0x0A || u == 0x0D || u == 0x2028 || u == 0x2029 { return true }
        }
        return false
    }

    @inline(__always) static func isSpace(_ u: UInt16) -> Bool {
        // Bit u is set for tab, line feed, vertical tab, form feed, carriage return and space.
        let lowSpaces: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0B | 1 << 0x0C | 1 << 0x0D | 1 << 0x20
        if u <= 0x20 { return lowSpaces &>> UInt64(u) & 1 != 0 }
        if u < 0xA0 { return false }
        return u == 0xA0 || u == 0x2028 || u == 0x2029 || (u >= 0x2000 && u <= 0x200B) || u == 0x3000 || u == 0x202F
    }

    static func classify(_ u: UInt16) -> TokenKind {
        switch u {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return .dash
        case 0x22, 0x27, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2039, 0x203A, 0x300C, 0x300D: return .quote
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E, 0x2026, 0xA1, 0xBF, 0x2022, 0xB7: return .punctuation
        default: return .symbol
        }
    }

    /// The letter case of a token's text.
    static func shape(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> TokenShape {
        var upper = 0, lower = 0, letters = 0
        var firstUpper: Bool?
        for u in units {
            let (isUpper, isLower) = letterCase(u)
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

    /// Whether a unit is an uppercase or a lowercase letter (Unicode's Uppercase and Lowercase
    /// properties; neither for a surrogate): from a table for U+0000–U+024F, without a look-up
    /// for general punctuation (U+2000–U+206F, caseless), from Unicode's properties otherwise.
    @inline(__always)
    static func letterCase(_ u: UInt16) -> (isUpper: Bool, isLower: Bool) {
        if u < 0x250 {
            let bits = latinCases[Int(u)]
            return (bits & 1 != 0, bits & 2 != 0)
        }
        if u &- 0x2000 < 0x70 { return (false, false) }
        guard let scalar = Unicode.Scalar(u) else { return (false, false) }
        return (scalar.properties.isUppercase, scalar.properties.isLowercase)
    }

    /// Per unit below U+0250: 1 if uppercase, 2 if lowercase (Unicode's properties).
    static let latinCases: [UInt8] = (0..<0x250).map { (v: UInt32) in
        guard let scalar = Unicode.Scalar(v) else { return 0 }
        return (scalar.properties.isUppercase ? 1 : 0) | (scalar.properties.isLowercase ? 2 : 0)
    }
}

/// One token of a document: a word, number or punctuation mark, with its UTF-16 span, its
/// letter case and a hash key of its folded form (lowercase, accents folded, inner dots dropped:
/// "U.S" and "US" share a key, "Erdoğan" and "Erdogan" too).
public struct Token: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    public var kind: TokenKind
    public var shape: TokenShape
    /// Whitespace precedes the token; `lineBreakBefore`: a line break does.
    public var spaceBefore: Bool
    public var lineBreakBefore: Bool
    /// `TokenKey` of the folded text.
    public var key: UInt64

    @inline(__always) public var range: Range<Int> { Int(start)..<Int(end) }
    @inline(__always) public var length: Int { Int(end - start) }
    /// Capitalised or all capitals.
    @inline(__always) public var isCapitalised: Bool { shape == .capitalised || shape == .upper }
    /// Zero exactly for a capitalised word (`kind == .word && isCapitalised`), computed without a
    /// branch, for passes over every token that look for the few capitalised words.
    @inline(__always) var notCapitalisedWord: UInt8 { kind.rawValue | ((shape.rawValue | 1) ^ TokenShape.upper.rawValue) }
}

/// What a token is made of, from ICU's word-break rule status and its characters.
public enum TokenKind: UInt8, Sendable {
    case word
    case number
    /// A possessive clitic split off a word: "'s" in "Isis's".
    case clitic
    /// Hyphens and dashes.
    case dash
    /// Quotation marks of any style.
    case quote
    case punctuation
    case symbol
}

/// The letter case of a token.
public enum TokenShape: UInt8, Sendable {
    /// No letters.
    case none
    /// "said"
    case lower
    /// "Baghdad", "McCain", "O'Neill"
    case capitalised
    /// "ISIS", "U.S" (two or more letters, all capitals)
    case upper
    /// "iPhone", "eBay": starts lowercase, has capitals later.
    case mixed
}

extension Token {
    /// A token as three words, for the tokenizer's loop to write in three stores: the span
    /// (`start` in the low half, `end` in the high half), the flags (`kind`, `shape`,
    /// `spaceBefore`, `lineBreakBefore`, a byte each from the lowest) and the key.
    /// `TokenLayoutTests` holds `Token`'s layout to these offsets on this platform.
    enum Packed {
        static let spanOffset = 0
        static let flagsOffset = 8
        static let keyOffset = 16
        /// Flag bits of `spaceBefore` and `lineBreakBefore`.
        static let spaceFlag: UInt32 = 1 << 16
        static let lineBreakFlag: UInt32 = 1 << 24

        @inline(__always)
        static func span(start: Int, end: Int) -> UInt64 {
            UInt64(UInt32(truncatingIfNeeded: start)) | UInt64(UInt32(truncatingIfNeeded: end)) &<< 32
        }

        @inline(__always)
        static func flags(kind: TokenKind, shape: TokenShape) -> UInt32 {
            UInt32(kind.rawValue) | UInt32(shape.rawValue) &<< 8
        }
    }
}

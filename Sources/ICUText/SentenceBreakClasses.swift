internal import CICU

/// The Sentence_Break class of each UTF-16 unit in the ranges where news text spends nearly all
/// its characters (U+0000–U+024F: ASCII, Latin-1, Latin Extended-A and B; U+1E00–U+20CF: Latin
/// Extended Additional, as in Vietnamese names, Greek Extended, general punctuation, currency
/// signs), read from ICU's own character properties when first used.
///
/// `LatinSentenceSegmenter` segments lines made only of these classes as ICU's sentence rules do.
/// A unit outside the ranges, an Extend or Format mark (soft hyphen, ZWJ, bidi marks: rule SB5
/// folds them into the unit before), a surrogate or NUL is `unmodelled`: its line is left to ICU.
@usableFromInline enum SentenceBreakClass {
    @inlinable static var other: UInt8 { 0 }
    @inlinable static var lower: UInt8 { 1 }
    @inlinable static var upper: UInt8 { 2 }
    @inlinable static var otherLetter: UInt8 { 3 }     // OLetter
    @inlinable static var numeric: UInt8 { 4 }
    @inlinable static var continuation: UInt8 { 5 }    // SContinue: ",", ";", ":", "-", "—"
    @inlinable static var close: UInt8 { 6 }           // quotation marks and brackets
    @inlinable static var space: UInt8 { 7 }           // Sp
    @inlinable static var ambiguousTerminator: UInt8 { 8 }  // ATerm: "."
    @inlinable static var terminator: UInt8 { 9 }      // STerm: "!", "?"
    @inlinable static var carriageReturn: UInt8 { 10 } // CR
    @inlinable static var lineEnd: UInt8 { 11 }        // LF and Sep: always a break after (SB4)
    @inlinable static var unmodelled: UInt8 { 0x80 }

    /// The classes that rule SB8 lets stand between "." (with its closing marks and spaces) and
    /// a lowercase letter: everything but letters, terminators and line ends.
    @inlinable static var betweenTerminatorAndLowercase: UInt32 {
        1 << other | 1 << numeric | 1 << continuation | 1 << close | 1 << space
    }

    /// Classes of U+0000–U+024F, then of U+1E00–U+20CF.
    static let table: [UInt8] = ModelledRanges.table(of(scalar:))

    /// The class of one code point, from ICU's Sentence_Break property.
    static func of(scalar c: UInt32) -> UInt8 {
        if c == 0 { return unmodelled }
        switch USentenceBreak(UInt32(u_getIntPropertyValue(Int32(bitPattern: c), UCHAR_SENTENCE_BREAK))) {
        case U_SB_OTHER: return other
        case U_SB_LOWER: return lower
        case U_SB_UPPER: return upper
        case U_SB_OLETTER: return otherLetter
        case U_SB_NUMERIC: return numeric
        case U_SB_SCONTINUE: return continuation
        case U_SB_CLOSE: return close
        case U_SB_SP: return space
        case U_SB_ATERM: return ambiguousTerminator
        case U_SB_STERM: return terminator
        case U_SB_CR: return carriageReturn
        case U_SB_LF, U_SB_SEP: return lineEnd
        default: return unmodelled
        }
    }

    /// The class of a UTF-16 unit; `table` is `SentenceBreakClass.table`.
    @inlinable @inline(__always)
    static func of(_ u: UInt16, in table: UnsafePointer<UInt8>) -> UInt8 {
        ModelledRanges.entry(u, in: table, outside: unmodelled)
    }
}

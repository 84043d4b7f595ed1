internal import CICU

/// The Word_Break class of each UTF-16 unit in the ranges where news text spends nearly all its
/// characters (U+0000–U+024F: ASCII, Latin-1, Latin Extended-A and B, as in Romanian names;
/// U+1E00–U+20CF: Latin Extended Additional, as in Vietnamese names, Greek Extended, general
/// punctuation, currency signs), read from ICU's own character properties when first used.
///
/// `LatinWordSegmenter` segments text made only of these classes as ICU's word-break rules do.
/// A unit outside the ranges, or whose class the segmenter does not model (Extend and Format
/// marks, ZWJ, Katakana, Hebrew letters, regional indicators, pictographs such as "©"), is
/// `unmodelled`: a line holding one is left to ICU.
@usableFromInline enum WordBreakClass {
    @inlinable static var letter: UInt8 { 1 }          // ALetter
    @inlinable static var numeric: UInt8 { 2 }         // Numeric
    @inlinable static var extendNumLet: UInt8 { 3 }    // ExtendNumLet: "_", narrow no-break space
    @inlinable static var midLetter: UInt8 { 4 }       // MidLetter: "·"
    @inlinable static var midNumLet: UInt8 { 5 }       // MidNumLet and Single_Quote: ".", "'", "’"
    @inlinable static var midNum: UInt8 { 6 }          // MidNum: ",", ";"
    @inlinable static var space: UInt8 { 7 }           // WSegSpace
    @inlinable static var carriageReturn: UInt8 { 8 }  // CR
    @inlinable static var lineEnd: UInt8 { 9 }         // LF and Newline: always a break after, a break before
    @inlinable static var other: UInt8 { 10 }          // everything else the rules treat alike (Double_Quote too)
    @inlinable static var unmodelled: UInt8 { 0x80 }

    /// Classes of U+0000–U+024F, then of U+1E00–U+20CF.
    static let table: [UInt8] = ModelledRanges.table(of(scalar:))

    /// The class of one code point, from ICU's Word_Break property.
    static func of(scalar c: UInt32) -> UInt8 {
        let cp = Int32(bitPattern: c)
        // NUL is left to ICU: C-string tools cannot show how it segments it.
        if c == 0 || u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC) != 0 { return unmodelled }
        // ICU's word rules (since CLDR 42) count "@" as a letter, for handles and addresses:
        // "@POTUS" and "x@y.org" are one word each.
        if c == 0x40 { return letter }
        switch UWordBreakValues(UInt32(u_getIntPropertyValue(cp, UCHAR_WORD_BREAK))) {
        case U_WB_ALETTER: return letter
        case U_WB_NUMERIC: return numeric
        case U_WB_EXTENDNUMLET: return extendNumLet
        // ICU's word rules take ":" and its full-width and small forms out of MidLetter
        // (`$MidLetter = [\p{Word_Break = MidLetter} - [\: \uFE55 \uFF1A]]`), so "a:b" breaks.
        case U_WB_MIDLETTER: return c == 0x3A ? other : midLetter
        case U_WB_MIDNUMLET, U_WB_SINGLE_QUOTE: return midNumLet
        case U_WB_MIDNUM: return midNum
        case U_WB_WSEGSPACE: return space
        case U_WB_CR: return carriageReturn
        case U_WB_LF, U_WB_NEWLINE: return lineEnd
        case U_WB_OTHER, U_WB_DOUBLE_QUOTE: return other
        default: return unmodelled
        }
    }

    /// The class of a UTF-16 unit; `table` is `WordBreakClass.table`.
    @inlinable @inline(__always)
    static func of(_ u: UInt16, in table: UnsafePointer<UInt8>) -> UInt8 {
        ModelledRanges.entry(u, in: table, outside: unmodelled)
    }
}

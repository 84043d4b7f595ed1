internal import ICUText

/// The tokenizer's fast path for ASCII tokens (most of them): key and shape in one pass.
extension Tokenizer {
    /// Per ASCII unit: its folded form (lowercase) in the low 7 bits, `dotBit` for ".", which
    /// keys skip, `upperBit` / `lowerBit` for letters; its segmenter role (`WordBreaks.asciiRoles`)
    /// in the role bits, and for a unit that is a token alone (not a space), its kind (`classify`)
    /// times `kindUnit`.
    ///
    /// Entry 128 stands for any unit past ASCII: no role, and it may continue any word.
    static let asciiTable: [UInt32] = (0..<128).map { (u: UInt16) in
        var entry = UInt32(u)
        if u == 0x2E { entry = dotBit }
        if u &- 0x41 < 26 { entry = UInt32(u | 0x20) | upperBit }
        if u &- 0x61 < 26 { entry = UInt32(u) | lowerBit }
        if WordBreaks.mayContinueSegment(u, afterLetter: true) { entry |= letterRole << continuesShift }
        if WordBreaks.mayContinueSegment(u, afterLetter: false) { entry |= digitRole << continuesShift }
        switch WordBreaks.asciiRoles[Int(u)] {
        case .letter: entry |= letterRole
        case .digit: entry |= digitRole
        // Tab, vertical tab, form feed and line feed are whitespace, not tokens.
        case .alone where !isSpace(u): entry |= aloneRole | UInt32(classify(u).rawValue) &* kindUnit
        default: break
        }
        return entry
    } + [(letterRole | digitRole) << continuesShift]
    static let dotBit: UInt32 = 0x80
    static let upperBit: UInt32 = 0x100
    static let lowerBit: UInt32 = 0x200
    /// The role bits: a unit that makes words with ASCII letters alone or with digits alone (one
    /// bit each, so that a word's loop tests one), or that is a token alone.
    static let roleMask: UInt32 = 0xC00
    static let letterRole: UInt32 = 0x400
    static let digitRole: UInt32 = 0x800
    static let aloneRole: UInt32 = 0x2_0000
    static let kindUnit: UInt32 = 0x1000
    static let kindMask: UInt32 = 0x7000
    /// A word's role shifted by this many bits is the bit of the units that may continue it
    /// (`WordBreaks.mayContinueSegment`).
    static let continuesShift: UInt32 = 5

    /// `TokenKey.of(units:)` and `shape(_:)` in one pass over `text[from..<to]`, for ASCII text;
    /// nil when a unit is not ASCII. `table` is `asciiTable`.
    @inline(__always)
    static func asciiKeyAndShape(_ text: UnsafePointer<UInt16>, from: Int, to: Int,
                                 table: UnsafePointer<UInt32>) -> (UInt64, TokenShape)? {
        var h = TokenKey.offset
        var seen: UInt32 = 0
        var i = from
        while i < to {
            let u = text[i]
            if u >= 0x80 { return nil }
            let entry = table[Int(u)]
            seen |= entry
            if entry & dotBit == 0 { h = (h ^ UInt64(entry & 0x7F)) &* TokenKey.prime }
            i &+= 1
        }
        return (h, asciiShape(text, from: from, to: to, seen: seen, table: table))
    }

    /// `asciiKeyAndShape` for a segment the segmenter found plain: ASCII letters and digits
    /// only, or one ASCII unit other than "." (no unit to skip, none to fold through ICU).
    @inline(__always)
    static func plainKeyAndShape(_ text: UnsafePointer<UInt16>, from: Int, to: Int,
                                 table: UnsafePointer<UInt32>) -> (UInt64, TokenShape) {
        var h = TokenKey.offset
        var seen: UInt32 = 0
        var i = from
        while i < to {
            // The mask keeps the read inside the table whatever the unit.
            let entry = table[Int(text[i] & 0x7F)]
            seen |= entry
            h = (h ^ UInt64(entry & 0x7F)) &* TokenKey.prime
            i &+= 1
        }
        return (h, asciiShape(text, from: from, to: to, seen: seen, table: table))
    }

    /// The shape of ASCII `text[from..<to]`, whose table entries OR to `seen`.
    @inline(__always)
    static func asciiShape(_ text: UnsafePointer<UInt16>, from: Int, to: Int, seen: UInt32,
                           table: UnsafePointer<UInt32>) -> TokenShape {
        if seen & upperBit == 0 { return seen & lowerBit == 0 ? .none : .lower }
        if seen & lowerBit == 0 {
            // Capitals only: two or more make an all-capitals token.
            var capitals = 0
            for k in from..<to where text[k] &- 0x41 < 26 { capitals += 1 }
            return capitals >= 2 ? .upper : .capitalised
        }
        // Both cases: the first letter decides.
        var i = from
        while table[Int(text[i])] & (upperBit | lowerBit) == 0 { i &+= 1 }
        return table[Int(text[i])] & upperBit != 0 ? .capitalised : .mixed
    }
}

/// The UTF-16 ranges whose characters the table-driven segmenters model: U+0000–U+024F (ASCII,
/// Latin-1, Latin Extended-A and B), then U+1E00–U+20CF (Latin Extended Additional, Greek
/// Extended, general punctuation, currency signs). `WordBreakClass` and `SentenceBreakClass`
/// keep one table each in this layout: the low range's entries, then the high range's.
@usableFromInline enum ModelledRanges {
    @inlinable static var lowLimit: Int { 0x250 }
    @inlinable static var highStart: Int { 0x1E00 }
    @inlinable static var highCount: Int { 0x2D0 }

    /// `value` of each code point of the ranges, in the table layout.
    static func table(_ value: (UInt32) -> UInt8) -> [UInt8] {
        (0..<lowLimit).map { value(UInt32($0)) } + (0..<highCount).map { value(UInt32(highStart + $0)) }
    }

    /// The entry of `u` in a table of this layout, or `outside` for a unit outside the ranges.
    @inlinable @inline(__always)
    static func entry(_ u: UInt16, in table: UnsafePointer<UInt8>, outside: UInt8) -> UInt8 {
        if Int(u) < lowLimit { return table[Int(u)] }
        let high = Int(u) &- highStart
        return high >= 0 && high < highCount ? table[lowLimit &+ high] : outside
    }

    /// The end of the line holding `start`: past its line end, or `count`. `classes` is a table of
    /// this layout whose class `lineEnd` always ends a line and `carriageReturn` ends one unless a
    /// line feed follows (the word and sentence classes differ in which units end a line).
    static func lineEnd(_ text: UnsafePointer<UInt16>, from start: Int, count: Int, classes: UnsafePointer<UInt8>,
                        lineEnd: UInt8, carriageReturn: UInt8, outside: UInt8) -> Int {
        var i = start
        while i < count {
            let c = entry(text[i], in: classes, outside: outside)
            i &+= 1
            if c == lineEnd || (c == carriageReturn && (i == count || text[i] != 0x0A)) { return i }
        }
        return count
    }
}

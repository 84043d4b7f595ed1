/// Segmenting a run of modelled lines in the caller's own loop, for the tokenizer: its position,
/// the run's end and the class table stay in locals (registers) rather than in `WordBreaks`'
/// fields, which a loop reaching them through a pointer re-reads from memory on every step.
extension WordBreaks {
    /// The end of the run of modelled lines at `offset` (a run is started when the last one has
    /// been read); nil when the next segment comes from ICU (read it with `next()`) or the text
    /// has ended. The caller segments `offset..<end` with `modelledSegment` and sets `offset` to
    /// where it stopped.
    @inlinable @inline(__always)
    public mutating func modelledRunEnd() -> Int? {
        if position >= runEnd {
            guard position < count else { return nil }
            startRun()
        }
        return runIsICU ? nil : runEnd
    }

    /// Where the next segment starts.
    @inlinable public var offset: Int {
        @inline(__always) get { position }
        @inline(__always) set { position = newValue }
    }

    /// The class table to pass to `modelledSegment`, `continuesSegment` and `isSingleSpace`.
    @inlinable public var classTable: UnsafePointer<UInt8> {
        @inline(__always) get { classes }
    }

    /// The segment at `start` of a modelled run ending at `limit`: as `nextNotingPlainness()`
    /// gives it.
    @inlinable @inline(__always)
    public static func modelledSegment(_ text: UnsafePointer<UInt16>, from start: Int, limit: Int,
                                       classes: UnsafePointer<UInt8>) -> (end: Int, kind: WordSegmentKind, plain: Bool) {
        LatinWordSegmenter.segment(text, from: start, limit: limit, classes: classes)
    }

    /// Whether the unit at `i` (before `limit`, in a modelled run) continues a segment whose
    /// units so far are all letters (`afterLetter`) or all digits: a letter, digit or "_" does,
    /// and so does a joiner between two letters ("." "'" "·") or two digits ("." "," ";").
    @inlinable @inline(__always)
    public static func continuesSegment(_ text: UnsafePointer<UInt16>, at i: Int, limit: Int, afterLetter: Bool,
                                        classes: UnsafePointer<UInt8>) -> Bool {
        typealias C = WordBreakClass
        let c = C.of(text[i], in: classes)
        // Letter 1, numeric 2, extendNumLet 3.
        if c &- 1 < 3 { return true }
        let joiner = afterLetter ? (c == C.midLetter || c == C.midNumLet) : (c == C.midNum || c == C.midNumLet)
        guard joiner, i &+ 1 < limit else { return false }
        return C.of(text[i &+ 1], in: classes) == (afterLetter ? C.letter : C.numeric)
    }

    /// Whether `skipSingleSpace()` would skip the unit at `i` of a modelled run: one U+0020
    /// before another unit of the run that is not a space.
    @inlinable @inline(__always)
    public static func isSingleSpace(_ text: UnsafePointer<UInt16>, at i: Int, limit: Int,
                                     classes: UnsafePointer<UInt8>) -> Bool {
        i &+ 1 < limit && text[i] == 0x20 && WordBreakClass.of(text[i &+ 1], in: classes) != WordBreakClass.space
    }

    /// What each ASCII unit is to the segmenter: `ASCIIRole.letter` or `.digit` for units that
    /// make words of their class alone, `.alone` for units that are always a segment of their
    /// own (punctuation, controls and line ends), `.other` for spaces, CR, "_" and NUL.
    public static let asciiRoles: [ASCIIRole] = (0..<0x80).map { (u: UInt16) in
        typealias C = WordBreakClass
        switch C.table[Int(u)] {
        case C.letter: return .letter
        case C.numeric: return .digit
        case C.extendNumLet, C.space, C.carriageReturn, C.unmodelled: return .other
        default: return .alone
        }
    }

    /// Whether the unit `u` may continue a segment whose units so far are all letters
    /// (`afterLetter`) or all digits: whether it is a letter, digit or "_", or a joiner of such
    /// segments (`continuesSegment` decides those from the unit after it).
    public static func mayContinueSegment(_ u: UInt16, afterLetter: Bool) -> Bool {
        typealias C = WordBreakClass
        let c = WordBreakClass.table.withUnsafeBufferPointer { C.of(u, in: $0.baseAddress!) }
        if c == C.letter || c == C.numeric || c == C.extendNumLet || c == C.midNumLet { return true }
        return afterLetter ? c == C.midLetter : c == C.midNum
    }

    /// See `asciiRoles`.
    @frozen public enum ASCIIRole: UInt8, Sendable {
        case other
        case letter
        case digit
        case alone
    }
}

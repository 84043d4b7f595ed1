/// ICU's sentence-break rules (UAX #29, as ICU's `sent.txt` has them) for lines whose every unit
/// has a modelled `SentenceBreakClass`, without ICU's state machine, break cache and UText.
///
/// With no Extend or Format marks (SB5), a break can only fall after a line end (SB4: CR × LF,
/// then ÷) or after a terminator ("." ATerm, "!" "?" STerm) with its closing marks and spaces:
/// `terminator close* space*`, then a break (SB11) unless
/// - SB6, SB7: "." is followed at once by a digit, or by a capital with a letter before it;
/// - SB8: after "." comes a lowercase letter, past anything but letters, terminators and line ends;
/// - SB8a: a continuation (",", ";", ":", "-"…) or another terminator comes next;
/// - SB9, SB10: a line end comes next (the break then falls after it).
/// Each break left is then checked against ICU's suppressions (`SentenceSuppressions`).
enum LatinSentenceSegmenter {
    typealias C = SentenceBreakClass

    /// Appends each boundary of `text` to `out` (ascending, ending with `count`), except in
    /// lines that hold an unmodelled unit: for each of those, `fallback` is called with the
    /// line's start and end (past its line end) and `out`, at the place of its boundaries.
    ///
    /// One pass: a line's breaks are appended as they are found and taken back (from
    /// `lineMark` on) if its end shows that it was not modelled.
    static func boundaries(_ text: UnsafePointer<UInt16>, count: Int, classes: UnsafePointer<UInt8>,
                           suppressions: SentenceSuppressions, into out: inout [Int],
                           fallback: (Int, Int, inout [Int]) -> Void) {
        let raw = UnsafeRawPointer(text)
        var lineStart = 0
        var lineMark = out.count
        var i = 0
        while i < count {
            i = skipQuiet(raw, from: i, count: count)
            if i == count { break }
            let c = C.of(text[i], in: classes)
            i &+= 1
            if c < C.ambiguousTerminator { continue }
            if c >= C.carriageReturn {
                if c == C.unmodelled {
                    let end = lineEnd(text, from: i, count: count, classes: classes)
                    out.removeLast(out.count &- lineMark)
                    fallback(lineStart, end, &out)
                    lineStart = end
                    lineMark = out.count
                    i = end
                    continue
                }
                if c == C.carriageReturn && i < count && text[i] == 0x0A { i &+= 1 }
                out.append(i)
                lineStart = i
                lineMark = out.count
                continue
            }
            let (next, breaks) = afterTerminator(text, at: i &- 1, isATerm: c == C.ambiguousTerminator,
                                                 end: count, classes: classes)
            i = next
            if breaks && !suppressions.suppresses(text, count: count, at: next) { out.append(next) }
        }
        if lineStart < count { out.append(count) }
    }

    /// Where the unit-by-unit reading of `text` (at `raw`) goes on from `start`: the first unit
    /// that may be a terminator, a line end or unmodelled, found eight spaces and letters at a
    /// time (most text), or the first of the last seven units (or `count`). The loop carries
    /// nothing but the position, so that it stays in a register.
    @inline(__always)
    static func skipQuiet(_ raw: UnsafeRawPointer, from start: Int, count: Int) -> Int {
        var i = start
        while i &+ 8 <= count {
            let low = loudLanes(raw.loadUnaligned(fromByteOffset: i &* 2, as: UInt64.self))
            let high = loudLanes(raw.loadUnaligned(fromByteOffset: i &* 2 &+ 8, as: UInt64.self))
            if low | high != 0 {
                return i &+ (low != 0 ? low.trailingZeroBitCount &>> 4 : 4 &+ high.trailingZeroBitCount &>> 4)
            }
            i &+= 8
        }
        return i
    }

    /// Nonzero in the lanes of the four units of `w` that are neither a space (U+0020) nor ASCII
    /// from "@" up (digits and punctuation among them: they take the unit-by-unit path), and
    /// perhaps in lanes above those: its lowest set bit is in the first such unit's lane.
    @inline(__always)
    static func loudLanes(_ w: UInt64) -> UInt64 {
        // With space flipped to 0, a lane under 0x80 is loud if it is now 0x01–0x3F: adding 0x3F
        // sets its bit 6, which it did not have (letters keep bit 6, space stays below it). A
        // lane from 0x80 up is loud by its high bits; its carry can only reach the lanes above.
        let u = w ^ 0x0020_0020_0020_0020
        return (w & 0xFF80_FF80_FF80_FF80) | ((u &+ 0x003F_003F_003F_003F) & ~u & 0x0040_0040_0040_0040)
    }

    /// What follows the terminator at `t`: where scanning goes on (past its closing marks and
    /// spaces, or just past it), and whether a sentence breaks there.
    @inline(__always)
    static func afterTerminator(_ text: UnsafePointer<UInt16>, at t: Int, isATerm: Bool, end: Int,
                                classes: UnsafePointer<UInt8>) -> (next: Int, breaks: Bool) {
        var i = t &+ 1
        if isATerm && i < end {
            let next = C.of(text[i], in: classes)
            if next == C.numeric { return (i, false) }                                   // SB6
            if next == C.upper && t > 0 {
                let before = C.of(text[t &- 1], in: classes)
                if before == C.upper || before == C.lower { return (i, false) }           // SB7
            }
        }
        while i < end && C.of(text[i], in: classes) == C.close { i &+= 1 }
        while i < end && C.of(text[i], in: classes) == C.space { i &+= 1 }
        if i == end { return (i, false) }
        // No break before a continuation or a terminator (SB8a) or a line end (SB9–10). A closing
        // mark after the spaces is none of these ("etc. (a)").
        let next = C.of(text[i], in: classes)
        if next == C.continuation || next >= C.ambiguousTerminator { return (i, false) }
        if isATerm {                                                                      // SB8
            var k = i
            while k < end {
                let c = C.of(text[k], in: classes)
                if c == C.lower { return (i, false) }
                if c > 31 || (UInt32(1) << UInt32(c)) & C.betweenTerminatorAndLowercase == 0 { break }
                k &+= 1
            }
        }
        return (i, true)
    }

    /// The end of the line holding `start`: past its line end, or `count`.
    static func lineEnd(_ text: UnsafePointer<UInt16>, from start: Int, count: Int,
                        classes: UnsafePointer<UInt8>) -> Int {
        return ModelledRanges.lineEnd(text, from: start, count: count, classes: classes,
                                      lineEnd: C.lineEnd, carriageReturn: C.carriageReturn, outside: C.unmodelled)
    }
}

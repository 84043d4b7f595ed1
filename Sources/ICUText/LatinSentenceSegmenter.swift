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

    /// Calls `body` with each boundary in `start..<end` (a run of modelled lines, `end` a line
    /// end or `count`), then with `end` if no line end closes the run.
    static func boundaries(_ text: UnsafePointer<UInt16>, from start: Int, to end: Int, count: Int,
                           classes: UnsafePointer<UInt8>, suppressions: SentenceSuppressions,
                           _ body: (Int) -> Void) {
        let raw = UnsafeRawPointer(text)
        var last = start
        var i = start
        while i < end {
            // Four printable ASCII units at a time (most text), none of them ".", "!" or "?".
            if i &+ 4 <= end {
                let w = raw.loadUnaligned(fromByteOffset: i &* 2, as: UInt64.self)
                if isQuietASCII(w) {
                    i &+= 4
                    continue
                }
            }
            let c = C.of(text[i], in: classes)
            i &+= 1
            if c < C.ambiguousTerminator { continue }
            if c >= C.carriageReturn {
                if c == C.carriageReturn && i < end && text[i] == 0x0A { i &+= 1 }
                body(i)
                last = i
                continue
            }
            let (next, breaks) = afterTerminator(text, at: i &- 1, isATerm: c == C.ambiguousTerminator,
                                                 end: end, classes: classes)
            i = next
            if breaks && !suppressions.suppresses(text, count: count, at: next) {
                body(next)
                last = next
            }
        }
        if last != end { body(end) }
    }

    /// Whether the four units of `w` are printable ASCII and none is a terminator.
    @inline(__always)
    static func isQuietASCII(_ w: UInt64) -> Bool {
        let lanes: UInt64 = 0x0001_0001_0001_0001
        let high: UInt64 = 0x8000_8000_8000_8000
        // A unit below 0x20 borrows in the subtraction and sets its lane's top bit.
        guard w & 0xFF80_FF80_FF80_FF80 == 0, (w &- 0x20 &* lanes) & high == 0 else { return false }
        // A lane equal to the unit sought becomes 0, and only a 0 lane borrows.
        let stop = w ^ (0x2E &* lanes), bang = w ^ (0x21 &* lanes), query = w ^ (0x3F &* lanes)
        let zeros = ((stop &- lanes) & ~stop) | ((bang &- lanes) & ~bang) | ((query &- lanes) & ~query)
        return zeros & high == 0
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

    /// The end of the run of lines from `start` that are made only of modelled classes: `start`
    /// if the first line holds an unmodelled unit, else just past the last such line's line end
    /// (or `count`). Lines end after a line feed or separator, or after a carriage return not
    /// followed by a line feed: ICU always breaks there, whatever comes before or after.
    static func modelledLines(_ text: UnsafePointer<UInt16>, from start: Int, count: Int,
                              classes: UnsafePointer<UInt8>) -> Int {
        var lineStart = start
        var i = start
        let raw = UnsafeRawPointer(text)
        while i < count {
            // Four printable ASCII units at a time: all modelled, none a line end.
            if i &+ 4 <= count {
                let w = raw.loadUnaligned(fromByteOffset: i &* 2, as: UInt64.self)
                if w & 0xFF80_FF80_FF80_FF80 == 0, (w &- 0x0020_0020_0020_0020) & 0x8000_8000_8000_8000 == 0 {
                    i &+= 4
                    continue
                }
            }
            let c = C.of(text[i], in: classes)
            i &+= 1
            if c < C.carriageReturn { continue }
            if c == C.unmodelled { return lineStart }
            if c == C.lineEnd || (c == C.carriageReturn && (i == count || text[i] != 0x0A)) { lineStart = i }
        }
        return count
    }

    /// The end of the line holding `start`: past its line end, or `count`.
    static func lineEnd(_ text: UnsafePointer<UInt16>, from start: Int, count: Int,
                        classes: UnsafePointer<UInt8>) -> Int {
        var i = start
        while i < count {
            let c = C.of(text[i], in: classes)
            i &+= 1
            if c == C.lineEnd || (c == C.carriageReturn && (i == count || text[i] != 0x0A)) { return i }
        }
        return count
    }
}

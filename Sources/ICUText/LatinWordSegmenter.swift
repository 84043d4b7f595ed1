/// ICU's word-break rules (UAX #29 as ICU tailors it) for text whose every unit has a modelled
/// `WordBreakClass`, without ICU's state machine and break cache: about ten times cheaper.
///
/// Only the rules these classes can reach apply: CR × LF; a break after and before line ends;
/// spaces stay together; letters and digits join (WB5, WB8–WB10), across one "." "'" "’" "·"
/// between letters (WB6–WB7) and one "." "," ";" "'" between digits (WB11–WB12); "_" joins
/// words (WB13a–b); a break everywhere else. The rule status follows ICU's tags, which are those
/// of the last rule that joined: a segment ending in a letter is a letter word (200), in a digit a
/// number (100), and "_" takes the status of what precedes it ("__" is a word, "_" alone is none).
///
/// `TokenizerTests` compares its segments with ICU's over whole corpora and generated strings.
@usableFromInline struct LatinWordSegmenter {
    /// The segment starting at `start`, ending no later than `limit` (a line end or the end of the
    /// text): its end, ICU's rule-status kind, and whether it is `plain`: only ASCII letters and
    /// digits (no joiner such as "." "'" "_"), or one ASCII unit other than "." and the spaces.
    @inlinable @inline(__always)
    static func segment(_ text: UnsafePointer<UInt16>, from start: Int, limit: Int,
                        classes: UnsafePointer<UInt8>) -> (end: Int, kind: WordSegmentKind, plain: Bool) {
        typealias C = WordBreakClass
        let unit = text[start]
        let first = C.of(unit, in: classes)
        switch first {
        case C.letter, C.numeric, C.extendNumLet:
            return word(text, from: start, first: first, limit: limit, classes: classes)
        case C.space:
            var end = start &+ 1
            while end < limit && C.of(text[end], in: classes) == C.space { end &+= 1 }
            return (end, .other, false)
        case C.carriageReturn:
            let joinsLF = start &+ 1 < limit && text[start &+ 1] == 0x0A
            return (joinsLF ? start &+ 2 : start &+ 1, .other, false)
        default:
            return (start &+ 1, .other, unit < 0x80 && unit != 0x2E)
        }
    }

    /// A segment that opens with a letter, digit or "_".
    @inlinable @inline(__always)
    static func word(_ text: UnsafePointer<UInt16>, from start: Int, first: UInt8, limit: Int,
                     classes: UnsafePointer<UInt8>) -> (end: Int, kind: WordSegmentKind, plain: Bool) {
        typealias C = WordBreakClass
        var last = first
        // The class a unit may have to join without changing anything: the last unit's, when
        // that is a letter or a digit ("_" after "_" can change the kind).
        var same = first == C.extendNumLet ? C.unmodelled : first
        var kind: WordSegmentKind = first == C.letter ? .letter : first == C.numeric ? .number : .other
        var joined = first == C.extendNumLet
        var units = text[start]
        var i = start &+ 1
        while i < limit {
            let u = text[i]
            let c = C.of(u, in: classes)
            if c == same {
                units |= u
                i &+= 1
                continue
            }
            if c == C.letter || c == C.numeric {
                kind = c == C.letter ? .letter : .number
                units |= u
            } else if c == C.extendNumLet {
                kind = last == C.numeric ? .number : .letter
                joined = true
            } else if i &+ 1 < limit, last == C.letter, c == C.midLetter || c == C.midNumLet,
                      C.of(text[i &+ 1], in: classes) == C.letter {
                i &+= 1
                kind = .letter
                joined = true
            } else if i &+ 1 < limit, last == C.numeric, c == C.midNum || c == C.midNumLet,
                      C.of(text[i &+ 1], in: classes) == C.numeric {
                i &+= 1
                kind = .number
                joined = true
            } else {
                break
            }
            if c <= C.extendNumLet { last = c }  // a joiner ("." "," "'") leaves `last` as it was
            same = last == C.extendNumLet ? C.unmodelled : last
            i &+= 1
        }
        return (i, kind, !joined && units < 0x80)
    }

    /// The end of the run of lines from `start` that are made only of modelled classes: `start`
    /// if the first line holds an unmodelled unit, else just past the last such line's line end
    /// (or `count`). Lines end after a line feed or a newline unit, or after a carriage return
    /// not followed by a line feed: ICU always breaks there, whatever comes before or after.
    static func modelledLines(_ text: UnsafePointer<UInt16>, from start: Int, count: Int,
                              classes: UnsafePointer<UInt8>) -> Int {
        typealias C = WordBreakClass
        var lineStart = start
        var i = start
        let raw = UnsafeRawPointer(text)
        while i < count {
            // Sixteen, eight, then four printable ASCII units at a time (most text): all modelled,
            // none a line end. A unit below 0x20 borrows in the subtraction and sets its lane's
            // top bit (the lowest such lane exactly: no borrow reaches it from below).
            while i &+ 16 <= count {
                let a = raw.loadUnaligned(fromByteOffset: i &* 2, as: UInt64.self)
                let b = raw.loadUnaligned(fromByteOffset: i &* 2 &+ 8, as: UInt64.self)
                let c = raw.loadUnaligned(fromByteOffset: i &* 2 &+ 16, as: UInt64.self)
                let d = raw.loadUnaligned(fromByteOffset: i &* 2 &+ 24, as: UInt64.self)
                let spaces: UInt64 = 0x0020_0020_0020_0020
                guard (a | b | c | d) & 0xFF80_FF80_FF80_FF80 == 0,
                      ((a &- spaces) | (b &- spaces) | (c &- spaces) | (d &- spaces)) & 0x8000_8000_8000_8000 == 0 else { break }
                i &+= 16
            }
            if i &+ 8 <= count {
                let w = raw.loadUnaligned(fromByteOffset: i &* 2, as: UInt64.self)
                let v = raw.loadUnaligned(fromByteOffset: i &* 2 &+ 8, as: UInt64.self)
                if (w | v) & 0xFF80_FF80_FF80_FF80 == 0,
                   ((w &- 0x0020_0020_0020_0020) | (v &- 0x0020_0020_0020_0020)) & 0x8000_8000_8000_8000 == 0 {
                    i &+= 8
                    continue
                }
            }
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
        typealias C = WordBreakClass
        return ModelledRanges.lineEnd(text, from: start, count: count, classes: classes,
                                      lineEnd: C.lineEnd, carriageReturn: C.carriageReturn, outside: C.unmodelled)
    }
}

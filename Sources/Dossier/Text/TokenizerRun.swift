internal import ICUText

/// The tokenizer's loop over a run of modelled lines: segments, keys and shapes in one pass,
/// with the position, the run's end and the tables in locals.
extension Tokenizer {
    /// Appends the tokens of `text[start..<limit]` (a run of modelled lines) while `out` surely
    /// has room for a word and its clitic; where it stopped. `space` and `lineBreak` carry the whitespace
    /// seen since the last token, in and out.
    ///
    /// A word of ASCII letters alone, or of ASCII digits alone, is keyed while it is read, and a
    /// punctuation mark from its `asciiTable` entry; any other segment (and a word that turns
    /// out to go on: "U.S", "1,426", "x1", "café") is read again by the segmenter.
    @inline(__always)
    static func fillRun(_ out: inout TokenBuffer, text: UnsafePointer<UInt16>, from start: Int, limit: Int,
                        classes: UnsafePointer<UInt8>, table: UnsafePointer<UInt32>,
                        space: inout Bool, lineBreak: inout Bool) -> Int {
        var pos = start
        // Every token takes at least one unit (a word and its clitic at least three), so while
        // `pos` is before `stop` the buffer has room for a word and its clitic: one comparison a
        // token instead of two. The caller comes back with more room or a new buffer.
        let stop = min(limit, pos &+ out.room &- 1)
        // `spaceBefore` and `lineBreakBefore` as `Token.Packed` flag bits.
        var gap = (space ? Token.Packed.spaceFlag : 0) | (lineBreak ? Token.Packed.lineBreakFlag : 0)
        defer {
            space = gap & Token.Packed.spaceFlag != 0
            lineBreak = gap & Token.Packed.lineBreakFlag != 0
        }
        while pos < stop {
            let u = text[pos]
            if u < 0x80 {
                let entry = table[Int(u)]
                let role = entry & roleMask
                if entry & aloneRole != 0 {
                    let key = entry & dotBit != 0 ? TokenKey.offset : (TokenKey.offset ^ UInt64(entry & 0x7F)) &* TokenKey.prime
                    let kind = TokenKind(rawValue: UInt8(truncatingIfNeeded: (entry & kindMask) / kindUnit)) ?? .symbol
                    out.append(span: Token.Packed.span(start: pos, end: pos &+ 1),
                               flags: Token.Packed.flags(kind: kind, shape: .none) | gap, key: key)
                    pos &+= 1
                    gap = skipSingleSpace(text, at: &pos, limit: limit, classes: classes)
                    continue
                }
                if role != 0 {
                    var h = (TokenKey.offset ^ UInt64(entry & 0x7F)) &* TokenKey.prime
                    var seen = entry
                    var end = pos &+ 1
                    var next: UInt32 = 0
                    while end < limit {
                        let unit = text[end]
                        // Past ASCII: entry 128, which has no role bit (ends the loop).
                        if unit >= 0x80 {
                            next = table[0x80]
                            break
                        }
                        next = table[Int(unit)]
                        if next & role == 0 { break }
                        seen |= next
                        h = (h ^ UInt64(next & 0x7F)) &* TokenKey.prime
                        end &+= 1
                    }
                    if end == limit || next & (role << continuesShift) == 0
                        || !WordBreaks.continuesSegment(text, at: end, limit: limit, afterLetter: role == letterRole, classes: classes) {
                        let shape = asciiShape(text, from: pos, to: end, seen: seen, table: table)
                        out.append(span: Token.Packed.span(start: pos, end: end),
                                   flags: Token.Packed.flags(kind: role == letterRole ? .word : .number, shape: shape) | gap, key: h)
                        pos = end
                        gap = skipSingleSpace(text, at: &pos, limit: limit, classes: classes)
                        continue
                    }
                }
            }
            let (end, segKind, plain) = WordBreaks.modelledSegment(text, from: pos, limit: limit, classes: classes)
            let seg = WordSegment(start: pos, end: end, kind: segKind)
            pos = end
            if segKind == .other && isSpace(u) {
                gap |= Token.Packed.spaceFlag
                if gap & Token.Packed.lineBreakFlag == 0, hasLineBreak(text, from: seg.start, to: seg.end) {
                    gap |= Token.Packed.lineBreakFlag
                }
                continue
            }
            if plain {
                let (key, shape) = plainKeyAndShape(text, from: seg.start, to: seg.end, table: table)
                let kind: TokenKind = segKind == .letter ? .word : segKind == .number ? .number : classify(u)
                out.append(span: Token.Packed.span(start: seg.start, end: seg.end),
                           flags: Token.Packed.flags(kind: kind, shape: shape) | gap, key: key)
            } else {
                append(seg, text: text, table: table, first: u, space: gap & Token.Packed.spaceFlag != 0,
                       lineBreak: gap & Token.Packed.lineBreakFlag != 0, to: &out)
            }
            gap = skipSingleSpace(text, at: &pos, limit: limit, classes: classes)
        }
        return pos
    }

    /// Steps over the unit at `pos` if `WordBreaks.isSingleSpace` says it is a single space
    /// between two tokens; the gap flags for the next token (`Token.Packed.spaceFlag` or none).
    @inline(__always)
    static func skipSingleSpace(_ text: UnsafePointer<UInt16>, at pos: inout Int, limit: Int,
                                classes: UnsafePointer<UInt8>) -> UInt32 {
        guard pos &+ 1 < limit, text[pos] == 0x20 else { return 0 }
        // U+0020 is the only ASCII unit of the space class.
        let after = text[pos &+ 1]
        guard after < 0x80 ? after != 0x20 : WordBreaks.isSingleSpace(text, at: pos, limit: limit, classes: classes) else { return 0 }
        pos &+= 1
        return Token.Packed.spaceFlag
    }
}

internal import ICUText

/// The tokenizer's loop over a run of modelled lines: segments, keys and shapes in one pass,
/// with the position, the run's end and the tables in locals.
extension Tokenizer {
    /// Appends the tokens of `text[start..<limit]` (a run of modelled lines) while `out` has room
    /// for a word and its clitic; where it stopped. `space` and `lineBreak` carry the whitespace
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
        while pos < limit && out.hasRoom(for: 2) {
            let u = text[pos]
            if u < 0x80 {
                let entry = table[Int(u)]
                let role = entry & roleMask
                if entry & aloneRole != 0 {
                    let key = entry & dotBit != 0 ? TokenKey.offset : (TokenKey.offset ^ UInt64(entry & 0x7F)) &* TokenKey.prime
                    let kind = TokenKind(rawValue: UInt8(truncatingIfNeeded: (entry & kindMask) / kindUnit)) ?? .symbol
                    out.append(Token(start: Int32(truncatingIfNeeded: pos), end: Int32(truncatingIfNeeded: pos &+ 1), kind: kind,
                                     shape: .none, spaceBefore: space, lineBreakBefore: lineBreak, key: key))
                    pos &+= 1
                    space = WordBreaks.isSingleSpace(text, at: pos, limit: limit, classes: classes)
                    if space { pos &+= 1 }
                    lineBreak = false
                    continue
                }
                if role != 0 {
                    var h = (TokenKey.offset ^ UInt64(entry & 0x7F)) &* TokenKey.prime
                    var seen = entry
                    var end = pos &+ 1
                    var next: UInt32 = 0
                    while end < limit {
                        next = table[Int(min(text[end], 0x80))]
                        if next & role == 0 { break }
                        seen |= next
                        h = (h ^ UInt64(next & 0x7F)) &* TokenKey.prime
                        end &+= 1
                    }
                    if end == limit || next & (role << continuesShift) == 0
                        || !WordBreaks.continuesSegment(text, at: end, limit: limit, afterLetter: role == letterRole, classes: classes) {
                        let shape = asciiShape(text, from: pos, to: end, seen: seen, table: table)
                        out.append(Token(start: Int32(truncatingIfNeeded: pos), end: Int32(truncatingIfNeeded: end),
                                         kind: role == letterRole ? .word : .number, shape: shape,
                                         spaceBefore: space, lineBreakBefore: lineBreak, key: h))
                        pos = end
                        space = WordBreaks.isSingleSpace(text, at: pos, limit: limit, classes: classes)
                        if space { pos &+= 1 }
                        lineBreak = false
                        continue
                    }
                }
            }
            let (end, segKind, plain) = WordBreaks.modelledSegment(text, from: pos, limit: limit, classes: classes)
            let seg = WordSegment(start: pos, end: end, kind: segKind)
            pos = end
            if segKind == .other && isSpace(u) {
                space = true
                if !lineBreak { lineBreak = hasLineBreak(text, from: seg.start, to: seg.end) }
                continue
            }
            if plain {
                let (key, shape) = plainKeyAndShape(text, from: seg.start, to: seg.end, table: table)
                let kind: TokenKind = segKind == .letter ? .word : segKind == .number ? .number : classify(u)
                out.append(Token(start: Int32(truncatingIfNeeded: seg.start), end: Int32(truncatingIfNeeded: seg.end),
                                 kind: kind, shape: shape, spaceBefore: space, lineBreakBefore: lineBreak, key: key))
            } else {
                append(seg, text: text, table: table, first: u, space: space, lineBreak: lineBreak, to: &out)
            }
            space = WordBreaks.isSingleSpace(text, at: pos, limit: limit, classes: classes)
            if space { pos &+= 1 }
            lineBreak = false
        }
        return pos
    }
}

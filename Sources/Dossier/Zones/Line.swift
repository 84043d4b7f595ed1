/// A line of a document with the features zoning needs: length, stop-word density, letter case,
/// final punctuation and whether it matches a chrome pattern.
struct Line {
    /// UTF-16 span, trimmed of surrounding spaces.
    var start: Int
    var end: Int
    /// The document's UTF-16 text (shared, not copied): `text` is decoded from it on demand.
    let units: [UInt16]
    /// The line's text. Decoded on each use: most lines never need it.
    var text: String { Line.decode(units, start, end) }
    /// Lowercased ASCII bytes with spaces collapsed, for chrome patterns.
    var folded: [UInt8]
    var words = 0
    var stopWords = 0
    /// Words starting with a capital letter, among words of 4+ letters or not stop words.
    var capitalisedWords = 0
    var contentWords = 0
    var endsSentence = false
    var isChrome = false
    var isCaption = false
    /// A blank line precedes it.
    var afterBlank = false
    /// The byte values of `folded`, for quick pattern rejection.
    var present = ByteMask()

    var stopDensity: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }
    var titleCaseRatio: Double { contentWords == 0 ? 0 : Double(capitalisedWords) / Double(contentWords) }
    var length: Int { end - start }

    /// Splits `units` into non-blank lines.
    static func lines(of units: [UInt16], features: LineFeatures) -> [Line] {
        var out: [Line] = []
        var i = 0
        var blank = true
        let n = units.count
        while i < n {
            var j = i
            while j < n, units[j] != 0x0A, units[j] != 0x2029 { j += 1 }
            var s = i, e = j
            while s < e, Tokenizer.isSpace(units[s]) { s += 1 }
            while e > s, Tokenizer.isSpace(units[e - 1]) { e -= 1 }
            if s < e {
                out.append(Line(start: s, end: e, units: units, features: features, afterBlank: blank))
                blank = false
            } else {
                blank = true
            }
            i = j + 1
        }
        return out
    }

    init(start: Int, end: Int, units: [UInt16], features: LineFeatures, afterBlank: Bool) {
        self.start = start
        self.end = end
        self.afterBlank = afterBlank
        self.units = units
        let slice = units[start..<end]
        // Folding: ASCII lowercased, spaces collapsed, a few symbols kept as UTF-8, others as "?".
        var buf = [UInt8](repeating: 0, count: min(slice.count, 400) * 3)
        var n = 0
        var present = ByteMask()
        var lastSpace = false
        for u in slice.prefix(400) {
            if Tokenizer.isSpace(u) {
                if !lastSpace { buf[n] = 0x20; n += 1 }
                lastSpace = true
                continue
            }
            lastSpace = false
            if u < 0x80 {
                buf[n] = u >= 0x41 && u <= 0x5A ? UInt8(u + 0x20) : UInt8(u); n += 1
            } else if u == 0x2022 {
                buf[n] = 0xE2; buf[n + 1] = 0x80; buf[n + 2] = 0xA2; n += 3
            } else if u == 0x00A9 {
                buf[n] = 0xC2; buf[n + 1] = 0xA9; n += 2
            } else if u == 0x2190 {
                buf[n] = 0xE2; buf[n + 1] = 0x86; buf[n + 2] = 0x90; n += 3
            } else if u == 0x2018 || u == 0x2019 {
                buf[n] = 0x27; n += 1
            } else {
                buf[n] = 0x3F; n += 1
            }
        }
        buf.removeLast(buf.count - n)
        for b in buf { present.insert(b) }
        let folded = buf
        self.folded = folded
        self.present = present
        isChrome = features.chrome.matches(folded, present: present)
        isCaption = !isChrome && features.captions.matches(folded, present: present)
        // Words: runs of letters and digits.
        var k = start
        while k < end {
            while k < end, !Self.isWordUnit(units[k]) { k += 1 }
            guard k < end else { break }
            let ws = k
            while k < end, Self.isWordUnit(units[k]) || (units[k] == 0x27 || units[k] == 0x2019) && k + 1 < end && Self.isWordUnit(units[k + 1]) { k += 1 }
            words += 1
            let key = units.withUnsafeBufferPointer { TokenKey.of(units: $0[ws..<k]) }
            if features.stopWords.contains(key) {
                stopWords += 1
            } else {
                contentWords += 1
                let u = units[ws]
                if (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u <= 0xDE) { capitalisedWords += 1 }
            }
        }
        if let last = units[start..<end].last(where: { $0 != 0x22 && $0 != 0x27 && $0 != 0x201D && $0 != 0x2019 && $0 != 0x29 }) {
            endsSentence = last == 0x2E || last == 0x21 || last == 0x3F || last == 0x2026 || last == 0x3A
        }
    }

    /// `String(decoding: units[start..<end], as: UTF16.self)`, with a fast path for ASCII.
    static func decode(_ units: [UInt16], _ start: Int, _ end: Int) -> String {
        units.withUnsafeBufferPointer { Document.string(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    static func isWordUnit(_ u: UInt16) -> Bool {
        (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || (u >= 0xC0 && u != 0xD7 && u != 0xF7 && u < 0x2000)
    }
}

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

    /// How many units of a line are folded for chrome patterns.
    static let foldedLimit = 400

    /// Splits `units` into non-blank lines.
    static func lines(of units: [UInt16], features: LineFeatures) -> [Line] {
        var out: [Line] = []
        units.withUnsafeBufferPointer { u in
            var i = 0
            var blank = true
            let n = u.count
            while i < n {
                var j = i
                while j < n, u[j] != 0x0A, u[j] != 0x2029 { j += 1 }
                var s = i, e = j
                while s < e, Tokenizer.isSpace(u[s]) { s += 1 }
                while e > s, Tokenizer.isSpace(u[e - 1]) { e -= 1 }
                if s < e {
                    out.append(Line(start: s, end: e, units: units, features: features, afterBlank: blank))
                    blank = false
                } else {
                    blank = true
                }
                i = j + 1
            }
        }
        return out
    }

    init(start: Int, end: Int, units: [UInt16], features: borrowing LineFeatures, afterBlank: Bool) {
        self.start = start
        self.end = end
        self.afterBlank = afterBlank
        self.units = units
        let (folded, present, counts, endsSentence) = units.withUnsafeBufferPointer { u in
            let (folded, present) = Self.fold(u, start, end)
            return (folded, present, WordCounts(u, start, end, stopWords: features.stopWords), Self.endsSentence(u, start, end))
        }
        self.folded = folded
        self.present = present
        words = counts.words
        stopWords = counts.stopWords
        contentWords = counts.contentWords
        capitalisedWords = counts.capitalisedWords
        self.endsSentence = endsSentence
        isChrome = features.chrome.matches(folded, present: present)
        isCaption = !isChrome && features.captions.matches(folded, present: present)
    }

    /// The first `foldedLimit` units of `u[start..<end]` folded for chrome patterns: ASCII
    /// lowercased, spaces collapsed, a few symbols kept as UTF-8, others as "?". Also the bytes present.
    static func fold(_ u: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> ([UInt8], ByteMask) {
        let count = min(end - start, foldedLimit)
        var present = ByteMask()
        // Bytes below 0x80, as two 64-bit masks; the rare UTF-8 bytes go to `present` directly.
        var low: UInt64 = 0, high: UInt64 = 0
        let folded = [UInt8](unsafeUninitializedCapacity: count * 3) { buf, n in
            var k = 0
            var lastSpace = false
            for i in start..<(start + count) {
                let c = u[i]
                if c < 0x80 {
                    let isSpace = c == 0x20 || (c >= 0x09 && c <= 0x0D)
                    if isSpace {
                        if !lastSpace { buf[k] = 0x20; k += 1; low |= 1 << 0x20 }
                        lastSpace = true
                        continue
                    }
                    let b = c >= 0x41 && c <= 0x5A ? UInt8(c + 0x20) : UInt8(c)
                    buf[k] = b; k += 1
                    if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
                    lastSpace = false
                    continue
                }
                if Tokenizer.isSpace(c) {
                    if !lastSpace { buf[k] = 0x20; k += 1; low |= 1 << 0x20 }
                    lastSpace = true
                    continue
                }
                lastSpace = false
                switch c {
                case 0x2022:
                    buf[k] = 0xE2; buf[k + 1] = 0x80; buf[k + 2] = 0xA2; k += 3
                    present.insert(0xE2); present.insert(0x80); present.insert(0xA2)
                case 0x00A9:
                    buf[k] = 0xC2; buf[k + 1] = 0xA9; k += 2
                    present.insert(0xC2); present.insert(0xA9)
                case 0x2190:
                    buf[k] = 0xE2; buf[k + 1] = 0x86; buf[k + 2] = 0x90; k += 3
                    present.insert(0xE2); present.insert(0x86); present.insert(0x90)
                case 0x2018, 0x2019:
                    buf[k] = 0x27; k += 1; low |= 1 << 0x27
                default:
                    buf[k] = 0x3F; k += 1; low |= 1 << 0x3F
                }
            }
            n = k
        }
        present.bits.0 |= low
        present.bits.1 |= high
        return (folded, present)
    }

    /// Whether the line ends with a sentence stop, before closing quotes and brackets.
    static func endsSentence(_ u: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Bool {
        var i = end
        while i > start {
            i -= 1
            let c = u[i]
            if c == 0x22 || c == 0x27 || c == 0x201D || c == 0x2019 || c == 0x29 { continue }
            return c == 0x2E || c == 0x21 || c == 0x3F || c == 0x2026 || c == 0x3A
        }
        return false
    }

    /// `String(decoding: units[start..<end], as: UTF16.self)`, with a fast path for ASCII.
    static func decode(_ units: [UInt16], _ start: Int, _ end: Int) -> String {
        units.withUnsafeBufferPointer { Document.string(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    static func isWordUnit(_ u: UInt16) -> Bool {
        (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || (u >= 0xC0 && u != 0xD7 && u != 0xF7 && u < 0x2000)
    }
}

/// The word statistics of a line: words are runs of letters and digits (with inner apostrophes).
struct WordCounts {
    var words = 0
    var stopWords = 0
    /// Content words (not stop words) that start with a capital letter.
    var capitalisedWords = 0
    var contentWords = 0

    init(_ u: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int, stopWords stopList: KeySet) {
        var k = start
        while k < end {
            while k < end, !Line.isWordUnit(u[k]) { k += 1 }
            guard k < end else { break }
            let ws = k
            var hasher = WordKey()
            while k < end {
                let c = u[k]
                guard Line.isWordUnit(c) || (c == 0x27 || c == 0x2019) && k + 1 < end && Line.isWordUnit(u[k + 1]) else { break }
                hasher.add(c)
                k += 1
            }
            words += 1
            let key = hasher.value(u, ws..<k)
            if stopList.contains(key) {
                stopWords += 1
            } else {
                contentWords += 1
                let c = u[ws]
                if (c >= 0x41 && c <= 0x5A) || (c >= 0xC0 && c <= 0xDE) { capitalisedWords += 1 }
            }
        }
    }
}

/// The `TokenKey` of a word, hashed while the word is scanned: ASCII units fold as `TokenKey`
/// folds them; a word with other units is hashed again by `TokenKey.of`. Words hold no dots
/// (`Line.isWordUnit`), which `TokenKey` would drop.
struct WordKey {
    private var hash = TokenKey.offset
    private var ascii = true

    @inline(__always) mutating func add(_ c: UInt16) {
        if c < 0x80 {
            hash = (hash ^ UInt64(c >= 0x41 && c <= 0x5A ? c + 0x20 : c)) &* TokenKey.prime
        } else {
            ascii = false
        }
    }

    /// The key of the word `u[range]` whose units were added.
    @inline(__always) func value(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64 {
        ascii ? hash : TokenKey.of(units: u[range])
    }
}

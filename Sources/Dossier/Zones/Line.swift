import Foundation

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
    /// Lowercased ASCII bytes with spaces collapsed, for chrome patterns. The lines split from a
    /// text share one buffer (a line's own array cost an allocation a line): its indices start
    /// where the line's bytes lie in that buffer, not at 0.
    var folded: ArraySlice<UInt8> = []
    var words = 0
    var stopWords = 0
    /// Content words (not stop words) starting with a capital letter.
    var capitalisedWords = 0
    var contentWords = 0
    var endsSentence = false
    var isChrome = false
    /// It matches a caption pattern and no chrome pattern. Checked only for lines of up to
    /// `Line.captionCheckLimit` words; see `captionUnchecked`.
    var isCaption = false
    /// The line is longer than `Line.captionCheckLimit` words and matches no chrome pattern, so
    /// `isCaption` was not checked: only `ZoneDetector.captions(_:outside:)` asks about such lines.
    var captionUnchecked = false
    /// A blank line precedes it.
    var afterBlank = false
    /// The byte values of `folded`, and every letter a–z, digit and apostrophe: for quick pattern rejection.
    var present = ByteMask()
    /// Where the keys of its words of three or more units that are not stop words lie in the key
    /// list of `Line.lines`, in order: `ZoneDetector.contentWords` of the line, whose words end at
    /// apostrophes ("don't": "don", "t"). Nil when the line was not split from a text.
    var contentKeys: Range<Int>? = nil

    var stopDensity: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }
    var titleCaseRatio: Double { contentWords == 0 ? 0 : Double(capitalisedWords) / Double(contentWords) }
    var length: Int { end - start }

    /// How many units of a line are folded for chrome patterns.
    static let foldedLimit = 400

    /// Lines of more words are not checked for captions when they are split: the body and
    /// markup rules ask only about shorter ones (`carveBody`: 40 words, HTML: 30 words).
    static let captionCheckLimit = 40

    /// Splits `units` into non-blank lines; also returns the keys their `contentKeys` point to.
    static func lines(of units: [UInt16], features: LineFeatures) -> (lines: [Line], keys: [UInt64]) {
        var out: [Line] = []
        // Most texts have fewer lines: each time the array grows, its lines are copied and released.
        out.reserveCapacity(64)
        // Where each line's folded bytes end in `folded`.
        var foldedEnds: [Int] = []
        foldedEnds.reserveCapacity(64)
        var scanner = LineScanner(textLength: units.count)
        // The folded bytes of every line, one after another, copied straight into the array's
        // storage: a unit folds to 3 bytes at most.
        let folded = [UInt8](unsafeUninitializedCapacity: 3 * units.count) { buffer, written in
            features.stopTable.withLookup { stopWords in units.withUnsafeBufferPointer { u in
                var i = 0
                var blank = true
                let n = u.count
                while i < n {
                    var s = i
                    while s < n, u[s] != 0x0A, u[s] != 0x2029, Tokenizer.isSpace(u[s]) { s += 1 }
                    guard s < n, u[s] != 0x0A, u[s] != 0x2029 else {
                        blank = true
                        i = s + 1
                        continue
                    }
                    let scan = scanner.scan(u, from: s, limit: n, stopAtBreak: true, stopWords: stopWords)
                    var e = scan.stop
                    while e > s, Tokenizer.isSpace(u[e - 1]) { e -= 1 }
                    let bytes = Self.foldedBytes(scan, scanner, end: e)
                    out.append(Line(start: s, end: e, units: units, scan: scan, folded: bytes, features: features, afterBlank: blank))
                    let at = foldedEnds.last ?? 0
                    precondition(at + bytes.count <= buffer.count)
                    if let base = bytes.baseAddress {
                        (buffer.baseAddress! + at).initialize(from: base, count: bytes.count)
                    }
                    foldedEnds.append(at + bytes.count)
                    blank = false
                    i = scan.stop + 1
                }
            } }
            written = foldedEnds.last ?? 0
        }
        // Slices of the finished array: each line holds its bytes without an array of its own.
        var foldedStart = 0
        for i in out.indices {
            out[i].folded = folded[foldedStart..<foldedEnds[i]]
            foldedStart = foldedEnds[i]
        }
        return (out, Array(UnsafeBufferPointer(start: scanner.keys, count: scanner.keyCount)))
    }

    init(start: Int, end: Int, units: [UInt16], features: borrowing LineFeatures, afterBlank: Bool) {
        var scanner = LineScanner(textLength: end - start)
        let scan = units.withUnsafeBufferPointer { u in
            features.stopTable.withLookup { stopWords in
                scanner.scan(u, from: start, limit: end, stopAtBreak: false, stopWords: stopWords)
            }
        }
        let bytes = Self.foldedBytes(scan, scanner, end: end)
        self.init(start: start, end: end, units: units, scan: scan, folded: bytes, features: features, afterBlank: afterBlank)
        folded = ArraySlice(bytes)
        // The keys are the scanner's own, gone with it.
        contentKeys = nil
    }

    /// The folded bytes of the line `start..<end` that `scan` found, in `scanner`'s buffer. A
    /// scan up to a line break folds the spaces after `end` too, into one collapsed space that
    /// is dropped here.
    static func foldedBytes(_ scan: LineScanner.Scan, _ scanner: borrowing LineScanner, end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: scanner.folded, count: scan.foldedStop > end ? scan.foldedCount - 1 : scan.foldedCount)
    }

    /// The line `start..<end`, from the scan that found it, whose folded bytes are `folded` (see
    /// `foldedBytes`). Its `folded` is left empty, for the caller to set.
    init(start: Int, end: Int, units: [UInt16], scan: LineScanner.Scan, folded: UnsafeBufferPointer<UInt8>,
         features: borrowing LineFeatures, afterBlank: Bool) {
        self.start = start
        self.end = end
        self.afterBlank = afterBlank
        self.units = units
        var present = scan.present
        if scan.foldedStop > end && !folded.contains(0x20) { present.bits.0 &= ~(1 << 0x20) }
        self.present = present
        words = scan.counts.words
        stopWords = scan.counts.stopWords
        contentWords = scan.counts.contentWords
        capitalisedWords = scan.counts.capitalisedWords
        contentKeys = scan.contentKeys
        endsSentence = units.withUnsafeBufferPointer { Self.endsSentence($0, start, end) }
        isChrome = features.chrome.matches(bytes: folded, present: present)
        if isChrome {
            isCaption = false
        } else if words > Self.captionCheckLimit {
            captionUnchecked = true
        } else {
            isCaption = features.captions.matches(bytes: folded, present: present)
        }
    }

    /// Whether the line may hold a colon right after one of `endings` (`ending(_:)`): a line
    /// folded whole holds one only if its folded bytes do, which `memchr` finds; a longer line
    /// may hold one past its folded bytes.
    func colonMayFollow(anyOf endings: [UInt32]) -> Bool {
        if length > Line.foldedLimit { return true }
        guard present.containsAll(Line.colon) else { return false }
        return folded.withUnsafeBufferPointer { Line.colonFollows(anyOf: endings, in: $0) }
    }

    /// The byte mask of a colon, as `present` holds it.
    static let colon: ByteMask = {
        var mask = ByteMask()
        mask.insert(0x3A)
        return mask
    }()

    /// Whether `folded` holds a colon right after one of `endings`: four bytes each, as
    /// `Line.ending(_:)` packs them. Colons are found by `memchr`: a line whose folded bytes lack
    /// such a colon lacks, among its units, a label that folds to one of the endings and a colon.
    static func colonFollows(anyOf endings: [UInt32], in folded: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = folded.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var from = 0
        while from < folded.count, let hit = memchr(raw + from, 0x3A, folded.count - from) {
            let colon = raw.distance(to: UnsafeRawPointer(hit))
            if colon >= 4 {
                let before = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: colon - 4, as: UInt32.self))
                if endings.contains(before) { return true }
            }
            from = colon + 1
        }
        return false
    }

    /// The last four bytes of `word` as `colonFollows(anyOf:in:)` loads them before a colon.
    static func ending(_ word: String) -> UInt32 {
        word.utf8.suffix(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
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

/// The word statistics of a line (see `LineScanner.countWords`).
struct WordCounts {
    var words = 0
    var stopWords = 0
    /// Content words (not stop words) that start with a capital letter.
    var capitalisedWords = 0
    var contentWords = 0
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

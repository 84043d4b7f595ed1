import XCTest
@testable import Dossier

/// The line scan, with its shortcuts (a space after a word folded at the word's end, the letter
/// loop ending words itself, counts kept in memory), gives what the scan before them gave: the
/// same counts, stop, folded bytes, present bytes and content-word keys, on generated texts mixing
/// ASCII, apostrophes, line breaks, folded symbols and other units, with lines shorter and longer
/// than `Line.foldedLimit`.
final class LineScannerTests: XCTestCase {
    /// Units the generated texts are drawn from, the common ones repeated.
    static let alphabet: [UInt16] = Array("aaaeeeiioonnrrsstttlldhhcmpwyAEIOTSMWB0123456789".utf16)
        + Array("       \t\n\n..,,:;?!'’‘\"“”()-–/•©←é É×÷ßŁſ中\u{00A0}\u{2003}\u{3000}\u{2029}\u{2028}\u{1680}\u{00AD}".utf16)
        + [0x0B, 0x0D, 0x07, 0x7F, 0x2019, 0x2019, 0x27, 0x27]

    /// Words of the stop list and others, so that stop words and apostrophes occur often.
    static let words = ["the", "The", "and", "of", "to", "a", "in", "is", "that", "it", "was", "for", "on", "themselves",
                        "don't", "don’t", "Kurdistan", "al-Shabaab", "O'Neill", "rock'n'roll", "café", "Éire", "naïve", "x",
                        "Subscribe to", "we use cookies", "Photo: Reuters", "By Ann Lee", "12. Bob says:", "Tags: a, b"]

    static func text(_ rng: inout SplitMix64, length: Int) -> [UInt16] {
        var units: [UInt16] = []
        while units.count < length {
            let r = rng.next()
            switch r % 7 {
            case 0, 1, 2:
                units += Array(words[Int(r >> 8) % words.count].utf16)
                units.append(r >> 40 & 7 == 0 ? 0x0A : 0x20)
            case 3:
                // A long word, to be cut by the fold limit.
                let n = Int(r >> 8 % 500)
                for j in 0..<n { units.append(alphabet[(j * 7 + Int(r >> 20)) % 30]) }
            default:
                for j in 0..<Int(r >> 8 % 12) { units.append(alphabet[Int((r >> UInt64(j % 50)) % UInt64(alphabet.count))]) }
            }
        }
        return units
    }

    struct Result: Equatable {
        var words = 0, stopWords = 0, contentWords = 0, capitalisedWords = 0
        var stop = 0, foldedStop = 0
        var folded: [UInt8] = []
        var present = ByteMask()
        var keys: [UInt64] = []
    }

    func scanned(_ u: UnsafeBufferPointer<UInt16>, _ start: Int, _ limit: Int, _ breaks: Bool, _ stop: StopWordLookup) -> Result {
        var scanner = LineScanner(textLength: u.count)
        let s = scanner.scan(u, from: start, limit: limit, stopAtBreak: breaks, stopWords: stop)
        return Result(words: s.counts.words, stopWords: s.counts.stopWords, contentWords: s.counts.contentWords,
                      capitalisedWords: s.counts.capitalisedWords, stop: s.stop, foldedStop: s.foldedStop,
                      folded: Array(UnsafeBufferPointer(start: scanner.folded, count: s.foldedCount)), present: s.present,
                      keys: Array(UnsafeBufferPointer(start: scanner.keys + s.contentKeys.lowerBound, count: s.contentKeys.count)))
    }

    func reference(_ u: UnsafeBufferPointer<UInt16>, _ start: Int, _ limit: Int, _ breaks: Bool, _ stop: StopWordLookup) -> Result {
        let buf = UnsafeMutablePointer<UInt8>.allocate(capacity: Line.foldedLimit * 3)
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: u.count / 4 + 2)
        defer { buf.deallocate(); keys.deallocate() }
        var keyCount = 0
        let s = ReferenceLineScan.scan(u, from: start, limit: limit, stopAtBreak: breaks, stopWords: stop, buf: buf, keys: keys, keyCount: &keyCount)
        return Result(words: s.counts.words, stopWords: s.counts.stopWords, contentWords: s.counts.contentWords,
                      capitalisedWords: s.counts.capitalisedWords, stop: s.stop, foldedStop: s.foldedStop,
                      folded: Array(UnsafeBufferPointer(start: buf, count: s.foldedCount)), present: s.present,
                      keys: Array(UnsafeBufferPointer(start: keys, count: keyCount)))
    }

    /// Every line of 400 generated texts, split as `Line.lines` splits them, and random spans
    /// scanned whole (as merged lines are).
    func testScanMatchesReferenceScan() {
        let features = LineFeatures(language: .english)
        var rng = SplitMix64(seed: 29)
        var lines = 0
        features.stopTable.withLookup { stop in
            for round in 0..<400 {
                let units = Self.text(&rng, length: Int(rng.next() % 3000) + 1)
                units.withUnsafeBufferPointer { u in
                    var i = 0
                    while i < u.count {
                        if u[i] == 0x0A || u[i] == 0x2029 || Tokenizer.isSpace(u[i]) { i += 1; continue }
                        let a = reference(u, i, u.count, true, stop), b = scanned(u, i, u.count, true, stop)
                        XCTAssertEqual(a, b, "round \(round), line at \(i)")
                        lines += 1
                        i = a.stop + 1
                    }
                    let s = Int(rng.next() % UInt64(u.count)), e = s + Int(rng.next() % UInt64(u.count - s + 1))
                    if s < e, !Tokenizer.isSpace(u[s]) {
                        XCTAssertEqual(reference(u, s, e, false, stop), scanned(u, s, e, false, stop), "round \(round), span \(s)..<\(e)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(lines, 2000)
    }
}

/// The line scan as it was before its shortcuts, kept as the reference for `LineScanner.scan`.
enum ReferenceLineScan {
    static let nonASCII: UInt16 = 0x1000

    static func classify(_ c: UInt16) -> UInt16 {
        nonASCII | (Line.isWordUnit(c) ? LineScanner.word : 0) | (Tokenizer.isSpace(c) ? LineScanner.space : 0)
    }

    static func scan(_ u: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int, stopAtBreak: Bool, stopWords: StopWordLookup,
                     buf: UnsafeMutablePointer<UInt8>, keys: UnsafeMutablePointer<UInt64>, keyCount: inout Int) -> LineScanner.Scan {
        var result = LineScanner.Scan()
        var counts = WordCounts()
        var present = ByteMask()
        var k = 0
        var lastSpace = false
        var low: UInt64 = LineScanner.wordBytes.low, high: UInt64 = LineScanner.wordBytes.high
        var i = start
        let foldStop = min(limit, start + Line.foldedLimit)
        let classes = LineScanner.classes
        folding: while i < foldStop {
            var c = u[i]
            var t = c < 0x80 ? classes[Int(c)] : classify(c)
            if t & LineScanner.word == 0 {
                if t & LineScanner.space != 0 {
                    if stopAtBreak && (c == 0x0A || c == 0x2029) { break folding }
                    if !lastSpace { buf[k] = 0x20; k += 1; low |= 1 << 0x20 }
                    lastSpace = true
                } else {
                    lastSpace = false
                    if t & nonASCII == 0 {
                        let b = UInt8(truncatingIfNeeded: t)
                        buf[k] = b
                        k += 1
                        if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b & 63) }
                    } else {
                        k = LineScanner.foldSymbol(c, buf + k, &present) - buf
                    }
                }
                i += 1
                continue
            }
            lastSpace = false
            let wordStart = i
            var hash = TokenKey.offset
            var ascii = true
            var apostrophes = false
            word: while true {
                if t & nonASCII == 0 {
                    while true {
                        let b = UInt8(truncatingIfNeeded: t)
                        buf[k] = b
                        k += 1
                        hash = (hash ^ UInt64(b)) &* TokenKey.prime
                        i += 1
                        if i == foldStop { break word }
                        c = u[i]
                        if c >= 0x80 { break }
                        t = classes[Int(c)]
                        if t & LineScanner.word == 0 { break }
                    }
                } else {
                    ascii = false
                    k = LineScanner.foldSymbol(c, buf + k, &present) - buf
                    i += 1
                    if i == foldStop { break word }
                    c = u[i]
                }
                t = c < 0x80 ? classes[Int(c)] : classify(c)
                if t & LineScanner.word != 0 { continue }
                if (c == 0x27 || c == 0x2019) && i + 1 < limit && Line.isWordUnit(u[i + 1]) { apostrophes = true; continue }
                break
            }
            if i == foldStop {
                while i < limit {
                    let d = u[i]
                    if !Line.isWordUnit(d) {
                        guard (d == 0x27 || d == 0x2019) && i + 1 < limit && Line.isWordUnit(u[i + 1]) else { break }
                        apostrophes = true
                    }
                    if d < 0x80 { hash = (hash ^ UInt64(classes[Int(d)] & 0xFF)) &* TokenKey.prime } else { ascii = false }
                    i += 1
                }
            }
            addWord(u, wordStart..<i, key: ascii ? hash : TokenKey.of(units: u[wordStart..<i]), apostrophes: apostrophes,
                                counts: &counts, stopWords: stopWords, keys: keys, keyCount: &keyCount)
        }
        result.foldedStop = min(i, foldStop)
        if i < foldStop || i >= limit {
            result.stop = i
        } else {
            let rest = countWords(u, from: i, limit: limit, stopAtBreak: stopAtBreak, stopWords: stopWords, keys: keys, keyCount: &keyCount)
            counts.words += rest.counts.words
            counts.stopWords += rest.counts.stopWords
            counts.contentWords += rest.counts.contentWords
            counts.capitalisedWords += rest.counts.capitalisedWords
            result.stop = rest.stop
        }
        present.bits.0 |= low
        present.bits.1 |= high
        result.present = present
        result.counts = counts
        result.foldedCount = k
        return result
    }

    static func countWords(_ u: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int, stopAtBreak: Bool,
                           stopWords: StopWordLookup, keys: UnsafeMutablePointer<UInt64>, keyCount: inout Int) -> (counts: WordCounts, stop: Int) {
        let classes = LineScanner.classes
        var counts = WordCounts()
        var i = start
        while i < limit {
            let c = u[i]
            let t = c < 0x80 ? classes[Int(c)] : (Line.isWordUnit(c) ? LineScanner.word : 0)
            guard t & LineScanner.word != 0 else {
                if stopAtBreak && (c == 0x0A || c == 0x2029) { break }
                i += 1
                continue
            }
            let wordStart = i
            var hash = TokenKey.offset
            var ascii = c < 0x80
            var apostrophes = false
            if ascii { hash = (hash ^ UInt64(t & 0xFF)) &* TokenKey.prime }
            i += 1
            while i < limit {
                let d = u[i]
                if d < 0x80 {
                    let td = classes[Int(d)]
                    if td & LineScanner.word != 0 || d == 0x27 && i + 1 < limit && Line.isWordUnit(u[i + 1]) {
                        if td & LineScanner.word == 0 { apostrophes = true }
                        hash = (hash ^ UInt64(td & 0xFF)) &* TokenKey.prime
                        i += 1
                        continue
                    }
                    break
                }
                guard Line.isWordUnit(d) || d == 0x2019 && i + 1 < limit && Line.isWordUnit(u[i + 1]) else { break }
                if d == 0x2019 { apostrophes = true }
                ascii = false
                i += 1
            }
            addWord(u, wordStart..<i, key: ascii ? hash : TokenKey.of(units: u[wordStart..<i]), apostrophes: apostrophes,
                                counts: &counts, stopWords: stopWords, keys: keys, keyCount: &keyCount)
        }
        return (counts, i)
    }

    /// Counts a word of key `key` that starts with `first`; returns whether it is a content word.
    static func count(_ key: UInt64, first c: UInt16, in counts: inout WordCounts, stopWords: StopWordLookup) -> Bool {
        counts.words += 1
        if stopWords.contains(key) {
            counts.stopWords += 1
            return false
        }
        counts.contentWords += 1
        if (c >= 0x41 && c <= 0x5A) || (c >= 0xC0 && c <= 0xDE) { counts.capitalisedWords += 1 }
        return true
    }

    /// Counts a word and records the content-word keys of a title candidate: the word's own key
    /// (3+ letters), or the keys of its parts when it holds an apostrophe.
    static func addWord(_ u: UnsafeBufferPointer<UInt16>, _ word: Range<Int>, key: UInt64, apostrophes: Bool, counts: inout WordCounts,
                        stopWords: StopWordLookup, keys: UnsafeMutablePointer<UInt64>, keyCount: inout Int) {
        if count(key, first: u[word.lowerBound], in: &counts, stopWords: stopWords) {
            if apostrophes {
                LineScanner.addPartKeys(u, word, stopWords: stopWords, keys: keys, keyCount: &keyCount)
            } else if word.count >= 3 {
                keys[keyCount] = key
                keyCount += 1
            }
        } else if apostrophes {
            LineScanner.addPartKeys(u, word, stopWords: stopWords, keys: keys, keyCount: &keyCount)
        }
    }
}

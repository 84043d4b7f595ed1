/// One pass over a line's units that gives `Line` its features: it counts words and stop words,
/// folds the first `Line.foldedLimit` units for chrome patterns and records the bytes they fold
/// to, and, when it splits a text into lines, stops at the line break. ASCII units are looked up
/// in one table of classes. The folded bytes go to a buffer kept across lines.
struct LineScanner: ~Copyable {
    /// The folded bytes of the last scan: 3 bytes per unit at most.
    let folded: UnsafeMutablePointer<UInt8>
    /// The keys of the content words of three or more units of every line scanned, in order
    /// (see `Line.contentKeys`), and how many there are.
    let keys: UnsafeMutablePointer<UInt64>
    var keyCount: Int { tallies.pointee.keyCount }
    /// What a scan counts as it goes, in memory rather than in registers: held in registers, these
    /// crowded out the values of the letter loop, which were then spilled and reloaded for every word.
    let tallies: UnsafeMutablePointer<Tallies>

    /// The counts of a scan under way.
    struct Tallies {
        var counts = WordCounts()
        /// Keys written to `keys`, by all scans so far.
        var keyCount = 0
        /// The bytes written by the scan under way, and those counted as present (see `Scan.present`).
        var present = ByteMask()
    }

    /// A scanner for lines of a text of `length` units: a content word takes three units and a
    /// space, so there is room for the keys of all of them.
    /// The tallies, the keys and the folded bytes share one allocation (three cost two more
    /// mallocs and frees a text), in that order: the keys' offset is a multiple of 8.
    init(textLength length: Int) {
        let keyCapacity = length / 4 + 2
        let keysOffset = MemoryLayout<Tallies>.stride
        let foldedOffset = keysOffset + keyCapacity * MemoryLayout<UInt64>.stride
        let block = UnsafeMutableRawPointer.allocate(byteCount: foldedOffset + Line.foldedLimit * 3,
                                                     alignment: max(MemoryLayout<Tallies>.alignment, MemoryLayout<UInt64>.alignment))
        tallies = block.bindMemory(to: Tallies.self, capacity: 1)
        tallies.initialize(to: Tallies())
        keys = (block + keysOffset).bindMemory(to: UInt64.self, capacity: keyCapacity)
        folded = (block + foldedOffset).bindMemory(to: UInt8.self, capacity: Line.foldedLimit * 3)
    }

    deinit {
        // The tallies are trivial values: nothing to deinitialize.
        UnsafeMutableRawPointer(tallies).deallocate()
    }

    /// What a scan found.
    struct Scan {
        var counts = WordCounts()
        /// Where the scan stopped: its limit, or a line break.
        var stop = 0
        /// The units before this were folded.
        var foldedStop = 0
        /// How many bytes of `folded` were written.
        var foldedCount = 0
        /// Where the keys of the line's content words are in `keys` (see `Line.contentKeys`).
        var contentKeys: Range<Int> = 0..<0
        /// The bytes written, and every letter a–z, digit and apostrophe: a scan counts these as
        /// present, so that it need not record them (patterns are only prefiltered by their other bytes).
        var present = ByteMask()
    }

    /// Per ASCII unit: the byte it folds to, and the `Self.space`, `Self.word` and `Self.upper` flags.
    static let classes: [UInt16] = (0..<128).map { c -> UInt16 in
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 0x20 | space }
        let folded = UInt16(c >= 0x41 && c <= 0x5A ? c + 0x20 : c)
        let flags = c >= 0x41 && c <= 0x5A ? word | upper : word
        return Line.isWordUnit(UInt16(c)) ? folded | flags : folded
    }
    static let space: UInt16 = 0x100
    static let word: UInt16 = 0x200
    /// An ASCII capital letter.
    static let upper: UInt16 = 0x400
    static let nonASCII: UInt16 = 0x1000
    /// The bytes of the folded letters a–z, digits and the apostrophe in a `ByteMask`: they
    /// count as present in every line.
    static let wordBytes: (low: UInt64, high: UInt64) = (((1 << 10) - 1) << 0x30 | 1 << 0x27, ((1 << 26) - 1) << (0x61 - 64))

    /// The class of a unit of 0x80 or above: `Self.nonASCII`, with `Self.word` or `Self.space`.
    @inline(__always) static func classify(_ c: UInt16) -> UInt16 {
        nonASCII | (Line.isWordUnit(c) ? word : 0) | (Tokenizer.isSpace(c) ? space : 0)
    }

    /// Scans `u[start..<limit]`, or the units up to the first line break (LF, U+2029) with
    /// `stopAtBreak`: counts its words (see `countWords`) and folds its first `Line.foldedLimit`
    /// units into `folded`: ASCII lowercased, spaces collapsed, a few symbols kept as UTF-8,
    /// others as "?". `u[start]` is no space. Up to a line break, the spaces before the break are
    /// folded too.
    /// Kept out of line: inlined into `Line.lines`, its loops ran short of registers. Its loops
    /// walk pointers, not indices: with indices, every word's letter loop was set up on new
    /// induction variables (base plus word start) and the indices rebuilt after it.
    @inline(never)
    mutating func scan(_ u: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int, stopAtBreak: Bool, stopWords: StopWordLookup) -> Scan {
        var result = Scan()
        let keys = self.keys
        let tallies = self.tallies
        let firstKey = tallies.pointee.keyCount
        tallies.pointee.counts = WordCounts()
        // Every letter a–z, digit and apostrophe counts as present; other bytes are recorded as written.
        tallies.pointee.present = ByteMask(bits: (Self.wordBytes.low, Self.wordBytes.high, 0, 0))
        guard start < limit, let base = u.baseAddress else {
            result.stop = start
            result.foldedStop = min(start, limit)
            result.present = tallies.pointee.present
            result.contentKeys = firstKey..<firstKey
            return result
        }
        let end = base + limit
        let foldEnd = base + min(limit, start &+ Line.foldedLimit)
        var p = base + start
        var out = folded
        var lastSpace = false
        Self.classes.withUnsafeBufferPointer { classes in
            folding: while p < foldEnd {
                var c = p.pointee
                var t = c < 0x80 ? classes[Int(c)] : Self.classify(c)
                if t & Self.word == 0 {
                    if t & Self.space != 0 {
                        if stopAtBreak && (c == 0x0A || c == 0x2029) { break folding }
                        if !lastSpace { out.pointee = 0x20; out += 1; tallies.pointee.present.bits.0 |= 1 << 0x20 }
                        lastSpace = true
                    } else {
                        lastSpace = false
                        if t & Self.nonASCII == 0 {
                            let b = UInt8(truncatingIfNeeded: t)
                            out.pointee = b
                            out += 1
                            if b < 64 {
                                tallies.pointee.present.bits.0 |= 1 << UInt64(b)
                            } else {
                                tallies.pointee.present.bits.1 |= 1 << UInt64(b & 63)
                            }
                        } else {
                            out = Self.foldSymbol(c, out, &tallies.pointee.present)
                        }
                    }
                    p += 1
                    continue
                }
                // A word: its units are folded and hashed (ASCII ones fold as `TokenKey` folds them).
                // Its letters, digits and apostrophes count as present. The loop takes ASCII letters
                // and digits; a word that goes on past another unit (an apostrophe, a unit of 0x80
                // or above) is finished out of line, so that the loop carries only the hash and the
                // two pointers.
                lastSpace = false
                let wordStart = p
                var hash = TokenKey.offset
                var ascii = true
                var apostrophes = false
                if t & Self.nonASCII == 0 {
                    while true {
                        let b = UInt8(truncatingIfNeeded: t)
                        out.pointee = b
                        out += 1
                        hash = (hash ^ UInt64(b)) &* TokenKey.prime
                        p += 1
                        if p == foldEnd {
                            (p, hash, ascii, apostrophes) = Self.cutWord(p, end, hash, true, false)
                            break
                        }
                        c = p.pointee
                        if c >= 0x80 {
                            (p, out, hash, ascii, apostrophes) = Self.foldWordRest(p, out, hash, foldEnd: foldEnd, end: end, tallies: tallies)
                            break
                        }
                        t = classes[Int(c)]
                        if t & Self.word == 0 {
                            // The word goes on past an apostrophe before a word unit ("don't"), or ends here.
                            if c == 0x27 && p + 1 < end && Line.isWordUnit(p[1]) {
                                (p, out, hash, ascii, apostrophes) = Self.foldWordRest(p, out, hash, foldEnd: foldEnd, end: end, tallies: tallies)
                            }
                            break
                        }
                    }
                } else {
                    (p, out, hash, ascii, apostrophes) = Self.foldWordRest(p, out, hash, foldEnd: foldEnd, end: end, tallies: tallies)
                }
                let key = ascii ? hash : TokenKey.of(units: UnsafeBufferPointer(start: wordStart, count: p - wordStart)[...])
                Self.tally(key, wordStart, p, apostrophes: apostrophes, u, classes: classes, counts: &tallies.pointee.counts, stopWords: stopWords,
                           keys: keys, keyCount: &tallies.pointee.keyCount)
                // Prose: most words end at one space. It is folded here, without the loop's class tests.
                if p < foldEnd && p.pointee == 0x20 {
                    out.pointee = 0x20
                    out += 1
                    tallies.pointee.present.bits.0 |= 1 << 0x20
                    lastSpace = true
                    p += 1
                }
            }
        }
        tallies.pointee.counts.words = tallies.pointee.counts.stopWords &+ tallies.pointee.counts.contentWords
        let i = p - base
        result.foldedStop = min(p, foldEnd) - base
        // The fold stops early only at a line break.
        if p < foldEnd || p >= end {
            result.stop = i
        } else {
            let rest = Self.countWords(u, from: i, limit: limit, stopAtBreak: stopAtBreak, stopWords: stopWords, keys: keys,
                                       keyCount: &tallies.pointee.keyCount)
            tallies.pointee.counts.words &+= rest.counts.words
            tallies.pointee.counts.stopWords &+= rest.counts.stopWords
            tallies.pointee.counts.contentWords &+= rest.counts.contentWords
            tallies.pointee.counts.capitalisedWords &+= rest.counts.capitalisedWords
            result.stop = rest.stop
        }
        result.present = tallies.pointee.present
        result.counts = tallies.pointee.counts
        result.foldedCount = out - folded
        result.contentKeys = firstKey..<tallies.pointee.keyCount
        return result
    }

    /// The rest of a word from `start`, below the fold limit: a unit the scan's letter loop does
    /// not take (a unit of 0x80 or above, or an apostrophe before a word unit) and what follows it
    /// in the word, folded into `out` (symbols recorded in `tallies`' present bytes) and hashed on
    /// from `hash`. Returns where the word ends, where its folded bytes end, its hash, whether it
    /// is ASCII and whether it holds apostrophes. Words go on past apostrophes (U+0027, U+2019)
    /// before a word unit; a word cut by the fold limit goes on unfolded (see `cutWord`).
    @inline(never)
    static func foldWordRest(_ start: UnsafePointer<UInt16>, _ out: UnsafeMutablePointer<UInt8>, _ hash: UInt64,
                             foldEnd: UnsafePointer<UInt16>, end: UnsafePointer<UInt16>, tallies: UnsafeMutablePointer<Tallies>)
        -> (UnsafePointer<UInt16>, UnsafeMutablePointer<UInt8>, UInt64, Bool, Bool) {
        var p = start, out = out, hash = hash, ascii = true, apostrophes = false
        var c = p.pointee
        word: while true {
            // `c` at `p` follows a part of the word (or opens it).
            var t = c < 0x80 ? classes[Int(c)] : classify(c)
            if t & word == 0 {
                guard (c == 0x27 || c == 0x2019) && p + 1 < end && Line.isWordUnit(p[1]) else { break }
                apostrophes = true
            }
            // `c` at `p`, of class `t`, is in the word.
            if t & nonASCII == 0 {
                // A run of ASCII units.
                while true {
                    let b = UInt8(truncatingIfNeeded: t)
                    out.pointee = b
                    out += 1
                    hash = (hash ^ UInt64(b)) &* TokenKey.prime
                    p += 1
                    if p == foldEnd {
                        (p, hash, ascii, apostrophes) = cutWord(p, end, hash, ascii, apostrophes)
                        break word
                    }
                    c = p.pointee
                    if c >= 0x80 { break }
                    t = classes[Int(c)]
                    if t & word == 0 {
                        if c == 0x27 && p + 1 < end && Line.isWordUnit(p[1]) { apostrophes = true; continue }
                        break word
                    }
                }
            } else {
                ascii = false
                out = foldSymbol(c, out, &tallies.pointee.present)
                p += 1
                if p == foldEnd {
                    (p, hash, ascii, apostrophes) = cutWord(p, end, hash, ascii, apostrophes)
                    break word
                }
                c = p.pointee
            }
        }
        return (p, out, hash, ascii, apostrophes)
    }

    /// The rest of a word from `start` for `countWords`: a unit its letter loop does not take (a
    /// unit of 0x80 or above, or an apostrophe before a word unit) and what follows it in the
    /// word, hashed on from `hash`. Returns where the word ends, its hash, whether it is ASCII and
    /// whether it holds apostrophes (U+0027, U+2019 before a word unit).
    @inline(never)
    static func countWordRest(_ start: UnsafePointer<UInt16>, _ end: UnsafePointer<UInt16>, _ hash: UInt64)
        -> (UnsafePointer<UInt16>, UInt64, Bool, Bool) {
        var p = start, hash = hash, ascii = true, apostrophes = false
        var d = p.pointee
        word: while true {
            // `d` at `p` follows a part of the word (or opens it).
            if d < 0x80 {
                var td = classes[Int(d)]
                if td & word == 0 {
                    guard d == 0x27 && p + 1 < end && Line.isWordUnit(p[1]) else { break }
                    apostrophes = true
                }
                // A run of ASCII units.
                while true {
                    hash = (hash ^ UInt64(td & 0xFF)) &* TokenKey.prime
                    p += 1
                    if p == end { break word }
                    d = p.pointee
                    if d >= 0x80 { break }
                    td = classes[Int(d)]
                    if td & word == 0 {
                        if d == 0x27 && p + 1 < end && Line.isWordUnit(p[1]) { apostrophes = true; continue }
                        break word
                    }
                }
            } else {
                if !Line.isWordUnit(d) {
                    guard d == 0x2019 && p + 1 < end && Line.isWordUnit(p[1]) else { break }
                    apostrophes = true
                }
                ascii = false
                p += 1
                if p == end { break word }
                d = p.pointee
            }
        }
        return (p, hash, ascii, apostrophes)
    }

    /// A word cut by the fold limit at `p` goes on unfolded up to `end`: returns where it ends, and
    /// its hash, whether it is ASCII and whether it holds apostrophes, carried on from the values given
    /// (the rest of the word as `countWordRest` reads it).
    /// Out of the letter loop's way: called where the loop meets the fold limit, so that a word
    /// ended by a space or a stop is not tested against the limit again.
    @inline(never)
    static func cutWord(_ start: UnsafePointer<UInt16>, _ end: UnsafePointer<UInt16>, _ hash: UInt64, _ ascii: Bool,
                        _ apostrophes: Bool) -> (UnsafePointer<UInt16>, UInt64, Bool, Bool) {
        guard start < end else { return (start, hash, ascii, apostrophes) }
        let rest = countWordRest(start, end, hash)
        return (rest.0, rest.1, ascii && rest.2, apostrophes || rest.3)
    }

    /// Writes the bytes a unit of 0x80 or above that is no space folds to at `out`, records
    /// them, and returns the pointer after them.
    @inline(__always) static func foldSymbol(_ c: UInt16, _ out: UnsafeMutablePointer<UInt8>,
                                             _ present: inout ByteMask) -> UnsafeMutablePointer<UInt8> {
        switch c {
        case 0x2022:
            out[0] = 0xE2; out[1] = 0x80; out[2] = 0xA2
            present.insert(0xE2); present.insert(0x80); present.insert(0xA2)
            return out + 3
        case 0x00A9:
            out[0] = 0xC2; out[1] = 0xA9
            present.insert(0xC2); present.insert(0xA9)
            return out + 2
        case 0x2190:
            out[0] = 0xE2; out[1] = 0x86; out[2] = 0x90
            present.insert(0xE2); present.insert(0x86); present.insert(0x90)
            return out + 3
        case 0x2018, 0x2019:
            out[0] = 0x27; present.bits.0 |= 1 << 0x27
            return out + 1
        default:
            out[0] = 0x3F; present.bits.0 |= 1 << 0x3F
            return out + 1
        }
    }

    /// Counts the word `wordStart..<wordEnd` of `u`, of key `key`, as a stop word or a content
    /// word (its caller sums them into `counts.words`), and records the content-word keys of a
    /// title candidate: the word's own key (3+ units, no stop word), or the keys of its parts when
    /// it holds an apostrophe ("don't": "don", "t"; see `addPartKeys`). A content word that starts
    /// with a capital (A–Z by the class table's `Self.upper` flag, or U+00C0–U+00DE) is counted
    /// in `capitalisedWords`.
    @inline(__always)
    static func tally(_ key: UInt64, _ wordStart: UnsafePointer<UInt16>, _ wordEnd: UnsafePointer<UInt16>, apostrophes: Bool,
                      _ u: UnsafeBufferPointer<UInt16>, classes: UnsafeBufferPointer<UInt16>, counts: inout WordCounts, stopWords: StopWordLookup,
                      keys: UnsafeMutablePointer<UInt64>, keyCount: inout Int) {
        if stopWords.contains(key) {
            counts.stopWords &+= 1
            if apostrophes { addPartKeys(u, wordStart, wordEnd, stopWords: stopWords, keys: keys, keyCount: &keyCount) }
        } else {
            counts.contentWords &+= 1
            let first = wordStart.pointee
            if first < 0x80 ? classes[Int(first)] & Self.upper != 0 : first >= 0xC0 && first <= 0xDE { counts.capitalisedWords &+= 1 }
            if apostrophes {
                addPartKeys(u, wordStart, wordEnd, stopWords: stopWords, keys: keys, keyCount: &keyCount)
            } else if wordEnd - wordStart >= 3 {
                keys[keyCount] = key
                keyCount &+= 1
            }
        }
    }

    /// `addPartKeys` for the word `wordStart..<wordEnd` of `u`.
    @inline(never)
    static func addPartKeys(_ u: UnsafeBufferPointer<UInt16>, _ wordStart: UnsafePointer<UInt16>, _ wordEnd: UnsafePointer<UInt16>,
                            stopWords: StopWordLookup, keys: UnsafeMutablePointer<UInt64>, keyCount: inout Int) {
        let base = u.baseAddress.unsafelyUnwrapped
        addPartKeys(u, (wordStart - base)..<(wordEnd - base), stopWords: stopWords, keys: keys, keyCount: &keyCount)
    }

    /// Adds the keys of the parts of a word with apostrophes ("don't": "don", "t") that have three
    /// or more units and are no stop words to `keys`.
    static func addPartKeys(_ u: UnsafeBufferPointer<UInt16>, _ word: Range<Int>, stopWords: StopWordLookup,
                            keys: UnsafeMutablePointer<UInt64>, keyCount: inout Int) {
        var i = word.lowerBound
        while i < word.upperBound {
            while i < word.upperBound, !Line.isWordUnit(u[i]) { i += 1 }
            let start = i
            var key = WordKey()
            while i < word.upperBound, Line.isWordUnit(u[i]) { key.add(u[i]); i += 1 }
            guard i - start >= 3 else { continue }
            let k = key.value(u, start..<i)
            if !stopWords.contains(k) {
                keys[keyCount] = k
                keyCount &+= 1
            }
        }
    }

    /// Counts the words of `u[start..<limit]`, or of the units up to the first line break (LF,
    /// U+2029) with `stopAtBreak`. Returns the counts and where the scan stopped; adds the keys of
    /// content words to `keys` (see `Line.contentKeys`).
    /// Words are runs of letters and digits with inner apostrophes; a word's key is its
    /// `TokenKey`, hashed while it is scanned. Its loops walk pointers, as `scan`'s do.
    @inline(never)
    static func countWords(_ u: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int, stopAtBreak: Bool,
                           stopWords: StopWordLookup, keys: UnsafeMutablePointer<UInt64>, keyCount: inout Int) -> (counts: WordCounts, stop: Int) {
        guard start < limit, let base = u.baseAddress else { return (WordCounts(), start) }
        let end = base + limit
        var p = base + start
        var counts = WordCounts()
        Self.classes.withUnsafeBufferPointer { classes in
            while p < end {
                let c = p.pointee
                let t = c < 0x80 ? classes[Int(c)] : (Line.isWordUnit(c) ? Self.word : 0)
                guard t & Self.word != 0 else {
                    if stopAtBreak && (c == 0x0A || c == 0x2029) { break }
                    p += 1
                    continue
                }
                let wordStart = p
                var hash = TokenKey.offset
                var ascii = true
                var apostrophes = false
                // As in `scan`: the loop takes ASCII letters and digits, the rest of a word that goes
                // on past another unit is counted out of line.
                if c < 0x80 {
                    var td = t
                    while true {
                        hash = (hash ^ UInt64(td & 0xFF)) &* TokenKey.prime
                        p += 1
                        if p == end { break }
                        let d = p.pointee
                        if d >= 0x80 {
                            (p, hash, ascii, apostrophes) = Self.countWordRest(p, end, hash)
                            break
                        }
                        td = classes[Int(d)]
                        if td & Self.word == 0 {
                            if d == 0x27 && p + 1 < end && Line.isWordUnit(p[1]) { (p, hash, ascii, apostrophes) = Self.countWordRest(p, end, hash) }
                            break
                        }
                    }
                } else {
                    (p, hash, ascii, apostrophes) = Self.countWordRest(p, end, hash)
                }
                let key = ascii ? hash : TokenKey.of(units: UnsafeBufferPointer(start: wordStart, count: p - wordStart)[...])
                Self.tally(key, wordStart, p, apostrophes: apostrophes, u, classes: classes, counts: &counts, stopWords: stopWords, keys: keys, keyCount: &keyCount)
            }
        }
        counts.words = counts.stopWords &+ counts.contentWords
        return (counts, p - base)
    }
}

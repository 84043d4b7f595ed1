import Foundation

/// A pattern for a line of page chrome, from `chrome_patterns.txt`: plain text matches anywhere;
/// `^` anchors at the start, `$` at the end, `#` matches a number, `*` matches anything.
public struct ChromePattern: Sendable {
    enum Piece: Sendable, Equatable {
        case literal([UInt8])
        case number
        case any
    }
    let pieces: [Piece]
    let anchoredStart: Bool
    let anchoredEnd: Bool

    public init(_ pattern: String) {
        var p = Substring(pattern)
        anchoredStart = p.hasPrefix("^")
        if anchoredStart { p = p.dropFirst() }
        anchoredEnd = p.hasSuffix("$")
        if anchoredEnd { p = p.dropLast() }
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        for b in p.utf8 {
            if b == UInt8(ascii: "#") || b == UInt8(ascii: "*") {
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] }
                pieces.append(b == UInt8(ascii: "#") ? .number : .any)
            } else {
                literal.append(b)
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// Whether `line` (lowercased, spaces collapsed, trimmed) matches.
    public func matches(_ line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { matches(bytes: $0) }
    }

    /// Whether the line `s` (lowercased, spaces collapsed, trimmed) matches.
    func matches(bytes s: UnsafeBufferPointer<UInt8>) -> Bool {
        pieces.withUnsafeBufferPointer { p in
            if anchoredStart { return match(s, p, 0, 0) }
            // Unanchored: a pattern that starts with a literal can only match where its first
            // byte occurs, so scan for that byte before trying the whole pattern.
            if case .literal(let lit)? = p.first, let b0 = lit.first {
                let last = s.count - lit.count
                var start = 0
                while start <= last {
                    if s[start] == b0, match(s, p, start, 0) { return true }
                    start += 1
                }
                return false
            }
            for start in 0...s.count where match(s, p, start, 0) { return true }
            return false
        }
    }

    /// Whether `line` matches with the pattern's first piece at `start` (for unanchored patterns).
    func matches(_ line: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        pieces.withUnsafeBufferPointer { p in match(line, p, start, 0) }
    }

    /// The literal the pattern opens with, if any.
    var opening: [UInt8]? {
        if case .literal(let lit)? = pieces.first { return lit }
        return nil
    }

    private func match(_ s: UnsafeBufferPointer<UInt8>, _ p: UnsafeBufferPointer<Piece>, _ i: Int, _ k: Int) -> Bool {
        if k == p.count { return !anchoredEnd || i == s.count }
        switch p[k] {
        case .literal(let lit):
            guard i + lit.count <= s.count else { return false }
            let same = lit.withUnsafeBufferPointer { l -> Bool in
                for j in 0..<l.count where s[i + j] != l[j] { return false }
                return true
            }
            return same && match(s, p, i + lit.count, k + 1)
        case .number:
            var j = i
            while j < s.count, s[j] >= 0x30 && s[j] <= 0x39 || (j > i && (s[j] == 0x2C || s[j] == 0x2E)) { j += 1 }
            guard j > i else { return false }
            while j > i {
                if match(s, p, j, k + 1) { return true }
                j -= 1
            }
            return false
        case .any:
            for j in stride(from: s.count, through: i, by: -1) where match(s, p, j, k + 1) { return true }
            return false
        }
    }
}

/// The set of byte values present in a line, for quick rejection of patterns.
struct ByteMask: Sendable, Equatable {
    var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    @inline(__always) mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    /// Whether every byte of `other` is in this mask.
    @inline(__always) func containsAll(_ other: ByteMask) -> Bool {
        bits.0 & other.bits.0 == other.bits.0 && bits.1 & other.bits.1 == other.bits.1
            && bits.2 & other.bits.2 == other.bits.2 && bits.3 & other.bits.3 == other.bits.3
    }

    /// Whether this mask and `other` share a byte.
    @inline(__always) func intersects(_ other: ByteMask) -> Bool {
        (bits.0 & other.bits.0) | (bits.1 & other.bits.1) | (bits.2 & other.bits.2) | (bits.3 & other.bits.3) != 0
    }

    /// The bytes of this mask that are not in `other`.
    func subtracting(_ other: ByteMask) -> ByteMask {
        var rest = self
        rest.bits = (bits.0 & ~other.bits.0, bits.1 & ~other.bits.1, bits.2 & ~other.bits.2, bits.3 & ~other.bits.3)
        return rest
    }

    static func == (a: ByteMask, b: ByteMask) -> Bool {
        a.bits.0 == b.bits.0 && a.bits.1 == b.bits.1 && a.bits.2 == b.bits.2 && a.bits.3 == b.bits.3
    }
}

/// Chrome patterns arranged to test one line fast, with the same answer as trying each pattern:
/// patterns anchored at the start behind their first byte, literals anchored at the end tried
/// there only, other unanchored patterns behind a skip scan for where their opening literal can
/// start, every pattern behind the set of bytes its literals need.
struct ChromePatternSet: Sendable {
    let patterns: [ChromePattern]
    /// Per first byte `b` of the line, `firstByteCandidates[firstByteStart[b]..<firstByteStart[b + 1]]`:
    /// anchored patterns that start with a literal of that byte, or with a number (under each
    /// digit). One flat array: an array taken out of an array is retained on every line.
    let firstByteStart: [Int]
    let firstByteCandidates: [Int]
    /// Per entry of `firstByteCandidates`: the first 8 bytes of the literal its pattern starts
    /// with, as `Self.head` packs a line's first bytes, and the mask of the bytes it has (none for
    /// a pattern that starts with a number). Beside the candidates, so that a line's first bytes
    /// rule out most of them in one pass over both arrays.
    let firstByteHeads: [(bytes: UInt64, mask: UInt64)]
    /// Unanchored patterns that are one literal anchored at the end ("/ap$"), with its length:
    /// they can only match that far from the end.
    let suffixes: [(pattern: Int, length: Int)]
    /// Unanchored patterns that open with a literal of two bytes or more: long and short openings
    /// apart, as a scan skips by up to the shortest opening of its group, and patterns that need
    /// rarer bytes than letters and spaces apart, as a scan is skipped when no pattern of its group
    /// has its bytes in the line.
    let scanners: [OpeningScanner]
    /// The memory of the scanners' tables.
    let scannerMemory: ScannerMemory
    /// The other patterns: anchored ones that start with `*`, unanchored ones that do not open
    /// with two literal bytes.
    let general: [Int]
    /// Per pattern: the bytes its literals need.
    let required: [ByteMask]

    /// Openings of this many bytes or more are scanned for together.
    static let longOpening = 6

    init(_ patterns: [ChromePattern]) {
        self.patterns = patterns
        var byFirst = [[Int]](repeating: [], count: 256)
        var suffixes: [(pattern: Int, length: Int)] = []
        var long: [(pattern: Int, opening: [UInt8])] = []
        var short: [(pattern: Int, opening: [UInt8])] = []
        var general: [Int] = []
        var required: [ByteMask] = []
        var heads: [(bytes: UInt64, mask: UInt64)] = []
        for (i, p) in patterns.enumerated() {
            var mask = ByteMask()
            for case .literal(let lit) in p.pieces { for b in lit { mask.insert(b) } }
            required.append(mask)
            var head: (bytes: UInt64, mask: UInt64) = (0, 0)
            if p.anchoredStart, case .literal(let lit)? = p.pieces.first, let b = lit.first {
                byFirst[Int(b)].append(i)
                for (j, b) in lit.prefix(8).enumerated() {
                    head.bytes |= UInt64(b) << (8 * j)
                    head.mask |= 0xFF << (8 * j)
                }
            } else if p.anchoredStart, p.pieces.first == .number {
                // A number starts with a digit.
                for d in UInt8(ascii: "0")...UInt8(ascii: "9") { byFirst[Int(d)].append(i) }
            } else if !p.anchoredStart, p.anchoredEnd, p.pieces.count == 1, case .literal(let lit) = p.pieces[0] {
                suffixes.append((i, lit.count))
            } else if !p.anchoredStart, let opening = p.opening, opening.count >= 2 {
                if opening.count >= Self.longOpening { long.append((i, opening)) } else { short.append((i, opening)) }
            } else {
                general.append(i)
            }
            heads.append(head)
        }
        firstByteStart = byFirst.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        firstByteCandidates = byFirst.flatMap { $0 }
        firstByteHeads = firstByteCandidates.map { heads[$0] }
        self.suffixes = suffixes
        // Patterns that need a byte other than letters and spaces ("photo:", "(left)") are scanned
        // apart from the others: most lines lack such bytes, and their scan is then skipped.
        var common = ByteMask()
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { common.insert(b) }
        common.insert(0x20)
        let needsRare = { (p: (pattern: Int, opening: [UInt8])) in !common.containsAll(required[p.pattern]) }
        let memory = ScannerMemory()
        scanners = [long.filter { !needsRare($0) }, long.filter(needsRare), short.filter { !needsRare($0) }, short.filter(needsRare)]
            .filter { !$0.isEmpty }.map { group in
                // Every pattern of a group that needs rare bytes needs one of these: a line with
                // none of them rules the whole group out at once.
                let rare = group.reduce(into: ByteMask()) { union, p in
                    let own = required[p.pattern].subtracting(common)
                    union.bits = (union.bits.0 | own.bits.0, union.bits.1 | own.bits.1, union.bits.2 | own.bits.2, union.bits.3 | own.bits.3)
                }
                return OpeningScanner(group, rare: rare, memory: memory)
            }
        scannerMemory = memory
        self.general = general
        self.required = required
    }

    /// Whether any pattern matches `line`, whose bytes are among `present`.
    func matches(_ line: [UInt8], present: ByteMask) -> Bool {
        line.withUnsafeBufferPointer { matches(bytes: $0, present: present) }
    }

    /// Whether any pattern matches `line`, whose bytes are among `present`.
    func matches(_ line: ArraySlice<UInt8>, present: ByteMask) -> Bool {
        line.withUnsafeBufferPointer { matches(bytes: $0, present: present) }
    }

    /// Whether any pattern matches the line `s`, whose bytes are among `present`.
    func matches(bytes s: UnsafeBufferPointer<UInt8>, present: ByteMask) -> Bool {
        if let first = s.first {
            // The line's first bytes rule out most patterns of its first byte before they are tried.
            let head = Self.head(s)
            // Through buffer pointers: an array taken out of an array is retained, and the
            // candidates' indices are those of `firstByteStart`, unchecked.
            let found = firstByteCandidates.withUnsafeBufferPointer { candidates in
                firstByteHeads.withUnsafeBufferPointer { heads in
                    var c = firstByteStart[Int(first)]
                    let end = firstByteStart[Int(first) &+ 1]
                    while c < end {
                        if head & heads[c].mask == heads[c].bytes {
                            let i = candidates[c]
                            if present.containsAll(required[i]) && patterns[i].matches(s, at: 0) { return true }
                        }
                        c &+= 1
                    }
                    return false
                }
            }
            if found { return true }
        }
        // By index: iterating an array retains it.
        for g in general.indices {
            let i = general[g]
            if present.containsAll(required[i]) && patterns[i].matches(bytes: s) { return true }
        }
        for k in suffixes.indices {
            let (i, length) = suffixes[k]
            if s.count >= length && present.containsAll(required[i]) && patterns[i].matches(s, at: s.count - length) { return true }
        }
        // By index, without closures: a closure over the tables retains them on every line.
        // Scanners hold their tables as pointers: taking one out of the array retains nothing.
        return scanners.withUnsafeBufferPointer { scanners in
            for g in scanners.indices where scanners[g].mayMatch(present, required) {
                if scanners[g].matchesAnywhere(s, present, self) { return true }
            }
            return false
        }
    }

    /// The first 8 bytes of `line` in one word, the first in the lowest byte; zero past its end.
    @inline(__always) static func head(_ line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if line.count >= 8, let base = line.baseAddress {
            return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
        }
        var head: UInt64 = 0
        for j in 0..<min(8, line.count) { head |= UInt64(line[j]) << (8 * j) }
        return head
    }
}

/// Finds where unanchored patterns can start in a line, by a Wu–Manber scan with byte pairs: a
/// window as wide as the shortest opening literal moves along the line by how far its last two
/// bytes are from the end of any opening's first `width` bytes, and stops where they end one.
/// The shift table is indexed by the pair itself (both bytes read in one 16-bit load, no hash);
/// only a stop hashes the pair, to find its patterns.
/// Its tables are pointers into a `ScannerMemory` that the pattern set keeps: arrays inside a
/// scanner taken out of an array were retained and released on every line.
struct OpeningScanner: @unchecked Sendable {
    /// The window: the shortest opening literal, at most 255 bytes.
    let width: Int
    /// The bytes other than letters and spaces that the patterns need, each pattern one at least,
    /// or none when some pattern needs none of them.
    let rare: ByteMask
    /// Per byte pair (65,536; the first byte in the low byte, as `pair(_:_:)` reads it): how far
    /// the window may move when it ends with that pair.
    let shift: UnsafePointer<UInt8>
    /// The patterns, with the hashed last pair of their first `width` bytes and their first two
    /// bytes (the first in the low byte), sorted by pair.
    let candidates: UnsafeBufferPointer<(pair: Int, pattern: Int, opening: UInt16)>
    /// Per hashed byte pair (4096): the index in `candidates` of the first pattern of that pair,
    /// or `candidates.count` when none has it. A stop of the scan tries only the patterns of its pair.
    let firstOfPair: UnsafePointer<UInt16>
    /// One bit per byte pair (65,536 bits, indexed as `shift`): set for the first two bytes of each
    /// opening. Most stops of the scan are at windows that start with no opening's pair: this bit,
    /// read in the scan loop, rules them out without a call of `opens`.
    let openingPairs: UnsafePointer<UInt64>

    @inline(__always) static func hash(_ a: UInt8, _ b: UInt8) -> Int { (Int(a) << 6 ^ Int(b)) & 0xFFF }

    /// The bytes `line[end - 1]` and `line[end]` as one index of `shift`: the first in the low byte.
    /// `end` must be at least 1 and below the line's count.
    @inline(__always) static func pair(_ line: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        Int(UInt16(littleEndian: UnsafeRawPointer(line.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: end &- 1, as: UInt16.self)))
    }

    /// `patterns`: pattern indices with their opening literals, of two bytes or more; `rare`: the
    /// rare bytes they need, if each needs one (see `rare`). Its tables are allocated in `memory`.
    init(_ patterns: [(pattern: Int, opening: [UInt8])], rare: ByteMask, memory: ScannerMemory) {
        self.rare = rare
        let width = min(255, patterns.map { $0.opening.count }.min() ?? 2)
        // Filled in place: an array of 65,536 bytes copied into the memory cost a load and a
        // store a byte at every start.
        let shift = memory.filled(UInt8(width - 1), count: 65536)
        for p in patterns {
            for j in 1..<width {
                let h = Int(p.opening[j - 1]) | Int(p.opening[j]) << 8
                shift[h] = min(shift[h], UInt8(width - 1 - j))
            }
        }
        self.width = width
        self.shift = UnsafePointer(shift.baseAddress!)
        // Sorted by pair (stable: `opens` answers whether any matches, so the order within a pair is free).
        let candidates = patterns.map { (pair: Self.hash($0.opening[width - 2], $0.opening[width - 1]), pattern: $0.pattern,
                                         opening: UInt16($0.opening[0]) | UInt16($0.opening[1]) << 8) }
            .enumerated().sorted { ($0.element.pair, $0.offset) < ($1.element.pair, $1.offset) }.map(\.element)
        var firstOfPair = [UInt16](repeating: UInt16(candidates.count), count: 4096)
        for c in candidates.indices.reversed() { firstOfPair[candidates[c].pair] = UInt16(c) }
        self.candidates = memory.copy(candidates)
        self.firstOfPair = UnsafePointer(memory.copy(firstOfPair).baseAddress!)
        var openingPairs = [UInt64](repeating: 0, count: 65536 / 64)
        for c in candidates { openingPairs[Int(c.opening) >> 6] |= 1 << (UInt64(c.opening) & 63) }
        self.openingPairs = UnsafePointer(memory.copy(openingPairs).baseAddress!)
    }

    /// Whether the window ending at `end` starts with the first two bytes of some opening: if not,
    /// `opens` finds no pattern there. `end` is a window end of the scan (at least `width - 1`,
    /// below the line's count).
    @inline(__always) func mayOpen(_ line: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
        let pair = Self.pair(line, end &- width &+ 2)
        return openingPairs[pair &>> 6] & (1 &<< UInt64(pair & 63)) != 0
    }

    /// Whether a pattern of the scanner may match a line whose bytes are among `present`.
    @inline(__always) func mayMatch(_ present: ByteMask, _ required: [ByteMask]) -> Bool {
        if rare != ByteMask() && !present.intersects(rare) { return false }
        for c in candidates.indices where present.containsAll(required[candidates[c].pattern]) { return true }
        return false
    }

    /// Whether one of the scanner's patterns of `set` matches `line` (whose bytes are among
    /// `present`) at a start where its opening may occur.
    /// The window ends in the first and in the second half of the line are scanned together, in
    /// two independent chains of loads: each step of a skip scan waits for the last one's shift.
    func matchesAnywhere(_ line: UnsafeBufferPointer<UInt8>, _ present: ByteMask, _ set: ChromePatternSet) -> Bool {
        let width = self.width
        let n = line.count
        guard n >= width else { return false }
        // A scan from any window end meets every later end where an opening may end: the
        // first scan covers the ends before `split`, the second the ends from it on.
        let split = (width &- 1 &+ n) / 2
        var first = width &- 1
        var second = split
        // Window ends stay in 1..<n (the width is two at least): each pair read lies in the line.
        while first < split && second < n {
            let s1 = Int(shift[Self.pair(line, first)]), s2 = Int(shift[Self.pair(line, second)])
            if s1 > 0 { first &+= s1 } else {
                if mayOpen(line, end: first) && opens(line, end: first, present, set) { return true }
                first &+= 1
            }
            if s2 > 0 { second &+= s2 } else {
                if mayOpen(line, end: second) && opens(line, end: second, present, set) { return true }
                second &+= 1
            }
        }
        // Each chain alone to the end of its half.
        func finish(from start: Int, to limit: Int) -> Bool {
            var at = start
            while at < limit {
                let s = Int(shift[Self.pair(line, at)])
                if s > 0 { at &+= s; continue }
                if mayOpen(line, end: at) && opens(line, end: at, present, set) { return true }
                at &+= 1
            }
            return false
        }
        return finish(from: first, to: split) || finish(from: second, to: n)
    }

    /// Whether a pattern of the scanner whose opening's first `width` bytes end with the bytes
    /// of `line` up to `end` matches `line` with that window ending at `end`.
    @inline(never)
    func opens(_ line: UnsafeBufferPointer<UInt8>, end: Int, _ present: ByteMask, _ set: ChromePatternSet) -> Bool {
        let pair = Self.hash(line[end &- 1], line[end])
        // The window is two bytes wide at least: it starts with the opening's first two bytes, or
        // no pattern of the pair is tried (a try retains the pattern).
        let start = end &- width &+ 1
        let opening = UInt16(line[start]) | UInt16(line[start &+ 1]) << 8
        var c = Int(firstOfPair[pair])
        while c < candidates.count && candidates[c].pair == pair {
            let i = candidates[c].pattern
            if candidates[c].opening == opening && present.containsAll(set.required[i]) && set.patterns[i].matches(line, at: start) { return true }
            c &+= 1
        }
        return false
    }
}

/// What zoning needs from the language (the line scan's stop words, the month words and
/// metadata markers of the detector), prepared once per zone detector.
struct LineFeatures: Sendable {
    let stopWords: KeySet
    /// `stopWords` for the line scan.
    let stopTable: StopWordTable
    let chrome: ChromePatternSet
    let captions: ChromePatternSet
    /// Headings that open a comment section ("12 comments", "Leave a Reply"), from `comment_headings.txt`.
    let commentHeadings: ChromePatternSet
    /// `ZoneDetector.monthWords` as unanchored patterns, for datelines: one skip scan a line
    /// (thirty substring searches before).
    let months: ChromePatternSet
    /// `ZoneDetector.metadataMarkers` as unanchored patterns: found in a folded line by one skip scan.
    /// These sets are built with the detector, not on first use in a document: a set's tables
    /// take a few hundred thousand instructions to fill.
    let metadataMarkers: ChromePatternSet

    init(language: LanguageData) {
        stopWords = language.stopWords
        stopTable = StopWordTable(language.stopWords)
        chrome = ChromePatternSet(language.chromePatterns)
        captions = ChromePatternSet(language.captionPatterns)
        commentHeadings = ChromePatternSet(Self.bundledCommentHeadings)
        months = ChromePatternSet(ZoneDetector.monthWords.map { ChromePattern(String(decoding: $0, as: UTF8.self)) })
        metadataMarkers = ChromePatternSet(ZoneDetector.metadataMarkers.map { ChromePattern(String(decoding: $0, as: UTF8.self)) })
    }

    /// The comment headings shipped with Dossier (English).
    static let bundledCommentHeadings: [ChromePattern] = {
        let url = LanguageData.bundledDirectory().appendingPathComponent("comment_headings.txt")
        return ((try? DataFile.lines(url)) ?? []).map { ChromePattern(String($0)) }
    }()
}

/// Memory that opening scanners' tables live in, freed with the last pattern set that uses it.
final class ScannerMemory: @unchecked Sendable {
    /// Written only while the pattern set is built, before it is shared.
    private var blocks: [UnsafeMutableRawPointer] = []

    /// A copy of `values` that lives as long as this memory.
    func copy<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
        _ = buffer.initialize(from: values)
        blocks.append(UnsafeMutableRawPointer(buffer.baseAddress!))
        return UnsafeBufferPointer(rebasing: buffer[..<values.count])
    }

    /// `count` bytes of `value` that live as long as this memory.
    func filled(_ value: UInt8, count: Int) -> UnsafeMutableBufferPointer<UInt8> {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(count, 1))
        buffer.initialize(repeating: value)
        blocks.append(UnsafeMutableRawPointer(buffer.baseAddress!))
        return UnsafeMutableBufferPointer(rebasing: buffer[..<count])
    }

    deinit {
        // The element types are trivial: nothing to deinitialize.
        for block in blocks { block.deallocate() }
    }
}

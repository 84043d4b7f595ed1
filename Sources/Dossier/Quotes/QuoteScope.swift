/// What the quotation rules read, indexed once per document: the tokens, which searched sentence
/// and paragraph each token belongs to, the contiguous searched regions of one zone (a quotation
/// never crosses from one to another), and the entity mention covering each token. A class, so
/// that the stages sharing it (marks, cues, speakers, claims, pronouns) share one copy.
public final class QuoteScope {
    /// The document's sentences (the scope keeps no copy of the whole `MatchContext`).
    let sentences: [Sentence]
    /// The word lists, shared with the extractor (a copy a document retained and released each table).
    let words: SharedQuoteLexicon
    /// The word lists, lent in place (a getter would copy the tables it is asked for).
    @inline(__always) var lexicon: QuoteLexicon {
        _read { yield words.lexicon }
    }
    let entities: [EntityMention]
    let tokens: [Token]
    let units: [UInt16]
    /// Index into `context.sentences` of each token's sentence, or -1 when it is not searched.
    /// (The per-token tables are the scope's own buffers, freed with it: an array of them would be
    /// allocated through a generic path and retained at every read.)
    let sentenceOfToken: UnsafeBufferPointer<Int32>
    /// Token ranges of runs of searched sentences in one zone.
    let regions: [Range<Int>]
    /// The indexes in `context.sentences` of each region's sentences.
    let regionSentences: [Range<Int>]
    /// The quotation-mark tokens of the searched sentences, ascending.
    let markTokens: [Int32]
    /// The words of the searched sentences that may open a cue (their key is a cue's first word), ascending.
    let cueStarts: [Int32]
    /// The mention covering each token, or -1.
    let mentionOfToken: UnsafeBufferPointer<Int32>
    /// The searched sentences holding a number signal, when the scope was asked to find them.
    let signalled: SignalledSentences?
    /// Gender known for each canonical name (from titles such as "Mr"), made when first asked
    /// for: most documents have no speaker whose gender their own mention leaves unknown.
    lazy var genderOfName: [String: Gender] = Self.genders(of: entities)

    /// With `numbers`, the pass over the tokens also finds the figure stage's number signals, and
    /// `signalled` lists the searched sentences that hold one (nil when the sentences it walked
    /// are not `context.searched`, one for one).
    init(context: borrowing MatchContext, entities: [EntityMention], lexicon: SharedQuoteLexicon, zoneAt: (Int) -> ZoneType,
         numbers: NumberSignals? = nil) {
        sentences = context.sentences
        words = lexicon
        self.entities = entities
        tokens = context.tokens
        units = context.document.utf16
        let index = TokenIndex(context: context, cueFirstWords: lexicon.lexicon.cueFirstWords, filter: lexicon.lexicon.cueFirstWordFilter, zoneAt: zoneAt,
                               numbers: numbers)
        signalled = index.signalled
        sentenceOfToken = UnsafeBufferPointer(index.sentenceOfToken)
        regions = index.regions
        regionSentences = index.regionSentences
        markTokens = index.markTokens
        cueStarts = index.cueStarts
        let mentionOf = index.mentionOfToken
        for mi in entities.indices {
            let type = entities[mi].type
            for t in entities[mi].tokens where t < mentionOf.count {
                let old = mentionOf[t]
                if old < 0 || (entities[Int(old)].type != .person && type == .person) { mentionOf[t] = Int32(mi) }
            }
        }
        mentionOfToken = UnsafeBufferPointer(mentionOf)
    }

    /// The gender of each person's canonical name, where a mention gives one (the last wins).
    static func genders(of entities: [EntityMention]) -> [String: Gender] {
        var gender: [String: Gender] = [:]
        for mi in entities.indices where entities[mi].type == .person && entities[mi].gender != .unknown {
            if let c = entities[mi].canonical { gender[c] = entities[mi].gender }
        }
        return gender
    }

    deinit {
        // The two tables are one allocation, the sentence table first.
        sentenceOfToken.deallocate()
    }

    /// The per-token tables of a document, filled in one pass over its tokens (every element
    /// written once, none zeroed first), with the regions and the tokens worth a second look.
    /// The two tables share one allocation, owned by the scope that takes them.
    struct TokenIndex {
        let sentenceOfToken: UnsafeMutableBufferPointer<Int32>
        /// All -1: the entity mentions are laid over it.
        let mentionOfToken: UnsafeMutableBufferPointer<Int32>
        var regions: [Range<Int>] = []
        var regionSentences: [Range<Int>] = []
        var markTokens: [Int32] = []
        var cueStarts: [Int32] = []
        /// With number signals asked for: the searched sentences holding one, in order (nil when
        /// the sentences walked are not `context.searched`, one for one).
        var signalled: SignalledSentences?

        /// With `numbers`, the same pass finds each searched sentence's first number signal
        /// (through `numbers.flags`, which tell the cue first words too; `filter` then serves
        /// only sentences walked out of the order of `context.searched`).
        init(context: borrowing MatchContext, cueFirstWords firstWords: KeySet, filter: KeyPrefilter, zoneAt: (Int) -> ZoneType,
             numbers: NumberSignals? = nil) {
            let n = context.tokens.count
            // With number signals, four more tables: the candidates of the sentence being
            // scanned, and the marks, cue candidates and number starts listed so far (`Listed`).
            let tables = UnsafeMutablePointer<Int32>.allocate(capacity: (numbers == nil ? 2 : 6) * n)
            let sentences = UnsafeMutableBufferPointer(start: tables, count: n)
            let mentions = UnsafeMutableBufferPointer(start: tables + n, count: n)
            // No more regions than searched sentences: the runs never regrow.
            var runs = Runs(capacity: context.searched.count)
            var found = Found(firstWords: firstWords)
            var listed = Listed(marks: tables + 3 * n, cueStarts: tables + 4 * n, numberStarts: tables + 5 * n)
            var signalled: [SignalledSentence] = []
            // The walked sentences are `context.searched`, one for one, while this holds.
            var aligned = numbers != nil
            var walked = 0
            if aligned {
                signalled.reserveCapacity(context.searched.count)
            } else {
                // Guesses that spare most regrowing: a mark in 40 tokens, a cue candidate in 10.
                found.marks.reserveCapacity(n / 32)
                found.cueStarts.reserveCapacity(n / 8)
            }
            // The context's arrays read once (the closures below would otherwise copy the whole context).
            let allTokens = context.tokens, allUnits = context.document.utf16
            let allSentences = context.sentences, searchedSentences = context.searched
            allTokens.withUnsafeBufferPointer { tokens in
                allUnits.withUnsafeBufferPointer { units in
                    filter.withBits { bits in
                        var searched = SearchedStarts(searchedSentences)
                        var written = 0
                        for (si, s) in allSentences.enumerated() {
                            guard searched.contains(s.start) else { continue }
                            // Tokens of no searched sentence before this one.
                            while written < s.tokens.lowerBound {
                                sentences[written] = -1
                                mentions[written] = -1
                                written += 1
                            }
                            // The lists in `listed` have room for `n`: each token once. A sentence that
                            // starts before the end of one walked already (no splitter makes one) could
                            // list a token twice, so it and those after it go through `scan`.
                            if aligned, s.tokens.lowerBound < written {
                                aligned = false
                                listed.move(into: &found)
                            }
                            if aligned, let numbers {
                                let startsBefore = listed.numberCount
                                let first = Self.scanWithNumbers(tokens, units, s.tokens, sentence: Int32(si), sentences: sentences,
                                                                 mentions: mentions, candidates: tables + 2 * n, numbers: numbers,
                                                                 firstWords: firstWords, into: &listed)
                                if walked < searchedSentences.count, searchedSentences[walked].tokens == s.tokens {
                                    if first >= 0 {
                                        signalled.append(SignalledSentence(tokens: s.tokens, firstSignal: first,
                                                                           starts: startsBefore..<listed.numberCount))
                                    } else {
                                        // No number: its starts are not wanted.
                                        listed.numberCount = startsBefore
                                    }
                                } else {
                                    // The sentences that follow go through `scan`, after the marks listed so far.
                                    aligned = false
                                    listed.move(into: &found)
                                }
                                walked += 1
                            } else {
                                Self.scan(tokens, s.tokens, sentence: Int32(si), sentences: sentences, mentions: mentions, bits: bits, into: &found)
                            }
                            written = max(written, s.tokens.upperBound)
                            runs.add(sentence: si, tokens: s.tokens, zone: zoneAt(s.start))
                        }
                        while written < n {
                            sentences[written] = -1
                            mentions[written] = -1
                            written += 1
                        }
                    }
                }
            }
            listed.move(into: &found)
            sentenceOfToken = sentences
            mentionOfToken = mentions
            runs.finish()
            regions = runs.regions
            regionSentences = runs.sentences
            markTokens = found.marks
            cueStarts = found.cueStarts
            self.signalled = aligned && walked == context.searched.count
                ? SignalledSentences(sentences: signalled, starts: Array(UnsafeBufferPointer(start: listed.numberStarts, count: listed.numberCount)))
                : nil
        }

        /// The quotation marks and cue candidates listed by `scanWithNumbers`, in two of the
        /// index's own tables (room for every token: a list never grows), until they move into
        /// `Found`'s arrays in one copy each.
        struct Listed {
            let marks: UnsafeMutablePointer<Int32>
            let cueStarts: UnsafeMutablePointer<Int32>
            /// The tokens that may start a number, for the figure stage.
            let numberStarts: UnsafeMutablePointer<Int32>
            var markCount = 0, cueCount = 0, numberCount = 0

            init(marks: UnsafeMutablePointer<Int32>, cueStarts: UnsafeMutablePointer<Int32>, numberStarts: UnsafeMutablePointer<Int32>) {
                self.marks = marks
                self.cueStarts = cueStarts
                self.numberStarts = numberStarts
            }

            /// Appends the listed tokens to `found`'s and empties the lists.
            mutating func move(into found: inout Found) {
                Self.append(UnsafeBufferPointer(start: marks, count: markCount), to: &found.marks)
                Self.append(UnsafeBufferPointer(start: cueStarts, count: cueCount), to: &found.cueStarts)
                markCount = 0
                cueCount = 0
            }

            private static func append(_ list: UnsafeBufferPointer<Int32>, to array: inout [Int32]) {
                guard !list.isEmpty else { return }
                if array.isEmpty { array = Array(list) } else { array.append(contentsOf: list) }
            }
        }

        /// The quotation marks and cue candidates found so far, and the set that tells the candidates.
        struct Found {
            let firstWords: KeySet
            var marks: [Int32] = []
            var cueStarts: [Int32] = []

            /// Token `t` passed the prefilter or is a quotation mark: lists it if it is a mark or
            /// a word that opens a cue. (Out of the scan's loop: it is rarely taken.)
            @inline(never) mutating func look(at t: Int, kind: TokenKind, key: UInt64) {
                if kind == .quote {
                    marks.append(Int32(t))
                } else if kind == .word, firstWords.contains(key) {
                    cueStarts.append(Int32(t))
                }
            }
        }

        /// Writes the tables for the tokens of one searched sentence and lists its quotation marks
        /// and cue candidates. A function of its own, so that its loop keeps its few values in
        /// registers; two branches a token, both on rare outcomes (a key the prefilter lets
        /// through, a quotation mark), the rest of the test out of the loop.
        @inline(never) static func scan(_ tokens: UnsafeBufferPointer<Token>, _ range: Range<Int>, sentence: Int32,
                                        sentences: UnsafeMutableBufferPointer<Int32>, mentions: UnsafeMutableBufferPointer<Int32>,
                                        bits: UnsafeBufferPointer<UInt64>, into found: inout Found) {
            var t = range.lowerBound
            let end = range.upperBound
            while t < end {
                sentences[t] = sentence
                mentions[t] = -1
                let kind = tokens[t].kind, key = tokens[t].key
                let h = KeyPrefilter.bit(key)
                if bits[h >> 6] >> UInt64(h & 63) & 1 != 0 || kind == .quote {
                    found.look(at: t, kind: kind, key: key)
                }
                t += 1
            }
        }

        /// `scan` with the figure stage's number signals: lists the sentence's marks, cue
        /// candidates and tokens that may start a number, and returns its first number signal, or -1. `listCandidates` writes the
        /// tables and lists the tokens that may matter (in `candidates`, room for the sentence's
        /// tokens); this sorts them out.
        static func scanWithNumbers(_ tokens: UnsafeBufferPointer<Token>, _ units: UnsafeBufferPointer<UInt16>,
                                    _ range: Range<Int>, sentence: Int32,
                                    sentences: UnsafeMutableBufferPointer<Int32>, mentions: UnsafeMutableBufferPointer<Int32>,
                                    candidates: UnsafeMutablePointer<Int32>, numbers: NumberSignals, firstWords: KeySet,
                                    into listed: inout Listed) -> Int {
            numbers.flags.withUnsafeBufferPointer { flags in
                let count = listCandidates(tokens, units, range, sentence: sentence, sentences: sentences, mentions: mentions,
                                           flags: flags, into: candidates)
                var first = -1
                for k in 0..<count {
                    let t = Int(candidates[k])
                    let kind = tokens[t].kind, key = tokens[t].key
                    // The set is probed only for a key whose flag is set.
                    let f = flags[NumberSignals.slot(key)]
                    if kind == .quote {
                        listed.marks[listed.markCount] = Int32(t)
                        listed.markCount += 1
                    } else if f & NumberSignals.cueFlag != 0, kind == .word, firstWords.contains(key) {
                        listed.cueStarts[listed.cueCount] = Int32(t)
                        listed.cueCount += 1
                    }
                    let digit = units[Int(tokens[t].start)] &- 0x30 < 10
                    if first < 0, digit || (f & NumberSignals.numberFlag != 0 && kind == .word && numbers.keys.contains(key)) {
                        first = t
                    }
                    if digit || (f & NumberSignals.candidateFlag != 0 && kind == .word && numbers.candidateKeys.contains(key)) {
                        listed.numberStarts[listed.numberCount] = Int32(t)
                        listed.numberCount += 1
                    }
                }
                return first
            }
        }

        /// Writes the tables for the tokens of `range` and lists in `candidates` those that may be
        /// a quotation mark, a cue's first word or a number's start; returns how many. No branch
        /// a token: every token is written to the list, which moves on only past a candidate.
        @inline(never) static func listCandidates(_ tokens: UnsafeBufferPointer<Token>, _ units: UnsafeBufferPointer<UInt16>,
                                                  _ range: Range<Int>, sentence: Int32,
                                                  sentences: UnsafeMutableBufferPointer<Int32>, mentions: UnsafeMutableBufferPointer<Int32>,
                                                  flags: UnsafeBufferPointer<UInt8>, into candidates: UnsafeMutablePointer<Int32>) -> Int {
            var t = range.lowerBound
            let end = range.upperBound
            var count = 0
            while t < end {
                sentences[t] = sentence
                mentions[t] = -1
                let kind = tokens[t].kind
                let unit = units[Int(tokens[t].start)]
                var f = flags[NumberSignals.slot(tokens[t].key)]
                f |= unit &- 0x30 < 10 ? NumberSignals.numberFlag : 0
                f |= kind == .quote ? NumberSignals.cueFlag : 0
                candidates[count] = Int32(truncatingIfNeeded: t)
                count &+= f != 0 ? 1 : 0
                t += 1
            }
            return count
        }
    }

    /// Builds the regions: runs of consecutive searched sentences in one zone.
    struct Runs {
        var regions: [Range<Int>] = []
        var sentences: [Range<Int>] = []
        /// The run being built: its first token, end token, first sentence, end sentence and zone.
        var firstToken = 0, endToken = 0, firstSentence = 0, endSentence = -1
        var zone = ZoneType.body

        /// Room for `capacity` regions.
        init(capacity: Int) {
            regions.reserveCapacity(capacity)
            sentences.reserveCapacity(capacity)
        }

        mutating func add(sentence si: Int, tokens: Range<Int>, zone: ZoneType) {
            if endSentence >= 0, zone == self.zone, endSentence == si {
                endToken = tokens.upperBound
                endSentence = si + 1
            } else {
                finish()
                firstToken = tokens.lowerBound
                endToken = tokens.upperBound
                firstSentence = si
                endSentence = si + 1
                self.zone = zone
            }
        }

        mutating func finish() {
            guard endSentence >= 0 else { return }
            regions.append(firstToken..<endToken)
            sentences.append(firstSentence..<endSentence)
            endSentence = -1
        }
    }

    /// The start offsets of the searched sentences, asked in ascending order: a cursor walks them,
    /// with a binary search for a question out of order. The sentences are read in place when
    /// they are in order (they are, as the pipeline picks them); otherwise their starts, sorted.
    struct SearchedStarts {
        let searched: [Sentence]
        /// The starts, sorted, when `searched` is out of order (else empty).
        let sortedStarts: [Int]
        let inOrder: Bool
        var next = 0

        init(_ searched: [Sentence]) {
            var inOrder = true
            for k in searched.indices.dropFirst() where searched[k - 1].start > searched[k].start { inOrder = false; break }
            self.searched = searched
            self.inOrder = inOrder
            sortedStarts = inOrder ? [] : searched.map(\.start).sorted()
        }

        /// The `k`th start, ascending.
        @inline(__always) func start(_ k: Int) -> Int { inOrder ? searched[k].start : sortedStarts[k] }

        mutating func contains(_ value: Int) -> Bool {
            let count = searched.count
            if next > 0, start(next - 1) >= value {
                var lo = 0, hi = count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if start(mid) < value { lo = mid + 1 } else { hi = mid }
                }
                return lo < count && start(lo) == value
            }
            while next < count, start(next) < value { next += 1 }
            return next < count && start(next) == value
        }
    }

    /// The sentence index of a token, when it lies in a searched sentence.
    func sentence(ofToken i: Int) -> Int? {
        guard i >= 0, i < sentenceOfToken.count, sentenceOfToken[i] >= 0 else { return nil }
        return Int(sentenceOfToken[i])
    }

    /// The paragraph of a token, when it lies in a searched sentence.
    func paragraph(ofToken i: Int) -> Int? {
        guard i >= 0, i < sentenceOfToken.count, sentenceOfToken[i] >= 0 else { return nil }
        let p = sentences[Int(sentenceOfToken[i])].paragraph
        return p >= 0 ? p : nil
    }

    /// The token range of the sentence holding token `i`.
    func sentenceTokens(_ i: Int) -> Range<Int>? {
        sentence(ofToken: i).map { sentences[$0].tokens }
    }

    /// An entity mention as the rules ask about it: where it is in `entities`, its type and its
    /// tokens (no copy of its strings).
    struct MentionRef {
        let index: Int
        let type: EntityType
        let tokens: Range<Int>
    }

    /// The entity mention covering token `i`.
    func mention(at i: Int) -> MentionRef? {
        guard i >= 0, i < mentionOfToken.count, mentionOfToken[i] >= 0 else { return nil }
        let k = Int(mentionOfToken[i])
        return MentionRef(index: k, type: entities[k].type, tokens: entities[k].tokens)
    }

    /// How many tokens of `r` are words, and with `numbers` also numbers; counted no further than
    /// `limit` (the rules ask "at least three?", "at most two?", not how many a long quotation holds).
    func wordCount(_ r: Range<Int>, numbers: Bool = false, upTo limit: Int = .max) -> Int {
        var n = 0
        var i = r.lowerBound
        while i < r.upperBound, n < limit {
            let kind = tokens[i].kind
            if kind == .word || (numbers && kind == .number) { n += 1 }
            i += 1
        }
        return n
    }

    /// The text of tokens `r`, as `MatchContext.text(_:)` gives it.
    func text(_ r: Range<Int>) -> String { slice(Int(tokens[r.lowerBound].start), Int(tokens[r.upperBound - 1].end)) }

    /// The text of token `i`.
    func text(_ i: Int) -> String { slice(Int(tokens[i].start), Int(tokens[i].end)) }

    /// The text of UTF-16 `start..<end`, as `Document.slice` gives it.
    func slice(_ start: Int, _ end: Int) -> String {
        units.withUnsafeBufferPointer { Document.string(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    func key(_ i: Int) -> UInt64 { tokens[i].key }
    func isWord(_ i: Int) -> Bool { tokens[i].kind == .word }
    func firstUnit(_ i: Int) -> UInt16 { units[Int(tokens[i].start)] }
    func isPunctuation(_ i: Int, _ u: UInt16) -> Bool {
        tokens[i].kind == .punctuation && tokens[i].length == 1 && firstUnit(i) == u
    }
    /// Sentence-final punctuation: . ? ! …
    func isFinal(_ i: Int) -> Bool {
        guard tokens[i].kind == .punctuation else { return false }
        let u = firstUnit(i)
        return u == 0x2E || u == 0x3F || u == 0x21 || u == 0x2026
    }
    /// Lowercase word ending in "ly": a manner adverb ("basically", "privately").
    func isLyAdverb(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.shape == .lower, t.length > 4 else { return false }
        return units[Int(t.end) - 2] == 0x6C && units[Int(t.end) - 1] == 0x79
    }
}

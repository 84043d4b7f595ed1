/// What the quotation rules read, indexed once per document: the tokens, which searched sentence
/// and paragraph each token belongs to, the contiguous searched regions of one zone (a quotation
/// never crosses from one to another), and the entity mention covering each token. A class, so
/// that the stages sharing it (marks, cues, speakers, claims, pronouns) share one copy.
public final class QuoteScope {
    /// The document's sentences (the scope keeps no copy of the whole `MatchContext`).
    let sentences: [Sentence]
    let lexicon: QuoteLexicon
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
    /// Gender known for each canonical name (from titles such as "Mr").
    let genderOfName: [String: Gender]

    init(context: MatchContext, entities: [EntityMention], lexicon: QuoteLexicon, zoneAt: (Int) -> ZoneType) {
        sentences = context.sentences
        self.lexicon = lexicon
        self.entities = entities
        tokens = context.tokens
        units = context.document.utf16
        let index = TokenIndex(context: context, cueFirstWords: lexicon.cueFirstWords, filter: lexicon.cueFirstWordFilter, zoneAt: zoneAt)
        sentenceOfToken = UnsafeBufferPointer(index.sentenceOfToken)
        regions = index.regions
        regionSentences = index.regionSentences
        markTokens = index.markTokens
        cueStarts = index.cueStarts
        let mentionOf = index.mentionOfToken
        var gender: [String: Gender] = [:]
        for mi in entities.indices {
            let type = entities[mi].type
            for t in entities[mi].tokens where t < mentionOf.count {
                let old = mentionOf[t]
                if old < 0 || (entities[Int(old)].type != .person && type == .person) { mentionOf[t] = Int32(mi) }
            }
            if type == .person, entities[mi].gender != .unknown, let c = entities[mi].canonical { gender[c] = entities[mi].gender }
        }
        mentionOfToken = UnsafeBufferPointer(mentionOf)
        genderOfName = gender
    }

    deinit {
        sentenceOfToken.deallocate()
        mentionOfToken.deallocate()
    }

    /// The per-token tables of a document, filled in one pass over its tokens (every element
    /// written once, none zeroed first), with the regions and the tokens worth a second look.
    /// The two tables are allocated here and owned by the scope that takes them.
    struct TokenIndex {
        let sentenceOfToken: UnsafeMutableBufferPointer<Int32>
        /// All -1: the entity mentions are laid over it.
        let mentionOfToken: UnsafeMutableBufferPointer<Int32>
        var regions: [Range<Int>] = []
        var regionSentences: [Range<Int>] = []
        var markTokens: [Int32] = []
        var cueStarts: [Int32] = []

        init(context: MatchContext, cueFirstWords firstWords: KeySet, filter: KeyPrefilter, zoneAt: (Int) -> ZoneType) {
            let n = context.tokens.count
            let sentences = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
            let mentions = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
            var runs = Runs()
            var marks: [Int32] = [], cueStarts: [Int32] = []
            // Guesses that spare most regrowing: a mark in 40 tokens, a cue candidate in 10.
            marks.reserveCapacity(n / 32)
            cueStarts.reserveCapacity(n / 8)
            context.tokens.withUnsafeBufferPointer { tokens in
                filter.withBits { bits in
                    var searched = SearchedStarts(context.searched)
                    var written = 0
                    for (si, s) in context.sentences.enumerated() {
                        guard searched.contains(s.start) else { continue }
                        // Tokens of no searched sentence before this one.
                        while written < s.tokens.lowerBound {
                            sentences[written] = -1
                            mentions[written] = -1
                            written += 1
                        }
                        let sentence = Int32(si)
                        var t = s.tokens.lowerBound
                        while t < s.tokens.upperBound {
                            sentences[t] = sentence
                            mentions[t] = -1
                            // One branch a token, on a rare outcome: a quotation mark, or a word
                            // that the prefilter lets through (tested without branching).
                            let kind = tokens[t].kind, key = tokens[t].key
                            let h = KeyPrefilter.bit(key)
                            let filterBit = bits[h >> 6] >> UInt64(h & 63) & 1
                            let isWord: UInt64 = kind == .word ? 1 : 0
                            if kind == .quote || filterBit & isWord != 0 {
                                if kind == .quote {
                                    marks.append(Int32(t))
                                } else if firstWords.contains(key) {
                                    cueStarts.append(Int32(t))
                                }
                            }
                            t += 1
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
            sentenceOfToken = sentences
            mentionOfToken = mentions
            runs.finish()
            regions = runs.regions
            regionSentences = runs.sentences
            markTokens = marks
            self.cueStarts = cueStarts
        }
    }

    /// Builds the regions: runs of consecutive searched sentences in one zone.
    struct Runs {
        var regions: [Range<Int>] = []
        var sentences: [Range<Int>] = []
        /// The run being built: its first token, end token, first sentence, end sentence and zone.
        var firstToken = 0, endToken = 0, firstSentence = 0, endSentence = -1
        var zone = ZoneType.body

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
    /// with a binary search for a question out of order.
    struct SearchedStarts {
        let starts: [Int]
        var next = 0

        init(_ searched: [Sentence]) {
            var starts = searched.map(\.start)
            var sorted = true
            for k in starts.indices.dropFirst() where starts[k - 1] > starts[k] { sorted = false; break }
            if !sorted { starts.sort() }
            self.starts = starts
        }

        mutating func contains(_ value: Int) -> Bool {
            if next > 0, starts[next - 1] >= value { return QuoteScope.sortedContains(starts, value) }
            while next < starts.count, starts[next] < value { next += 1 }
            return next < starts.count && starts[next] == value
        }
    }

    /// Whether the ascending array holds `value` (binary search).
    static func sortedContains(_ sorted: [Int], _ value: Int) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == value
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

    /// How many tokens of `r` are words, and with `numbers` also numbers.
    func wordCount(_ r: Range<Int>, numbers: Bool = false) -> Int {
        var n = 0
        for i in r where tokens[i].kind == .word || (numbers && tokens[i].kind == .number) { n += 1 }
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

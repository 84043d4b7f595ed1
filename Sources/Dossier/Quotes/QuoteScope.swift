/// What the quotation rules read, indexed once per document: the tokens, which searched sentence
/// and paragraph each token belongs to, the contiguous searched regions of one zone (a quotation
/// never crosses from one to another), and the entity mention covering each token. A class, so
/// that the stages sharing it (marks, cues, speakers, claims, pronouns) share one copy.
public final class QuoteScope {
    let context: MatchContext
    let lexicon: QuoteLexicon
    let entities: [EntityMention]
    let tokens: [Token]
    let units: [UInt16]
    /// Index into `context.sentences` of each token's sentence, or -1 when it is not searched.
    let sentenceOfToken: [Int32]
    /// The paragraph of each token's sentence, or -1 when it is not searched.
    let paragraphOfToken: [Int32]
    /// Token ranges of runs of searched sentences in one zone.
    let regions: [Range<Int>]
    /// The mention covering each token, or -1.
    let mentionOfToken: [Int32]
    /// Gender known for each canonical name (from titles such as "Mr").
    let genderOfName: [String: Gender]

    init(context: MatchContext, entities: [EntityMention], lexicon: QuoteLexicon, zoneAt: (Int) -> ZoneType) {
        self.context = context
        self.lexicon = lexicon
        self.entities = entities
        tokens = context.tokens
        units = context.document.utf16
        let searchedStarts = context.searched.map(\.start).sorted()
        var sentenceOfToken = [Int32](repeating: -1, count: context.tokens.count)
        var paragraphOfToken = [Int32](repeating: -1, count: context.tokens.count)
        var regions: [Range<Int>] = []
        var current: Range<Int>?
        var currentZone: ZoneType?
        var previousIndex = -2
        for (si, s) in context.sentences.enumerated() where Self.sortedContains(searchedStarts, s.start) {
            for t in s.tokens {
                sentenceOfToken[t] = Int32(si)
                paragraphOfToken[t] = Int32(s.paragraph)
            }
            let zone = zoneAt(s.start)
            if let c = current, zone == currentZone, previousIndex == si - 1 {
                current = c.lowerBound..<s.tokens.upperBound
            } else {
                if let c = current { regions.append(c) }
                current = s.tokens
                currentZone = zone
            }
            previousIndex = si
        }
        if let c = current { regions.append(c) }
        self.sentenceOfToken = sentenceOfToken
        self.paragraphOfToken = paragraphOfToken
        self.regions = regions
        var mentionOfToken = [Int32](repeating: -1, count: context.tokens.count)
        var gender: [String: Gender] = [:]
        for mi in entities.indices {
            let type = entities[mi].type
            for t in entities[mi].tokens where t < mentionOfToken.count {
                let old = mentionOfToken[t]
                if old < 0 || (entities[Int(old)].type != .person && type == .person) { mentionOfToken[t] = Int32(mi) }
            }
            if type == .person, entities[mi].gender != .unknown, let c = entities[mi].canonical { gender[c] = entities[mi].gender }
        }
        self.mentionOfToken = mentionOfToken
        genderOfName = gender
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
        guard i >= 0, i < paragraphOfToken.count, paragraphOfToken[i] >= 0 else { return nil }
        return Int(paragraphOfToken[i])
    }

    /// The token range of the sentence holding token `i`.
    func sentenceTokens(_ i: Int) -> Range<Int>? {
        sentence(ofToken: i).map { context.sentences[$0].tokens }
    }

    /// The entity mention covering token `i`.
    func mention(at i: Int) -> EntityMention? {
        guard i >= 0, i < mentionOfToken.count, mentionOfToken[i] >= 0 else { return nil }
        return entities[Int(mentionOfToken[i])]
    }

    /// How many tokens of `r` are words, and with `numbers` also numbers.
    func wordCount(_ r: Range<Int>, numbers: Bool = false) -> Int {
        var n = 0
        for i in r where tokens[i].kind == .word || (numbers && tokens[i].kind == .number) { n += 1 }
        return n
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

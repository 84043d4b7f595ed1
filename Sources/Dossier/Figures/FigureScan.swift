/// What the figure rules read in every sentence of one document, gathered once per document: the
/// tokens and the entity mentions. A class, so that each sentence's scan shares it instead of
/// copying it.
final class FigureDocument {
    let language: LanguageData
    let tokens: [Token]
    let entities: [EntityMention]
    /// Per token: the index of the last entity mention covering it, or -1; made only when the
    /// mentions overlap or are out of order. (As the pipeline leaves them they are in order
    /// without overlaps, and a binary search over them answers the rules' few questions without
    /// a table to fill a document.)
    let mentionAt: [Int32]

    init(tokens: [Token], language: LanguageData, entities: [EntityMention]) {
        self.language = language
        self.tokens = tokens
        self.entities = entities
        mentionAt = Self.inOrder(entities) ? [] : Self.table(entities, tokenCount: tokens.count)
    }

    /// Whether each mention starts at or after the end of the one before it.
    static func inOrder(_ entities: [EntityMention]) -> Bool {
        var end = 0
        for n in entities.indices {
            let r = entities[n].tokens
            if r.lowerBound < end { return false }
            end = r.upperBound
        }
        return true
    }

    /// The last mention covering each token, or -1.
    static func table(_ entities: [EntityMention], tokenCount: Int) -> [Int32] {
        var mentionAt = [Int32](repeating: -1, count: tokenCount)
        for n in entities.indices {
            for i in entities[n].tokens where i < mentionAt.count { mentionAt[i] = Int32(n) }
        }
        return mentionAt
    }

    /// The number of mentions starting at or before the token last asked about: the rules ask
    /// about neighbouring tokens, so the next answer is most often found there without a search.
    private var startedBefore = 0

    /// The index of the last entity mention covering token `i`, if any.
    func mentionIndex(_ i: Int) -> Int? {
        guard i >= 0, i < tokens.count else { return nil }
        if !mentionAt.isEmpty { return mentionAt[i] >= 0 ? Int(mentionAt[i]) : nil }
        // In order without overlaps: only the last mention starting at or before `i` may cover it.
        var lo = startedBefore
        let count = entities.count
        if !((lo == 0 || entities[lo - 1].tokens.lowerBound <= i) && (lo == count || entities[lo].tokens.lowerBound > i)) {
            lo = 0
            var hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                if entities[mid].tokens.lowerBound <= i { lo = mid + 1 } else { hi = mid }
            }
            startedBefore = lo
        }
        guard lo > 0, entities[lo - 1].tokens.contains(i) else { return nil }
        return lo - 1
    }
}

/// The figure rules' view of one sentence: its token range in the shared document.
/// The rule families are extensions of this type, one file each (numbers, non-figures, units,
/// categories, ellipsis).
struct FigureScan {
    let document: FigureDocument
    /// The lexicon, held once by the extractor: a copy a document would retain each of its tables.
    let words: SharedFigureLexicon
    /// The document's tokens and text, read in place: valid while `FigureExtractor.extract` runs
    /// (an array read through the document would be retained and released at each read).
    let tokens: UnsafeBufferPointer<Token>
    let units: UnsafeBufferPointer<UInt16>
    /// Token range of the sentence (one scan serves each sentence of a document in turn).
    var lo: Int
    var hi: Int

    @inline(__always) var lexicon: FigureLexicon { words.lexicon }
    @inline(__always) var language: LanguageData { document.language }

    /// The first UTF-16 unit of token `i`.
    @inline(__always) func firstUnit(_ i: Int) -> UInt16 { units[Int(tokens[i].start)] }
    @inline(__always) func key(_ i: Int) -> UInt64 { tokens[i].key }
    @inline(__always) func inSentence(_ i: Int) -> Bool { i >= lo && i < hi }
    @inline(__always) func isWord(_ i: Int) -> Bool { inSentence(i) && tokens[i].kind == .word }
    /// Whether token `i` is written against the previous one.
    @inline(__always) func attached(_ i: Int) -> Bool { !tokens[i].spaceBefore }
    /// Whether token `i` is the one-character mark `c`.
    @inline(__always) func isMark(_ i: Int, _ c: UInt16) -> Bool {
        inSentence(i) && tokens[i].length == 1 && firstUnit(i) == c
    }
    @inline(__always) func isDigit(_ i: Int) -> Bool {
        guard inSentence(i) else { return false }
        let u = firstUnit(i)
        return u >= 0x30 && u <= 0x39
    }
    @inline(__always) func has(_ i: Int, _ role: FigureLexicon.Role) -> Bool {
        inSentence(i) && lexicon.has(tokens[i].key, role)
    }
    @inline(__always) func isKey(_ i: Int, _ k: UInt64) -> Bool { inSentence(i) && tokens[i].key == k }
    /// A hyphen or dash glued to both neighbours ("nine-month", "20-30").
    @inline(__always) func isJoiningDash(_ i: Int) -> Bool {
        inSentence(i) && i + 1 < hi && tokens[i].kind == .dash && attached(i) && attached(i + 1)
    }
    /// Lowercase text of a token (candidate paths only).
    func lower(_ i: Int) -> String { text(i).lowercased() }

    /// The text of tokens `r`, as `MatchContext.text(_:)` gives it.
    func text(_ r: Range<Int>) -> String { slice(Int(tokens[r.lowerBound].start), Int(tokens[r.upperBound - 1].end)) }

    /// The text of token `i`.
    func text(_ i: Int) -> String { slice(Int(tokens[i].start), Int(tokens[i].end)) }

    /// The text of UTF-16 `start..<end`, as `Document.slice` gives it.
    func slice(_ start: Int, _ end: Int) -> String { Document.string(UnsafeBufferPointer(rebasing: units[start..<end])) }

    /// The longest phrase of `trie` that ends right before token `end`, with its first token.
    /// `lastWords` holds the last word of every phrase of `trie`.
    func phrase<P>(_ trie: PhraseTrie<P>, lastWords: KeySet, endingAt end: Int) -> (start: Int, payload: P)? {
        guard trie.maxLength > 0, end - 1 >= lo, lastWords.contains(tokens[end - 1].key) else { return nil }
        var k = min(trie.maxLength + 1, end - lo)
        while k >= 1 {
            let s = end - k
            // The last payload of the phrase ending exactly at `end`, as `matches(…).first { $0.end == end }`
            // finds it, without building the list of matches.
            var found: P?
            _ = trie.longest(in: document.tokens, from: s, limit: end) { payload, range in
                if range.upperBound == end { found = payload }
                return false
            }
            if let found { return (s, found) }
            k -= 1
        }
        return nil
    }

    /// The longest phrase of `trie` starting at token `start`.
    func phrase<P>(_ trie: PhraseTrie<P>, startingAt start: Int) -> (end: Int, payload: P)? {
        guard inSentence(start) else { return nil }
        return trie.longest(in: document.tokens, from: start, limit: hi)
    }

    /// The tokens of the entity mention covering token `i`, without copying the mention.
    func mentionTokens(_ i: Int) -> Range<Int>? {
        guard let n = document.mentionIndex(i) else { return nil }
        return document.entities[n].tokens
    }

    /// The entity mention covering token `i`, as its index in `document.entities`, type and
    /// tokens (no copy of its strings).
    func mention(_ i: Int) -> (index: Int, type: EntityType, tokens: Range<Int>)? {
        guard let n = document.mentionIndex(i) else { return nil }
        return (n, document.entities[n].type, document.entities[n].tokens)
    }

    /// The name of the place mention `n`: its canonical name, else its text.
    func placeName(_ n: Int) -> String {
        let entities = document.entities
        return entities[n].canonical ?? slice(entities[n].start, entities[n].end)
    }
}

/// Token keys of the few function words the rules test directly.
enum FigureKeys {
    static let and = TokenKey.of("and")
    static let or = TokenKey.of("or")
    static let at = TokenKey.of("at")
    static let of = TokenKey.of("of")
    static let a = TokenKey.of("a")
    static let an = TokenKey.of("an")
    static let half = TokenKey.of("half")
    static let between = TokenKey.of("between")
    static let one = TokenKey.of("one")
    static let time = TokenKey.of("time")
    static let row = TokenKey.of("row")
    static let `in` = TokenKey.of("in")
    static let old = TokenKey.of("old")
    static let no = TokenKey.of("no")
    static let dozen = TokenKey.of("dozen")
}

/// The figure rules' view of one sentence: its tokens, the lexicon and the entity mentions.
/// The rule families are extensions of this type, one file each (numbers, non-figures, units,
/// categories, ellipsis).
struct FigureScan {
    let context: MatchContext
    let lexicon: FigureLexicon
    let language: LanguageData
    /// Token range of the sentence.
    let lo: Int
    let hi: Int
    /// Per token: the index of the entity mention covering it, or -1.
    let mentionAt: [Int32]
    let entities: [EntityMention]

    var tokens: [Token] { context.tokens }

    @inline(__always) func key(_ i: Int) -> UInt64 { context.tokens[i].key }
    @inline(__always) func inSentence(_ i: Int) -> Bool { i >= lo && i < hi }
    @inline(__always) func isWord(_ i: Int) -> Bool { inSentence(i) && context.tokens[i].kind == .word }
    /// Whether token `i` is written against the previous one.
    @inline(__always) func attached(_ i: Int) -> Bool { !context.tokens[i].spaceBefore }
    /// Whether token `i` is the one-character mark `c`.
    @inline(__always) func isMark(_ i: Int, _ c: UInt16) -> Bool {
        inSentence(i) && context.tokens[i].length == 1 && context.firstUnit(i) == c
    }
    @inline(__always) func isDigit(_ i: Int) -> Bool {
        guard inSentence(i) else { return false }
        let u = context.firstUnit(i)
        return u >= 0x30 && u <= 0x39
    }
    @inline(__always) func has(_ i: Int, _ role: FigureLexicon.Role) -> Bool {
        inSentence(i) && lexicon.has(context.tokens[i].key, role)
    }
    @inline(__always) func isKey(_ i: Int, _ k: UInt64) -> Bool { inSentence(i) && context.tokens[i].key == k }
    /// A hyphen or dash glued to both neighbours ("nine-month", "20-30").
    @inline(__always) func isJoiningDash(_ i: Int) -> Bool {
        inSentence(i) && i + 1 < hi && context.tokens[i].kind == .dash && attached(i) && attached(i + 1)
    }
    /// Lowercase text of a token (candidate paths only).
    func lower(_ i: Int) -> String { context.text(i).lowercased() }

    /// The longest phrase of `trie` that ends right before token `end`, with its first token.
    func phrase<P>(_ trie: PhraseTrie<P>, endingAt end: Int) -> (start: Int, payload: P)? {
        guard trie.maxLength > 0 else { return nil }
        var k = min(trie.maxLength + 1, end - lo)
        while k >= 1 {
            let s = end - k
            if let m = trie.matches(in: context.tokens, from: s, limit: end).first(where: { $0.end == end }) {
                return (s, m.payload)
            }
            k -= 1
        }
        return nil
    }

    /// The longest phrase of `trie` starting at token `start`.
    func phrase<P>(_ trie: PhraseTrie<P>, startingAt start: Int) -> (end: Int, payload: P)? {
        guard inSentence(start) else { return nil }
        return trie.longest(in: context.tokens, from: start, limit: hi)
    }

    /// The entity mention covering token `i`.
    func mention(_ i: Int) -> EntityMention? {
        guard i >= 0, i < mentionAt.count, mentionAt[i] >= 0 else { return nil }
        return entities[Int(mentionAt[i])]
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

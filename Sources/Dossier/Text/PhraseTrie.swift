/// A trie over token keys that finds the longest phrase starting at a token: the compiled form of
/// gazetteers and word lists. Attached hyphens inside a phrase are skipped, so that "al-Araji",
/// "al Araji" and "Al Araji" all match the phrase "al Araji".
public struct PhraseTrie<Payload: Sendable>: Sendable {
    private var children: [[UInt64: Int32]] = [[:]]
    private var payloads: [[Payload]] = [[]]
    /// The longest phrase, in tokens.
    public private(set) var maxLength = 0

    public init() {}

    /// Adds a phrase given as token keys.
    public mutating func insert(_ keys: [UInt64], _ payload: Payload) {
        guard !keys.isEmpty else { return }
        var node = 0
        for k in keys {
            if let next = children[node][k] {
                node = Int(next)
            } else {
                children.append([:])
                payloads.append([])
                let next = children.count - 1
                children[node][k] = Int32(next)
                node = next
            }
        }
        payloads[node].append(payload)
        maxLength = max(maxLength, keys.count)
    }

    public var nodeCount: Int { children.count }

    /// Every phrase starting at token `start` and ending before `limit`, longest first, with the
    /// index one past its last token. `accept` filters payloads (e.g. on letter case).
    public func matches(in tokens: [Token], from start: Int, limit: Int,
                        accept: (Payload, Range<Int>) -> Bool = { _, _ in true }) -> [(end: Int, payload: Payload)] {
        var found: [(end: Int, payload: Payload)] = []
        var node = 0
        var i = start
        while i < limit {
            let t = tokens[i]
            if i > start, t.kind == .dash, !t.spaceBefore, i + 1 < limit, !tokens[i + 1].spaceBefore {
                i += 1
                continue
            }
            guard let next = children[node][t.key] else { break }
            node = Int(next)
            i += 1
            for p in payloads[node] where accept(p, start..<i) {
                found.append((i, p))
            }
        }
        found.reverse()
        return found
    }

    /// The payloads of the longest phrase at `start`, or nil.
    public func longest(in tokens: [Token], from start: Int, limit: Int,
                        accept: (Payload, Range<Int>) -> Bool = { _, _ in true }) -> (end: Int, payload: Payload)? {
        matches(in: tokens, from: start, limit: limit, accept: accept).first
    }

    /// Whether the exact phrase given as keys is present.
    public func contains(_ keys: [UInt64]) -> Bool {
        var node = 0
        for k in keys {
            guard let next = children[node][k] else { return false }
            node = Int(next)
        }
        return !payloads[node].isEmpty
    }
}

/// Splits a phrase from a data file into words the way ICU splits text: on spaces and hyphens,
/// with a final dot after a word as a token of its own ("U.S." → "U.S", ".").
public enum PhraseWords {
    public static func split(_ phrase: some StringProtocol) -> [Substring] {
        var out: [Substring] = []
        let s = Substring(phrase)
        var wordStart: String.Index?
        var i = s.startIndex
        func close(_ end: String.Index) {
            if let ws = wordStart {
                var word = s[ws..<end]
                if word.count > 1, word.hasSuffix(".") {
                    word = word.dropLast()
                    out.append(word)
                    out.append(s[word.endIndex..<end])
                } else if word.count > 2, word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") {
                    let stem = word.dropLast(2)
                    out.append(stem)
                    out.append(s[stem.endIndex..<end])
                } else {
                    out.append(word)
                }
            }
            wordStart = nil
        }
        while i < s.endIndex {
            let c = s[i]
            if c == " " || c == "\t" || c == "-" || c == "\u{2010}" || c == "\u{2013}" || c == "\u{2014}" {
                close(i)
            } else if c == "," || c == "(" || c == ")" || c == ":" || c == ";" || c == "/" || c == "&" {
                close(i)
                out.append(s[i...i])
            } else if wordStart == nil {
                wordStart = i
            }
            i = s.index(after: i)
        }
        close(s.endIndex)
        return out
    }

    /// The token keys of a phrase.
    public static func keys(_ phrase: some StringProtocol) -> [UInt64] {
        split(phrase).map { TokenKey.of($0) }
    }
}

/// A trie over token keys that finds the longest phrase starting at a token: the compiled form of
/// gazetteers and word lists. Attached hyphens inside a phrase are skipped, so that "al-Araji",
/// "al Araji" and "Al Araji" all match the phrase "al Araji".
public struct PhraseTrie<Payload: Sendable>: Sendable {
    /// Every edge of the trie in one table, keyed by a hash of (node, token key).
    private var edges: KeyMap<Int32> = [:]
    private var payloads: [[Payload]] = [[]]
    /// The longest phrase, in tokens.
    public private(set) var maxLength = 0

    public init() {}

    /// Room for this many phrases, to insert without rehashing.
    public mutating func reserveCapacity(_ phrases: Int) {
        edges.reserveCapacity(phrases * 3 / 2)
        payloads.reserveCapacity(phrases * 3 / 2)
    }

    @inline(__always)
    static func edge(_ node: Int, _ key: UInt64) -> UInt64 {
        (key ^ (UInt64(truncatingIfNeeded: node) &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
    }

    /// Adds a phrase given as token keys.
    public mutating func insert(_ keys: [UInt64], _ payload: Payload) {
        guard !keys.isEmpty else { return }
        var node = 0
        for k in keys {
            let e = Self.edge(node, k)
            if let next = edges[e] {
                node = Int(next)
            } else {
                payloads.append([])
                let next = payloads.count - 1
                edges[e] = Int32(next)
                node = next
            }
        }
        payloads[node].append(payload)
        maxLength = max(maxLength, keys.count)
    }

    public var nodeCount: Int { payloads.count }

    /// Walks the trie along the tokens from `start`, skipping attached hyphens, and calls `visit`
    /// with the index one past each matched token and the payloads of the node reached there.
    @inline(__always)
    private func walk(_ tokens: [Token], from start: Int, limit: Int, _ visit: (Int, [Payload]) -> Void) {
        var node = 0
        var i = start
        while i < limit {
            let t = tokens[i]
            if i > start, t.kind == .dash, !t.spaceBefore, i + 1 < limit, !tokens[i + 1].spaceBefore {
                i += 1
                continue
            }
            guard let next = edges[Self.edge(node, t.key)] else { break }
            node = Int(next)
            i += 1
            if !payloads[node].isEmpty { visit(i, payloads[node]) }
        }
    }

    /// Every phrase starting at token `start` and ending before `limit`, longest first, with the
    /// index one past its last token. `accept` filters payloads (e.g. on letter case).
    public func matches(in tokens: [Token], from start: Int, limit: Int,
                        accept: (Payload, Range<Int>) -> Bool = { _, _ in true }) -> [(end: Int, payload: Payload)] {
        var found: [(end: Int, payload: Payload)] = []
        walk(tokens, from: start, limit: limit) { end, here in
            for p in here where accept(p, start..<end) { found.append((end, p)) }
        }
        found.reverse()
        return found
    }

    /// The payload of the longest phrase at `start`, or nil (the first accepted payload of it).
    public func longest(in tokens: [Token], from start: Int, limit: Int,
                        accept: (Payload, Range<Int>) -> Bool = { _, _ in true }) -> (end: Int, payload: Payload)? {
        var best: (end: Int, payload: Payload)?
        walk(tokens, from: start, limit: limit) { end, here in
            if let p = here.first(where: { accept($0, start..<end) }) { best = (end, p) }
        }
        return best
    }

    /// Whether the exact phrase given as keys is present.
    public func contains(_ keys: [UInt64]) -> Bool {
        var node = 0
        for k in keys {
            guard let next = edges[Self.edge(node, k)] else { return false }
            node = Int(next)
        }
        return !payloads[node].isEmpty
    }
}

/// Splits a phrase from a data file into words the way ICU splits text: on spaces and hyphens,
/// with a final dot after a word as a token of its own ("U.S." → "U.S", "."), a possessive
/// "'s" split off, and commas, brackets and slashes as tokens. Works on UTF-8 bytes.
public enum PhraseWords {
    public static func split(_ phrase: some StringProtocol) -> [Substring] {
        let s = Substring(phrase)
        let u = s.utf8
        var out: [Substring] = []
        var wordStart: String.Index?
        func close(_ end: String.Index) {
            guard let ws = wordStart else { return }
            wordStart = nil
            let bytes = u[ws..<end]
            let count = bytes.count
            if count > 1, bytes.last == 0x2E {
                let cut = u.index(before: end)
                out.append(s[ws..<cut])
                out.append(s[cut..<end])
            } else if count > 2, let p = possessiveStart(u, ws, end) {
                out.append(s[ws..<p])
                out.append(s[p..<end])
            } else {
                out.append(s[ws..<end])
            }
        }
        var i = u.startIndex
        while i < u.endIndex {
            let b = u[i]
            if b == 0x20 || b == 0x09 || b == 0x2D {
                close(i)
            } else if b == 0xE2, let next = dashEnd(u, i) {
                close(i)
                i = next
                continue
            } else if b == 0x2C || b == 0x28 || b == 0x29 || b == 0x3A || b == 0x3B || b == 0x2F || b == 0x26 {
                close(i)
                out.append(s[i..<u.index(after: i)])
            } else if wordStart == nil {
                wordStart = i
            }
            i = u.index(after: i)
        }
        close(u.endIndex)
        return out
    }

    /// "‐", "–", "—" (E2 80 90 / 93 / 94): the index after the dash, or nil.
    static func dashEnd(_ u: Substring.UTF8View, _ i: String.Index) -> String.Index? {
        guard u.distance(from: i, to: u.endIndex) >= 3 else { return nil }
        let b1 = u[u.index(i, offsetBy: 1)], b2 = u[u.index(i, offsetBy: 2)]
        return b1 == 0x80 && (b2 == 0x90 || b2 == 0x93 || b2 == 0x94) ? u.index(i, offsetBy: 3) : nil
    }

    /// Where a final "'s" or "’s" starts, if the word ends with one.
    static func possessiveStart(_ u: Substring.UTF8View, _ start: String.Index, _ end: String.Index) -> String.Index? {
        let last = u.index(before: end)
        guard u[last] == 0x73 || u[last] == 0x53 else { return nil }
        let quote = u.index(before: last)
        if u[quote] == 0x27, quote > start { return quote }
        // ’ is E2 80 99
        if u[quote] == 0x99, u.distance(from: start, to: quote) >= 3 {
            let q0 = u.index(quote, offsetBy: -2)
            if u[q0] == 0xE2, u[u.index(after: q0)] == 0x80, q0 > start { return q0 }
        }
        return nil
    }

    /// The token keys of a phrase.
    public static func keys(_ phrase: some StringProtocol) -> [UInt64] {
        split(phrase).map { TokenKey.of($0) }
    }
}

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
        if anchoredStart { return match(line, 0, 0) }
        for start in 0...line.count where match(line, start, 0) { return true }
        return false
    }

    private func match(_ s: [UInt8], _ i: Int, _ k: Int) -> Bool {
        if k == pieces.count { return !anchoredEnd || i == s.count }
        switch pieces[k] {
        case .literal(let lit):
            guard i + lit.count <= s.count else { return false }
            for j in 0..<lit.count where s[i + j] != lit[j] { return false }
            return match(s, i + lit.count, k + 1)
        case .number:
            var j = i
            while j < s.count, s[j] >= 0x30 && s[j] <= 0x39 || (j > i && (s[j] == 0x2C || s[j] == 0x2E)) { j += 1 }
            guard j > i else { return false }
            while j > i {
                if match(s, j, k + 1) { return true }
                j -= 1
            }
            return false
        case .any:
            for j in stride(from: s.count, through: i, by: -1) where match(s, j, k + 1) { return true }
            return false
        }
    }
}

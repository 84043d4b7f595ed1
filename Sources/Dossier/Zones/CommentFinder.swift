/// Reader comments in a page flattened to text: numbered or "NAME says:" sequences after a comment heading.
extension ZoneDetector {
    // MARK: Comments

    /// Comment headers ("12. NAME says:", numbered items in sequence after a comment heading) and
    /// the comments they open. Returns the index of the first comment line.
    func findComments(_ lines: [Line]) -> (Int?, [Comment]) {
        var headers: [(line: Int, number: Int?, author: String?, authorSpan: Range<Int>?, contentStart: Int?)] = []
        var numbered: [(line: Int, number: Int, contentStart: Int)] = []
        // By index, and each test called only for lines that may pass it: a line passed on is
        // copied, its arrays retained and released.
        for i in lines.indices {
            let (number, afterMarker) = Self.startsWithDigit(lines[i]) ? numberMarker(lines[i]) : (nil, nil)
            if Self.mayBeSaysHeader(lines[i]), let says = saysHeader(lines[i], from: afterMarker ?? lines[i].start) {
                headers.append((i, number, says.author, says.span, nil))
            } else if let n = number, let a = afterMarker {
                numbered.append((i, n, a))
            }
        }
        // Numbered items in a 1, 2, 3 … sequence near comment headings or "says:" headers count too.
        let sequence = numberedSequence(numbered, sayHeaders: headers.map { ($0.line, $0.number) }, lines: lines)
        for item in sequence { headers.append((item.line, item.number, nil, nil, item.contentStart)) }
        headers.sort { $0.line < $1.line }
        guard !headers.isEmpty else { return (nil, []) }
        var comments: [Comment] = []
        for (k, h) in headers.enumerated() {
            let next = k + 1 < headers.count ? headers[k + 1].line : lines.count
            var start = h.contentStart
            var lastLine = h.line
            var j = h.line + 1
            while j < next, !lines[j].isChrome {
                if start == nil { start = lines[j].start }
                lastLine = j
                j += 1
            }
            guard let s = start else { continue }
            let end = lastLine == h.line && h.contentStart == nil ? s : lines[lastLine].end
            if end > s {
                comments.append(Comment(number: h.number, author: h.author, authorSpan: h.authorSpan, start: s, end: end))
            }
        }
        return (headers.first?.line, comments)
    }

    /// Whether the line's folded text starts with a digit, as a `numberMarker` does.
    static func startsWithDigit(_ line: Line) -> Bool {
        guard let first = line.folded.first else { return false }
        return first >= 0x30 && first <= 0x39
    }

    /// Whether a line passes the first tests of `saysHeader`: short, with a colon.
    static func mayBeSaysHeader(_ line: Line) -> Bool {
        line.length <= 120 && line.present.containsAll(Line.colon)
    }

    /// "12. " at the start of a line: the number and where the text after it starts.
    func numberMarker(_ line: Line) -> (Int?, Int?) {
        // Indexed from 0: the folded bytes are a slice of the text's buffer.
        let f = line.folded.withUnsafeBufferPointer { f -> (digits: Int, marked: Bool) in
            var i = 0
            while i < f.count, i < 5, f[i] >= 0x30 && f[i] <= 0x39 { i += 1 }
            return (i, i > 0 && i < 5 && i + 1 < f.count && f[i] == 0x2E && f[i + 1] == 0x20)
        }
        let i = f.digits
        guard f.marked, let n = Int(String(decoding: line.folded.prefix(i), as: UTF8.self)) else {
            return (nil, nil)
        }
        // Offsets: the folded line starts at line.start and the marker has no collapsed spaces.
        return (n, line.start + i + 2)
    }

    /// "NAME says:" (possibly followed by a few words such as "• Website" or a date).
    func saysHeader(_ line: Line, from: Int) -> (author: String, span: Range<Int>)? {
        // Such a line is folded whole: its folded bytes hold "says" before a colon if its units
        // hold " says:". Most lines with a colon are ruled out there, before a search of the
        // units for " says:", then of the text.
        guard line.length <= 120, line.colonMayFollow(anyOf: Self.saysEnding),
              line.units.withUnsafeBufferPointer({ $0.endOfFirst(Self.saysUnits, in: line.start..<line.end) }) != nil,
              let range = line.text.firstRange(of: " says:") else { return nil }
        let prefixUnits = line.text[..<range.lowerBound].utf16.count
        let after = line.text[range.upperBound...].split(separator: " ").count
        guard after <= 8 else { return nil }
        let headStart = from - line.start
        guard headStart <= prefixUnits else { return nil }
        let utf = Array(line.text.utf16)
        var name = String(decoding: utf[headStart..<prefixUnits], as: UTF16.self)
        var nameEnd = prefixUnits
        if let bullet = name.firstRange(of: " •") {
            name = String(name[..<bullet.lowerBound])
            nameEnd = headStart + name.utf16.count
        }
        let trimmed = name.trimmingCharacters(in: " ")
        guard !trimmed.isEmpty, trimmed.split(separator: " ").count <= 5 else { return nil }
        let lead = name.utf16.count - name.drop(while: { $0 == " " }).utf16.count
        return (trimmed, (line.start + headStart + lead)..<(line.start + nameEnd))
    }

    func numberedSequence(_ items: [(line: Int, number: Int, contentStart: Int)], sayHeaders: [(Int, Int?)],
                          lines: [Line]) -> [(line: Int, number: Int, contentStart: Int)] {
        guard !items.isEmpty else { return [] }
        let sayNumbers = Set(sayHeaders.compactMap { $0.1 })
        var result: [(line: Int, number: Int, contentStart: Int)] = []
        for item in items {
            // Part of a run with the "says:" headers, or with its neighbours.
            let neighbours = sayNumbers.contains(item.number - 1) || sayNumbers.contains(item.number + 1)
                || items.contains { $0.number == item.number + 1 && $0.line > item.line }
                || items.contains { $0.number == item.number - 1 && $0.line < item.line }
            guard neighbours else { continue }
            if !sayNumbers.isEmpty || hasCommentHeading(before: item.line, lines: lines) { result.append(item) }
        }
        return result
    }

    func hasCommentHeading(before index: Int, lines: [Line]) -> Bool {
        for j in stride(from: index - 1, through: max(0, index - 15), by: -1) {
            let text = String(decoding: lines[j].folded, as: UTF8.self)
            if text.contains("comment") || text.contains("repl") || text.contains("responses") { return true }
        }
        return false
    }

    /// " says:", the end of a commenter's header line, as UTF-16.
    static let saysUnits: [UInt16] = Array(" says:".utf16)
    /// "says" as `Line.colonFollows(anyOf:in:)` looks for it before a colon.
    static let saysEnding: [UInt32] = [Line.ending("says")]
}

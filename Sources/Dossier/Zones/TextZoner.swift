/// Text-only rules beyond the line classes: hard-wrapped dumps (lynx, w3m) read as paragraphs,
/// comment-section headings that end the article, and the lines inside the body run that are not
/// body (chrome, captions, datelines).
extension ZoneDetector {
    /// The UTF-16 column where the line holding `line` starts its raw text (before indentation).
    static func rawLineStart(_ units: [UInt16], _ start: Int) -> Int {
        var s = start
        while s > 0, units[s - 1] != 0x0A, units[s - 1] != 0x2029 { s -= 1 }
        return s
    }

    /// Joins the lines of hard-wrapped paragraphs (a dump at a fixed width) into one line each, so
    /// that a paragraph is scored as a whole. Text that is not wrapped comes back as it is.
    func mergeWrapped(_ lines: [Line], units: [UInt16]) -> [Line] {
        guard lines.count >= 8 else { return lines }
        // A line wider than 140 columns is no wrapped dump's: most texts stop at their first paragraph.
        // By index: a line taken out of the array is copied, its arrays retained and released.
        for i in lines.indices where lines[i].end - Self.rawLineStart(units, lines[i].start) > 140 { return lines }
        // Raw widths: where each line ends, counted from its line start.
        var widths = [Int](repeating: 0, count: lines.count)
        for i in lines.indices { widths[i] = lines[i].end - Self.rawLineStart(units, lines[i].start) }
        // The wrap width: most long lines end within a few columns of it.
        let sorted = widths.sorted()
        let width = sorted[sorted.count * 95 / 100]
        guard width >= 50 else { return lines }
        let full = widths.filter { $0 >= width - 15 }.count
        guard full * 5 >= lines.count, full >= 4 else { return lines }
        var out: [Line] = []
        out.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            var j = i
            // A filled line continues on the next one unless a blank line or a list marker intervenes.
            while j + 1 < lines.count, widths[j] >= width - 20, !lines[j + 1].afterBlank, !Self.startsListItem(units, lines[j + 1].start),
                  Line.isWordUnit(units[lines[j].end - 1]) || ",.;:'\"”’)-".utf16.contains(units[lines[j].end - 1]) {
                j += 1
            }
            if j == i {
                out.append(lines[i])
            } else {
                var merged = Line(start: lines[i].start, end: lines[j].end, units: units, features: features, afterBlank: lines[i].afterBlank)
                // Words do not run across lines: the merged line's content words are its lines' ones.
                if let first = lines[i].contentKeys, let last = lines[j].contentKeys, lines[i...j].allSatisfy({ $0.contentKeys != nil }) {
                    merged.contentKeys = first.lowerBound..<last.upperBound
                }
                out.append(merged)
            }
            i = j + 1
        }
        return out
    }

    static func startsListItem(_ units: [UInt16], _ start: Int) -> Bool {
        let u = units[start]
        if u == 0x2A || u == 0x2022 || u == 0x2D || u == 0x2013 { return start + 1 < units.count && units[start + 1] == 0x20 }
        return false
    }

    /// The first line that opens a comment section ("12 comments", "Leave a Reply", "Readers'
    /// comments") after the article's prose has started.
    func commentHeading(_ lines: [Line], upTo limit: Int) -> Int? {
        var prose = 0
        // By index: a line taken out of the array is copied, its arrays retained and released.
        for i in 0..<limit {
            // The prose first: lines before 400 units of it are not matched at all.
            if prose >= 400, lines[i].words <= 12, features.commentHeadings.matches(lines[i].folded, present: lines[i].present) { return i }
            if classify(lines[i]) == .good { prose += lines[i].length }
        }
        return nil
    }

    /// The body run without the lines inside it that are not body: chrome ("Advertisement",
    /// "Read more: …"), captions and datelines. Returns the body's spans as line ranges, and caption lines.
    func carveBody(_ lines: [Line], _ body: Range<Int>) -> (spans: [Range<Int>], captions: [Int]) {
        var spans: [Range<Int>] = []
        // Room for the few runs most bodies break into: grown from empty, the array was
        // allocated twice or more in most documents.
        spans.reserveCapacity(8)
        var captions: [Int] = []
        var start: Int? = nil
        for i in body {
            // No copy of the line: only short ones can be datelines.
            let out = lines[i].isChrome || (lines[i].isCaption && lines[i].words <= 40)
                || lines[i].words <= 12 && isDateline(lines[i]) || Self.isPlaceholder(lines[i])
            if lines[i].isCaption && !lines[i].isChrome && lines[i].words <= 40 { captions.append(i) }
            if out {
                if let s = start { spans.append(s..<i); start = nil }
            } else if start == nil {
                start = i
            }
        }
        if let s = start { spans.append(s..<body.upperBound) }
        // A headline-like first line (no final stop) is the title, not body.
        if let first = spans.first, first.count > 1 || spans.count > 1 {
            // By index: a line taken out of the array is copied, its arrays retained and released.
            let k = first.lowerBound
            if !lines[k].endsSentence && lines[k].words <= 25 && lines[k].length < 160 {
                spans[0] = (first.lowerBound + 1)..<first.upperBound
                if spans[0].isEmpty { spans.removeFirst() }
            }
        }
        return (spans, captions)
    }

    /// "[p]", "[IMG]", "[image]": a dump's placeholder for a picture.
    static func isPlaceholder(_ line: Line) -> Bool {
        line.words <= 2 && line.length <= 12 && line.units[line.start] == 0x5B && line.units[line.end - 1] == 0x5D
    }
}

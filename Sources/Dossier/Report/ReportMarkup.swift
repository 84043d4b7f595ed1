/// A document's text with its records as nested marks: zones as blocks (outermost), then quotes
/// and claims, then entities, then figures. Spans that cross are split at the crossing, so the HTML
/// always nests; each piece carries its record's classes and hover title.
///
/// The nesting is worked out here once, as a list of operations (open a span, close the last one,
/// write the text up to an offset, skip white space between zone blocks). `html()` runs them in
/// Swift for a report's inline view; `report.js` runs the same list from JSON for lazy views, so
/// both build the same marks.
struct ReportMarkup {
    enum Op: Equatable {
        /// Opens span `n` (an index into `spans`).
        case open(Int)
        /// Closes the span opened last.
        case close
        /// Writes the text from the current offset up to this UTF-16 offset.
        case text(Int)
        /// Moves to this UTF-16 offset without writing (white space between zone blocks).
        case skip(Int)
    }

    struct Kind: Equatable {
        var tag: String
        var cls: String
        var zone: String?
    }

    /// The text as UTF-16, with characters that HTML forbids replaced (one unit for one unit).
    var text: [UInt16]
    /// Distinct tags and classes.
    var kinds: [Kind] = []
    /// Distinct hover titles.
    var titles: [String] = []
    /// Each span: its kind and title (-1 for none), indices into `kinds` and `titles`.
    var spans: [(kind: Int, title: Int)] = []
    var ops: [Op] = []

    struct Span {
        var start: Int
        var end: Int
        var layer: Int
        var index: Int
        var kind: Kind
        var title: String?
    }

    /// The marks of `records` over `text`. Records whose offsets do not fit the text are left out.
    init(text string: String, records: [Record]) {
        let scalars = Array(string.unicodeScalars)
        // Code point offsets → UTF-16 offsets; the text sanitised unit for unit.
        var u16: [Int] = []
        u16.reserveCapacity(scalars.count + 1)
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count + scalars.count / 8)
        for u in scalars {
            u16.append(units.count)
            if HTMLEscape.isForbidden(u) {
                units.append(0xFFFD)
                if u.value > 0xFFFF { units.append(0xFFFD) }
            } else {
                units.append(contentsOf: UTF16.encode(u)!)
            }
        }
        u16.append(units.count)
        text = units

        var raw: [Span] = []
        for (i, r) in records.enumerated() {
            guard var s = r.start, var e = r.end, s >= 0, e > s, e <= scalars.count,
                  let (layer, kind, title) = Self.tag(r) else { continue }
            if layer == 0 {
                // Zones are blocks: the blank lines around them are the blocks' edges.
                while s < e, scalars[s].properties.isWhitespace { s += 1 }
                while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
                if s == e { continue }
            }
            raw.append(Span(start: s, end: e, layer: layer, index: i, kind: kind, title: title))
        }
        var kindIndex: [String: Int] = [:], titleIndex: [String: Int] = [:]
        for s in raw {
            let key = s.kind.tag + " " + s.kind.cls + " " + (s.kind.zone ?? "")
            let k: Int
            if let found = kindIndex[key] { k = found } else { k = kinds.count; kinds.append(s.kind); kindIndex[key] = k }
            var h = -1
            if let t = s.title {
                if let found = titleIndex[t] { h = found } else { h = titles.count; titles.append(t); titleIndex[t] = h }
            }
            spans.append((k, h))
        }
        guard !raw.isEmpty else {
            if !scalars.isEmpty { ops = [.text(units.count)] }
            return
        }
        let zoned = raw.contains { $0.layer == 0 }
        var bounds = Set<Int>([0, scalars.count])
        for s in raw { bounds.insert(s.start); bounds.insert(s.end) }
        let points = bounds.sorted()
        let byStart = raw.indices.sorted { raw[$0].start < raw[$1].start }
        var next = 0
        var active: [Int] = []      // spans covering the current segment
        var stack: [Int] = []       // spans open in the output
        func order(_ a: Int, _ b: Int) -> Bool {
            let x = raw[a], y = raw[b]
            return (x.layer, x.start, -x.end, x.index) < (y.layer, y.start, -y.end, y.index)
        }
        for k in 0..<(points.count - 1) {
            let a = points[k], b = points[k + 1]
            active.removeAll { raw[$0].end <= a }
            while next < byStart.count, raw[byStart[next]].start <= a {
                if raw[byStart[next]].end > a { active.append(byStart[next]) }
                next += 1
            }
            let want = active.sorted(by: order)
            var common = 0
            while common < stack.count, common < want.count, stack[common] == want[common] { common += 1 }
            while stack.count > common { stack.removeLast(); ops.append(.close) }
            for s in want[common...] { ops.append(.open(s)); stack.append(s) }
            // Between zone blocks, white space only separates the blocks: leave it to the style.
            if zoned, stack.isEmpty, scalars[a..<b].allSatisfy({ $0.properties.isWhitespace }) {
                ops.append(.skip(u16[b]))
            } else {
                ops.append(.text(u16[b]))
            }
        }
        while stack.popLast() != nil { ops.append(.close) }
    }

    /// The marked text as HTML.
    func html() -> String {
        var out = ""
        out.reserveCapacity(text.count + text.count / 2 + spans.count * 60)
        var at = 0
        var stack: [String] = []
        for op in ops {
            switch op {
            case .open(let n):
                let kind = kinds[spans[n].kind]
                out += "<\(kind.tag) class=\"\(kind.cls)\""
                if let z = kind.zone { out += " data-zone=\"\(HTMLEscape.attribute(z))\"" }
                if spans[n].title >= 0 { out += " title=\"\(HTMLEscape.attribute(titles[spans[n].title]))\"" }
                out += ">"
                stack.append(kind.tag)
            case .close:
                out += "</\(stack.removeLast())>"
            case .text(let end):
                out += HTMLEscape.text(String(decoding: text[at..<end], as: UTF16.self))
                at = end
            case .skip(let end):
                at = end
            }
        }
        return out
    }

    /// The markup as JSON for `report.js`: `{"k": [[tag, class, zone]], "h": [titles],
    /// "p": [[kind, title]], "o": ops}` where an op is `n ≥ 0` (write the text up to offset n),
    /// `[n]` (skip to n), `-1` (close) or `-(i + 2)` (open span i). The text travels separately.
    func json() -> JSONValue {
        .object(JSONObject([
            ("k", .array(kinds.map { .array([.string($0.tag), .string($0.cls), .optional($0.zone)]) })),
            ("h", .array(titles.map { .string($0) })),
            ("p", .array(spans.map { .array([.int($0.kind), .int($0.title)]) })),
            ("o", .array(ops.map { op -> JSONValue in
                switch op {
                case .open(let n): return .int(-(n + 2))
                case .close: return .int(-1)
                case .text(let p): return .int(p)
                case .skip(let p): return .array([.int(p)])
                }
            })),
        ]))
    }

    /// The sanitised text, as a string.
    var displayText: String { String(decoding: text, as: UTF16.self) }

    /// The layer, tag and title of a record's mark; nil for kinds that are not marked.
    static func tag(_ r: Record) -> (Int, Kind, String?)? {
        let type = r.type ?? ""
        switch r.kind {
        case "zone":
            return (0, Kind(tag: "div", cls: "zone z-\(cssName(type))", zone: type), nil)
        case "quote", "claim":
            let cls = r.kind == "quote" ? "q q-\(cssName(type))" : "q claim"
            return (1, Kind(tag: "span", cls: cls), ReportText.quoteTitle(r))
        case "entity":
            return (2, Kind(tag: "mark", cls: "ent ent-\(cssName(type))"), ReportText.entityTitle(r))
        case "figure":
            return (3, Kind(tag: "mark", cls: "fig"), ReportText.figureTitle(r))
        default:
            return nil
        }
    }

    /// A type name reduced to a CSS class name: lower-case letters, digits and hyphens.
    static func cssName(_ s: String) -> String {
        var out = ""
        for u in s.lowercased().unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) { out.unicodeScalars.append(u) }
            else if !out.isEmpty, !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "other" : out
    }
}

/// How records read to a person: hover titles and table cells.
enum ReportText {
    static func entityTitle(_ r: Record) -> String {
        var s = "\(r.type ?? "entity"): \(r.string("canonical") ?? r.text ?? "")"
        if let id = r.string("id") { s += " [\(id)]" }
        if let t = r.string("title") { s += " — title: \(t)" }
        return s
    }

    static func figureTitle(_ r: Record) -> String {
        "\(r.type ?? "figure"): " + figureValue(r)
    }

    /// "over 300 people", "5 percent", "10–20 days".
    static func figureValue(_ r: Record) -> String {
        var parts: [String] = []
        if let q = r.string("qualifier") { parts.append(q) }
        if let lo = r["low"]?.reportNumber, let hi = r["high"]?.reportNumber {
            parts.append("\(number(lo))–\(number(hi))")
        } else if let v = r["value"]?.reportNumber {
            parts.append(number(v))
        } else {
            parts.append("?")
        }
        if let u = r.string("unit") { parts.append(u) }
        return parts.joined(separator: " ")
    }

    static func quoteTitle(_ r: Record) -> String {
        let what = r.kind == "claim" ? "claim" : "\(r.type ?? "") quote"
        guard let speaker = r.string("speaker") else { return "\(what) — no speaker" }
        var s = "\(what) — \(speaker)"
        if case .object(let m)? = r["speaker_mention"], let t = m.reportString("text"), t != speaker { s += " (as “\(t)”)" }
        if case .object(let c)? = r["cue"], let t = c.reportString("text") { s += ", \(t)" }
        return s
    }

    /// A number with thousands separators; fractions kept as they are.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "?" }
        if d == d.rounded(), abs(d) < 1e15 { return grouped(Int(d)) }
        return "\(d)"
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}

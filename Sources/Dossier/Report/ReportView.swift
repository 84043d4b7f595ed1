/// One document's view: its header, its text with marks, and tables of who said what, its
/// entities and its figures. Built once from the records; written as HTML here for an inline view,
/// or as JSON (`json()`) for `report.js` to write the same HTML when the document is opened.
struct ReportView {
    var index: Int
    var title: String
    var id: String
    var meta: String
    /// Whether the view has a link back to the document list (in a corpus).
    var back: Bool
    var error: String?
    var note: String?
    var markup: ReportMarkup?
    var said: [(speaker: String?, kind: String, text: String)] = []
    var entities: [(name: String, type: String, count: Int, forms: String, cls: String)] = []
    var figures: [(text: String, type: String, value: String, zone: String)] = []

    init(_ d: ReportDocument, index: Int, title: String, corpus: Bool) {
        self.index = index
        self.title = title
        id = d.id
        back = corpus
        error = d.error
        var n = (e: 0, f: 0, q: 0, c: 0)
        struct Row { var type: String; var name: String; var count = 0; var forms: [String] = [] }
        var rows: [String: Row] = [:]
        var order: [String] = []
        for r in d.records {
            switch r.kind {
            case "entity":
                n.e += 1
                let name = r.string("canonical") ?? r.text ?? ""
                let key = (r.type ?? "") + "\t" + name
                if rows[key] == nil { rows[key] = Row(type: r.type ?? "", name: name); order.append(key) }
                rows[key]!.count += 1
                if let t = r.text, !rows[key]!.forms.contains(t) { rows[key]!.forms.append(t) }
            case "figure":
                n.f += 1
                figures.append((r.text ?? "", r.type ?? "", ReportText.figureValue(r), r.string("zone") ?? ""))
            case "quote", "claim":
                if r.kind == "quote" { n.q += 1 } else { n.c += 1 }
                said.append((r.string("speaker"), r.kind == "claim" ? "claim" : "\(r.type ?? "") quote", r.text ?? ""))
            default:
                break
            }
        }
        entities = order.compactMap { rows[$0] }
            .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
            .map { ($0.name, $0.type, $0.count, $0.forms.joined(separator: ", "), "ent-" + ReportMarkup.cssName($0.type)) }
        meta = "\(HTMLReport.plural(n.e, "entity", "entities")) · \(HTMLReport.plural(n.f, "figure")) · \(HTMLReport.plural(n.q, "quote")) · \(HTMLReport.plural(n.c, "claim"))"
        note = d.note
        if let text = d.text {
            let bad = d.mismatches(in: Array(text.unicodeScalars))
            if bad > 0 {
                note = "The text found for this document does not match its records (\(HTMLReport.plural(bad, "record"))); records only."
            } else {
                markup = ReportMarkup(text: text, records: d.records)
            }
        } else if note == nil {
            note = "The text of this document was not found; records only."
        }
    }

    static let legend = """
    <p class="legend"><span class="key ent-person">person</span> <span class="key ent-place">place</span> \
    <span class="key ent-organisation">organisation</span> <span class="key fig">figure</span> \
    <span class="key q q-direct">quote</span> <span class="key q claim">claim</span> \
    <span class="key z-boilerplate">boilerplate</span> <span class="hint">Hover a mark for its name, value or speaker.</span></p>

    """

    /// The view as HTML (`report.js` writes the same from `json()`: keep the two in step).
    func html() -> String {
        typealias E = HTMLEscape
        var out = "<article class=\"doc\" id=\"doc-\(index)\">\n<header class=\"dochead\">\n"
        if back { out += "<p class=\"back\"><a href=\"#documents\">← All documents</a></p>\n" }
        out += "<h2>\(E.text(title))</h2>\n"
        out += "<p class=\"meta\"><code>\(E.text(id))</code> · \(E.text(meta))</p>\n"
        if let error { out += "<p class=\"note error\">Error: \(E.text(error))</p>\n" }
        if let note { out += "<p class=\"note\">\(E.text(note))</p>\n" }
        out += "</header>\n"
        if let markup {
            out += Self.legend
            out += "<div class=\"text\">" + markup.html() + "</div>\n"
        }
        if !said.isEmpty {
            out += "<details open><summary>Who said what (\(said.count))</summary>\n<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\">Kind</th><th scope=\"col\">Words</th></tr></thead>\n<tbody>\n"
            for s in said {
                let speaker = s.speaker.map { E.text($0) } ?? "<span class=\"none\">nobody</span>"
                out += "<tr><td>\(speaker)</td><td><span class=\"tag\">\(E.text(s.kind))</span></td><td>“\(E.text(s.text))”</td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n</details>\n"
        }
        if !entities.isEmpty {
            out += "<details open><summary>Entities (\(entities.count))</summary>\n<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th scope=\"col\" class=\"num\">Mentions</th><th scope=\"col\">As written</th></tr></thead>\n<tbody>\n"
            for r in entities {
                out += "<tr><td><span class=\"key \(r.cls)\">\(E.text(r.name))</span></td><td>\(E.text(r.type))</td><td class=\"num\">\(r.count)</td><td>\(E.text(r.forms))</td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n</details>\n"
        }
        if !figures.isEmpty {
            out += "<details open><summary>Figures (\(figures.count))</summary>\n<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th scope=\"col\">As written</th><th scope=\"col\">Category</th><th scope=\"col\">Value</th><th scope=\"col\">Zone</th></tr></thead>\n<tbody>\n"
            for r in figures {
                out += "<tr><td>\(E.text(r.text))</td><td>\(E.text(r.type))</td><td>\(E.text(r.value))</td><td>\(E.text(r.zone))</td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n</details>\n"
        }
        out += "</article>\n"
        return out
    }

    /// The view's data for `report.js`: `{"i", "t", "id", "m", "b", "err", "note", "x", "mk", "q",
    /// "en", "fi"}` (see `renderView` in `ReportScript`).
    func json() -> JSONValue {
        var o = JSONObject()
        o["i"] = .int(index)
        o["t"] = .string(title)
        o["id"] = .string(id)
        o["m"] = .string(meta)
        if back { o["b"] = .bool(true) }
        if let error { o["err"] = .string(error) }
        if let note { o["note"] = .string(note) }
        if let markup {
            o["x"] = .string(markup.displayText)
            o["mk"] = markup.json()
        }
        o["q"] = .array(said.map { .array([.optional($0.speaker), .string($0.kind), .string($0.text)]) })
        o["en"] = .array(entities.map { .array([.string($0.name), .string($0.type), .int($0.count), .string($0.forms), .string($0.cls)]) })
        o["fi"] = .array(figures.map { .array([.string($0.text), .string($0.type), .string($0.value), .string($0.zone)]) })
        return .object(o)
    }
}

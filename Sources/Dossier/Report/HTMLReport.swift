/// Settings of an HTML report.
public struct ReportOptions: Sendable {
    /// The page's title.
    public var title = "Dossier report"
    /// Rows a page of the document list.
    public var pageSize = 50
    /// Rows of each "most frequent" chart.
    public var top = 12
    /// Speakers in the "who said what" table of a corpus.
    public var maxSpeakers = 100
    /// Quotes and claims listed per speaker in that table (the rest are counted).
    public var maxSaidPerSpeaker = 6

    public init() {}
}

/// `dossier report`: one self-contained HTML page (CSS and JS inline, no network) that shows
/// articles with their entities, figures and quotes marked, who said what, a corpus overview, or
/// a diff side by side.
///
/// The page stays small and opens at once for large corpora: the overview is summarised when the
/// report is written, the document list is paginated, and each document's view is kept as a JSON
/// string in its own `<script type="application/json" id="v-N">` block, turned into HTML only when
/// the document is opened (`#doc-N`). A report of one document shows its view inline.
public enum HTMLReport {
    /// A report of documents: one article's view, or a corpus overview with lazy document views.
    public static func render(_ docs: [ReportDocument], options: ReportOptions = ReportOptions()) -> String {
        let single = docs.count == 1
        let stats = ReportStats(docs, keepSaid: single ? Int.max : options.maxSaidPerSpeaker)
        var page = PageWriter(options: options)
        let subtitle = single
            ? "\(plural(stats.entities, "entity", "entities")) · \(plural(stats.figures, "figure")) · \(plural(stats.quotes, "quote")) · \(plural(stats.claims, "claim"))"
            : "\(plural(docs.count, "document")) · \(plural(stats.entities, "entity", "entities")) · \(plural(stats.figures, "figure")) · \(plural(stats.quotes, "quote")) · \(plural(stats.claims, "claim"))"
        var nav: [(String, String)] = []
        if single { nav.append(("#doc-0", "Article")) }
        nav += [("#overview", "Overview"), ("#speakers", "Who said what")]
        if !single { nav.append(("#documents", "Documents")) }
        page.head(subtitle: subtitle, nav: nav)
        let titles = docs.map { $0.title ?? $0.id }

        if single {
            page.out += "<section id=\"view\" class=\"view\">\n"
            page.out += documentView(docs[0], index: 0, corpus: false, titles: titles).html()
            page.out += "</section>\n"
        } else {
            page.out += "<section id=\"view\" class=\"view\" hidden></section>\n"
        }
        page.out += overview(stats, titles: titles, options: options, corpus: !single)
        page.out += speakers(stats, titles: titles, options: options, corpus: !single)
        if !single {
            var rows: [[JSONValue]] = []
            for (i, d) in docs.enumerated() {
                var n = (e: 0, f: 0, q: 0)
                for r in d.records {
                    switch r.kind {
                    case "entity": n.e += 1
                    case "figure": n.f += 1
                    case "quote", "claim": n.q += 1
                    default: break
                    }
                }
                var note = d.error.map { "error: \($0)" } ?? ""
                if note.isEmpty, d.text == nil { note = "records only" }
                rows.append([.int(i), .string(titles[i]), .string(d.id), .int(n.e), .int(n.f), .int(n.q), .string(note)])
            }
            page.documentList(heading: "Documents", columns: ["Entities", "Figures", "Quotes and claims"], rows: rows)
            page.views = docs.indices.map { i in { documentView(docs[i], index: i, corpus: true, titles: titles).json() } }
        }
        return page.finish()
    }

    /// A report of a diff: the summary, then each document's changes side by side (lazily for more
    /// than one document).
    public static func render(diff: ReportDiff, options: ReportOptions = ReportOptions()) -> String {
        // Group rows by document, in order of first appearance.
        var order: [String] = []
        var groups: [String: [JSONObject]] = [:]
        for row in diff.rows {
            let doc = row.reportString("doc") ?? ""
            if groups[doc] == nil { order.append(doc) }
            groups[doc, default: []].append(row)
        }
        var counts = (added: 0, removed: 0, changed: 0)
        var byKind: [String: (added: Int, removed: Int, changed: Int)] = [:]
        for row in diff.rows {
            let kind = row.reportString("kind") ?? "?"
            var k = byKind[kind] ?? (0, 0, 0)
            switch row.reportString("change") {
            case "added": counts.added += 1; k.added += 1
            case "removed": counts.removed += 1; k.removed += 1
            default: counts.changed += 1; k.changed += 1
            }
            byKind[kind] = k
        }
        let single = order.count == 1
        var page = PageWriter(options: options)
        let total = counts.added + counts.removed + counts.changed
        var subtitle = "\(plural(total, "change")) in \(plural(order.count, "document"))"
        if let s = diff.summary, let n = s.reportInt("documents") { subtitle += " of \(n)" }
        subtitle += ": \(counts.added) added, \(counts.removed) removed, \(counts.changed) changed"
        page.head(subtitle: subtitle, nav: single ? [("#doc-0", "Changes"), ("#overview", "Summary")] : [("#overview", "Summary"), ("#documents", "Documents")])

        if single {
            page.out += "<section id=\"view\" class=\"view\">\n" + diffView(order[0], groups[order[0]]!, index: 0, corpus: false) + "</section>\n"
        } else {
            page.out += "<section id=\"view\" class=\"view\" hidden></section>\n"
        }
        // Summary: changes by kind.
        var s = "<section id=\"overview\">\n<h2>Summary</h2>\n"
        if !diff.source.isEmpty { s += "<p class=\"meta\">\(HTMLEscape.text(diff.source))</p>\n" }
        if let sum = diff.summary, let troubles = sum.reportInt("troubles"), troubles > 0 {
            s += "<p class=\"note\">\(plural(troubles, "document")) could not be compared (see the diff's messages).</p>\n"
        }
        if byKind.isEmpty {
            s += "<p class=\"empty\">No changes.</p>\n"
        } else {
            s += "<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Changes</th><th scope=\"col\" class=\"num\">Added</th><th scope=\"col\" class=\"num\">Removed</th><th scope=\"col\" class=\"num\">Changed</th></tr></thead>\n<tbody>\n"
            let kinds = byKind.sorted { ($1.value.added + $1.value.removed + $1.value.changed, $0.key) < ($0.value.added + $0.value.removed + $0.value.changed, $1.key) }
            let most = kinds.first.map { $0.value.added + $0.value.removed + $0.value.changed } ?? 1
            for (kind, k) in kinds {
                let n = k.added + k.removed + k.changed
                s += "<tr><th scope=\"row\">\(HTMLEscape.text(kind))</th>\(barCell(n, of: most, cls: "b-diff"))<td class=\"num add\">\(k.added)</td><td class=\"num del\">\(k.removed)</td><td class=\"num chg\">\(k.changed)</td></tr>\n"
            }
            s += "</tbody>\n</table></div>\n"
        }
        s += "</section>\n"
        page.out += s
        if !single {
            var rows: [[JSONValue]] = []
            for (i, doc) in order.enumerated() {
                var n = (a: 0, r: 0, c: 0)
                var old: String?
                for row in groups[doc]! {
                    switch row.reportString("change") {
                    case "added": n.a += 1
                    case "removed": n.r += 1
                    default: n.c += 1
                    }
                    if old == nil { old = row.reportString("old_doc") }
                }
                rows.append([.int(i), .string(doc), .string(old.map { "was \($0)" } ?? ""), .int(n.a), .int(n.r), .int(n.c), .string("")])
            }
            page.documentList(heading: "Documents with changes", columns: ["Added", "Removed", "Changed"], rows: rows)
            page.views = order.enumerated().map { i, doc in { .string(diffView(doc, groups[doc]!, index: i, corpus: true)) } }
        }
        return page.finish()
    }

    // MARK: Document view

    static func documentView(_ d: ReportDocument, index: Int, corpus: Bool, titles: [String]) -> ReportView {
        ReportView(d, index: index, title: titles[index], corpus: corpus)
    }

    // MARK: Overview

    static func overview(_ stats: ReportStats, titles: [String], options: ReportOptions, corpus: Bool) -> String {
        var out = "<section id=\"overview\">\n<h2>\(corpus ? "Overview" : "In this article")</h2>\n<div class=\"cards\">\n"
        let groups: [(String, String)] = [("person", "People"), ("place", "Places"), ("organisation", "Organisations")]
            + stats.otherEntityTypes.map { ($0, $0.prefix(1).uppercased() + $0.dropFirst()) }
        for (type, heading) in groups {
            let rows = stats.topEntities(type, options.top)
            out += "<div class=\"card\">\n<h3>\(HTMLEscape.text(heading))</h3>\n"
            if rows.isEmpty {
                out += "<p class=\"empty\">None found.</p>\n</div>\n"
                continue
            }
            out += "<table class=\"bars\">\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Mentions</th>\(corpus ? "<th scope=\"col\" class=\"num\">Docs</th>" : "")</tr></thead>\n<tbody>\n"
            let most = rows[0].mentions
            for r in rows {
                let name = corpus
                    ? "<a href=\"#doc-\(r.bestDoc)\" title=\"\(HTMLEscape.attribute("most mentions in: " + titles[r.bestDoc]))\">\(HTMLEscape.text(r.name))</a>"
                    : HTMLEscape.text(r.name)
                out += "<tr><th scope=\"row\">\(name)</th>\(barCell(r.mentions, of: most, cls: "b-\(ReportMarkup.cssName(type))"))\(corpus ? "<td class=\"num\">\(r.docs)</td>" : "")</tr>\n"
            }
            out += "</tbody>\n</table>\n</div>\n"
        }
        // Most quoted people.
        let speakers = stats.topSpeakers(options.top)
        out += "<div class=\"card\">\n<h3>Most quoted</h3>\n"
        if speakers.isEmpty {
            out += "<p class=\"empty\">No attributed quotes or claims.</p>\n"
        } else {
            out += "<table class=\"bars\">\n<thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\">Quotes and claims</th>\(corpus ? "<th scope=\"col\" class=\"num\">Docs</th>" : "")</tr></thead>\n<tbody>\n"
            let most = speakers[0].total
            for r in speakers {
                let name = corpus ? "<a href=\"#doc-\(r.firstDoc)\">\(HTMLEscape.text(r.name))</a>" : HTMLEscape.text(r.name)
                out += "<tr><th scope=\"row\">\(name)</th>\(barCell(r.total, of: most, cls: "b-quote"))\(corpus ? "<td class=\"num\">\(r.docs)</td>" : "")</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</div>\n</div>\n"
        // Figures by category.
        out += "<h3>Figures by category</h3>\n"
        let cats = stats.figureCategories
        if cats.isEmpty {
            out += "<p class=\"empty\">No figures.</p>\n"
        } else {
            out += "<div class=\"scroll\"><table class=\"grid bars\">\n<thead><tr><th scope=\"col\">Category</th><th scope=\"col\">Figures</th>\(corpus ? "<th scope=\"col\" class=\"num\">Docs</th>" : "")<th scope=\"col\">Range</th><th scope=\"col\">Largest</th></tr></thead>\n<tbody>\n"
            let most = cats[0].count
            for c in cats {
                let range = c.low.isFinite ? (c.low == c.high ? ReportText.number(c.low) : "\(ReportText.number(c.low)) – \(ReportText.number(c.high))") : "–"
                var largest = "–"
                if let l = c.largest {
                    largest = "“\(HTMLEscape.text(l.text))” <span class=\"dim\">(\(HTMLEscape.text(l.value)))</span>"
                    if corpus { largest = "<a href=\"#doc-\(l.doc)\">\(largest)</a> <span class=\"dim\">in \(HTMLEscape.text(titles[l.doc]))</span>" }
                }
                out += "<tr><th scope=\"row\">\(HTMLEscape.text(c.type))</th>\(barCell(c.count, of: most, cls: "b-figure"))\(corpus ? "<td class=\"num\">\(c.docs)</td>" : "")<td>\(range)</td><td>\(largest)</td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
        }
        out += "</section>\n"
        return out
    }

    // MARK: Who said what

    static func speakers(_ stats: ReportStats, titles: [String], options: ReportOptions, corpus: Bool) -> String {
        var out = "<section id=\"speakers\">\n<h2>Who said what</h2>\n"
        var rows = stats.topSpeakers(corpus ? options.maxSpeakers : Int.max)
        if stats.unattributed.total > 0 { rows.append(stats.unattributed) }
        if rows.isEmpty {
            return out + "<p class=\"empty\">No quotes or claims.</p>\n</section>\n"
        }
        if corpus, stats.speakerRows.count > options.maxSpeakers {
            out += "<p class=\"meta\">The \(options.maxSpeakers) speakers most quoted, of \(stats.speakerRows.count).</p>\n"
        }
        out += "<div class=\"scroll\"><table class=\"grid said\">\n<thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\" class=\"num\">Quotes</th><th scope=\"col\" class=\"num\">Claims</th>\(corpus ? "<th scope=\"col\" class=\"num\">Docs</th>" : "")<th scope=\"col\">What they said</th></tr></thead>\n<tbody>\n"
        for r in rows {
            let name = r.name.isEmpty ? "<span class=\"none\">no speaker</span>" : HTMLEscape.text(r.name)
            out += "<tr><th scope=\"row\">\(name)</th><td class=\"num\">\(r.quotes)</td><td class=\"num\">\(r.claims)</td>\(corpus ? "<td class=\"num\">\(r.docs)</td>" : "")<td><ul class=\"saidlist\">\n"
            for s in r.said {
                let kind = s.kind == "claim" ? "claim" : s.type
                var item = "<li><span class=\"tag\">\(HTMLEscape.text(kind))</span> “\(HTMLEscape.text(s.text))”"
                if corpus { item += " <a class=\"src\" href=\"#doc-\(s.doc)\">\(HTMLEscape.text(titles[s.doc]))</a>" }
                out += item + "</li>\n"
            }
            if r.total > r.said.count { out += "<li class=\"more\">and \(r.total - r.said.count) more</li>\n" }
            out += "</ul></td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"
        return out
    }

    // MARK: Diff view

    static func diffView(_ doc: String, _ rows: [JSONObject], index: Int, corpus: Bool) -> String {
        var out = "<article class=\"doc diff\" id=\"doc-\(index)\">\n<header class=\"dochead\">\n"
        if corpus { out += "<p class=\"back\"><a href=\"#documents\">← All documents</a></p>\n" }
        out += "<h2>\(HTMLEscape.text(doc))</h2>\n"
        if let old = rows.lazy.compactMap({ $0.reportString("old_doc") }).first {
            out += "<p class=\"meta\">was <code>\(HTMLEscape.text(old))</code></p>\n"
        }
        out += "</header>\n<div class=\"scroll\"><table class=\"grid sxs\">\n<thead><tr><th scope=\"col\">What</th><th scope=\"col\">Old</th><th scope=\"col\">New</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let change = row.reportString("change") ?? "changed"
            let kind = row.reportString("kind") ?? ""
            let type = row.reportString("type")
            var fields: Set<String> = []
            if case .array(let f)? = row["fields"] { for case .string(let s) in f { fields.insert(s) } }
            let sign = change == "added" ? "+" : change == "removed" ? "−" : "~"
            out += "<tr class=\"c-\(ReportMarkup.cssName(change))\"><th scope=\"row\"><span class=\"sign\">\(sign)</span> \(HTMLEscape.text(kind))"
            if let type { out += "<br><span class=\"dim\">\(HTMLEscape.text(type))</span>" }
            out += "</th>"
            out += side(row.reportObject("old"), kind: kind, fields: fields, cls: "old")
            out += side(row.reportObject("new"), kind: kind, fields: fields, cls: "new")
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n</article>\n"
        return out
    }

    /// One side of a change: the extraction's words, then its details, then its sentence.
    static func side(_ o: JSONObject?, kind: String, fields: Set<String>, cls: String) -> String {
        guard let o else { return "<td class=\"\(cls) absent\">—</td>" }
        var out = "<td class=\"\(cls)\">"
        func field(_ name: String, _ html: String) -> String {
            fields.contains(name) ? "<strong class=\"diffed\">\(html)</strong>" : html
        }
        var r = Record(doc: "", kind: kind)
        r.object = o
        r["kind"] = .string(kind)
        if let t = o.reportString("text") { out += "<div class=\"words\">\(field("text", "“" + HTMLEscape.text(t) + "”"))</div>" }
        var details: [String] = []
        switch kind {
        case "entity":
            if let c = o.reportString("canonical") { details.append(field("canonical", HTMLEscape.text(c))) }
            if let id = o.reportString("id") { details.append(field("id", "id " + HTMLEscape.text(id))) }
            if let n = o.reportInt("count") { details.append(field("count", plural(n, "mention"))) }
        case "figure":
            details.append(field("value", HTMLEscape.text(ReportText.figureValue(r))))
            if let p = o.reportString("place") { details.append(field("place", "in " + HTMLEscape.text(p))) }
        case "quote", "claim":
            details.append(field("speaker", o.reportString("speaker").map { HTMLEscape.text($0) } ?? "no speaker"))
        case "document":
            for k in ["title", "author", "source", "published", "publisher"] {
                if let v = o.reportString(k) { details.append(field(k, "\(k): " + HTMLEscape.text(v))) }
            }
            if let n = o.reportInt("records") { details.append(plural(n, "record")) }
        default:
            break
        }
        if !details.isEmpty { out += "<div class=\"details\">\(details.joined(separator: " · "))</div>" }
        if let s = o.reportString("sentence") { out += "<div class=\"sentence\">\(HTMLEscape.text(s))</div>" }
        if out.hasSuffix("\">") { out += "<span class=\"dim\">(no details)</span>" }
        return out + "</td>"
    }

    // MARK: Helpers

    static func barCell(_ n: Int, of most: Int, cls: String) -> String {
        let pct = most > 0 ? max(2, Int((Double(n) / Double(most) * 100).rounded())) : 0
        return "<td class=\"bar \(cls)\" style=\"--w:\(pct)%\">\(n)</td>"
    }

    static func plural(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(ReportText.grouped(n)) \(n == 1 ? one : (many ?? one + "s"))"
    }
}

/// Writes the page around the sections: head, navigation, the paginated document list, the lazy
/// views and the script.
struct PageWriter {
    let options: ReportOptions
    var out = ""
    /// Lazy views, built as the page is written: view data for `report.js`, or (for a diff) the
    /// view's HTML as a JSON string.
    var views: [() -> JSONValue] = []
    var index: JSONValue?

    init(options: ReportOptions) {
        self.options = options
        out.reserveCapacity(1 << 16)
    }

    mutating func head(subtitle: String, nav: [(String, String)]) {
        let title = HTMLEscape.text(options.title)
        out += """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="dossier report">
        <title>\(title)</title>
        <link rel="icon" href="data:,">
        <style>
        \(ReportStyle.css)</style>
        </head>
        <body>
        <header class="top">
        <h1>\(title)</h1>
        <p class="sub">\(HTMLEscape.text(subtitle))</p>
        <nav>\(nav.map { "<a href=\"\($0.0)\">\(HTMLEscape.text($0.1))</a>" }.joined(separator: " "))</nav>
        </header>
        <main>

        """
    }

    /// The document list: the first page written out, all rows as JSON for the pager and filter.
    mutating func documentList(heading: String, columns: [String], rows: [[JSONValue]]) {
        let size = max(1, options.pageSize)
        let pages = max(1, (rows.count + size - 1) / size)
        out += "<section id=\"documents\">\n<h2>\(HTMLEscape.text(heading))</h2>\n"
        out += "<p class=\"tools\"><label for=\"doc-filter\">Filter</label> <input type=\"search\" id=\"doc-filter\" placeholder=\"title or id\"> <span id=\"doc-count\">\(ReportText.grouped(rows.count)) documents</span></p>\n"
        out += "<div class=\"scroll\"><table class=\"grid docs\">\n<thead><tr><th scope=\"col\">Document</th>"
        for c in columns { out += "<th scope=\"col\" class=\"num\">\(HTMLEscape.text(c))</th>" }
        out += "<th scope=\"col\">Note</th></tr></thead>\n<tbody id=\"doc-rows\" data-page-size=\"\(size)\" data-pages=\"\(pages)\">\n"
        for row in rows.prefix(size) { out += Self.rowHTML(row) }
        out += "</tbody>\n</table></div>\n"
        out += "<p class=\"pager\"><button type=\"button\" id=\"page-prev\" disabled>← Previous</button> <span id=\"page-info\">Page 1 of \(pages)</span> <button type=\"button\" id=\"page-next\"\(pages > 1 ? "" : " disabled")>Next →</button></p>\n"
        out += "</section>\n"
        index = .array(rows.map { .array($0) })
    }

    /// One row of the document list; `report.js` builds the same HTML for the other pages.
    static func rowHTML(_ row: [JSONValue]) -> String {
        guard case .int(let i) = row[0], case .string(let label) = row[1], case .string(let id) = row[2] else { return "" }
        var s = "<tr><td><a href=\"#doc-\(i)\">\(HTMLEscape.text(label))</a>"
        if !id.isEmpty, id != label { s += "<div class=\"id\">\(HTMLEscape.text(id))</div>" }
        s += "</td>"
        for v in row[3..<(row.count - 1)] {
            if case .int(let n) = v { s += "<td class=\"num\">\(n)</td>" }
        }
        if case .string(let note)? = row.last { s += "<td class=\"note\">\(HTMLEscape.text(note))</td>" }
        return s + "</tr>\n"
    }

    mutating func finish() -> String {
        out += "</main>\n<footer><p>Written by <code>dossier report</code>. Self-contained: no network.</p></footer>\n"
        if let index {
            out += "<script type=\"application/json\" id=\"index-data\">" + HTMLEscape.scriptJSON(index) + "</script>\n"
        }
        // The script comes before the views, so that the page works while they are still loading.
        out += "<script>\n\(ReportScript.js)</script>\n"
        for (i, view) in views.enumerated() {
            out += "<script type=\"application/json\" id=\"v-\(i)\">"
            out += HTMLEscape.scriptJSON(view())
            out += "</script>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }
}

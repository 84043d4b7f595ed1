import Foundation
import XCTest
@testable import Dossier

/// `dossier report`'s HTML: escaping, marks with their classes and titles, lazy views and
/// pagination for a corpus, the diff view. Structure only (no timings, no browser: the browser
/// checks are in Scripts/report_screenshots.sh).
final class ReportHTMLTests: XCTestCase {
    // MARK: Helpers

    func record(_ kind: String, _ type: String?, _ text: String, in doc: String, _ fields: [(String, JSONValue)] = [], id: String = "d") -> Record {
        var r = Record(doc: id, kind: kind)
        if let type { r["type"] = .string(type) }
        let scalars = Array(doc.unicodeScalars)
        let needle = Array(text.unicodeScalars)
        var start = -1
        for i in 0...(scalars.count - needle.count) where Array(scalars[i..<(i + needle.count)]) == needle { start = i; break }
        precondition(start >= 0, "\(text) not in the document")
        r["text"] = .string(text)
        r["start"] = .int(start)
        r["end"] = .int(start + needle.count)
        for (k, v) in fields { r[k] = v }
        return r
    }

    func zone(_ type: String, _ start: Int, _ end: Int, id: String = "d") -> Record {
        var r = Record(doc: id, kind: "zone")
        r["type"] = .string(type)
        r["start"] = .int(start)
        r["end"] = .int(end)
        return r
    }

    /// The page without its script (which holds the templates of lazy views).
    func page(_ html: String) -> String {
        html.components(separatedBy: "<script>\n")[0]
    }

    func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// The inline document view of a one-document report: the `<div class="text">…</div>` part.
    func textPart(_ html: String) -> String {
        guard let a = html.range(of: "<div class=\"text\">"), let b = html.range(of: "</div>\n<details", range: a.upperBound..<html.endIndex)
                ?? html.range(of: "</div>\n</article>", range: a.upperBound..<html.endIndex) else { return "" }
        return String(html[a.lowerBound..<b.upperBound])
    }

    static let article = """
    Home | News | Sport
    Baghdad attack: "We will not bow", said Qasim al-Araji.

    An Isis car bomb killed over 300 people in Baghdad, the Interior Minister said. </script><script>alert(1)</script> & <b>bold</b>
    """

    func sample() -> ReportDocument {
        let t = Self.article
        let body = Array(t.unicodeScalars).count
        let nav = Array("Home | News | Sport".unicodeScalars).count
        return ReportDocument(id: "news/<b>a</b>.txt", text: t, records: [
            { var r = Record(doc: "d", kind: "document"); r["title"] = .string("Baghdad <attack> & \"more\""); return r }(),
            zone("boilerplate", 0, nav),
            zone("body", nav + 1, body),
            record("quote", "direct", "We will not bow", in: t, [("speaker", "Qasim al-Araji"), ("cue", .object(JSONObject([("text", "said")])))]),
            record("entity", "person", "Qasim al-Araji", in: t, [("canonical", "Qasim al-Araji"), ("id", "Q1")]),
            record("entity", "place", "Baghdad", in: t, [("canonical", "Baghdad")]),
            record("entity", "organisation", "Isis", in: t, [("canonical", "Islamic State")]),
            record("figure", "casualties", "over 300 people", in: t, [("value", 300), ("unit", "people"), ("qualifier", "over")]),
            record("claim", nil, "An Isis car bomb killed over 300 people in Baghdad", in: t, [("speaker", "Qasim al-Araji")]),
        ])
    }

    // MARK: One article

    func testTextIsEscapedAndNoForeignScriptSurvives() {
        let html = HTMLReport.render([sample()])
        XCTAssertFalse(html.contains("<script>alert(1)"), "a script in the text must be escaped")
        XCTAssertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"))
        XCTAssertFalse(html.contains("<b>"), "markup in the text or the id must be escaped")
        XCTAssertTrue(html.contains("<h2>Baghdad &lt;attack&gt; &amp; \"more\"</h2>"))
        XCTAssertTrue(html.contains("<code>news/&lt;b&gt;a&lt;/b&gt;.txt</code>"))
        // Our own script blocks only: the page's script (one document, so no lazy views, no index).
        XCTAssertEqual(count("<script", in: html), 1)
        XCTAssertEqual(count("</script>", in: html), 1)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "no network resources")
    }

    func testEveryMarkHasItsClassAndTitle() {
        let text = textPart(HTMLReport.render([sample()]))
        XCTAssertFalse(text.isEmpty)
        XCTAssertTrue(text.contains("<mark class=\"ent ent-person\" title=\"person: Qasim al-Araji [Q1]\">Qasim al-Araji</mark>"), text)
        XCTAssertTrue(text.contains("<mark class=\"ent ent-place\" title=\"place: Baghdad\">Baghdad</mark>"), text)
        XCTAssertTrue(text.contains("<mark class=\"ent ent-organisation\" title=\"organisation: Islamic State\">Isis</mark>"), text)
        XCTAssertTrue(text.contains("<mark class=\"fig\" title=\"casualties: over 300 people\">over 300 people</mark>"), text)
        XCTAssertTrue(text.contains("<span class=\"q q-direct\" title=\"direct quote — Qasim al-Araji, said\">We will not bow</span>"), text)
        XCTAssertTrue(text.contains("<span class=\"q claim\" title=\"claim — Qasim al-Araji\">An <mark"), text)
        XCTAssertTrue(text.contains("<div class=\"zone z-boilerplate\" data-zone=\"boilerplate\">Home | News | Sport</div>"), text)
        XCTAssertTrue(text.contains("<div class=\"zone z-body\" data-zone=\"body\">"), text)
        // Every entity, figure, quote and claim is marked: 3 entity marks plus the place twice.
        XCTAssertEqual(count("<mark class=\"ent ", in: text), 3)
        XCTAssertEqual(count("<mark class=\"fig\"", in: text), 1)
        XCTAssertEqual(count("<span class=\"q ", in: text), 2)
        // Tags balance.
        XCTAssertEqual(count("<mark", in: text), count("</mark>", in: text))
        XCTAssertEqual(count("<span", in: text), count("</span>", in: text))
        XCTAssertEqual(count("<div", in: text), count("</div>", in: text))
    }

    func testCrossingSpansAreSplitSoThatTagsNest() {
        let t = "alpha beta gamma delta"
        var a = record("quote", "direct", "alpha beta gamma", in: t, [("speaker", "X")])
        a["doc"] = "d"
        let b = record("entity", "person", "gamma delta", in: t, [("canonical", "G D")])
        let m = ReportMarkup(text: t, records: [a, b])
        XCTAssertEqual(m.html(), "<span class=\"q q-direct\" title=\"direct quote — X\">alpha beta <mark class=\"ent ent-person\" title=\"person: G D\">gamma</mark></span><mark class=\"ent ent-person\" title=\"person: G D\"> delta</mark>")
    }

    func testOffsetsAreCodePointsAndCharactersHTMLForbidsAreReplaced() {
        let t = "😀 Zoë\u{1} met Ann."
        let r = record("entity", "person", "Ann", in: t, [("canonical", "Ann Smith")])
        let m = ReportMarkup(text: t, records: [r])
        XCTAssertEqual(m.html(), "😀 Zoë\u{FFFD} met <mark class=\"ent ent-person\" title=\"person: Ann Smith\">Ann</mark>.")
        // The ops index UTF-16 (for the page's script): the emoji is two units.
        XCTAssertEqual(m.ops, [.text(12), .open(0), .text(15), .close, .text(16)])
    }

    func testMismatchedTextFallsBackToRecordsOnly() {
        var d = sample()
        d.text = "Something else entirely, much longer than the records need to be, so offsets fit but words do not."
        let html = HTMLReport.render([d])
        XCTAssertTrue(html.contains("does not match its records"))
        XCTAssertFalse(page(html).contains("<div class=\"text\">"))
        XCTAssertTrue(html.contains("<summary>Entities (3)</summary>"))
    }

    func testWhoSaidWhat() {
        let html = HTMLReport.render([sample()])
        guard let r = html.range(of: "<section id=\"speakers\">") else { return XCTFail("no speakers section") }
        let section = String(html[r.lowerBound...].prefix { _ in true }).components(separatedBy: "</section>")[0]
        XCTAssertTrue(section.contains("<th scope=\"row\">Qasim al-Araji</th><td class=\"num\">1</td><td class=\"num\">1</td>"), section)
        XCTAssertTrue(section.contains("“We will not bow”"))
        XCTAssertTrue(section.contains("“An Isis car bomb killed over 300 people in Baghdad”"))
    }

    // MARK: Corpus

    func corpus(_ n: Int) -> [ReportDocument] {
        (0..<n).map { i in
            let t = "Doc \(i): Qasim al-Araji said \"<script>x</script> fine\" in Baghdad, where 12 people died."
            var ents = [record("entity", "person", "Qasim al-Araji", in: t, [("canonical", "Qasim al-Araji")], id: "doc\(i).txt"),
                        record("entity", "place", "Baghdad", in: t, [("canonical", "Baghdad")], id: "doc\(i).txt"),
                        record("figure", "casualties", "12 people", in: t, [("value", 12), ("unit", "people")], id: "doc\(i).txt"),
                        record("quote", "direct", "<script>x</script> fine", in: t, [("speaker", "Qasim al-Araji")], id: "doc\(i).txt")]
            if i % 2 == 0 { ents.append(record("entity", "organisation", "Doc", in: t, [("canonical", "Doc Org")], id: "doc\(i).txt")) }
            return ReportDocument(id: "doc\(i).txt", text: t, records: ents)
        }
    }

    func testManyDocumentsArePaginatedAndViewsAreLazy() throws {
        var options = ReportOptions()
        options.pageSize = 50
        let html = HTMLReport.render(corpus(120), options: options)
        // Views are data, one block each, rendered by the script when opened.
        XCTAssertEqual(count("<script type=\"application/json\" id=\"v-", in: html), 120)
        XCTAssertFalse(page(html).contains("<div class=\"text\">"), "no document view is written out in a corpus")
        XCTAssertTrue(html.contains("<section id=\"view\" class=\"view\" hidden></section>"))
        // The first page of the list is written out; the pager knows there are three.
        let list = html.components(separatedBy: "<tbody id=\"doc-rows\"")[1].components(separatedBy: "</tbody>")[0]
        XCTAssertTrue(list.hasPrefix(" data-page-size=\"50\" data-pages=\"3\">"))
        XCTAssertEqual(count("<tr>", in: list), 50)
        XCTAssertTrue(list.contains("<a href=\"#doc-0\">doc0.txt</a>"))
        XCTAssertFalse(list.contains("#doc-50\""))
        XCTAssertTrue(html.contains("<span id=\"page-info\">Page 1 of 3</span>"))
        // All rows are in the index for the pager.
        let index = html.components(separatedBy: "<script type=\"application/json\" id=\"index-data\">")[1].components(separatedBy: "</script>")[0]
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(index.utf8)) as? [[Any]])
        XCTAssertEqual(rows.count, 120)
        XCTAssertEqual(rows[119][0] as? Int, 119)
        // The script's text cannot end a script block: every '<' in the data is escaped.
        XCTAssertEqual(count("<script", in: html), 122)
        XCTAssertEqual(count("</script>", in: html), 122)
        let view = html.components(separatedBy: "<script type=\"application/json\" id=\"v-7\">")[1].components(separatedBy: "</script>")[0]
        XCTAssertFalse(view.contains("<"))
        let data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(view.utf8)) as? [String: Any])
        XCTAssertEqual(data["i"] as? Int, 7)
        XCTAssertTrue((data["x"] as? String)?.contains("<script>x</script>") == true, "the text comes back intact")
        let mk = try XCTUnwrap(data["mk"] as? [String: Any])
        XCTAssertEqual((mk["p"] as? [Any])?.count, 4, "four marks in document 7")
        XCTAssertEqual(mk["h"] as? [String], ["person: Qasim al-Araji", "place: Baghdad", "casualties: 12 people", "direct quote — Qasim al-Araji"])
    }

    func testCorpusOverviewLinksRowsToDocuments() {
        let html = HTMLReport.render(corpus(6))
        XCTAssertTrue(html.contains("<h3>People</h3>"))
        XCTAssertTrue(html.contains("<a href=\"#doc-0\" title=\"most mentions in: doc0.txt\">Qasim al-Araji</a></th><td class=\"bar b-person\" style=\"--w:100%\">6</td><td class=\"num\">6</td>"), html)
        XCTAssertTrue(html.contains("<h3>Most quoted</h3>"))
        XCTAssertTrue(html.contains("<h3>Figures by category</h3>"))
        XCTAssertTrue(html.contains("<th scope=\"row\">casualties</th><td class=\"bar b-figure\" style=\"--w:100%\">6</td><td class=\"num\">6</td><td>12</td>"), html)
        // Organisations: in half the documents.
        XCTAssertTrue(html.contains(">Doc Org</a></th><td class=\"bar b-organisation\" style=\"--w:100%\">3</td><td class=\"num\">3</td>"))
        // Who said what links each quote to its document.
        XCTAssertTrue(html.contains("<a class=\"src\" href=\"#doc-5\">doc5.txt</a>"))
    }

    func testRecordsWithoutTextStillShow() {
        var docs = corpus(2)
        docs[1].text = nil
        let html = HTMLReport.render(docs)
        let view = html.components(separatedBy: "<script type=\"application/json\" id=\"v-1\">")[1].components(separatedBy: "</script>")[0]
        XCTAssertFalse(view.contains("\"mk\""))
        XCTAssertTrue(view.contains("records only"))
    }

    // MARK: Diff

    func testDiffSideBySide() {
        func row(_ doc: String, _ change: String, _ kind: String, old: [(String, JSONValue)]?, new: [(String, JSONValue)]?, fields: [String] = []) -> JSONObject {
            var o = JSONObject([("doc", .string(doc)), ("change", .string(change)), ("kind", .string(kind)), ("type", "casualties")])
            if !fields.isEmpty { o["fields"] = .array(fields.map { .string($0) }) }
            if let old { o["old"] = .object(JSONObject(old)) }
            if let new { o["new"] = .object(JSONObject(new)) }
            return o
        }
        let rows = [row("a.txt", "changed", "figure", old: [("text", "over 300 people"), ("value", 300)], new: [("text", "over 320 <people>"), ("value", 320)], fields: ["value", "text"]),
                    row("a.txt", "removed", "quote", old: [("text", "We were lucky"), ("speaker", "Qasim al-Araji")], new: nil)]
        let one = HTMLReport.render(diff: ReportDiff(rows: rows))
        XCTAssertTrue(one.contains("<table class=\"grid sxs\">"))
        XCTAssertTrue(one.contains("<tr class=\"c-changed\">"))
        XCTAssertTrue(one.contains("<td class=\"old\"><div class=\"words\"><strong class=\"diffed\">“over 300 people”</strong></div>"), one)
        XCTAssertTrue(one.contains("“over 320 &lt;people&gt;”"))
        XCTAssertTrue(one.contains("<tr class=\"c-removed\">"))
        XCTAssertTrue(one.contains("<td class=\"new absent\">—</td>"))
        XCTAssertEqual(count("<script", in: one), 1)
        // Several documents: lazy views and a list.
        let many = HTMLReport.render(diff: ReportDiff(rows: rows + [row("b.txt", "added", "figure", old: nil, new: [("text", "5 people"), ("value", 5)])]))
        XCTAssertEqual(count("<script type=\"application/json\" id=\"v-", in: many), 2)
        XCTAssertTrue(many.contains("<a href=\"#doc-1\">b.txt</a>"))
    }

    // MARK: Loading

    func testLoaderFindsTextsOfAnExtractionFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("texts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = "Qasim al-Araji visited Baghdad."
        try t.write(to: dir.appendingPathComponent("texts/a.txt"), atomically: true, encoding: .utf8)
        var lines = ""
        for r in [record("entity", "person", "Qasim al-Araji", in: t, [("canonical", "Qasim al-Araji")], id: "a.txt"),
                  record("entity", "place", "Baghdad", in: t, [("canonical", "Baghdad")], id: "missing.txt")] {
            lines += String(decoding: JSONEncoding.encode(r), as: UTF8.self) + "\n"
        }
        let jsonl = dir.appendingPathComponent("run.jsonl")
        try lines.write(to: jsonl, atomically: true, encoding: .utf8)
        let loader = ReportLoader { try Pipeline() }
        guard case .documents(let docs) = try loader.load([jsonl.path, dir.appendingPathComponent("texts").path]) else { return XCTFail("not documents") }
        XCTAssertEqual(docs.map(\.id), ["a.txt", "missing.txt"])
        XCTAssertEqual(docs[0].text, t)
        XCTAssertNil(docs[1].text)
    }

    func testLoaderReadsDiffRows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("d.jsonl")
        try """
        {"doc": "a.txt", "change": "added", "kind": "entity", "type": "person", "new": {"text": "Ann", "canonical": "Ann", "count": 1}}
        {"kind": "summary", "documents": 1, "differing": 1, "added": 1, "removed": 0, "changed": 0, "troubles": 0}

        """.write(to: file, atomically: true, encoding: .utf8)
        let loader = ReportLoader(pipeline: { try Pipeline() })
        guard case .diff(let d) = try loader.load([file.path]) else { return XCTFail("not a diff") }
        XCTAssertEqual(d.rows.count, 1)
        XCTAssertEqual(d.summary?.reportInt("documents"), 1)
    }
}

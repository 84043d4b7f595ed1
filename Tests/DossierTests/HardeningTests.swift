import XCTest
@testable import Dossier

/// Hostile inputs (issue 9), scaled down so that the debug build stays fast. Each test checks the
/// structure that keeps the work linear and the memory bounded, not the time taken:
/// `Scripts/pathological.sh` runs the full-size inputs on the release build and times them.
final class HardeningTests: XCTestCase {
    let reader = DocumentReader()
    let news = "Interior Minister Qasim al-Araji said on Monday that 1,426 fighters had been killed in Anbar province. "
        + "\u{201C}We will not stop until Isis is defeated,\u{201D} he told Reuters in Baghdad. The United Nations said about "
        + "3.5 million people had fled since 2014, up 12% from a year earlier. "

    /// Records of `text`, after checking every span against the document (code points).
    func checkedRecords(_ doc: Document, file: StaticString = #filePath, line: UInt = #line) -> [Record] {
        let records = TestSupport.pipeline.extract(doc)
        let scalars = Array(doc.text.unicodeScalars)
        for r in records {
            guard let start = r.start, let end = r.end else { continue }
            XCTAssertTrue(0 <= start && start <= end && end <= scalars.count, "\(r.kind) \(start)..<\(end) of \(scalars.count)",
                          file: file, line: line)
            if let text = r.text, 0 <= start, start <= end, end <= scalars.count {
                XCTAssertTrue(text.unicodeScalars.elementsEqual(scalars[start..<end]), "\(r.kind) \(text.debugDescription) at \(start)",
                              file: file, line: line)
            }
        }
        return records
    }

    func document(_ text: String, id: String = "hostile") throws -> Document {
        try reader.decode(Array(text.utf8), id: id, format: .text)
    }

    // MARK: - a long document without a newline (30 MB in the script)

    func testLongDocumentWithoutNewlineIsLinear() throws {
        let once = try document(news)
        let copies = 1_000  // ≈ 300 KB
        let doc = try document(String(repeating: news, count: copies))
        XCTAssertFalse(doc.text.contains("\n"))
        let analysis = TestSupport.pipeline.analyse(doc)
        XCTAssertTrue(analysis.sentences.allSatisfy { $0.tokens.count <= SentenceSplitter.maxTokens })
        // Linear by structure: each copy gives what one copy gives.
        let kinds = ["entity", "figure", "quote"]
        let single = TestSupport.pipeline.extract(once)
        let many = checkedRecords(doc)
        for kind in kinds {
            let one = single.filter { $0.kind == kind }.count
            let all = many.filter { $0.kind == kind }.count
            XCTAssertGreaterThan(one, 0, kind)
            XCTAssertEqual(Double(all), Double(one * copies), accuracy: Double(one * copies) * 0.05, kind)
        }
        // Records of one layout share their key arrays: memory per record stays small.
        let entities = many.filter { $0.kind == "entity" && $0.object.keys.count == 10 }
        XCTAssertGreaterThan(entities.count, 100)
        let buffers = Set(entities.map { $0.object.keys.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } })
        XCTAssertLessThanOrEqual(buffers.count, 2)
    }

    // MARK: - 200,000 unbalanced quotation marks (scaled to 20,000)

    func testUnbalancedQuotationMarks() throws {
        for (name, text) in [
            ("straight", String(repeating: "\"", count: 20_000)),
            ("curly open", String(repeating: "\u{201C}word ", count: 20_000)),
            ("mixed", (0..<20_000).map { ["\u{201C}", "\u{2018}a ", " \" ", "'", "\u{AB}", "\u{201D}"][$0 % 6] }.joined()),
        ] {
            let records = checkedRecords(try document(text, id: name))
            for q in records where q.kind == "quote" {
                XCTAssertLessThan((q.end ?? 0) - (q.start ?? 0), 20_000, name)
            }
        }
    }

    /// Single quotations left open, then straight double marks: each double mark searched the whole
    /// stack of open marks (quadratic: 200,000 marks took 12 s). Marks opened more than
    /// `maxQuoteTokens` back are forgotten, so the stack, and the depth of what follows, stay bounded.
    func testOpenMarksAreForgottenPastTheLongestQuotation() throws {
        let n = 4_000
        let text = String(repeating: " \u{2018}a", count: n) + String(repeating: " \" x", count: n)
        let doc = try document(text)
        let analysis = TestSupport.pipeline.analyse(doc)
        let context = MatchContext(document: doc, tokens: analysis.tokens, sentences: analysis.sentences, searched: analysis.sentences)
        let scope = QuoteScope(context: context, entities: [], lexicon: .english, zoneAt: { _ in .body })
        let spans = QuoteMarkPairer(scope: scope).pairs()
        let doubles = spans.filter { doc.utf16[$0.start - 1] == 0x22 }
        XCTAssertEqual(doubles.count, n / 2)
        XCTAssertTrue(doubles.allSatisfy { $0.depth <= QuoteMarkPairer.maxQuoteTokens }, "open marks far back still enclose")
        XCTAssertEqual(doubles.last?.depth, 0)
    }

    /// "She said" after thousands of men: each pronoun searched the whole attribution history for a
    /// compatible antecedent (quadratic: 3.6 MB took 55 s). Searches now look at the last
    /// `historyLimit` attributions; the answers in an article are the same.
    func testPronounsAfterManyAttributionsLookBackABoundedWay() throws {
        let n = 1_500
        let text = String(repeating: "Mr Barack Obama said the war was over.\n\n", count: n)
            + String(repeating: "She said the war was not over.\n\n", count: n)
        let records = checkedRecords(try document(text))
        let claims = records.filter { $0.kind == "claim" }
        XCTAssertEqual(claims.count, 2 * n)
        XCTAssertEqual(claims.filter { $0.string("speaker") == "Barack Obama" }.count, n)
        XCTAssertTrue(claims.suffix(n).allSatisfy { $0.string("speaker") != "Barack Obama" }, "she is not Mr Obama")
        XCTAssertEqual(PronounResolver.historyLimit, 256)
    }

    // MARK: - a 2 MB word (scaled to 200 KB)

    func testLongWord() throws {
        for text in [String(repeating: "a", count: 200_000), "B" + String(repeating: "a", count: 199_999),
                     "Obama " + String(repeating: "x", count: 200_000) + " said."] {
            let doc = try document(text)
            let analysis = TestSupport.pipeline.analyse(doc)
            XCTAssertLessThanOrEqual(analysis.tokens.count, 4)
            _ = checkedRecords(doc)
        }
    }

    // MARK: - 5 MB of digits (scaled to 500 KB)

    func testDigits() throws {
        let run = try document(String(repeating: "1234567890", count: 50_000))
        XCTAssertLessThanOrEqual(TestSupport.pipeline.analyse(run).tokens.count, 4)
        _ = checkedRecords(run)
        // Grouped and spaced numbers: one figure each, so records grow with the input, no faster.
        let spaced = try document((0..<20_000).map { String($0 % 10) }.joined(separator: " "))
        let figures = checkedRecords(spaced).filter { $0.kind == "figure" }
        XCTAssertLessThanOrEqual(figures.count, 20_000)
        let grouped = try document(String(repeating: "1,234.5 ", count: 20_000))
        XCTAssertLessThanOrEqual(checkedRecords(grouped).filter { $0.kind == "figure" }.count, 20_000)
        let figureKeys = Set(figures.map { $0.object.keys.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } })
        XCTAssertLessThanOrEqual(figureKeys.count, 4, "figure records share their keys")
    }

    // MARK: - NUL characters

    func testNULCharacters() throws {
        let text = String(repeating: "Angela Merkel\u{0} met\u{0} Emmanuel Macron in Berlin.\u{0} ", count: 2_000)
        let doc = try document(text)
        let records = checkedRecords(doc)
        XCTAssertTrue(records.contains { $0.kind == "entity" && $0.text == "Berlin" })
        // Mostly NULs: binary, refused with a clear error.
        XCTAssertThrowsError(try reader.decode([UInt8](repeating: 0, count: 100_000), id: "nul.bin")) { error in
            XCTAssertEqual("\(error)", "nul.bin: binary data, not a text or HTML document")
        }
    }

    // MARK: - a 3 MB mix of Cyrillic, CJK and ASCII (scaled to 300 KB, with astral characters)

    func testMixedScripts() throws {
        let mix = "Москва заявила, что переговоры продолжатся. 北京时间周一，外交部发言人表示反对。 "
            + "President Vladimir Putin met Xi Jinping in Beijing. 𝔘𝔫𝔦 😀 «Да», — сказал он. "
        let copies = 1_200
        let doc = try document(String(repeating: mix, count: copies))
        XCTAssertGreaterThan(doc.utf16.count, 150_000)
        let records = checkedRecords(doc)
        let beijing = records.filter { $0.kind == "entity" && $0.text == "Beijing" }
        XCTAssertEqual(beijing.count, copies)
        // Code point offsets: each copy is the same number of code points further on.
        let step = mix.unicodeScalars.count
        for (a, b) in zip(beijing, beijing.dropFirst()) { XCTAssertEqual((b.start ?? 0) - (a.start ?? 0), step) }
    }

    // MARK: - CRLF with a byte-order mark

    func testCRLFWithBOMGivesTheEntitiesOfLF() throws {
        let lfText = try String(contentsOf: TestSupport.example, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        let crlfBytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(lfText.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let lf = try reader.decode(Array(lfText.utf8), id: "a.txt")
        let crlf = try reader.decode(crlfBytes, id: "a.txt")
        let lfEntities = checkedRecords(lf).filter { $0.kind == "entity" }
        let crlfEntities = checkedRecords(crlf).filter { $0.kind == "entity" }
        XCTAssertGreaterThan(lfEntities.count, 50)
        XCTAssertEqual(crlfEntities.map { "\($0.type ?? "") \($0.text ?? "")" }, lfEntities.map { "\($0.type ?? "") \($0.text ?? "")" })
        // Offsets shift by one for each line break before the entity (the BOM is not text).
        let scalars = Array(lfText.unicodeScalars)
        var newlinesBefore = [Int](repeating: 0, count: scalars.count + 1)
        for (i, s) in scalars.enumerated() { newlinesBefore[i + 1] = newlinesBefore[i] + (s == "\n" ? 1 : 0) }
        for (a, b) in zip(lfEntities, crlfEntities) {
            let s = a.start ?? 0
            XCTAssertEqual(b.start, s + newlinesBefore[s], a.text ?? "")
        }
        let lfAll = checkedRecords(lf), crlfAll = checkedRecords(crlf)
        for kind in ["figure", "quote", "claim"] {
            XCTAssertEqual(crlfAll.filter { $0.kind == kind }.count, lfAll.filter { $0.kind == kind }.count, kind)
        }
        XCTAssertEqual(crlfAll.filter { $0.kind == "figure" }.map(\.text), lfAll.filter { $0.kind == "figure" }.map(\.text))
    }

    // MARK: - HTML with 10,000 nested tags

    func testDeeplyNestedHTMLKeepsItsText() throws {
        for depth in [300, 10_000] {
            for (open, close) in [("<div>", "</div>"), ("<b><i>", "</i></b>"), ("<span class=\"x\">", "</span>")] {
                let page = "<html><body>" + String(repeating: open, count: depth) + "<p>Barack Obama visited Paris.<br>Then Rome.</p>"
                    + String(repeating: close, count: depth) + "<p>After the visit.</p></body></html>"
                let doc = try reader.decode(Array(page.utf8), id: "nested.html")
                XCTAssertTrue(doc.text.contains("Barack Obama visited Paris."), "\(depth) \(open): \(doc.text.prefix(80))")
                XCTAssertTrue(doc.text.contains("Then Rome."), "\(depth) \(open)")
                XCTAssertTrue(doc.text.hasSuffix("After the visit."), "\(depth) \(open)")
                XCTAssertTrue(doc.blocks.allSatisfy { $0.path.count <= HTMLTextBuilder.maxDepth + 2 })
                _ = checkedRecords(doc)
            }
        }
        // Unclosed elements nest as deep as the page is long: libxml2 used to stop at depth 256.
        let unclosed = "<html><body>" + String(repeating: "<div><span>Kabul ", count: 5_000)
        let doc = try reader.decode(Array(unclosed.utf8), id: "unclosed.html")
        XCTAssertEqual(doc.text.components(separatedBy: "Kabul").count - 1, 5_000)
    }

    // MARK: - diff of large documents

    /// Past the table size, alignment matches greedily; it scanned the new side for each old
    /// element (quadratic when most have no match). It now looks up positions by key; the
    /// matches are the ones the scan gave.
    func testGreedyAlignmentIsTheScanItReplaced() {
        var rng = SplitMix64(seed: 42)
        let a = (0..<3_000).map { _ in Int(rng.next() % 40) }
        let b = (0..<2_500).map { _ in Int(rng.next() % 40) + 20 }
        var expected: [(Int, Int)] = []
        var j = 0
        for i in a.indices {
            if let k = b[j...].firstIndex(of: a[i]) { expected.append((i, k)); j = k + 1 }
            if j >= b.count { break }
        }
        let (matches, hunks) = SequenceAlignment.align(a, b)
        XCTAssertGreaterThan(a.count * b.count, 4_000_000, "the greedy path")
        XCTAssertEqual(matches.map { [$0.0, $0.1] }, expected.map { [$0.0, $0.1] })
        XCTAssertEqual(hunks.map { $0.old.count }.reduce(0, +) + matches.count, a.count)
    }

    /// Thousands of figures on both sides, none unchanged: pairing the leftovers built a signature
    /// for every candidate of every figure (quadratic: 80 KB took 23 s).
    func testDiffOfManyFiguresPairsByTypeAndValue() throws {
        let n = 3_000
        let old = try document((0..<n).map { String($0 % 10) }.joined(separator: " "), id: "old")
        let new = try document((0..<n).map { String($0 % 7) }.joined(separator: " "), id: "new")
        let changes = DocumentDiffer().diff(DiffDocument(id: "d", records: TestSupport.pipeline.extract(old)),
                                            DiffDocument(id: "d", records: TestSupport.pipeline.extract(new)))
        let figures = changes.filter { $0.kind == "figure" }
        XCTAssertGreaterThan(figures.count, n / 2)
        XCTAssertLessThanOrEqual(figures.count, 2 * n)
    }

    /// Thousands of quotations, none kept: the exact passes scanned the new side for each old
    /// quotation (quadratic: 2.3 MB took 14 s). They now use queues by key, with the same pairs.
    func testDiffOfManyQuotationsPairsThroughQueues() throws {
        func quote(_ tag: String, _ i: Int) -> Record {
            var r = Record(doc: "d", kind: "quote")
            r["text"] = .string("Quote \(tag) \(i) about nothing")
            r["speaker"] = .string(i % 3 == 0 ? "Barack Obama" : "Angela Merkel")
            r["start"] = .int(i * 40)
            r["end"] = .int(i * 40 + 30)
            return r
        }
        let n = 3_000
        let old = (0..<n).map { quote($0 % 2 == 0 ? "same" : "old", $0) }
        let new = (0..<n).map { quote($0 % 2 == 0 ? "same" : "new", $0) }
        let changes = DocumentDiffer().diff(DiffDocument(id: "d", records: old), DiffDocument(id: "d", records: new))
        let quotes = changes.filter { $0.kind == "quote" }
        XCTAssertEqual(quotes.filter { $0.change == .removed }.count, n / 2)
        XCTAssertEqual(quotes.filter { $0.change == .added }.count, n / 2)
        XCTAssertFalse(quotes.contains { $0.change == .changed })
    }

    // MARK: - report of a large document

    /// One speaker with many quotes in one document: the row was copied out of the dictionary and
    /// back for each quote, so its list of quotes was copied on every append (8 MB took 32 s).
    func testReportStatsKeepEverySaidOfOneSpeaker() {
        let n = 20_000
        let records: [Record] = (0..<n).map { k in
            var r = Record(doc: "d", kind: k % 2 == 0 ? "quote" : "claim")
            r["text"] = .string("words \(k)")
            r["speaker"] = .string("Qasim al-Araji")
            return r
        }
        let stats = ReportStats([ReportDocument(id: "d", text: nil, records: records)], keepSaid: .max)
        let row = stats.speakerRows["Qasim al-Araji"]
        XCTAssertEqual(row?.said.count, n)
        XCTAssertEqual(row?.quotes, n / 2)
        XCTAssertEqual(row?.claims, n / 2)
        XCTAssertEqual(row?.docs, 1)
        XCTAssertEqual(ReportStats([ReportDocument(id: "d", text: nil, records: records)], keepSaid: 5).speakerRows["Qasim al-Araji"]?.said.count, 5)
    }

    // MARK: - the size limit

    func testSizeLimitGivesAClearError() throws {
        let small = DocumentReader(maxBytes: 1_000)
        XCTAssertThrowsError(try small.decode([UInt8](repeating: 0x61, count: 1_001), id: "big.txt")) { error in
            XCTAssertEqual("\(error)", "big.txt: 1001 bytes is over the limit of 1000 bytes (see --max-doc-bytes)")
        }
        XCTAssertNoThrow(try small.decode([UInt8](repeating: 0x61, count: 1_000), id: "ok.txt"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-limit-\(UUID().uuidString).txt").path
        try Data(repeating: 0x61, count: 2_000).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try small.read(path: path)) { error in
            XCTAssertTrue("\(error)".contains("over the limit of 1000 bytes (see --max-doc-bytes)"))
        }
        // A device reports no size: it is read up to the limit, not forever.
        if FileManager.default.fileExists(atPath: "/dev/zero") {
            XCTAssertThrowsError(try small.read(path: "/dev/zero")) { error in
                XCTAssertEqual("\(error)", "/dev/zero: 1001 bytes is over the limit of 1000 bytes (see --max-doc-bytes)")
            }
        }
        XCTAssertEqual(DocumentReader.defaultMaxBytes, 50 * 1024 * 1024)
    }
}

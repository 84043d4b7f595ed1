import XCTest
@testable import Dossier

/// Inputs found by the fuzzer (`Fuzz/run.sh`) and the hostile-input hunt, kept as regression tests.
/// Each runs the fuzz target's checks: no crash, spans equal the document's code points, same
/// output twice. The first byte picks the format as in the fuzz target: 0 text, 1 HTML, 2 sniffed.
final class HardeningRegressionTests: XCTestCase {
    func runFuzzChecks(_ input: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        guard let first = input.first else { return }
        let format: DocumentFormat? = first % 3 == 0 ? .text : first % 3 == 1 ? .html : nil
        guard let doc = try? DocumentReader(maxBytes: 1 << 20).decode(Array(input.dropFirst()), id: "fuzz", format: format) else { return }
        let records = TestSupport.pipeline.extract(doc)
        let scalars = Array(doc.text.unicodeScalars)
        for r in records {
            guard let start = r.start, let end = r.end else { continue }
            XCTAssertTrue(0 <= start && start <= end && end <= scalars.count, "\(r.kind) \(start)..<\(end)", file: file, line: line)
            if let text = r.text, 0 <= start, start <= end, end <= scalars.count {
                XCTAssertTrue(text.unicodeScalars.elementsEqual(scalars[start..<end]), "\(r.kind) \(text.debugDescription)", file: file, line: line)
            }
        }
        XCTAssertEqual(TestSupport.pipeline.extract(doc).map(JSONEncoding.encode), records.map(JSONEncoding.encode), file: file, line: line)
    }

    /// Every crash file the fuzzer left in `Fuzz/crashes/` and every seed of `Fuzz/corpus/` whose
    /// name starts with "regression-".
    func testSavedFuzzInputs() throws {
        let fuzz = TestSupport.root.appendingPathComponent("Fuzz")
        var files: [URL] = []
        for (folder, prefix) in [("crashes", ""), ("corpus", "regression-")] {
            let dir = fuzz.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            files += names.filter { $0.hasPrefix(prefix) && !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
        }
        for url in files {
            runFuzzChecks(Array(try Data(contentsOf: url)))
        }
    }

    /// Deep nesting past libxml2's default limit (256) stopped the parser: the rest of the page was lost.
    func testNestingPastTheParserLimit() {
        let page = "<html><body>" + String(repeating: "<div>", count: 300) + "<p>Obama</p>" + String(repeating: "</div>", count: 300)
            + "<p>After.</p></body></html>"
        runFuzzChecks([1] + Array(page.utf8))
        let doc = try? DocumentReader().decode(Array(page.utf8), id: "deep.html")
        XCTAssertEqual(doc?.text, "Obama\n\nAfter.")
    }
}

import Foundation
import XCTest

/// `dossier report` end to end on the example page.
final class ReportCommandTests: XCTestCase {

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try CommandLineRunner.run(arguments)
    }

    func testArticleReport() throws {
        let r = try run(["report", TestSupport.example.path, "--output", "-"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("<div class=\"zone z-boilerplate\" data-zone=\"boilerplate\">"))
        XCTAssertTrue(r.out.contains("<mark class=\"ent ent-person\" title=\"person: Qasim al-Araji [dossier:qasim-al-araji] — title: Mr\">Araji</mark>"))
        XCTAssertTrue(r.out.contains("<mark class=\"fig\" title=\"casualties: over 300 people\">over 300 people</mark>"))
        XCTAssertTrue(r.out.contains("<section id=\"speakers\">"))
    }

    func testDiffOfTwoVersions() throws {
        let second = TestSupport.corpus.appendingPathComponent("diff/unz-cockburn-iraq-isis-sleeper-cells.v2.txt")
        let r = try run(["report", "--diff", TestSupport.example.path, second.path, "-o", "-"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("<table class=\"grid sxs\">"))
        XCTAssertTrue(r.out.contains("“over 320 people”"), "the revised figure, side by side")
        XCTAssertTrue(r.out.contains("Mustafa al-Kadhimi"))
    }

    func testNoInputIsAUsageError() throws {
        let r = try run(["report", "-o", "-"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("INPUT"), r.err)
    }
}

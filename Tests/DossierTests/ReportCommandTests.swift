import Foundation
import XCTest

/// `dossier report` end to end on the example page.
final class ReportCommandTests: XCTestCase {
    var binary: URL {
        let bundle = Bundle(for: ReportCommandTests.self).bundleURL
        let candidates = [bundle.appendingPathComponent("dossier"), bundle.deletingLastPathComponent().appendingPathComponent("dossier"),
                          Bundle.main.bundleURL.appendingPathComponent("dossier")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
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

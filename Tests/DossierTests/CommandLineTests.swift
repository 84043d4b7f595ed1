import Foundation
import XCTest

/// The `dossier` executable end to end: exit codes, messages and output.
final class CommandLineTests: XCTestCase {

    func run(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, out: String, err: String) {
        try CommandLineRunner.run(arguments, stdin: stdin)
    }

    func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        return url.path
    }

    func testExtractWritesValidRecords() throws {
        let r = try run(["extract", TestSupport.example.path])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 50)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            XCTAssertNotNil(object?["kind"])
            XCTAssertEqual(object?["doc"] as? String, TestSupport.example.path)
        }
        XCTAssertTrue(r.out.contains("\"canonical\": \"Qasim al-Araji\""))
    }

    func testKindsFilterAndPretty() throws {
        let r = try run(["extract", "--kinds", "zone", TestSupport.example.path])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.split(separator: "\n").allSatisfy { $0.contains("\"kind\": \"zone\"") })
        let pretty = try run(["extract", "--pretty", TestSupport.example.path])
        XCTAssertTrue(pretty.out.contains("KIND"))
        XCTAssertTrue(pretty.out.contains("canonical=Qasim al-Araji"))
    }

    func testStandardInput() throws {
        let r = try run(["extract", "--kinds", "entity", "-"], stdin: Data("Interior Minister Qasim al-Araji visited Baghdad.".utf8))
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.contains("\"text\": \"Baghdad\""))
        XCTAssertTrue(r.out.contains("\"title\": \"Interior Minister\""))
    }

    func testInvalidUTF8ExitsNonZeroWithMessage() throws {
        let path = try temporaryFile([0x41, 0xFF, 0x42], name: "bad.txt")
        let r = try run(["extract", path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains(path))
        XCTAssertTrue(r.err.contains("not valid UTF-8"))
        XCTAssertEqual(r.err.split(separator: "\n").count, 1)
    }

    func testEmptyFileExitsZeroWithNoSpanRecords() throws {
        let path = try temporaryFile([], name: "empty.txt")
        let r = try run(["extract", "--kinds", "entity,zone", path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "")
    }

    func testHelpAndVersion() throws {
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.out.contains("extract"))
        for sub in ["extract", "entities", "text"] {
            let r = try run([sub, "--help"])
            XCTAssertEqual(r.status, 0)
            XCTAssertTrue(r.out.contains("USAGE"), sub)
        }
        XCTAssertEqual(try run(["--version"]).out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, false)
    }

    func testTextZoneBody() throws {
        let r = try run(["text", "--zone", "body", TestSupport.example.path])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.hasPrefix("Violence in Iraq"))
        XCTAssertTrue(r.out.hasSuffix("to Baghdad.\n"))
    }

    func testEntitiesTable() throws {
        let r = try run(["entities", TestSupport.example.path])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.contains("Qasim al-Araji"))
        XCTAssertTrue(r.out.contains("COUNT"))
    }

    /// Long path lists bypass the argument parser's quadratic list parsing (PathListCompaction):
    /// paths keep their order around options, and an option's value is never taken for a path.
    func testLongPathListKeepsOrderAroundOptions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for n in 0..<150 {
            let url = dir.appendingPathComponent(String(format: "doc%03d.txt", n))
            try Data("Article \(n) is about Baghdad.\n".utf8).write(to: url)
            paths.append(url.path)
        }
        let arguments = ["extract"] + paths[..<70] + ["--kinds", "document", "--zones", "body"] + paths[70...]
        let r = try run(Array(arguments))
        XCTAssertEqual(r.status, 0, r.err)
        let docs = r.out.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            XCTAssertEqual(object["kind"] as? String, "document")
            return object["doc"] as? String
        }
        XCTAssertEqual(docs.count, 150)
        XCTAssertEqual(docs.map { String($0.suffix(10)) }, paths.map { String($0.suffix(10)) })
    }
}

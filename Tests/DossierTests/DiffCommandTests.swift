import Foundation
import XCTest

/// `dossier diff` end to end, on the example page and its second version
/// (`Corpus/diff/…v2.txt`: a new first paragraph, "over 300" → "over 320", one quote removed,
/// "Haider al-Abadi" → "Mustafa al-Kadhimi").
final class DiffCommandTests: XCTestCase {
    static let second = TestSupport.corpus.appendingPathComponent("diff/unz-cockburn-iraq-isis-sleeper-cells.v2.txt")


    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try CommandLineRunner.run(arguments)
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// `dossier extract FILE` written to a file.
    func extract(_ file: URL, into folder: URL, name: String) throws -> String {
        let r = try run(["extract", file.path])
        XCTAssertEqual(r.status, 0, r.err)
        let path = folder.appendingPathComponent(name).path
        try Data(r.out.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func rows(_ out: String) throws -> [[String: Any]] {
        try out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// The four expected changes, and nothing else, in JSON rows.
    func assertExactlyTheEdits(_ out: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let all = try rows(out)
        XCTAssertEqual(all.last?["kind"] as? String, "summary", file: file, line: line)
        let changes = all.dropLast()
        func describe(_ row: [String: Any]) -> String {
            let side = (row["new"] ?? row["old"]) as! [String: Any]
            let name = side["canonical"] as? String ?? side["text"] as? String ?? ""
            return "\(row["change"]!) \(row["kind"]!) \(name)"
        }
        XCTAssertEqual(changes.map(describe).sorted(), [
            "added entity Mustafa al-Kadhimi",
            "changed figure over 320 people",
            "removed entity Haider al-Abadi",
            "removed quote As a government we were lucky.",
        ], file: file, line: line)
        let figure = changes.first { $0["kind"] as? String == "figure" }!
        XCTAssertEqual((figure["old"] as? [String: Any])?["value"] as? Int, 300, file: file, line: line)
        XCTAssertEqual((figure["new"] as? [String: Any])?["value"] as? Int, 320, file: file, line: line)
        XCTAssertEqual(figure["fields"] as? [String], ["value", "text"], file: file, line: line)
        let summary = all.last!
        XCTAssertEqual([summary["added"], summary["removed"], summary["changed"]] as? [Int], [1, 2, 1], file: file, line: line)
    }

    func testArticlesDiffToExactlyTheEdits() throws {
        let r = try run(["diff", "--json", TestSupport.example.path, Self.second.path])
        XCTAssertEqual(r.status, 1, r.err)
        try assertExactlyTheEdits(r.out)
    }

    func testExtractionFilesDiffToExactlyTheEdits() throws {
        let folder = try temporaryFolder()
        let old = try extract(TestSupport.example, into: folder, name: "v1.jsonl")
        let new = try extract(Self.second, into: folder, name: "v2.jsonl")
        let r = try run(["diff", "--json", old, new])
        XCTAssertEqual(r.status, 1, r.err)
        try assertExactlyTheEdits(r.out)
        // An extraction file against an article, too.
        let mixed = try run(["diff", "--json", old, Self.second.path])
        XCTAssertEqual(mixed.status, 1, mixed.err)
        try assertExactlyTheEdits(mixed.out)
    }

    func testHumanReport() throws {
        let r = try run(["diff", TestSupport.example.path, Self.second.path])
        XCTAssertEqual(r.status, 1, r.err)
        for expected in ["  entity\n", "- person Haider al-Abadi (1 mention)", "+ person Mustafa al-Kadhimi (1 mention)",
                         "~ casualties (people, Karada): “over 300 people” → “over 320 people” (value 300 → 320)",
                         "was: Mr Araji, a long-time leader", "killed over 320 people in the Karada district",
                         "- direct, Qasim al-Araji: “As a government we were lucky.”"] {
            XCTAssertTrue(r.out.contains(expected), "missing \(expected) in\n\(r.out)")
        }
        XCTAssertTrue(r.out.hasSuffix("4 changes in 1 of 1 document: 1 added, 2 removed, 1 changed\n"), r.out)
    }

    func testIdenticalInputsExitZeroAndPrintNothing() throws {
        let folder = try temporaryFolder()
        let jsonl = try extract(TestSupport.example, into: folder, name: "v1.jsonl")
        for (a, b) in [(TestSupport.example.path, TestSupport.example.path), (jsonl, jsonl), (jsonl, TestSupport.example.path)] {
            for flags in [[], ["--json"]] {
                let r = try run(["diff"] + flags + [a, b])
                XCTAssertEqual(r.status, 0, r.err)
                XCTAssertEqual(r.out, "")
                XCTAssertEqual(r.err, "")
            }
        }
    }

    func testFoldersPairDocumentsByRelativePath() throws {
        let old = try temporaryFolder(), new = try temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: old.appendingPathComponent("iraq"), withIntermediateDirectories: true)
        try fm.createDirectory(at: new.appendingPathComponent("iraq"), withIntermediateDirectories: true)
        try fm.copyItem(at: TestSupport.example, to: old.appendingPathComponent("iraq/page.txt"))
        try fm.copyItem(at: Self.second, to: new.appendingPathComponent("iraq/page.txt"))
        try Data("Qasim al-Araji visited Baghdad.\n".utf8).write(to: old.appendingPathComponent("same.txt"))
        try Data("Qasim al-Araji visited Baghdad.\n".utf8).write(to: new.appendingPathComponent("same.txt"))
        try Data("Masoud Barzani visited Erbil.\n".utf8).write(to: old.appendingPathComponent("gone.txt"))
        try Data("Recep Tayyip Erdogan visited Ankara.\n".utf8).write(to: new.appendingPathComponent("new.txt"))
        let r = try run(["diff", "--json", old.path, new.path])
        XCTAssertEqual(r.status, 1, r.err)
        let all = try rows(r.out)
        let byDoc = Dictionary(grouping: all.dropLast(), by: { $0["doc"] as! String })
        XCTAssertEqual(byDoc["iraq/page.txt"]?.count, 4)
        XCTAssertNil(byDoc["same.txt"])
        XCTAssertEqual(byDoc["gone.txt"]?.map { "\($0["change"]!) \($0["kind"]!)" }, ["removed document"])
        XCTAssertEqual(byDoc["new.txt"]?.map { "\($0["change"]!) \($0["kind"]!)" }, ["added document"])
        XCTAssertEqual(all.last?["documents"] as? Int, 4)
        XCTAssertEqual(all.last?["differing"] as? Int, 3)
        // The same folder: nothing.
        let same = try run(["diff", old.path, old.path])
        XCTAssertEqual(same.status, 0, same.err)
        XCTAssertEqual(same.out, "")
    }

    func testTroubleExitsTwo() throws {
        let folder = try temporaryFolder()
        let missing = try run(["diff", folder.appendingPathComponent("nothing.txt").path, TestSupport.example.path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("no such file"), missing.err)
        let bad = folder.appendingPathComponent("bad.jsonl")
        try Data("{\"doc\": \"a\", \"kind\": \"entity\"}\n{not json\n".utf8).write(to: bad)
        let r = try run(["diff", bad.path, TestSupport.example.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("line 2"), r.err)
        let errors = folder.appendingPathComponent("errors.jsonl")
        try Data("{\"doc\": \"a\", \"kind\": \"error\", \"error\": \"not valid UTF-8\"}\n".utf8).write(to: errors)
        let e = try run(["diff", errors.path, errors.path])
        XCTAssertEqual(e.status, 2)
        XCTAssertTrue(e.err.contains("not valid UTF-8"), e.err)
        XCTAssertEqual(try run(["diff", TestSupport.example.path]).status, 2)
    }
}

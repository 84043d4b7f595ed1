import Foundation
import XCTest

/// `dossier batch` end to end: exit codes, error records, the streaming filter, and a run killed
/// with SIGKILL then finished with --resume.
final class BatchCommandLineTests: XCTestCase {
    var folder: URL!

    var binary: URL { CommandLineRunner.binary }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-batch-cli-\(UUID().uuidString)")
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("news"), withIntermediateDirectories: true)
        let gum = TestSupport.corpus.appendingPathComponent("gum-news")
        for name in try FileManager.default.contentsOfDirectory(atPath: gum.path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: gum.appendingPathComponent(name), to: corpus.appendingPathComponent("news/\(name)"))
        }
        try FileManager.default.copyItem(at: TestSupport.example, to: corpus.appendingPathComponent("example.txt"))
        try Data([0x41, 0xFF, 0x42]).write(to: corpus.appendingPathComponent("bad.txt"))
        try Data("<html><body><p>President Obama visited Baghdad.</p></body></html>".utf8).write(to: corpus.appendingPathComponent("page.html"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    var corpus: String { folder.appendingPathComponent("corpus").path }
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @discardableResult
    func run(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, out: String, err: String) {
        try CommandLineRunner.run(arguments, stdin: stdin)
    }

    func read(_ file: String) throws -> String { try String(contentsOfFile: file, encoding: .utf8) }

    func docs(_ output: String) -> [String] {
        var seen: [String] = []
        for line in output.split(separator: "\n") {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let doc = object?["doc"] as? String, seen.last != doc { seen.append(doc) }
        }
        return seen
    }

    func testBatchOfAFolderWithABadFile() throws {
        let r = try run(["batch", corpus, "--output", path("out.jsonl"), "--jobs", "2"])
        XCTAssertEqual(r.status, 0, r.err)
        let out = try read(path("out.jsonl"))
        XCTAssertEqual(docs(out).first, "bad.txt")
        XCTAssertTrue(docs(out).contains("news/GUM_news_korea.txt"))
        XCTAssertEqual(docs(out).count, 17)
        XCTAssertTrue(out.contains("{\"doc\": \"bad.txt\", \"kind\": \"error\", \"error\": \"bad.txt: not valid UTF-8 (first bad byte at offset 1)\"}\n"))
        XCTAssertTrue(r.err.contains("17 documents"), r.err)
        XCTAssertTrue(r.err.contains("1 errors"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.jsonl.progress")))
        // Same bytes with one job, and to standard output.
        let one = try run(["batch", corpus, "--output", "-", "--jobs", "1", "--quiet"])
        XCTAssertEqual(one.status, 0)
        XCTAssertEqual(one.out, out)
        XCTAssertEqual(one.err, "")
    }

    func testStreamingFilterMatchesAJSONLinesFile() throws {
        var lines = ""
        for (i, name) in ["GUM_news_korea.txt", "GUM_news_flag.txt", "GUM_news_taxes.txt"].enumerated() {
            let text = try read(corpus + "/news/" + name)
            lines += String(data: try JSONSerialization.data(withJSONObject: ["id": "n\(i)", "text": text]), encoding: .utf8)! + "\n"
        }
        lines += "{\"id\": \"h\", \"html\": \"<html><body><p>Qasim al-Araji visited Mosul.</p></body></html>\"}\n"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: path("docs.jsonl")))
        let filtered = try run(["batch", "-", "--output", "-", "--quiet"], stdin: Data(lines.utf8))
        XCTAssertEqual(filtered.status, 0, filtered.err)
        XCTAssertEqual(docs(filtered.out), ["n0", "n1", "n2", "h"])
        XCTAssertTrue(filtered.out.contains("\"text\": \"Mosul\""))
        XCTAssertEqual(try run(["batch", path("docs.jsonl"), "--output", path("f.jsonl")]).status, 0)
        XCTAssertEqual(try read(path("f.jsonl")), filtered.out)
    }

    func testUsageAndOutputErrors() throws {
        let missing = try run(["batch", path("nothing-here"), "--output", path("o.jsonl")])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.err.contains("no such file or folder"), missing.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("o.jsonl")))
        XCTAssertNotEqual(try run(["batch", corpus, "--output", "-", "--resume"]).status, 0)
        XCTAssertNotEqual(try run(["batch", corpus, "--output", path("o.jsonl"), "--jobs", "0"]).status, 0)
        XCTAssertNotEqual(try run(["batch", corpus]).status, 0, "--output is required")
        let unwritable = try run(["batch", corpus, "--output", path("no/such/folder/o.jsonl")])
        XCTAssertEqual(unwritable.status, 1)
        XCTAssertTrue(unwritable.err.contains("cannot"), unwritable.err)
    }

    func testKilledRunFinishesWithResume() throws {
        // A bigger corpus: each GUM text six times.
        let big = path("big")
        for copy in 0..<6 {
            let sub = big + "/c\(copy)"
            try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: corpus + "/news") {
                try FileManager.default.copyItem(atPath: corpus + "/news/" + name, toPath: sub + "/" + name)
            }
        }
        XCTAssertEqual(try run(["batch", big, "--output", path("clean.jsonl"), "--quiet"]).status, 0)
        let clean = try read(path("clean.jsonl"))
        let out = path("killed.jsonl")
        // Killed as soon as records come out, and a little later.
        for delay in [0.0, 0.3] {
            let p = Process()
            p.executableURL = binary
            p.arguments = ["batch", big, "--output", out, "--quiet", "--jobs", "2"]
            try p.run()
            // Kill once some records are out (or after the delay).
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0 < 1 { usleep(5_000) }
            usleep(UInt32(delay * 1_000_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            // A write cut short by the kill (the kernel checks for a fatal signal between pages)
            // can leave a torn last line. If the run was stopped before its end (its progress file
            // is there), make one every time, so that resuming is held to drop it.
            if FileManager.default.fileExists(atPath: out + ".progress") {
                let torn = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
                try torn.seekToEnd()
                try torn.write(contentsOf: Data("{\"kind\":\"entity\",\"te".utf8))
                try torn.close()
            }
            let resumed = try run(["batch", big, "--output", out, "--resume"])
            XCTAssertEqual(resumed.status, 0, resumed.err)
            XCTAssertEqual(try read(out), clean)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out + ".progress"))
        }
    }
}

import Foundation
import XCTest
@testable import Dossier

/// `dossier batch` as a library: input order, JSON Lines documents, error records, ordered
/// parallel runs and the progress file that makes `--resume` exact.
final class BatchTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func items(_ inputs: [BatchInput], maxDocBytes: Int = 1 << 20) -> [BatchItem] {
        let e = BatchEnumerator(inputs: inputs, maxDocBytes: maxDocBytes)
        var out: [BatchItem] = []
        while let item = e.next() { out.append(item) }
        return out
    }

    func runner(jobs: Int, window: Int? = nil, maxBytes: Int = 1 << 20) -> BatchRunner {
        BatchRunner(processor: BatchProcessor(pipeline: TestSupport.pipeline, reader: DocumentReader(maxBytes: maxBytes)), jobs: jobs, window: window)
    }

    /// Sentences with entities and figures, different for each `i`.
    func article(_ i: Int) -> String {
        let places = ["Baghdad", "Mosul", "Kirkuk", "Basra", "Tikrit"]
        return "Interior Minister Qasim al-Araji visited \(places[i % 5]) on Monday.\n\n"
            + "Officials said \(i * 7 + 3) people were killed and over \(i + 12) injured.\n\n"
            + String(repeating: "The army said the city was calm. ", count: i % 4)
    }

    func testFoldersAreWalkedRecursivelyInSortedOrder() throws {
        for name in ["b.txt", "a/z.txt", "a/b.html", "c.htm", "x.md", ".hidden.txt", ".git/y.txt", "a/B.TXT", "d/e/f.txt"] {
            _ = try write(name, "text")
        }
        let ids = items([.folder(folder.path)]).map(\.knownID)
        XCTAssertEqual(ids, ["a/B.TXT", "a/b.html", "a/z.txt", "b.txt", "c.htm", "d/e/f.txt"])
        XCTAssertEqual(items([.folder(folder.path + "/")]).map(\.knownID), ids)
        let estimate = BatchEnumerator.estimate([.folder(folder.path)])
        XCTAssertEqual(estimate.documents, 6)
        XCTAssertEqual(estimate.bytes, 24)
    }

    func testSingleFilesKeepTheirPathAsID() throws {
        let path = try write("one.txt", "Mosul")
        let all = items([.file(path), .file(path)])
        XCTAssertEqual(all.map(\.knownID), [path, path])
        XCTAssertEqual(all.map(\.index), [0, 1])
    }

    func testJSONLinesDocuments() throws {
        let path = try write("docs.jsonl", """
        {"id": "a", "text": "Qasim al-Araji visited Baghdad."}

        {"id": 7, "html": "<html><body><p>President Obama visited Mosul.</p></body></html>"}
        {"text": "No id here: Kirkuk."}
        {"id": "broken", "text":
        {"id": "no-text"}
        [1, 2]
        """)
        let all = items([.jsonLines(path)])
        XCTAssertEqual(all.count, 6, "the blank line is not a document")
        XCTAssertEqual(all.map { $0.resolvedID() }, ["a", "7", "\(path):4", "\(path):5", "no-text", "\(path):7"])
        let processor = runner(jobs: 1).processor
        let results = all.map(processor.process)
        XCTAssertEqual(results.map(\.failed), [false, false, false, true, true, true])
        XCTAssertTrue(String(decoding: results[1].bytes, as: UTF8.self).contains("\"text\": \"Mosul\""))
        XCTAssertTrue(String(decoding: results[3].bytes, as: UTF8.self).contains("not a valid JSON line"))
        XCTAssertTrue(String(decoding: results[4].bytes, as: UTF8.self).contains("no \\\"text\\\" or \\\"html\\\""))
    }

    func testLineReaderSkipsOverlongLines() throws {
        let path = try write("lines.jsonl", "short\n" + String(repeating: "x", count: 300_000) + "\nlast")
        let fd = open(path, O_RDONLY)
        let reader = LineReader(fd: fd, ownsDescriptor: true, limit: 1000)
        var seen: [String] = []
        while let line = reader.next() {
            switch line {
            case .line(let b): seen.append(String(decoding: b, as: UTF8.self))
            case .tooLong(let n): seen.append("too long \(n)")
            case .readError(let e): seen.append("error \(e)")
            }
        }
        XCTAssertEqual(seen, ["short", "too long 300000", "last"])
        let over = items([.jsonLines(path)], maxDocBytes: 100)
        XCTAssertEqual(over.count, 3)
        if case .failure(let message) = over[1].source { XCTAssertTrue(message.contains("over the limit")) } else { XCTFail() }
    }

    func testFailingDocumentsBecomeErrorRecords() throws {
        _ = try write("bad.txt", [0x41, 0xFF, 0x42])
        _ = try write("bin.txt", [0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 0, count: 100))
        _ = try write("big.txt", String(repeating: "Mosul. ", count: 100))
        _ = try write("good.txt", article(1))
        var results: [BatchResult] = []
        runner(jobs: 2, maxBytes: 500).run(BatchEnumerator(inputs: [.folder(folder.path)], maxDocBytes: 500)) { results.append($0) }
        XCTAssertEqual(results.map(\.id), ["bad.txt", "big.txt", "bin.txt", "good.txt"])
        XCTAssertEqual(results.map(\.failed), [true, true, true, false])
        for r in results.prefix(3) {
            let object = try JSONSerialization.jsonObject(with: Data(r.bytes)) as? [String: Any]
            XCTAssertEqual(object?["kind"] as? String, "error")
            XCTAssertEqual(object?["doc"] as? String, r.id)
            XCTAssertNotNil(object?["error"] as? String)
        }
        XCTAssertGreaterThan(results[3].records, 3)
    }

    func testOutputIsTheSameWhateverTheJobs() throws {
        var lines = ""
        for i in 0..<40 {
            let text = String(data: try JSONSerialization.data(withJSONObject: ["id": "doc\(i)", "text": article(i)]), encoding: .utf8)!
            lines += text + "\n"
        }
        let path = try write("docs.jsonl", lines)
        func output(jobs: Int, window: Int?) throws -> [UInt8] {
            var out: [UInt8] = []
            var order: [Int] = []
            runner(jobs: jobs, window: window).run(BatchEnumerator(inputs: [.jsonLines(path)], maxDocBytes: 1 << 20)) {
                out += $0.bytes
                order.append($0.index)
            }
            XCTAssertEqual(order, Array(0..<40))
            return out
        }
        let one = try output(jobs: 1, window: nil)
        XCTAssertFalse(one.isEmpty)
        XCTAssertEqual(try output(jobs: 2, window: nil), one)
        XCTAssertEqual(try output(jobs: 4, window: 4), one)
        XCTAssertEqual(try output(jobs: 3, window: 50), one)
    }

    func testAConsumerErrorStopsTheRun() throws {
        for i in 0..<30 { _ = try write(String(format: "d%02d.txt", i), article(i)) }
        struct Stop: Error {}
        var seen = 0
        XCTAssertThrowsError(try runner(jobs: 2, window: 3).run(BatchEnumerator(inputs: [.folder(folder.path)], maxDocBytes: 1 << 20)) { (_: BatchResult) throws(Stop) in
            seen += 1
            if seen == 5 { throw Stop() }
        })
        XCTAssertEqual(seen, 5)
    }

    func testCheckpointSurvivesATornSlot() throws {
        let path = folder.appendingPathComponent("out.progress").path
        let checkpoint = try BatchCheckpoint(creating: path, fingerprint: 99)
        var p = BatchProgress()
        for n in 1...5 {
            p.documents = n; p.outputBytes = n * 100; p.records = n * 3; p.lastIDHash = UInt64(n)
            try checkpoint.commit(p)
        }
        XCTAssertEqual(try checkpoint.read(), p)
        // Tear the slot written last (5 → slot 1): the one before remains.
        let fd = open(path, O_WRONLY)
        _ = Array("garbage".utf8).withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, off_t(BatchCheckpoint.slotSize * 2 + 3)) }
        close(fd)
        XCTAssertEqual(try checkpoint.read().documents, 4)
        let other = try XCTUnwrap(try BatchCheckpoint(resuming: path, fingerprint: 98))
        XCTAssertThrowsError(try other.read())
        XCTAssertNil(try BatchCheckpoint(resuming: path + ".none", fingerprint: 99))
    }

    // MARK: Sessions and --resume

    func corpus(_ n: Int) throws -> [BatchInput] {
        for i in 0..<n { _ = try write(String(format: "in/d%02d.txt", i), article(i)) }
        _ = try write("in/empty.txt", "")
        _ = try write("in/zz-bad.txt", [0xC3])
        return [.folder(folder.appendingPathComponent("in").path)]
    }

    func session(_ inputs: [BatchInput], output: String, resume: Bool = false, fingerprint: String = "f") -> BatchSession {
        BatchSession(runner: runner(jobs: 2), inputs: inputs, output: output, settings: BatchSettings(resume: resume, fingerprint: fingerprint))
    }

    func testSessionWritesEveryDocumentAndRemovesItsProgressFile() throws {
        let inputs = try corpus(12)
        let out = folder.appendingPathComponent("out.jsonl").path
        var calls = 0
        let stats = try session(inputs, output: out).run { _ in calls += 1 }
        XCTAssertEqual(stats.documents, 14)
        XCTAssertEqual(calls, 14)
        XCTAssertEqual(stats.errors, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: BatchSession.progressPath(for: out)))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").filter { $0.contains("\"kind\": \"error\"") }.count, 1)
        XCTAssertEqual(stats.records, text.split(separator: "\n").count)
        // --resume on a finished output does nothing.
        let again = try session(inputs, output: out, resume: true).run()
        XCTAssertTrue(again.alreadyComplete)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), text)
    }

    /// Every state a kill can leave, after each document: the committed prefix, maybe the next
    /// document whole or in part, maybe not yet committed. `--resume` must give the clean output.
    func testResumeFromEveryCrashPoint() throws {
        let inputs = try corpus(10)
        let cleanPath = folder.appendingPathComponent("clean.jsonl").path
        var snapshots: [BatchProgress] = [BatchProgress()]
        _ = try session(inputs, output: cleanPath).run { snapshots.append($0.total) }
        let clean = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cleanPath)))
        let out = folder.appendingPathComponent("out.jsonl").path
        for k in 0..<snapshots.count - 1 {
            let committed = snapshots[k], nextEnd = snapshots[k + 1].outputBytes
            for extra in Set([0, 1, (nextEnd - committed.outputBytes) / 2, nextEnd - committed.outputBytes]) where committed.outputBytes + extra <= nextEnd {
                try Data(clean[0..<committed.outputBytes + extra]).write(to: URL(fileURLWithPath: out))
                let checkpoint = try BatchCheckpoint(creating: BatchSession.progressPath(for: out), fingerprint: BatchCheckpoint.fnv1a(Array("f".utf8)))
                if k > 0 { try checkpoint.commit(snapshots[k - 1]) }
                try checkpoint.commit(committed)
                let stats = try session(inputs, output: out, resume: true).run()
                XCTAssertEqual(stats.resumedAfter, k)
                XCTAssertEqual(stats.total, snapshots.last!)
                XCTAssertEqual(try [UInt8](Data(contentsOf: URL(fileURLWithPath: out))), clean, "crash after \(k) documents + \(extra) bytes")
                XCTAssertFalse(FileManager.default.fileExists(atPath: BatchSession.progressPath(for: out)))
            }
        }
    }

    func testResumeRefusesAnotherRun() throws {
        let inputs = try corpus(4)
        let out = folder.appendingPathComponent("out.jsonl").path
        var snapshots: [BatchProgress] = []
        _ = try session(inputs, output: out).run { snapshots.append($0.total) }
        let fingerprint = BatchCheckpoint.fnv1a(Array("f".utf8))
        try BatchCheckpoint(creating: BatchSession.progressPath(for: out), fingerprint: fingerprint).commit(snapshots[2])
        XCTAssertThrowsError(try session(inputs, output: out, resume: true, fingerprint: "other options").run())
        // Other inputs: the third document is not the one committed.
        _ = try write("in/d00b.txt", "A new first document in Mosul.")
        XCTAssertThrowsError(try session(inputs, output: out, resume: true).run()) { error in
            XCTAssertTrue("\(error)".contains("not those of the run"))
        }
        XCTAssertThrowsError(try session(inputs, output: "-", resume: true).run())
    }

    func testProgressBarText() {
        var s = BatchStatistics()
        s.documents = 50; s.inputBytes = 5_000_000; s.elapsed = 2
        s.total.documents = 150; s.total.inputBytes = 15_000_000; s.total.errors = 2
        let line = BatchProgressBar.render(s, totalDocuments: 300, totalBytes: 30_000_000)
        XCTAssertTrue(line.contains("150/300 docs"), line)
        XCTAssertTrue(line.contains(" 50%"), line)
        XCTAssertTrue(line.contains("2.5 MB/s"), line)
        XCTAssertTrue(line.contains("ETA 0:06"), line)
        XCTAssertEqual(BatchProgressBar.render(s, totalDocuments: nil, totalBytes: nil), "150 docs  2 errors  2.5 MB/s")
    }
}

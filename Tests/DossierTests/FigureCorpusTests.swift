import Foundation
import XCTest
@testable import Dossier

/// Runs the figure rule corpora in `Corpus/figures/*.tsv`: every example is a test (see the
/// corpus README for the format).
final class FigureCorpusTests: XCTestCase {
    static let pipeline: Pipeline = {
        do { return try Pipeline() } catch { fatalError("pipeline: \(error)") }
    }()

    static var corpusDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus/figures")
    }

    /// The figure records of one sentence.
    static func figures(_ sentence: String) -> [Record] {
        pipeline.analyse(Document(id: "example", text: sentence)).figures
    }

    func testNumbers() throws { try check("numbers.tsv") }
    func testRangesAndQualifiers() throws { try check("ranges_qualifiers.tsv") }
    func testMoneyAndPercent() throws { try check("money_percent.tsv") }
    func testDurationsAndAges() throws { try check("durations_ages.tsv") }
    func testCategories() throws { try check("categories.tsv") }
    func testEllipsis() throws { try check("ellipsis.tsv") }
    func testNotFigures() throws { try check("not_figures.tsv") }

    /// Every corpus file has a test above.
    func testEveryCorpusFileIsChecked() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpusDirectory.path).filter { $0.hasSuffix(".tsv") }
        XCTAssertEqual(Set(names), ["numbers.tsv", "ranges_qualifiers.tsv", "money_percent.tsv", "durations_ages.tsv",
                                    "categories.tsv", "ellipsis.tsv", "not_figures.tsv"])
    }

    func check(_ name: String) throws {
        let text = try String(contentsOf: Self.corpusDirectory.appendingPathComponent(name), encoding: .utf8)
        var cache: [String: [Record]] = [:]
        var examples = 0
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 2 else { XCTFail("\(name):\(n + 1): needs a sentence and a text"); continue }
            examples += 1
            let sentence = f[0]
            let found = cache[sentence] ?? Self.figures(sentence)
            cache[sentence] = found
            let place = "\(name):\(n + 1) «\(sentence)»"
            let summary = found.map { "\($0.text ?? "")=\(Self.number($0["value"]) ?? .nan)/\($0.type ?? "")/\($0.string("unit") ?? "null")" }
            if f[1] == "-" {
                XCTAssertTrue(found.isEmpty, "\(place): expected no figure, got \(summary)")
                continue
            }
            if f[1].hasPrefix("!") {
                let banned = String(f[1].dropFirst())
                XCTAssertFalse(found.contains { ($0.text ?? "").contains(banned) || banned.contains($0.text ?? "\u{0}") },
                               "\(place): \(banned) must not be a figure, got \(summary)")
                continue
            }
            guard f.count >= 3, let value = Double(f[2]) else { XCTFail("\(place): needs a value"); continue }
            guard let r = found.first(where: { $0.text == f[1] }) else {
                XCTFail("\(place): expected «\(f[1])», got \(summary)")
                continue
            }
            XCTAssertEqual(Self.number(r["value"]) ?? .nan, value, accuracy: 1e-6 * max(1, abs(value)), "\(place): value")
            if f.count > 3, !f[3].isEmpty { XCTAssertEqual(r.type, f[3], "\(place): type of «\(f[1])»") }
            if f.count > 4, !f[4].isEmpty {
                if f[4] == "null" { XCTAssertEqual(r["unit"], .null, "\(place): unit") } else { XCTAssertEqual(r.string("unit"), f[4], "\(place): unit") }
            }
            if f.count > 5, !f[5].isEmpty { XCTAssertEqual(r.string("qualifier"), f[5], "\(place): qualifier") }
            if f.count > 6, !f[6].isEmpty {
                for pair in f[6].split(separator: ";") {
                    let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    guard kv.count == 2 else { continue }
                    if let v = Double(kv[1]) {
                        XCTAssertEqual(Self.number(r[kv[0]]) ?? .nan, v, accuracy: 1e-6 * max(1, abs(v)), "\(place): \(kv[0])")
                    } else {
                        XCTAssertEqual(r.string(kv[0]), kv[1], "\(place): \(kv[0])")
                    }
                }
            }
        }
        XCTAssertGreaterThan(examples, 0, "\(name) has no examples")
    }

    static func number(_ v: JSONValue?) -> Double? {
        switch v {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        default: return nil
        }
    }
}

import Foundation
import XCTest
@testable import Dossier

/// Figure value F1 on the worked example (`Corpus/unz-cockburn-iraq-isis-sleeper-cells.txt` and
/// its gold records), scored like `score.py --zones body`: a prediction matches a gold figure when
/// the spans overlap and the values are equal.
final class FigureQualityTests: XCTestCase {
    func testWorkedExampleValueF1() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus")
        let textURL = corpus.appendingPathComponent("unz-cockburn-iraq-isis-sleeper-cells.txt")
        let goldURL = corpus.appendingPathComponent("unz-cockburn-iraq-isis-sleeper-cells.gold.jsonl")
        let document = try DocumentReader().read(path: textURL.path)
        let records = FigureCorpusTests.pipeline.extract(document)
        let gold = try String(contentsOf: goldURL, encoding: .utf8).split(separator: "\n").compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
        let goldFigures = gold.filter { $0["kind"] as? String == "figure" && $0["zone"] as? String == "body" }
        let bodyZones = gold.filter { $0["kind"] as? String == "zone" && $0["type"] as? String == "body" }
            .compactMap { z -> Range<Int>? in
                guard let s = z["start"] as? Int, let e = z["end"] as? Int else { return nil }
                return s..<e
            }
        let predicted = records.filter { r in
            r.kind == "figure" && bodyZones.contains { $0.contains(r.start ?? -1) }
        }
        var used = Set<Int>()
        var tp = 0
        for g in goldFigures {
            guard let gs = g["start"] as? Int, let ge = g["end"] as? Int, let gv = (g["value"] as? NSNumber)?.doubleValue else { continue }
            if let j = predicted.indices.first(where: { j in
                let p = predicted[j]
                guard !used.contains(j), let ps = p.start, let pe = p.end, let pv = FigureCorpusTests.number(p["value"]) else { return false }
                return min(pe, ge) > max(ps, gs) && abs(pv - gv) <= 1e-6 * max(1, abs(gv))
            }) {
                used.insert(j)
                tp += 1
            }
        }
        let precision = predicted.isEmpty ? 0 : Double(tp) / Double(predicted.count)
        let recall = goldFigures.isEmpty ? 0 : Double(tp) / Double(goldFigures.count)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        XCTAssertEqual(goldFigures.count, 11)
        XCTAssertGreaterThanOrEqual(f1, 0.9, "figure value F1 \(f1) (P \(precision), R \(recall))")
    }
}

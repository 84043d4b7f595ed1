import Foundation
@testable import Dossier

/// Shared helpers for tests: the repository's folders, a pipeline loaded once, and a scorer that
/// follows the project's scoring rules (typed overlap, one-to-one, ignore spans not counted).
enum TestSupport {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Corpus")
    static let example = corpus.appendingPathComponent("unz-cockburn-iraq-isis-sleeper-cells.txt")

    static let pipeline: Pipeline = {
        do { return try Pipeline() } catch { fatalError("pipeline: \(error)") }
    }()

    static func document(_ text: String, id: String = "test") -> Document {
        Document(id: id, text: text)
    }

    static func analyse(_ text: String) -> Analysis {
        pipeline.analyse(document(text))
    }

    /// Records of a JSONL file.
    static func loadRecords(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        }
    }

    /// Records as dictionaries, through the JSON encoder, as a consumer would read them.
    static func jsonRecords(_ records: [Record]) -> [[String: Any]] {
        records.map { r in
            try! JSONSerialization.jsonObject(with: Data(JSONEncoding.encode(r))) as! [String: Any]
        }
    }

    /// The code points of `text` between code point offsets, as Python's `text[start:end]`.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }
}

/// Typed overlap F1 for entities, as `score.py` computes it.
struct EntityScore {
    var truePositives = 0
    var predicted = 0
    var gold = 0
    var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    mutating func add(gold goldRecords: [[String: Any]], predicted predRecords: [[String: Any]], zones: Set<String>? = nil) {
        func span(_ r: [String: Any]) -> (Int, Int) { (r["start"] as! Int, r["end"] as! Int) }
        let inZone = { (r: [String: Any]) in zones == nil || zones!.contains(r["zone"] as? String ?? "body") }
        let ignores = goldRecords.filter { $0["kind"] as? String == "ignore" && inZone($0) }.map(span)
        let golds = goldRecords.filter { $0["kind"] as? String == "entity" && inZone($0) }
        let zoneSpans = goldRecords.filter { $0["kind"] as? String == "zone" && zones?.contains($0["type"] as? String ?? "") == true }.map(span)
        var preds = predRecords.filter { $0["kind"] as? String == "entity" }
        if zones != nil, !zoneSpans.isEmpty {
            preds = preds.filter { p in let s = p["start"] as! Int; return zoneSpans.contains { $0.0 <= s && s < $0.1 } }
        }
        var pairs: [(Int, Int, Int)] = []
        for (i, g) in golds.enumerated() {
            for (j, p) in preds.enumerated() where g["type"] as? String == p["type"] as? String {
                let (gs, ge) = span(g), (ps, pe) = span(p)
                let o = min(ge, pe) - max(gs, ps)
                if o > 0 { pairs.append((o, i, j)) }
            }
        }
        pairs.sort { ($0.0, $0.1, $0.2) > ($1.0, $1.1, $1.2) }
        var usedG = Set<Int>(), usedP = Set<Int>()
        for (_, i, j) in pairs where !usedG.contains(i) && !usedP.contains(j) {
            usedG.insert(i)
            usedP.insert(j)
        }
        let counted = preds.indices.filter { j in
            usedP.contains(j) || !ignores.contains { $0.0 <= span(preds[j]).0 && span(preds[j]).1 <= $0.1 }
        }
        truePositives += usedG.count
        predicted += counted.count
        gold += golds.count
    }
}

import XCTest
@testable import Dossier

/// Quotation and claim quality on gold kept in `Corpus/`: the worked example and the
/// attribution gold of `Corpus/quotes/` (GUM news articles). Fails below the floors.
final class QuoteQualityTests: XCTestCase {
    var exampleGold: URL { TestSupport.corpus.appendingPathComponent("unz-cockburn-iraq-isis-sleeper-cells.gold.jsonl") }
    var quotesFolder: URL { TestSupport.corpus.appendingPathComponent("quotes") }

    func predict(_ url: URL) throws -> [[String: Any]] {
        let doc = try DocumentReader().read(path: url.path, id: "doc")
        return TestSupport.jsonRecords(TestSupport.pipeline.extract(doc))
    }

    func testWorkedExampleBody() throws {
        var s = QuoteScore()
        s.add(gold: try TestSupport.loadRecords(exampleGold), predicted: try predict(TestSupport.example), zones: ["body"])
        XCTAssertEqual(s.quoteGold, 12)
        XCTAssertGreaterThanOrEqual(s.quoteF1, 0.95, "quote F1 \(s.quoteF1) (P \(s.quoteP), R \(s.quoteR))")
        XCTAssertGreaterThanOrEqual(s.speakerAccuracy, 0.95, "speaker accuracy \(s.speakerAccuracy)")
        XCTAssertGreaterThanOrEqual(s.claimR, 0.99, "claim recall \(s.claimR)")
        XCTAssertGreaterThanOrEqual(s.claimF1, 0.8, "claim F1 \(s.claimF1)")
    }

    func testWorkedExampleScareQuotesUnattributed() throws {
        var s = QuoteScore()
        s.add(gold: try TestSupport.loadRecords(exampleGold), predicted: try predict(TestSupport.example), zones: nil)
        XCTAssertEqual(s.scareGold, 5)
        XCTAssertEqual(s.scareAttributed, 0)
    }

    func testGUMAttributionGold() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: quotesFolder.path).filter { $0.hasSuffix(".quotes.jsonl") }
        XCTAssertGreaterThanOrEqual(files.count, 10)
        var s = QuoteScore()
        for f in files.sorted() {
            let text = quotesFolder.appendingPathComponent(String(f.dropLast(".quotes.jsonl".count)) + ".txt")
            s.add(gold: try TestSupport.loadRecords(quotesFolder.appendingPathComponent(f)), predicted: try predict(text), zones: nil)
        }
        XCTAssertGreaterThanOrEqual(s.quoteF1, 0.90, "quote F1 \(s.quoteF1) (P \(s.quoteP), R \(s.quoteR))")
        XCTAssertGreaterThanOrEqual(s.speakerAccuracy, 0.78, "speaker accuracy \(s.speakerAccuracy)")
        XCTAssertGreaterThanOrEqual(s.claimF1, 0.85, "claim F1 \(s.claimF1) (P \(s.claimP), R \(s.claimR))")
        XCTAssertLessThanOrEqual(s.scareAttributed, 2, "scare quotes attributed \(s.scareAttributed) of \(s.scareGold)")
    }
}

/// Quote and claim scores as `score.py` computes them: quotes match one-to-one on an overlap of at
/// least half the shorter span (only predictions with a speaker count); speakers agree when their
/// last words agree; claims match when the predicted cue overlaps the gold span.
struct QuoteScore {
    var quoteGold = 0, quotePredicted = 0, quoteMatched = 0, speakerCorrect = 0
    var scareGold = 0, scareAttributed = 0
    var claimGold = 0, claimPredicted = 0, claimMatched = 0

    var quoteP: Double { quotePredicted == 0 ? 0 : Double(quoteMatched) / Double(quotePredicted) }
    var quoteR: Double { quoteGold == 0 ? 0 : Double(quoteMatched) / Double(quoteGold) }
    var quoteF1: Double { quoteP + quoteR == 0 ? 0 : 2 * quoteP * quoteR / (quoteP + quoteR) }
    var speakerAccuracy: Double { quoteGold == 0 ? 0 : Double(speakerCorrect) / Double(quoteGold) }
    var claimP: Double { claimPredicted == 0 ? 0 : Double(claimMatched) / Double(claimPredicted) }
    var claimR: Double { claimGold == 0 ? 0 : Double(claimMatched) / Double(claimGold) }
    var claimF1: Double { claimP + claimR == 0 ? 0 : 2 * claimP * claimR / (claimP + claimR) }

    typealias R = [String: Any]

    static func span(_ r: R) -> (Int, Int) { (r["start"] as? Int ?? 0, r["end"] as? Int ?? 0) }
    static func overlap(_ a: (Int, Int), _ b: (Int, Int)) -> Int { max(0, min(a.1, b.1) - max(a.0, b.0)) }

    static func match(_ gold: [(Int, Int)], _ pred: [(Int, Int)], _ ok: (Int, Int) -> Bool) -> [(Int, Int)] {
        var pairs: [(Int, Int, Int)] = []
        for (i, g) in gold.enumerated() {
            for (j, p) in pred.enumerated() where overlap(g, p) > 0 && ok(i, j) { pairs.append((overlap(g, p), i, j)) }
        }
        pairs.sort { ($0.0, $0.1, $0.2) > ($1.0, $1.1, $1.2) }
        var ug = Set<Int>(), up = Set<Int>(), out: [(Int, Int)] = []
        for (_, i, j) in pairs where !ug.contains(i) && !up.contains(j) {
            ug.insert(i); up.insert(j); out.append((i, j))
        }
        return out
    }

    static func words(_ s: String?) -> [String] {
        guard let s else { return [] }
        let folded = s.lowercased().replacingOccurrences(of: "-", with: " ")
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == " " })
            .split(separator: " ").map(String.init)
    }

    static func sameSpeaker(_ g: R, _ p: R) -> Bool {
        let gs = g["speaker"] as? String, ps = p["speaker"] as? String
        guard let gs else { return ps == nil }
        guard let ps else { return false }
        let gw = words(gs), pw = words(ps)
        guard let gl = gw.last, let pl = pw.last else { return false }
        return gl == pl || pw.contains(gl)
    }

    mutating func add(gold: [R], predicted: [R], zones: Set<String>?) {
        let inZone = { (r: R) in zones == nil || zones!.contains(r["zone"] as? String ?? "body") }
        var preds = predicted
        let zoneSpans = gold.filter { $0["kind"] as? String == "zone" && zones?.contains($0["type"] as? String ?? "") == true }.map(Self.span)
        if zones != nil, !zoneSpans.isEmpty {
            preds = preds.filter { p in
                guard let s = p["start"] as? Int else { return false }
                return zoneSpans.contains { $0.0 <= s && s < $0.1 }
            }
        }
        let gq = gold.filter { $0["kind"] as? String == "quote" && $0["type"] as? String != "scare" && inZone($0) }
        let gs = gold.filter { $0["kind"] as? String == "quote" && $0["type"] as? String == "scare" && inZone($0) }
        let pq = preds.filter { $0["kind"] as? String == "quote" && $0["speaker"] as? String != nil }
        let half = { (g: (Int, Int), p: (Int, Int)) in Self.overlap(g, p) * 2 >= min(g.1 - g.0, p.1 - p.0) }
        let gqs = gq.map(Self.span), pqs = pq.map(Self.span)
        let mq = Self.match(gqs, pqs) { half(gqs[$0], pqs[$1]) }
        quoteGold += gq.count
        quotePredicted += pq.count
        quoteMatched += mq.count
        speakerCorrect += mq.filter { Self.sameSpeaker(gq[$0.0], pq[$0.1]) }.count
        let gss = gs.map(Self.span)
        scareGold += gs.count
        scareAttributed += Self.match(gss, pqs) { half(gss[$0], pqs[$1]) }.count
        let gc = gold.filter { $0["kind"] as? String == "claim" && inZone($0) }
        let pc = preds.filter { $0["kind"] as? String == "claim" }.map { p -> (Int, Int) in
            if let c = p["cue"] as? R, c["start"] is Int { return Self.span(c) }
            return Self.span(p)
        }
        claimGold += gc.count
        claimPredicted += pc.count
        claimMatched += Self.match(gc.map(Self.span), pc) { _, _ in true }.count
    }
}

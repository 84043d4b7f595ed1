import Foundation
import XCTest
@testable import Dossier

/// Body-zone quality on the dev set of `Corpus/pages` (Wikinews articles rendered into page
/// templates, as HTML and as text dumps): word 4-gram precision, recall and F1 of the body zone
/// against the gold body, as `Scripts/zones_eval.py` measures them. Floors sit just under what the
/// rules reach; `heldout` templates were never looked at while writing the rules.
final class ZoneQualityTests: XCTestCase {
    static let pages = TestSupport.corpus.appendingPathComponent("pages")

    static func words(_ text: String) -> [Substring] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
    }

    static func shingles(_ text: String, n: Int = 4) -> [String: Int] {
        let w = words(text)
        var out: [String: Int] = [:]
        if w.count < n { if !w.isEmpty { out[w.joined(separator: " "), default: 0] += 1 }; return out }
        for i in 0...(w.count - n) { out[w[i..<(i + n)].joined(separator: " "), default: 0] += 1 }
        return out
    }

    /// Micro-averaged (tp, predicted, gold) over the pages of one split and format.
    func score(split: String, html: Bool) throws -> (p: Double, r: Double, f: Double, pages: Int) {
        let fm = FileManager.default
        let dir = Self.pages.appendingPathComponent(split)
        var tp = 0, np = 0, ng = 0, pages = 0
        let detector = ZoneDetector()
        let reader = DocumentReader()
        for template in try fm.contentsOfDirectory(atPath: dir.path).sorted() {
            let td = dir.appendingPathComponent(template)
            for f in try fm.contentsOfDirectory(atPath: td.path).sorted() where f.hasSuffix(".body.txt") {
                let name = String(f.dropLast(".body.txt".count))
                let gold = try String(contentsOf: td.appendingPathComponent(f), encoding: .utf8)
                let page = td.appendingPathComponent(name + (html ? ".html" : ".txt"))
                let doc = try reader.read(path: page.path)
                let (zones, _) = detector.detect(doc, blocks: doc.blocks)
                let body = zones.spans(of: .body).map { doc.slice($0.start, $0.end) }.joined(separator: "\n\n")
                let p = Self.shingles(body), g = Self.shingles(gold)
                for (k, c) in p { tp += min(c, g[k] ?? 0) }
                np += p.values.reduce(0, +)
                ng += g.values.reduce(0, +)
                pages += 1
            }
        }
        let pr = np == 0 ? 0 : Double(tp) / Double(np), rc = ng == 0 ? 0 : Double(tp) / Double(ng)
        return (pr, rc, pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc), pages)
    }

    func check(_ split: String, html: Bool, floor: Double) throws {
        let s = try score(split: split, html: html)
        print(String(format: "zones %@ %@: P %.3f R %.3f F1 %.3f (%d pages)", split, html ? "html" : "dump", s.p, s.r, s.f, s.pages))
        XCTAssertGreaterThanOrEqual(s.pages, 40)
        XCTAssertGreaterThanOrEqual(s.f, floor, "\(split) \(html ? "html" : "dump") body F1")
    }

    func testDevHTML() throws { try check("dev", html: true, floor: 0.99) }
    func testDevDumps() throws { try check("dev", html: false, floor: 0.99) }
    func testHeldOutHTML() throws { try check("heldout", html: true, floor: 0.96) }
    func testHeldOutDumps() throws { try check("heldout", html: false, floor: 0.94) }
}

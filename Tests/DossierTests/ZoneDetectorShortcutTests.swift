import XCTest
@testable import Dossier

/// The zone detector's shortcuts give what the plain forms gave: distinct keys appended in
/// place against a dedupe of a copy, boilerplate zones placed among the others against a stable sort, and the
/// folded-byte test for metadata labels against the search of the line's units.
final class ZoneDetectorShortcutTests: XCTestCase {
    /// Keys appended to the end of a list, each once, equal the first occurrences of the keys
    /// (drawn from a small pool, with 0), and the keys before `from` are left alone.
    func testAppendDistinctKeepsFirstOccurrences() {
        var rng = SplitMix64(seed: 51)
        for round in 0..<2000 {
            let pool = (0..<Int(rng.next() % 12 + 1)).map { _ in rng.next() % 5 == 0 ? 0 : rng.next() }
            let prefix = (0..<Int(rng.next() % 4)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
            let source = (0..<Int(rng.next() % 30)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
            var expected = prefix
            var seen: [UInt64] = []
            for k in source where !seen.contains(k) { seen.append(k); expected.append(k) }
            var keys = prefix
            ZoneDetector.appendDistinct(source[...], to: &keys, from: prefix.count)
            XCTAssertEqual(keys, expected, "round \(round)")
        }
    }

    /// Zones of a second run appended one by one after those of the first that start where they
    /// do or before, then the rest of the first, equal both runs sorted by start with the first
    /// run's zones ahead of the second's at equal starts (a stable sort of the two runs one after another).
    func testMergedZonesAsStableSortOfBothRuns() {
        var rng = SplitMix64(seed: 52)
        let types = ZoneType.allCases
        for round in 0..<2000 {
            let run = { (rng: inout SplitMix64) -> [Zone] in
                (0..<Int(rng.next() % 8)).map { _ in
                    let start = Int(rng.next() % 20)
                    return Zone(type: types[Int(rng.next() % UInt64(types.count))], start: start, end: start + Int(rng.next() % 5) + 1)
                }.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
            }
            let first = run(&rng), second = run(&rng)
            let expected = (first.enumerated().map { ($0.element, 0, $0.offset) } + second.enumerated().map { ($0.element, 1, $0.offset) })
                .sorted { ($0.0.start, $0.1, $0.2) < ($1.0.start, $1.1, $1.2) }.map(\.0)
            var merged: [Zone] = []
            var placed = 0
            for zone in second { ZoneDetector.append(zone, after: first, placed: &placed, to: &merged) }
            merged.append(contentsOf: first[placed...])
            XCTAssertEqual(merged, expected, "round \(round)")
        }
    }

    /// Every line that holds a label by the search of its units passes the folded-byte test, and
    /// so does every short line with " says:", on texts of labels, "says", near misses, colons,
    /// other characters and lines past the fold limit.
    func testFoldedLabelTestPassesEveryLabelLine() {
        let features = LineFeatures(language: .english)
        let pieces = ["Tags:", "Tagged:", "Category:", "Categories:", "TAGS:", "tags:", "Tags", ":", " ", "  ", "word",
                      "Categor", "ies:", "é", "Ünï:", "x:", "gory:", "\u{00A0}", "Tag s:", "\n", "\n\n", "—", "Tags :", " says:", "Bob says:", "SAYS:", "says"]
        var rng = SplitMix64(seed: 53)
        var labelled = 0, passed = 0, saysLines = 0
        for round in 0..<600 {
            var text = ""
            let count = Int(rng.next() % (round % 10 == 0 ? 200 : 40)) + 1
            for _ in 0..<count { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let units = Array(text.utf16)
            let (lines, _) = Line.lines(of: units, features: features)
            for line in lines {
                let may = ZoneDetector.mayHoldLabel(line)
                if may { passed += 1 }
                // A line with " says:" passes the folded test of `saysHeader` (a line of 120 units or fewer).
                if line.length <= 120, line.units.withUnsafeBufferPointer({ $0.endOfFirst(ZoneDetector.saysUnits, in: line.start..<line.end) }) != nil {
                    saysLines += 1
                    XCTAssertTrue(line.folded.withUnsafeBufferPointer { Line.colonFollows(anyOf: ZoneDetector.saysEnding, in: $0) }, "round \(round), line \(line.text)")
                }
                guard ZoneDetector.holdsLabel(line.units, line.start, line.end) else { continue }
                labelled += 1
                XCTAssertTrue(may, "round \(round), line \(line.text)")
            }
        }
        XCTAssertGreaterThan(labelled, 100)
        XCTAssertGreaterThan(passed, labelled)
        XCTAssertGreaterThan(saysLines, 50)
    }
}

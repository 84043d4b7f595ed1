import XCTest
@testable import Dossier

/// The zone stage's allocation shortcuts give what the plain forms gave: lines split from a text,
/// whose folded bytes are slices of one buffer, against each line scanned again; the title's
/// table of marked words against sets; metadata splits and trims on bytes against Characters.
final class ZoneSharedBufferTests: XCTestCase {
    /// Every line of 300 generated texts: its folded bytes (a slice of the text's buffer) and its
    /// chrome and caption verdicts, against the bytes of the line scanned again by itself.
    func testSplitLinesKeepTheirFoldedBytes() {
        let features = LineFeatures(language: .english)
        var rng = SplitMix64(seed: 41)
        var checked = 0
        for round in 0..<300 {
            let units = LineScannerTests.text(&rng, length: Int(rng.next() % 2500) + 1)
            let (lines, _) = Line.lines(of: units, features: features)
            var scanner = LineScanner(textLength: units.count)
            var previousEnd = 0
            features.stopTable.withLookup { stop in
                units.withUnsafeBufferPointer { u in
                    for line in lines {
                        let scan = scanner.scan(u, from: line.start, limit: u.count, stopAtBreak: true, stopWords: stop)
                        let bytes = Line.foldedBytes(scan, scanner, end: line.end)
                        XCTAssertEqual(Array(line.folded), Array(bytes), "round \(round), line at \(line.start)")
                        XCTAssertEqual(line.isChrome, features.chrome.matches(bytes: bytes, present: line.present), "round \(round)")
                        if !line.isChrome && line.words <= Line.captionCheckLimit {
                            XCTAssertEqual(line.isCaption, features.captions.matches(bytes: bytes, present: line.present), "round \(round)")
                        }
                        // The slices follow one another in the shared buffer.
                        XCTAssertEqual(line.folded.startIndex, previousEnd)
                        previousEnd = line.folded.endIndex
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    /// A numbered comment header is read from a line whose folded bytes do not start at 0.
    func testNumberMarkerOnSharedBuffer() {
        let detector = ZoneDetector()
        let units = Array("Comments\n\n12. Bob says:\nFirst\n3x. no\n".utf16)
        let (lines, _) = Line.lines(of: units, features: detector.features)
        XCTAssertGreaterThan(lines[1].folded.startIndex, 0)
        let (n, after) = detector.numberMarker(lines[1])
        XCTAssertEqual(n, 12)
        XCTAssertEqual(after, lines[1].start + 4)
        XCTAssertNil(detector.numberMarker(lines[3]).0)
    }

    /// Shared counts from the marked table equal those of a set of the opening's wanted words,
    /// on random keys drawn from a small pool (with 0), so that candidates and opening overlap.
    func testMarkedTableCountsAsSets() {
        var rng = SplitMix64(seed: 43)
        for round in 0..<2000 {
            let pool = (0..<Int(rng.next() % 40 + 1)).map { _ in rng.next() % 7 == 0 ? 0 : rng.next() }
            let draw = { (n: Int, rng: inout SplitMix64) in (0..<n).map { _ in pool[Int(rng.next() % UInt64(pool.count))] } }
            var candidates: [[UInt64]] = []
            for _ in 0..<Int(rng.next() % 4 + 1) {
                var keys: [UInt64] = []
                ZoneDetector.appendDistinct(draw(Int(rng.next() % 12), &rng), to: &keys, from: 0)
                candidates.append(keys)
            }
            let opening = draw(Int(rng.next() % 60), &rng)
            let wanted = KeySet(candidates.flatMap { $0 })
            var openingSet = KeySet()
            for k in opening where wanted.contains(k) { openingSet.insert(k) }
            let expected = candidates.map { ZoneDetector.sharedCount($0[...], openingSet) }
            var table = MarkedKeyTable(candidates.flatMap { $0 })
            for k in opening { table.mark(k) }
            var counted: [Int] = []
            for c in candidates { counted.append(table.markedCount(c[...])) }
            XCTAssertEqual(counted, expected, "round \(round)")
        }
    }

    /// Bullet parts, comma fields and trims on bytes equal those on Characters, for texts of
    /// ASCII, bullets and other characters (combining marks after bullets and commas included).
    func testMetadataSplitsAsCharacters() {
        let pieces = ["Tags:", "Category:", " ", " ", ",", ",", "•", "•", "\u{A0}", "Iraq", "ISIS", "x y", "\r", "é", "\u{301}", "中", "\u{A0}", "•\u{301}", ",\u{301}"]
        var rng = SplitMix64(seed: 47)
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 16) {
                // Mostly ASCII and bullets, now and then another character.
                let r = Int(rng.next() % 100)
                text += r < 85 ? pieces[r % 13] : pieces[13 + r % (pieces.count - 13)]
            }
            XCTAssertEqual(ZoneDetector.bulletParts(text), text.split(separator: "•"), "round \(round): \(text.debugDescription)")
            for part in text.split(separator: "•") + [text[...]] {
                XCTAssertEqual(ZoneDetector.commaFields(part), part.split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty },
                               "round \(round): \(part.debugDescription)")
                XCTAssertEqual(ZoneDetector.trimmingSpaces(part), part.trimmingCharacters(in: " "), "round \(round): \(part.debugDescription)")
            }
        }
    }
}

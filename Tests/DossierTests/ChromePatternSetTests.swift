import XCTest
@testable import Dossier

/// `ChromePatternSet` answers as trying each pattern, and long lines checked for captions late
/// still give caption zones.
final class ChromePatternSetTests: XCTestCase {
    /// Folded bytes of `text` and the mask of every byte value, as a line would give them.
    func folded(_ text: String) -> ([UInt8], ByteMask) {
        let bytes = Array(text.utf8)
        var mask = ByteMask()
        for b in bytes { mask.insert(b) }
        return (bytes, mask)
    }

    func testSetAgreesWithEachPatternOnRandomLines() {
        let patterns = ["subscribe to", "all rights reserved", "we use cookies", "via ap", "pictured", "/afp",
                        "image:", "(left)", "^share$", "^# comments", "/ap$", "^follow * on"].map(ChromePattern.init)
        let set = ChromePatternSet(patterns)
        let words = ["subscribe", "to", "all", "rights", "reserved", "we", "use", "cookies", "via", "ap", "pictured",
                     "/afp", "image:", "(left)", "share", "12", "comments", "follow", "on", "the", "a", "x"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let count = Int.random(in: 1...60, using: &rng)
            let line = (0..<count).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            let (bytes, mask) = folded(line)
            XCTAssertEqual(set.matches(bytes, present: mask), patterns.contains { $0.matches(bytes) }, line)
        }
    }

    /// The shipped chrome and caption patterns, on lines of their own literals cut at random
    /// places: the scanners' stops, their pair buckets and their two-byte checks see openings
    /// that are whole, cut short or glued to other bytes.
    func testShippedSetsAgreeWithEachPatternOnLinesOfTheirOwnPieces() {
        var rng = SystemRandomNumberGenerator()
        for patterns in [LanguageData.english.chromePatterns, LanguageData.english.captionPatterns, LineFeatures(language: .english).months.patterns] {
            let set = ChromePatternSet(patterns)
            var pieces: [[UInt8]] = ["the", "a", "12", "x", ":", "(", "/"].map { Array($0.utf8) }
            for pattern in patterns {
                for case .literal(let literal) in pattern.pieces {
                    pieces.append(literal)
                    let cut = Int.random(in: 0..<literal.count, using: &rng)
                    pieces.append(Array(literal[cut...]))
                    pieces.append(Array(literal[..<cut]))
                }
            }
            for _ in 0..<3000 {
                let count = Int.random(in: 1...30, using: &rng)
                var line: [UInt8] = []
                for _ in 0..<count {
                    if !line.isEmpty && Bool.random(using: &rng) { line.append(0x20) }
                    line += pieces.randomElement(using: &rng)!
                }
                var mask = ByteMask()
                for b in line { mask.insert(b) }
                XCTAssertEqual(set.matches(line, present: mask), patterns.contains { $0.matches(line) },
                               String(decoding: line, as: UTF8.self))
            }
        }
    }

    /// The month words of `ZoneDetector.isDateline`, as one pattern set, are found where a
    /// substring search for each finds one: on short lines of dates, month words whole or cut, and
    /// words that hold a month's letters.
    func testMonthPatternsFindWhatSubstringSearchFinds() {
        var rng = SystemRandomNumberGenerator()
        let months = LineFeatures(language: .english).months
        let words = ZoneDetector.monthWords.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
            + ["12", "2015", "posted:", "the", "mayor", "sept.", "decide", "x", "|", ","]
        for _ in 0..<5000 {
            var line: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                if !line.isEmpty && Int.random(in: 0..<4, using: &rng) > 0 { line.append(0x20) }
                let word = Array(words.randomElement(using: &rng)!.utf8)
                line += Bool.random(using: &rng) ? word : Array(word.prefix(Int.random(in: 0...word.count, using: &rng)))
            }
            var mask = ByteMask()
            for b in line { mask.insert(b) }
            let expected = ZoneDetector.monthWords.contains { month in line.withUnsafeBufferPointer { $0.endOfFirst(month) } != nil }
            XCTAssertEqual(months.matches(line, present: mask), expected, String(decoding: line, as: UTF8.self))
        }
    }

    /// The skip scan indexes its shift table by the two bytes at a window's end, whatever they
    /// are: openings and lines with bytes past ASCII, lines as short as the window or shorter.
    func testSkipScanAgreesWithEachPatternOnBytesPastASCII() {
        let patterns = ["café au", "über", "ø x", "naïve", "zz", "\u{FF}\u{FE}"].map(ChromePattern.init)
        let set = ChromePatternSet(patterns)
        let pieces: [[UInt8]] = ["caf", "é", "au", "ü", "ber", "ø", "x", "na", "ï", "ve", "z", "\u{FF}", "\u{FE}", " ", "a"]
            .map { Array($0.utf8) } + [[0xFF], [0xBF], [0xC3]]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let count = Int.random(in: 0...24, using: &rng)
            var line: [UInt8] = []
            for _ in 0..<count { line += pieces.randomElement(using: &rng)! }
            var mask = ByteMask()
            for b in line { mask.insert(b) }
            XCTAssertEqual(set.matches(line, present: mask), patterns.contains { $0.matches(line) }, "\(line)")
        }
    }

    func testSkipScanFindsOpeningsAcrossTheWholeLine() {
        let set = ChromePatternSet([ChromePattern("all rights reserved")])
        let filler = String(repeating: "the quick brown fox ", count: 15)
        for at in stride(from: 0, through: filler.count, by: 7) {
            var line = filler
            line.insert(contentsOf: "all rights reserved", at: line.index(line.startIndex, offsetBy: at))
            let (bytes, mask) = folded(line)
            XCTAssertTrue(set.matches(bytes, present: mask), "at \(at)")
        }
        let (bytes, mask) = folded(filler + "all rights reserve")
        XCTAssertFalse(set.matches(bytes, present: mask))
    }

    func testLongLineIsCheckedForCaptionsOnlyOutsideZones() {
        let detector = ZoneDetector()
        let long = "Getty Images " + String(repeating: "and the people of the town went on with their day ", count: 6)
        let units = Array(long.utf16)
        let line = Line(start: 0, end: units.count, units: units, features: detector.features, afterBlank: true)
        XCTAssertGreaterThan(line.words, Line.captionCheckLimit)
        XCTAssertFalse(line.isCaption)
        XCTAssertTrue(line.captionUnchecked)
        XCTAssertEqual(detector.captions([line], outside: []).count, 1)
        XCTAssertEqual(detector.captions([line], outside: [Zone(type: .body, start: 0, end: units.count)]).count, 0)
        let short = Array("Getty Images".utf16)
        let caption = Line(start: 0, end: short.count, units: short, features: detector.features, afterBlank: true)
        XCTAssertTrue(caption.isCaption)
        XCTAssertFalse(caption.captionUnchecked)
    }
}

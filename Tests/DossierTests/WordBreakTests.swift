import XCTest
import ICUText
@testable import Dossier

/// `TextSegmenter.withWordBreaks` segments most lines without ICU's iterator (`LatinWordSegmenter`);
/// these tests hold it to ICU's own segments, over examples, every pair of modelled characters,
/// generated text and the whole corpus.
final class WordBreakTests: XCTestCase {
    func segments(_ text: String) -> [WordSegment] {
        segments(Array(text.utf16))
    }

    func segments(_ units: [UInt16]) -> [WordSegment] {
        var out: [WordSegment] = []
        units.withUnsafeBufferPointer { buf in
            TextSegmenter.withWordBreaks(in: buf) { breaks in
                while let s = breaks.next() { out.append(s) }
            }
        }
        return out
    }

    func icuSegments(_ units: [UInt16]) -> [WordSegment] {
        units.withUnsafeBufferPointer { TextSegmenter.icuWordSegments(in: $0) }
    }

    func assertSameAsICU(_ units: [UInt16], _ what: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        let fast = segments(units), icu = icuSegments(units)
        guard fast != icu else { return }
        let k = (0..<min(fast.count, icu.count)).first { fast[$0] != icu[$0] } ?? min(fast.count, icu.count)
        let around = String(decoding: units[max(0, (icu.indices.contains(k) ? icu[k].start : 0) - 20)...].prefix(60), as: UTF16.self)
        XCTFail("\(what()): segment \(k) differs: \(fast.indices.contains(k) ? "\(fast[k])" : "none") vs ICU \(icu.indices.contains(k) ? "\(icu[k])" : "none") near \(around.debugDescription)",
                file: file, line: line)
    }

    /// The rule families, each with examples: the segments' texts and kinds (L letter word,
    /// N number, O other).
    func testExamplesOfEachRule() {
        let examples: [(String, [String])] = [
            ("can't stop", ["can't:L", " :O", "stop:L"]),                // WB6–7 across an apostrophe
            ("don’t U.S. e.g.", ["don’t:L", " :O", "U.S:L", ".:O", " :O", "e.g:L", ".:O"]),
            ("1,426.5 people", ["1,426.5:N", " :O", "people:L"]),        // WB11–12
            ("a:b", ["a:L", "::O", "b:L"]),                              // ":" is not MidLetter in ICU
            ("@POTUS x@y.org", ["@POTUS:L", " :O", "x@y.org:L"]),        // "@" is a letter in ICU
            ("a1 1a a1.5", ["a1:N", " :O", "1a:L", " :O", "a1.5:N"]),     // status of the last join
            ("_ __ a_1 1_", ["_:O", " :O", "__:L", " :O", "a_1:N", " :O", "1_:N"]),
            ("e-mail", ["e:L", "-:O", "mail:L"]),
            ("a  \t\tb", ["a:L", "  :O", "\t:O", "\t:O", "b:L"]),         // WB3d: spaces only
            ("x\r\ny\rz", ["x:L", "\r\n:O", "y:L", "\r:O", "z:L"]),       // WB3
            ("café Zürich", ["café:L", " :O", "Zürich:L"]),
            ("Nguyễn Tấn Dũng, Ștefan Țiriac", ["Nguyễn:L", " :O", "Tấn:L", " :O", "Dũng:L", ",:O", " :O", "Ștefan:L", " :O", "Țiriac:L"]),
            ("“Quote” — end…", ["“:O", "Quote:L", "”:O", " :O", "—:O", " :O", "end:L", "…:O"]),
        ]
        for (text, expected) in examples {
            let units = Array(text.utf16)
            let got = segments(units).map { s -> String in
                let kind = s.kind == .letter ? "L" : s.kind == .number ? "N" : "O"
                return String(decoding: units[s.start..<s.end], as: UTF16.self) + ":" + kind
            }
            XCTAssertEqual(got, expected, text)
            assertSameAsICU(units, text)
        }
    }

    /// Every modelled character next to every other, and around letters, digits and "_".
    func testEveryPairOfModelledCharactersAsICU() {
        let units = (0..<0x250).map(UInt16.init) + (0x1E00..<0x20D0).map(UInt16.init)
        // One line a pair: line ends always break, so the lines cannot affect each other.
        let lineEnds: Set<UInt16> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
        let inner = units.filter { !lineEnds.contains($0) && $0 != 0 }
        var text: [UInt16] = []
        for x in inner {
            for y in inner { text += [x, y, 0x0A] }
            for template in ["a_b", "1_2", "a_", "_a", "1_", "_1", "a__b", "1__2", "_a_"] {
                text += template.utf16.map { $0 == 0x5F ? x : $0 } + [0x0A]
            }
        }
        assertSameAsICU(text, "pairs")
    }

    /// Generated lines mixing modelled characters with ones left to ICU (combining marks, emoji,
    /// Hebrew, Katakana, ZWJ, soft hyphens, NUL), so that runs switch between the two.
    func testGeneratedTextAsICU() {
        let common = Array("aZé1 .,'’_;:@-\"\t\n\r\n".utf16)
        let modelled = (0x20..<0x250).map(UInt16.init) + (0x1E00..<0x2070).map(UInt16.init)
        let unmodelled: [UInt16] = [0x0301, 0x00AD, 0x200D, 0xD83D, 0xDE00, 0x05D0, 0x30A2, 0x0000, 0x00A9, 0x0E01, 0x4E2D, 0x0085, 0x2028]
        var rng = SplitMix64(seed: 8)
        for round in 0..<2_000 {
            var text: [UInt16] = []
            for _ in 0..<Int(rng.next() % 60) {
                let r = rng.next() % 100
                let pool = r < 70 ? common : r < 95 ? modelled : unmodelled
                text.append(pool[Int(rng.next() % UInt64(pool.count))])
            }
            assertSameAsICU(text, "generated text \(round)")
        }
    }

    /// Every text file of the corpus, whole.
    func testCorpusAsICU() throws {
        let files = FileManager.default.enumerator(at: TestSupport.corpus, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }
            .filter { ["txt", "html", "htm", "jsonl"].contains($0.pathExtension) }
        XCTAssertGreaterThan(files.count, 100)
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            assertSameAsICU(Array(text.utf16), file.lastPathComponent)
        }
    }

    /// The pieces the tokenizer's own run loop reads: each ASCII unit's role, and whether a unit
    /// continues a word of letters or digits, against the segments themselves.
    func testASCIIRolesAndContinuationAsSegments() {
        for u in UInt16(1)..<0x80 where u != 0x0D {
            let pair = segments([u, u])
            switch WordBreaks.asciiRoles[Int(u)] {
            case .letter: XCTAssertEqual(pair, [WordSegment(start: 0, end: 2, kind: .letter)], String(u))
            case .digit: XCTAssertEqual(pair, [WordSegment(start: 0, end: 2, kind: .number)], String(u))
            case .alone: XCTAssertEqual(pair.map(\.end), [1, 2], String(u))
            case .other: break
            }
            for (word, afterLetter) in [(UInt16(0x61), true), (UInt16(0x31), false)] {
                for after in [word, 0x20, 0x2E] {
                    let units = [word, u, after]
                    let joined = segments(units).first?.end ?? 0 > 1
                    var continues = false
                    units.withUnsafeBufferPointer { buf in
                        TextSegmenter.withWordBreaks(in: buf) { breaks in
                            continues = WordBreaks.continuesSegment(buf.baseAddress!, at: 1, limit: 3, afterLetter: afterLetter,
                                                                    classes: breaks.classTable)
                        }
                    }
                    XCTAssertEqual(continues, joined, "\(u) after \(word), before \(after)")
                    if continues { XCTAssert(WordBreaks.mayContinueSegment(u, afterLetter: afterLetter), String(u)) }
                }
            }
        }
    }
}

import XCTest
import ICUText
@testable import Dossier

/// `TextSegmenter.sentenceBoundaries(in:into:)` finds most sentence boundaries without ICU's iterator
/// (`LatinSentenceSegmenter`, `SentenceSuppressions`); these tests hold it to ICU's own
/// `en@ss=standard` iterator over examples, every modelled character in every rule position,
/// generated text (abbreviations, quotes, brackets, numbers, ellipses, line ends, characters
/// left to ICU) and the whole corpus.
final class SentenceBreakTests: XCTestCase {
    func boundaries(_ units: [UInt16]) -> [Int] {
        var out: [Int] = []
        units.withUnsafeBufferPointer { buf in
            TextSegmenter.sentenceBoundaries(in: buf, into: &out)
        }
        return out
    }

    func icuBoundaries(_ units: [UInt16]) -> [Int] {
        units.withUnsafeBufferPointer { TextSegmenter.icuSentenceBoundaries(in: $0) }
    }

    func assertSameAsICU(_ units: [UInt16], _ what: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        let fast = boundaries(units), icu = icuBoundaries(units)
        guard fast != icu else { return }
        let k = (0..<min(fast.count, icu.count)).first { fast[$0] != icu[$0] } ?? min(fast.count, icu.count)
        let at = min(fast.indices.contains(k) ? fast[k] : units.count, icu.indices.contains(k) ? icu[k] : units.count)
        let around = String(decoding: units[max(0, at - 30)..<min(units.count, at + 30)], as: UTF16.self)
        XCTFail("\(what()): boundary \(k) differs: \(fast.indices.contains(k) ? "\(fast[k])" : "none") vs ICU \(icu.indices.contains(k) ? "\(icu[k])" : "none") near \(around.debugDescription)",
                file: file, line: line)
    }

    func sentences(_ text: String) -> [String] {
        let units = Array(text.utf16)
        var start = 0
        return boundaries(units).map { end in
            defer { start = end }
            return String(decoding: units[start..<end], as: UTF16.self)
        }
    }

    /// Each rule family, and ICU's quirks: "G." is suppressed but "A." is not (ICU puts "A." in
    /// its forward table only, because of "A.M."), "U.S." neither, "XMr." is.
    func testExamplesOfEachRule() {
        let examples: [(String, [String])] = [
            ("Mr. Smith went. He left.", ["Mr. Smith went. ", "He left."]),
            ("The U.S. Army came. The U.S.A. Today.", ["The U.S. ", "Army came. ", "The U.S.A. ", "Today."]),
            ("He said \"Go.\" She went.", ["He said \"Go.\" ", "She went."]),
            ("Prices rose, etc. and more. Wait... what? Yes!", ["Prices rose, etc. and more. ", "Wait... what? ", "Yes!"]),
            ("G. Smith and A. Jones met at 3 p.m. Tuesday.", ["G. Smith and A. ", "Jones met at 3 p.m. ", "Tuesday."]),
            ("Line one\nLine two", ["Line one\n", "Line two"]),
            ("XMr. Brown left.Then (a) b. 2. Next", ["XMr. Brown left.Then (a) b. ", "2. ", "Next"]),
        ]
        for (text, expected) in examples {
            XCTAssertEqual(sentences(text), expected, text)
            assertSameAsICU(Array(text.utf16), text)
        }
    }

    /// ICU's suppression list is read from its data: it holds the abbreviations the examples use.
    func testSuppressionListComesFromICU() {
        let list = TextSegmenter.sentenceBreakSuppressions
        XCTAssertGreaterThan(list.count, 100)
        for abbreviation in ["Mr.", "U.S.", "A.", "G.", "Ph.D."] { XCTAssert(list.contains(abbreviation), abbreviation) }
    }

    /// Every modelled character (and a few left to ICU) next to every other, and in each place
    /// the rules look at: after a terminator, between "." and a letter, before a lowercase word.
    func testEveryModelledCharacterInEveryRulePositionAsICU() {
        let units = (1..<0x250).map(UInt16.init) + (0x1E00..<0x20D0).map(UInt16.init)
        let templates = ["a.x b", "A.xB", "a.x B", "a. xb", "a. x B", "a!x B", "a?x b", "a.)x B", "x. B", "x.B",
                         "Ax. b", "a. x. B", "a.\"x\" B", "a. (x) b", "a.x", "x.", "a x. 1", "a.x\n", "a. x\r\nB"]
        var text: [UInt16] = []
        for x in units {
            for y in units { text += [x, y, 0x0A] }
            for template in templates { text += template.utf16.map { $0 == 0x78 ? x : $0 } + [0x0A] }
        }
        assertSameAsICU(text, "characters in rule positions")
    }

    /// Generated texts with unmodelled units sown all through them: nearly every line goes to
    /// ICU's iterator, whose breaks `SentenceSuppressions` filters as ICU's own filter would.
    func testGeneratedUnmodelledLinesAsICU() {
        let abbreviations = TextSegmenter.sentenceBreakSuppressions.map { Array($0.utf16) }
        let fragments = ["a", "A", "Z", " ", " ", "  ", ".", "?", "\n", "\r\n", "\"", "”", ",", "1", "e.g.", "x"].map { Array($0.utf16) }
        let unmodelled: [UInt16] = [0x0301, 0x00AD, 0x200D, 0x05D0, 0x0391, 0x4E2D, 0xD83D, 0xDE00]
        var rng = SplitMix64(seed: 2029)
        for round in 0..<2_000 {
            var text: [UInt16] = []
            for _ in 0..<Int(rng.next() % 40) {
                if rng.next() % 3 == 0 {
                    text += abbreviations[Int(rng.next() % UInt64(abbreviations.count))]
                } else {
                    text += fragments[Int(rng.next() % UInt64(fragments.count))]
                }
                if rng.next() % 6 == 0 { text.append(unmodelled[Int(rng.next() % UInt64(unmodelled.count))]) }
            }
            assertSameAsICU(text, "generated unmodelled text \(round)")
        }
    }

    /// Generated texts mixing words, ICU's abbreviations, terminators, quotes, brackets, numbers,
    /// ellipses, spaces and line ends, any modelled character, and characters left to ICU
    /// (combining marks, soft hyphens, emoji, Greek and Hebrew letters, NUL).
    func testGeneratedTextAsICU() {
        let abbreviations = TextSegmenter.sentenceBreakSuppressions.map { Array($0.utf16) }
        let fragments = ["a", "b", "A", "Z", "Mr", "U", "S", "p", "D", "etc", "e", "g", "Ph", "1", "9", ".", ".", ".",
                         "!", "?", " ", " ", " ", "  ", "\n", "\r\n", "\r", "(", ")", "\"", "'", "“", "”", "’", ",",
                         ";", ":", "-", "—", "…", "é", "É", "\t", "\u{A0}", "[", "]", "$", "%", "\u{2029}",
                         "\u{85}", "\u{2028}", "ª", "¿", "¡", "...", "3.5", "p.m."].map { Array($0.utf16) }
        let modelled = (0x20..<0x250).map(UInt16.init) + (0x1E00..<0x20D0).map(UInt16.init)
        let unmodelled: [UInt16] = [0x0301, 0x00AD, 0x200D, 0x200E, 0xD83D, 0xDE00, 0x05D0, 0x0391, 0x0000, 0x4E2D, 0x2060]
        var rng = SplitMix64(seed: 29)
        for round in 0..<4_000 {
            var text: [UInt16] = []
            for _ in 0..<Int(rng.next() % 50) {
                let r = rng.next() % 100
                if r < 20 {
                    text += abbreviations[Int(rng.next() % UInt64(abbreviations.count))]
                } else if r < 80 {
                    text += fragments[Int(rng.next() % UInt64(fragments.count))]
                } else if r < 97 {
                    text.append(modelled[Int(rng.next() % UInt64(modelled.count))])
                } else {
                    text.append(unmodelled[Int(rng.next() % UInt64(unmodelled.count))])
                }
            }
            assertSameAsICU(text, "generated text \(round)")
        }
    }

    /// Lines left to ICU between modelled ones: the boundaries on both sides stay ICU's.
    func testUnmodelledLinesGoToICU() {
        let text = "Mr. Smith came.\nCafe\u{301} Mr. Jones left. He sat.\r\nDr. Who? Yes. \u{200D}A. B.\nThe U.S. Army. Fin"
        assertSameAsICU(Array(text.utf16), "mixed lines")
        // The unmodelled unit late in its line, after breaks found without ICU, and at the end.
        for late in ["One. Two. Three\u{301}. Four.\nFive. Six.", "Mr. A. B. C.\u{AD}", "Yes! No? Mr. X.\u{200E}\r\nGo. On."] {
            assertSameAsICU(Array(late.utf16), late)
        }
        XCTAssertEqual(sentences(text), ["Mr. Smith came.\n", "Cafe\u{301} Mr. Jones left. ", "He sat.\r\n", "Dr. ", "Who? ",
                                         "Yes. \u{200D}", "A. ", "B.\n", "The U.S. ", "Army. ", "Fin"])
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
}

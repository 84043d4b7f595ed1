import XCTest
import ICUText
@testable import Dossier

/// The tokenizer's fast paths (plain ASCII segments keyed without checks, single spaces skipped
/// inside the segmenter, tokens written straight into arrays, table look-ups for letter case and
/// for general punctuation in keys) against a plain reference: ICU's own segments of the whole
/// text, every key from `TokenKey.folded` and every shape from Unicode's properties.
final class TokenizerFastPathTests: XCTestCase {
    /// The tokens of `units` the slow way.
    func referenceTokens(_ units: [UInt16]) -> [Token] {
        units.withUnsafeBufferPointer { buf -> [Token] in
            var tokens: [Token] = []
            var space = false, lineBreak = false
            for seg in TextSegmenter.icuWordSegments(in: buf) {
                let first = buf[seg.start]
                if seg.kind == .other && Tokenizer.isSpace(first) {
                    space = true
                    lineBreak = lineBreak || buf[seg.start..<seg.end].contains { [0x0A, 0x0D, 0x2028, 0x2029].contains($0) }
                    continue
                }
                var end = seg.end
                if seg.kind == .letter, end - seg.start > 2, buf[end - 1] | 0x20 == 0x73, [0x27, 0x2019].contains(buf[end - 2]) {
                    end -= 2
                }
                let kind: TokenKind = seg.kind == .number ? .number : seg.kind == .other ? Tokenizer.classify(first) : .word
                let word = buf[seg.start..<end]
                tokens.append(Token(start: Int32(seg.start), end: Int32(end), kind: kind, shape: referenceShape(word),
                                    spaceBefore: space, lineBreakBefore: lineBreak, key: TokenKey.folded(word)))
                if end < seg.end {
                    tokens.append(Token(start: Int32(end), end: Int32(seg.end), kind: .clitic, shape: .lower, spaceBefore: false,
                                        lineBreakBefore: false, key: TokenKey.folded(buf[end..<seg.end])))
                }
                space = false
                lineBreak = false
            }
            return tokens
        }
    }

    /// `Tokenizer.shape` with every unit's case from Unicode's properties.
    func referenceShape(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> TokenShape {
        let cases = units.map { u -> (Bool, Bool) in
            guard let scalar = Unicode.Scalar(u) else { return (false, false) }
            return (scalar.properties.isUppercase, scalar.properties.isLowercase)
        }.filter { $0.0 || $0.1 }
        let upper = cases.filter { $0.0 }.count
        if cases.isEmpty { return .none }
        if upper == cases.count { return cases.count >= 2 ? .upper : .capitalised }
        if cases[0].0 { return .capitalised }
        return upper > 0 ? .mixed : .lower
    }

    func assertSameAsReference(_ units: [UInt16], _ what: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        let fast = Tokenizer().tokenize(units), slow = referenceTokens(units)
        guard fast != slow else { return }
        let k = (0..<min(fast.count, slow.count)).first { fast[$0] != slow[$0] } ?? min(fast.count, slow.count)
        XCTFail("\(what()): token \(k) differs: \(fast.indices.contains(k) ? "\(fast[k])" : "none") vs \(slow.indices.contains(k) ? "\(slow[k])" : "none")",
                file: file, line: line)
    }

    /// Generated text from pieces that take every path: plain words and numbers, joiners, clitics,
    /// accents, runs of spaces, tabs and line ends, punctuation, characters left to ICU.
    func testGeneratedTextAsReference() {
        let pieces = ["Isis", "said", "ISIS", "iPhone", "a", "I", "x1", "1a", "1,426.5", "2015", "U.S.", "e.g.", "Isis's", "Araji’s",
                      "don’t", "can't", "café", "Zürich", "Nguyễn", "Ștefan", "@POTUS", "a_b", "__", "_", "’s", "'s", "ß", "Ǆ", "ǅ",
                      " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{2028}", "\u{A0}", "\u{202F}", "\u{205F}", "\u{2003}",
                      ",", ".", ";", ":", "-", "—", "“", "”", "\"", "'", "…", "(", ")", "$", "%", "€", "·",
                      "😀", "\u{0301}", "中文", "\u{00AD}", "אב", "ª"]
        var rng = SplitMix64(seed: 8)
        for round in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) {
                text += pieces[Int(rng.next() % UInt64(pieces.count))]
                if rng.next() % 2 == 0 { text += " " }
            }
            assertSameAsReference(Array(text.utf16), "generated text \(round)")
        }
    }

    /// Single units of the modelled ranges between letters, digits and spaces.
    func testEveryModelledUnitAsReference() {
        var text: [UInt16] = []
        for u in (1..<0x250).map(UInt16.init) + (0x1E00..<0x20D0).map(UInt16.init) {
            for template in ["ax b", "1x2 ", " x ", "Ax's ", "x"] { text += template.utf16.map { $0 == 0x78 ? u : $0 } }
            text.append(0x0A)
        }
        assertSameAsReference(text, "modelled units")
    }

    /// Every ASCII unit before, inside and after ASCII words and numbers, where the run loop's
    /// word scan stops and decides whether the segment goes on, and at the end of the text.
    func testEveryASCIIUnitAroundWordsAsReference() {
        let templates = ["ab x", "abxcd", "12x34", "12x", "Abx", "ABx.", "a1x", "x", "xx", "xa", "x1", "ab x's", "ab xé",
                         "12 x", "a\u{2019}x", "é x", "1.5x", "x,2", "a x  b", "U.xS."]
        for u in UInt16(1)..<0x80 {
            var text: [UInt16] = []
            for template in templates {
                text += template.utf16.map { $0 == 0x78 ? u : $0 }
                text.append(0x20)
            }
            assertSameAsReference(text, "ASCII unit \(u)")
            for template in templates {
                assertSameAsReference(template.utf16.map { $0 == 0x78 ? u : $0 }, "ASCII unit \(u) in \(template) alone")
            }
        }
    }

    /// A token per unit: more tokens than the first array holds (a token per four units).
    func testMoreTokensThanTheFirstArrayHolds() {
        let units = Array(String(repeating: "a,", count: 5_000).utf16)
        XCTAssertEqual(Tokenizer().tokenize(units).count, 10_000)
        assertSameAsReference(units, "a token a unit")
    }

    /// Long texts of dense tokens and of long words: the run loop stops short of its run where the
    /// array might fill (`stop`) and comes back, at every kind of place in a word or a gap.
    func testLongTextsAcrossArraysAsReference() {
        let pieces = ["a", ",", ".", "Isis's", "1,426", "U.S.", "said", "Extraordinarily", "ABCDEFGHIJKL", "x1", "“", "don’t",
                      " ", "  ", "\n", "\r\n", "é", "(", ")", "—", "abcdefghijklmnopqrstuvwxyz"]
        var rng = SplitMix64(seed: 29)
        for round in 0..<24 {
            var text = ""
            let dense = round % 3
            for _ in 0..<(500 + Int(rng.next() % 3_000)) {
                let k = Int(rng.next() % UInt64(dense == 0 ? 3 : pieces.count))
                text += pieces[k]
                if dense == 2 || rng.next() % 4 == 0 { text += " " }
            }
            assertSameAsReference(Array(text.utf16), "long text \(round)")
        }
    }

    /// Every text file of the corpus, whole.
    func testCorpusAsReference() throws {
        let files = FileManager.default.enumerator(at: TestSupport.corpus, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }
            .filter { ["txt", "html", "htm"].contains($0.pathExtension) }
        XCTAssertGreaterThan(files.count, 100)
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            assertSameAsReference(Array(text.utf16), file.lastPathComponent)
        }
    }

    /// Every unit of General Punctuation keys as `TokenKey.folded` keys it, alone and in words.
    func testGeneralPunctuationKeysAsFolded() {
        for u in UInt16(0x2000)..<0x2070 {
            for units in [[u], [0x61, u, 0x62], [0xE9, u, 0x2E]] {
                units.withUnsafeBufferPointer { buf in
                    XCTAssertEqual(TokenKey.of(units: buf[...]), TokenKey.folded(buf[...]), String(u, radix: 16))
                }
            }
        }
    }

    /// `letterCase` agrees with Unicode's properties for every UTF-16 unit.
    func testLetterCaseAsUnicodeProperties() {
        for v in 0...0xFFFF {
            let u = UInt16(v)
            let expected = Unicode.Scalar(u).map { ($0.properties.isUppercase, $0.properties.isLowercase) } ?? (false, false)
            let got = Tokenizer.letterCase(u)
            XCTAssert(got == expected, String(v, radix: 16))
        }
    }
}

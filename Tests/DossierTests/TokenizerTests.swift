import XCTest
@testable import Dossier

final class TokenizerTests: XCTestCase {
    func tokens(_ text: String) -> [(String, TokenKind)] {
        let doc = Document(id: "t", text: text)
        return Tokenizer().tokenize(doc.utf16).map { (doc.slice(Int($0.start), Int($0.end)), $0.kind) }
    }

    func testWordsNumbersAndPunctuation() {
        let t = tokens("Isis killed 1,426 people, officials said.")
        XCTAssertEqual(t.map(\.0), ["Isis", "killed", "1,426", "people", ",", "officials", "said", "."])
        XCTAssertEqual(t[2].1, .number)
        XCTAssertEqual(t[0].1, .word)
        XCTAssertEqual(t[4].1, .punctuation)
    }

    func testPossessiveIsSplitOff() {
        let t = tokens("Isis's network and Araji’s office")
        XCTAssertEqual(t.map(\.0), ["Isis", "'s", "network", "and", "Araji", "’s", "office"])
        XCTAssertEqual(t[1].1, .clitic)
    }

    func testQuotesDashesAndHyphens() {
        let t = tokens("“We know,” said al-Araji – again.")
        XCTAssertEqual(t.first?.1, .quote)
        XCTAssertTrue(t.contains { $0.0 == "-" && $0.1 == .dash })
        XCTAssertTrue(t.contains { $0.0 == "–" && $0.1 == .dash })
    }

    func testShapesAndSpaceFlags() {
        let doc = Document(id: "t", text: "ISIS and Isis\nin the U.S. iPhone")
        let toks = Tokenizer().tokenize(doc.utf16)
        XCTAssertEqual(toks[0].shape, .upper)
        XCTAssertEqual(toks[1].shape, .lower)
        XCTAssertEqual(toks[2].shape, .capitalised)
        XCTAssertTrue(toks[3].lineBreakBefore)
        XCTAssertTrue(toks[1].spaceBefore)
        XCTAssertEqual(toks.last?.shape, .mixed)
    }

    func testKeysFoldCaseAccentsAndDots() {
        XCTAssertEqual(TokenKey.of("Erdoğan"), TokenKey.of("erdogan"))
        XCTAssertEqual(TokenKey.of("U.S"), TokenKey.of("US"))
        XCTAssertEqual(TokenKey.of("ISIS"), TokenKey.of("Isis"))
        XCTAssertNotEqual(TokenKey.of("Iraq"), TokenKey.of("Iran"))
        let doc = Document(id: "t", text: "Erdoğan met Erdogan")
        let toks = Tokenizer().tokenize(doc.utf16)
        XCTAssertEqual(toks[0].key, toks[2].key)
    }

    func testNonBMPTextKeepsOffsetsConsistent() {
        let doc = Document(id: "t", text: "😀 Baghdad")
        let toks = Tokenizer().tokenize(doc.utf16)
        let word = toks.first { $0.kind == .word }!
        XCTAssertEqual(doc.slice(Int(word.start), Int(word.end)), "Baghdad")
        XCTAssertEqual(doc.offsets.codePoint(Int(word.start)), 2)
    }

    /// The branch-free test for capitalised words agrees with the plain one for every kind and shape.
    func testNotCapitalisedWordIsZeroExactlyForCapitalisedWords() {
        let kinds: [TokenKind] = [.word, .number, .clitic, .punctuation, .quote, .dash, .symbol]
        let shapes: [TokenShape] = [.none, .lower, .capitalised, .upper, .mixed]
        for kind in kinds {
            for shape in shapes {
                let t = Token(start: 0, end: 1, kind: kind, shape: shape, spaceBefore: false, lineBreakBefore: false, key: 1)
                XCTAssertEqual(t.notCapitalisedWord == 0, kind == .word && t.isCapitalised, "\(kind) \(shape)")
            }
        }
    }
}

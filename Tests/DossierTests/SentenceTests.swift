import XCTest
@testable import Dossier

final class SentenceTests: XCTestCase {
    func sentences(_ text: String) -> [String] {
        let doc = Document(id: "s", text: text)
        let tokens = Tokenizer().tokenize(doc.utf16)
        return SentenceSplitter().split(doc.utf16, tokens: tokens).map { doc.slice($0.start, $0.end) }
    }

    func testAbbreviationsDoNotSplit() {
        XCTAssertEqual(sentences("The U.S. Army left. Dr. Smith stayed."), ["The U.S. Army left.", "Dr. Smith stayed."])
        XCTAssertEqual(sentences("Some leaders, e.g. Smith, agreed. Others did not."), ["Some leaders, e.g. Smith, agreed.", "Others did not."])
        XCTAssertEqual(sentences("He met J. R. Smith in Rome. It rained."), ["He met J. R. Smith in Rome.", "It rained."])
        XCTAssertEqual(sentences("Mr. Araji spoke. Mrs. Jones listened."), ["Mr. Araji spoke.", "Mrs. Jones listened."])
    }

    func testAcronymAtSentenceEndStillSplits() {
        XCTAssertEqual(sentences("He moved to the U.S. He was happy."), ["He moved to the U.S.", "He was happy."])
    }

    func testBlankLinesAndListMarkersAreNotSentences() {
        let s = sentences("First paragraph here.\n\n\n  1. A numbered item follows.\n  • A bullet item.\n\nEnd.")
        XCTAssertEqual(s, ["First paragraph here.", "A numbered item follows.", "A bullet item.", "End."])
    }

    func testNeverCrossesAParagraphBreak() {
        let doc = Document(id: "s", text: "A heading without a stop\n\nthe next paragraph starts in lowercase.")
        let tokens = Tokenizer().tokenize(doc.utf16)
        let s = SentenceSplitter().split(doc.utf16, tokens: tokens)
        XCTAssertEqual(s.count, 2)
        XCTAssertEqual(s[0].paragraph, 0)
        XCTAssertEqual(s[1].paragraph, 1)
    }

    /// The gallop and binary search that finds a boundary's first token agrees with a linear
    /// scan, from every token and for every offset of a text.
    func testFirstTokenAtBoundaryAsLinearScan() {
        let text = "Mr. Smith said: “It’s 3.5 m.” He left.\n\nA  b, c; d. Ef gh — ij!  Kl? (mn) op.\r\nQ"
        let doc = Document(id: "s", text: text)
        let tokens = Tokenizer().tokenize(doc.utf16)
        XCTAssertGreaterThan(tokens.count, 20)
        tokens.withUnsafeBufferPointer { buf in
            for t in 0...buf.count {
                let from = t == 0 ? 0 : Int(buf[t - 1].start) + 1
                for offset in from...(doc.utf16.count + 1) {
                    var linear = t
                    while linear < buf.count && Int(buf[linear].start) < offset { linear += 1 }
                    XCTAssertEqual(SentenceSplitter.firstToken(from: t, startingAtOrAfter: offset, in: buf), linear, "\(t) \(offset)")
                }
            }
        }
    }

    func testHardWrappedLinesJoin() {
        XCTAssertEqual(sentences("The minister said the attack\nwas thwarted by informers."), ["The minister said the attack\nwas thwarted by informers."])
    }
}

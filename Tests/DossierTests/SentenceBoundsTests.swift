import XCTest
@testable import Dossier

/// Text without sentence structure stays bounded: sentences are cut to a maximum length, and
/// quotation marks far apart do not pair.
final class SentenceBoundsTests: XCTestCase {
    func testLongRunIsCutIntoBoundedSentences() {
        let text = Array(repeating: "Baghdad said that the bridge, closed", count: 500).joined(separator: " ")
        let doc = Document(id: "long", text: text)
        let tokens = Tokenizer().tokenize(doc.utf16)
        let sentences = SentenceSplitter().split(doc.utf16, tokens: tokens)
        XCTAssertGreaterThan(sentences.count, 5)
        XCTAssertTrue(sentences.allSatisfy { $0.tokens.count <= SentenceSplitter.maxTokens })
        XCTAssertEqual(sentences.first?.tokens.lowerBound, 0)
        XCTAssertEqual(sentences.last?.tokens.upperBound, tokens.count)
        for (a, b) in zip(sentences, sentences.dropFirst()) { XCTAssertEqual(a.tokens.upperBound, b.tokens.lowerBound) }
    }

    /// The splitter writes its sentences into storage sized in advance (a sentence a boundary and
    /// one a cut): runs cut at commas near the smallest cut (half the maximum), at the maximum,
    /// and between short sentences all keep every token, in order.
    func testEveryPieceIsKeptWhateverTheCuts() {
        for commaEvery in [1, 2, 75, 149, 150, 151, 152, 153, 298, 299, 300, 301, 1000] {
            var words: [String] = []
            for k in 1...2_000 {
                words.append(k % commaEvery == 0 ? "word," : "word")
                if k % 701 == 0 { words.append("Done. Yes. No. Go.") }
            }
            let doc = Document(id: "cuts", text: words.joined(separator: " "))
            let tokens = Tokenizer().tokenize(doc.utf16)
            let sentences = SentenceSplitter().split(doc.utf16, tokens: tokens)
            XCTAssertTrue(sentences.allSatisfy { $0.tokens.count <= SentenceSplitter.maxTokens }, "comma every \(commaEvery)")
            XCTAssertEqual(sentences.first?.tokens.lowerBound, 0, "comma every \(commaEvery)")
            XCTAssertEqual(sentences.last?.tokens.upperBound, tokens.count, "comma every \(commaEvery)")
            for (a, b) in zip(sentences, sentences.dropFirst()) {
                XCTAssertEqual(a.tokens.upperBound, b.tokens.lowerBound, "comma every \(commaEvery)")
            }
        }
    }

    func testDistantMarksDoNotMakeAHugeQuote() {
        let filler = Array(repeating: "word", count: 3000).joined(separator: " ")
        let doc = Document(id: "q", text: "He said “\(filler)” and left.")
        let quotes = TestSupport.pipeline.extract(doc).filter { $0.kind == "quote" }
        XCTAssertTrue(quotes.allSatisfy { ($0.end ?? 0) - ($0.start ?? 0) < 20_000 })
    }
}

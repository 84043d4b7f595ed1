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

    func testDistantMarksDoNotMakeAHugeQuote() {
        let filler = Array(repeating: "word", count: 3000).joined(separator: " ")
        let doc = Document(id: "q", text: "He said “\(filler)” and left.")
        let quotes = TestSupport.pipeline.extract(doc).filter { $0.kind == "quote" }
        XCTAssertTrue(quotes.allSatisfy { ($0.end ?? 0) - ($0.start ?? 0) < 20_000 })
    }
}

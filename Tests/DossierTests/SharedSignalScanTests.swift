import XCTest
@testable import Dossier

/// The quote stage's pass over the tokens that finds the figure stage's number signals on the way
/// (`QuoteScope.TokenIndex` with `NumberSignals`), held to the figure stage's own pass and to the
/// tables the quote pass makes without them; figures from either pass; and the figure rules'
/// mention look-up (`FigureDocument.mentionIndex`) held to a per-token table.
final class SharedSignalScanTests: XCTestCase {
    static let numbers = NumberSignals(.english, alongside: QuoteLexicon.english.cueFirstWords)

    func testSharedPassFindsWhatEachStageFindsAlone() {
        var rng = SystemRandomNumberGenerator()
        let lexicon = QuoteLexicon.english
        let figures = FigureExtractor(language: .english)
        for round in 0..<150 {
            let analysis = TestSupport.analyse(SignalScanTests.text(&rng, sentences: Int.random(in: 0...24, using: &rng)))
            let searched = SignalScanTests.searched(analysis.sentences, &rng)
            let context = MatchContext(document: analysis.document, tokens: analysis.tokens, sentences: analysis.sentences, searched: searched)
            let zoneAt: (Int) -> ZoneType = { $0 % 3 == 0 ? .title : .body }
            let alone = QuoteScope.TokenIndex(context: context, cueFirstWords: lexicon.cueFirstWords, filter: lexicon.cueFirstWordFilter,
                                              zoneAt: zoneAt)
            let shared = QuoteScope.TokenIndex(context: context, cueFirstWords: lexicon.cueFirstWords, filter: lexicon.cueFirstWordFilter,
                                               zoneAt: zoneAt, numbers: Self.numbers)
            defer {
                alone.sentenceOfToken.deallocate()
                shared.sentenceOfToken.deallocate()
            }
            XCTAssertEqual(Array(shared.sentenceOfToken), Array(alone.sentenceOfToken), "round \(round)")
            XCTAssertEqual(Array(shared.mentionOfToken), Array(alone.mentionOfToken), "round \(round)")
            XCTAssertEqual(shared.markTokens, alone.markTokens, "round \(round)")
            XCTAssertEqual(shared.cueStarts, alone.cueStarts, "round \(round)")
            XCTAssertEqual(shared.regions, alone.regions, "round \(round)")
            XCTAssertEqual(shared.regionSentences, alone.regionSentences, "round \(round)")
            XCTAssertNil(alone.signalled)
            // The shared pass walks the searched sentences in text order: it gives them when that
            // is the order of `searched`, and then exactly what the figure stage finds alone.
            let inOrder = zip(searched, searched.dropFirst()).allSatisfy { $0.start < $1.start }
            let plain = figures.signalled(context).sentences
            XCTAssertTrue(inOrder ? shared.signalled != nil : true, "round \(round)")
            if let signalled = shared.signalled {
                XCTAssertEqual(signalled.sentences.map(\.tokens), plain.map(\.tokens), "round \(round)")
                XCTAssertEqual(signalled.sentences.map(\.firstSignal), plain.map(\.firstSignal), "round \(round)")
                // Each sentence's listed starts are its tokens that may start a number.
                let candidates = FigureLexicon.english.candidateKeys
                for s in signalled.sentences {
                    let expected = s.tokens.filter { t in
                        let token = analysis.tokens[t]
                        let u = analysis.document.utf16[Int(token.start)]
                        return (u >= 0x30 && u <= 0x39) || (token.kind == .word && candidates.contains(token.key))
                    }
                    XCTAssertEqual(signalled.starts[s.starts!].map { Int($0) }, expected, "round \(round)")
                }
            }
        }
    }

    /// Sentences that overlap (no splitter makes them, a caller may) are walked without listing
    /// more tokens than the index has room for, and give the tables the pass without numbers gives.
    func testOverlappingSentencesStayInBounds() {
        var rng = SystemRandomNumberGenerator()
        let lexicon = QuoteLexicon.english
        for round in 0..<50 {
            let analysis = TestSupport.analyse(SignalScanTests.text(&rng, sentences: Int.random(in: 1...12, using: &rng)))
            // Every sentence twice, and one spanning the whole text.
            var sentences = analysis.sentences.flatMap { [$0, $0] }
            if let first = analysis.sentences.first, let last = analysis.sentences.last {
                sentences.append(Sentence(start: first.start, end: last.end, tokens: first.tokens.lowerBound..<last.tokens.upperBound,
                                          paragraph: first.paragraph))
            }
            let context = MatchContext(document: analysis.document, tokens: analysis.tokens, sentences: sentences, searched: sentences)
            let zoneAt: (Int) -> ZoneType = { _ in .body }
            let alone = QuoteScope.TokenIndex(context: context, cueFirstWords: lexicon.cueFirstWords, filter: lexicon.cueFirstWordFilter,
                                              zoneAt: zoneAt)
            let shared = QuoteScope.TokenIndex(context: context, cueFirstWords: lexicon.cueFirstWords, filter: lexicon.cueFirstWordFilter,
                                               zoneAt: zoneAt, numbers: Self.numbers)
            defer {
                alone.sentenceOfToken.deallocate()
                shared.sentenceOfToken.deallocate()
            }
            XCTAssertEqual(Array(shared.sentenceOfToken), Array(alone.sentenceOfToken), "round \(round)")
            XCTAssertEqual(shared.markTokens, alone.markTokens, "round \(round)")
            XCTAssertEqual(shared.cueStarts, alone.cueStarts, "round \(round)")
            XCTAssertNil(shared.signalled, "round \(round)")
        }
    }

    func testFiguresFromTheSharedPassMatchTheirOwn() {
        var rng = SystemRandomNumberGenerator()
        let figures = FigureExtractor(language: .english)
        let quotes = QuoteExtractor(language: .english, findingNumbersOf: figures)
        for round in 0..<100 {
            let analysis = TestSupport.analyse(SignalScanTests.text(&rng, sentences: Int.random(in: 0...24, using: &rng)))
            let searched = SignalScanTests.searched(analysis.sentences, &rng)
            let context = MatchContext(document: analysis.document, tokens: analysis.tokens, sentences: analysis.sentences, searched: searched)
            var signalled: SignalledSentences?
            let found = quotes.extract(context, entities: analysis.entities, zones: analysis.zones, signalled: &signalled)
            let plain = quotes.extract(context, entities: analysis.entities, zones: analysis.zones)
            XCTAssertEqual(found.map(Self.summary), plain.map(Self.summary), "round \(round)")
            let shared = figures.extract(context, entities: analysis.entities, signalled: signalled)
            let alone = figures.extract(context, entities: analysis.entities)
            XCTAssertEqual(shared.map(\.start), alone.map(\.start), "round \(round)")
            XCTAssertEqual(shared.map(\.end), alone.map(\.end), "round \(round)")
            XCTAssertEqual(shared.map(\.value), alone.map(\.value), "round \(round)")
        }
    }

    static func summary(_ a: Attributed) -> String { "\(a.kind) \(a.start) \(a.end) \(a.speaker?.name ?? "-") \(a.method)" }

    /// Mention ranges over `tokens` tokens: in order without overlaps, or anyhow.
    static func mentions(_ rng: inout SystemRandomNumberGenerator, tokens: Int, ordered: Bool) -> [EntityMention] {
        var out: [EntityMention] = []
        var t = 0
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            let r: Range<Int>
            if ordered {
                t += Int.random(in: 0...3, using: &rng)
                let length = Int.random(in: 0...3, using: &rng)
                r = t..<(t + length)
                t += length
            } else {
                let start = Int.random(in: 0...tokens + 2, using: &rng)
                r = start..<(start + Int.random(in: 0...4, using: &rng))
            }
            out.append(EntityMention(tokens: r, start: 0, end: 0, type: .place, canonical: nil, id: nil, source: .gazetteer))
        }
        return out
    }

    func testMentionIndexMatchesATable() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<2_000 {
            let count = Int.random(in: 0...30, using: &rng)
            let entities = Self.mentions(&rng, tokens: count, ordered: Bool.random(using: &rng))
            let tokens = [Token](repeating: Token(start: 0, end: 1, kind: .word, shape: .lower, spaceBefore: true, lineBreakBefore: false, key: 1),
                                 count: count)
            let document = FigureDocument(tokens: tokens, language: .english, entities: entities)
            let table = FigureDocument.table(entities, tokenCount: count)
            // In text order, then at random: the look-up remembers where the last answer was.
            for i in Array(-2..<(count + 3)) + (-2..<(count + 3)).shuffled(using: &rng) {
                let expected: Int? = i >= 0 && i < count && table[i] >= 0 ? Int(table[i]) : nil
                XCTAssertEqual(document.mentionIndex(i), expected, "round \(round), token \(i)")
            }
        }
    }
}

import XCTest
@testable import Dossier

/// The per-document scans of the quote and figure stages (`QuoteScope.TokenIndex`,
/// `FigureExtractor.firstNumberSignal`, `QuoteMarkPairer.pairs` with its buffers lent from region
/// to region) held to plain readings of what they find, on generated texts; and the parts list
/// of spelled-out numbers (`CardinalParts`) held to an array.
final class SignalScanTests: XCTestCase {
    /// Words, marks and numbers the scans look for, mixed with ones they pass over.
    static let pieces = [
        "said", "says", "told", "according", "to", "added", "asked", "insisted", "the", "a", "an", "one", "two",
        "million", "dozens", "hundreds", "half", "Mr", "Smith", "Baghdad", "police", "war", "was", "over", "they",
        "42", "3rd", "1,200", "90s", "7.5", "\u{201C}", "\u{201D}", "\"", "'", "\u{2018}", "\u{2019}", "\u{00AB}",
        "\u{00BB}", ",", ".", ":", "-", "\u{2014}", "(", ")", "don't", "Kurds'", "?",
    ]

    /// A text of `sentences` generated sentences in a few paragraphs.
    static func text(_ rng: inout SystemRandomNumberGenerator, sentences: Int) -> String {
        var out = ""
        for s in 0..<sentences {
            let words = Int.random(in: 1...14, using: &rng)
            var line: [String] = []
            for w in 0..<words {
                var piece = pieces.randomElement(using: &rng)!
                if w == 0, piece.first?.isLetter == true { piece = piece.prefix(1).uppercased() + piece.dropFirst() }
                line.append(piece)
            }
            out += line.joined(separator: Bool.random(using: &rng) ? " " : "  ") + ". "
            if s % 4 == 3 { out += "\n\n" }
        }
        return out
    }

    /// Some of the sentences, in order or not.
    static func searched(_ sentences: [Sentence], _ rng: inout SystemRandomNumberGenerator) -> [Sentence] {
        var picked = sentences.filter { _ in Int.random(in: 0..<4, using: &rng) != 0 }
        if Int.random(in: 0..<3, using: &rng) == 0 { picked.shuffle(using: &rng) }
        return picked
    }

    func testTokenIndexMatchesAPlainReading() {
        var rng = SystemRandomNumberGenerator()
        let lexicon = QuoteLexicon.english
        for round in 0..<150 {
            let analysis = TestSupport.analyse(Self.text(&rng, sentences: Int.random(in: 0...24, using: &rng)))
            let searched = Self.searched(analysis.sentences, &rng)
            let context = MatchContext(document: analysis.document, tokens: analysis.tokens, sentences: analysis.sentences, searched: searched)
            let zoneAt: (Int) -> ZoneType = { $0 % 3 == 0 ? .title : .body }
            let index = QuoteScope.TokenIndex(context: context, cueFirstWords: lexicon.cueFirstWords,
                                              filter: lexicon.cueFirstWordFilter, zoneAt: zoneAt)
            defer { index.sentenceOfToken.deallocate() }

            let starts = Set(searched.map(\.start))
            var sentenceOf = [Int32](repeating: -1, count: analysis.tokens.count)
            var marks: [Int32] = [], cueStarts: [Int32] = []
            var regions: [Range<Int>] = [], regionSentences: [Range<Int>] = []
            var lastSentence = -2, lastZone = ZoneType.body
            for (si, s) in analysis.sentences.enumerated() where starts.contains(s.start) {
                for t in s.tokens {
                    sentenceOf[t] = Int32(si)
                    let token = analysis.tokens[t]
                    if token.kind == .quote { marks.append(Int32(t)) }
                    if token.kind == .word, lexicon.cueFirstWords.contains(token.key) { cueStarts.append(Int32(t)) }
                }
                let zone = zoneAt(s.start)
                if lastSentence == si - 1, zone == lastZone, let r = regions.last, let rs = regionSentences.last {
                    regions[regions.count - 1] = r.lowerBound..<s.tokens.upperBound
                    regionSentences[regionSentences.count - 1] = rs.lowerBound..<(si + 1)
                } else {
                    regions.append(s.tokens)
                    regionSentences.append(si..<(si + 1))
                }
                lastSentence = si
                lastZone = zone
            }
            XCTAssertEqual(Array(index.sentenceOfToken), sentenceOf, "round \(round)")
            XCTAssertTrue(index.mentionOfToken.allSatisfy { $0 == -1 }, "round \(round)")
            XCTAssertEqual(index.markTokens, marks, "round \(round)")
            XCTAssertEqual(index.cueStarts, cueStarts, "round \(round)")
            XCTAssertEqual(index.regions, regions, "round \(round)")
            XCTAssertEqual(index.regionSentences, regionSentences, "round \(round)")
        }
    }

    func testFirstNumberSignalMatchesAPlainReading() {
        var rng = SystemRandomNumberGenerator()
        let lexicon = FigureLexicon.english
        for round in 0..<150 {
            let analysis = TestSupport.analyse(Self.text(&rng, sentences: Int.random(in: 1...24, using: &rng)))
            let units = analysis.document.utf16
            analysis.tokens.withUnsafeBufferPointer { tokens in
                units.withUnsafeBufferPointer { unitBuffer in
                    for s in analysis.sentences {
                        let plain = s.tokens.first { t in
                            let u = units[Int(tokens[t].start)]
                            return (u >= 0x30 && u <= 0x39) || (tokens[t].kind == .word && lexicon.numberSignalKeys.contains(tokens[t].key))
                        }
                        let found = FigureExtractor.firstNumberSignal(tokens, unitBuffer, in: s.tokens, signals: lexicon.numberSignalKeys,
                                                                      filter: lexicon.numberSignalFilter)
                        XCTAssertEqual(found, plain, "round \(round), sentence at \(s.start)")
                    }
                }
            }
        }
    }

    /// A word count stopped at a limit is the whole count capped at it.
    func testWordCountUpToALimitIsTheCappedCount() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<30 {
            let analysis = TestSupport.analyse(Self.text(&rng, sentences: Int.random(in: 1...10, using: &rng)))
            let context = MatchContext(document: analysis.document, tokens: analysis.tokens, sentences: analysis.sentences,
                                       searched: analysis.sentences)
            let scope = QuoteScope(context: context, entities: analysis.entities, lexicon: .english, zoneAt: { _ in .body })
            let n = analysis.tokens.count
            for _ in 0..<50 {
                let a = Int.random(in: 0...n, using: &rng), b = Int.random(in: a...n, using: &rng)
                for numbers in [false, true] {
                    let whole = scope.wordCount(a..<b, numbers: numbers)
                    for limit in [0, 1, 2, 3, 10] {
                        XCTAssertEqual(scope.wordCount(a..<b, numbers: numbers, upTo: limit), min(whole, limit), "round \(round)")
                    }
                }
            }
        }
    }

    /// Pairing with one visited list and one stack lent to every region gives what fresh ones give.
    func testPairsWithLentBuffersMatchFreshOnes() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<150 {
            let analysis = TestSupport.analyse(Self.text(&rng, sentences: Int.random(in: 1...30, using: &rng)))
            let searched = Self.searched(analysis.sentences, &rng)
            let context = MatchContext(document: analysis.document, tokens: analysis.tokens, sentences: analysis.sentences, searched: searched)
            let scope = QuoteScope(context: context, entities: analysis.entities, lexicon: .english, zoneAt: { $0 % 5 == 0 ? .title : .body })
            let pairer = QuoteMarkPairer(scope: scope)
            var fresh: [QuoteSpan] = []
            for (k, region) in scope.regions.enumerated() {
                var visited: [Int] = []
                var stack = QuoteMarkPairer.OpenMarks()
                pairer.visited(region, sentences: scope.regionSentences[k], into: &visited)
                pairer.pair(region, visiting: visited, stack: &stack, into: &fresh)
            }
            fresh.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
            XCTAssertEqual(pairer.pairs(), fresh, "round \(round)")
        }
    }

    /// `CardinalParts` (two parts inline, then an array) keeps what an array of the parts keeps.
    func testCardinalPartsMatchAnArray() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var parts = CardinalParts()
            var plain: [(token: Int, joined: Int)] = []
            for _ in 0..<Int.random(in: 0...7, using: &rng) {
                if !plain.isEmpty, Bool.random(using: &rng) {
                    let j = Int.random(in: 0...99, using: &rng)
                    parts.joinLast(j)
                    plain[plain.count - 1].joined = j
                } else {
                    let part = (token: Int.random(in: -2...99, using: &rng), joined: -1)
                    parts.append(part)
                    plain.append(part)
                }
                XCTAssertEqual(parts.count, plain.count)
            }
            XCTAssertEqual(parts.all.map(\.token), plain.map(\.token))
            XCTAssertEqual(parts.all.map(\.joined), plain.map(\.joined))
        }
    }
}

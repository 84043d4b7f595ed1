import Foundation
import XCTest
@testable import Dossier

/// The resolvers' shortcuts answer as the plain forms they replace: the one-set candidate test of
/// repeated names, and the list of capitalised words that stands for a pass over every token.
final class ResolverShortcutTests: XCTestCase {
    func contexts() throws -> [MatchContext] {
        let files = try FileManager.default.contentsOfDirectory(at: TestSupport.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }.prefix(12)
        var texts = try files.map { try String(contentsOf: $0, encoding: .utf8) }
        texts.append("MONDAY: Apple and Orange met Will in Paris. The Jordan, the jordan, May said; al-Araji and IRAQ-Iran.")
        return texts.map { text in
            let doc = TestSupport.document(text)
            let analysis = TestSupport.pipeline.analyse(doc)
            let searched = analysis.sentences.enumerated().filter { $0.offset % 3 != 1 }.map(\.element)
            return MatchContext(document: doc, tokens: analysis.tokens, sentences: analysis.sentences, searched: searched)
        }
    }

    func testRepeatedNameCandidatesAgreeWithTheLists() throws {
        let pipeline = TestSupport.pipeline
        let resolver = RepeatedNameResolver(language: pipeline.language, gazetteer: pipeline.gazetteer)
        let language = pipeline.language, gazetteer = pipeline.gazetteer
        let listed: [UInt64] = Array(language.stopWords) + Array(language.commonWords) + Array(language.calendarWords)
            + Array(language.roleWords) + gazetteer.demonyms.keys + language.organisationKeywords.keys + language.placeKeywords.keys
            + Array(gazetteer.givenNames) + Array(gazetteer.surnames) + [0, 1, 42]
        for context in try contexts() {
            for key in context.tokens.map(\.key) + listed {
                XCTAssertEqual(resolver.isCandidate(key, context: context), resolver.isCandidateByLists(key, context: context))
            }
        }
    }

    /// The cursor gives each sentence's words whatever the order of the sentences: in order, with
    /// gaps, overlapping, backwards, empty.
    func testCursorGivesTheWordsOfSentencesInAnyOrder() {
        var state: UInt64 = 3
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        for _ in 0..<200 {
            let count = 1 + random(60)
            let words = (0..<count).filter { _ in random(3) == 0 }.map(Int32.init)
            var cursor = TokenListCursor(words)
            for _ in 0..<12 {
                let a = random(count + 1), b = random(count + 1)
                let sentence = Sentence(start: 0, end: 0, tokens: min(a, b)..<max(a, b), paragraph: 0)
                XCTAssertEqual(Array(cursor.tokens(in: sentence)), words.filter { sentence.tokens.contains(Int($0)) })
            }
        }
    }

    func testCapitalisedWordsOfASentenceAreThoseOfItsTokens() throws {
        for context in try contexts() {
            XCTAssertEqual(context.capitalisedWords.map(Int.init), context.tokens.indices.filter { context.tokens[$0].notCapitalisedWord == 0 })
            for sentence in context.sentences {
                XCTAssertEqual(context.capitalisedWords(in: sentence).map(Int.init),
                               sentence.tokens.filter { context.tokens[$0].notCapitalisedWord == 0 })
            }
        }
    }
}

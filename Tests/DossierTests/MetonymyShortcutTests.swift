import Foundation
import XCTest
@testable import Dossier

/// `MetonymyResolver.isSportsReport` counts distinct sports words in a short list that stops at
/// the number a report needs; it answers as the plain count with a set of every one does.
final class MetonymyShortcutTests: XCTestCase {
    func plainIsSportsReport(_ resolver: MetonymyResolver, _ context: MatchContext) -> Bool {
        let tokens = context.tokens
        var total = 0
        var distinct = Set<Int>()
        for i in tokens.indices where tokens[i].kind == .word {
            guard let found = resolver.language.sportsWords.longest(in: tokens, from: i, limit: min(tokens.count, i + 3)) else { continue }
            total += 1
            distinct.insert(found.payload)
        }
        return total >= MetonymyResolver.minimumSportsWords && distinct.count >= MetonymyResolver.minimumDistinctSportsWords
    }

    func testSportsReportAgreesWithThePlainCount() throws {
        let pipeline = TestSupport.pipeline
        let resolver = MetonymyResolver(language: pipeline.language, gazetteer: pipeline.gazetteer)
        let files = try FileManager.default.contentsOfDirectory(at: TestSupport.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        var texts = try files.map { try String(contentsOf: $0, encoding: .utf8) }
        let words = ["goal", "match", "striker", "scored", "league", "coach", "penalty", "tournament", "team", "the", "in", "Sweden",
                     "defeated", "final", "goalkeeper", "championship", "club", "season", "."]
        var state: UInt64 = 7
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        // Texts with few sports words repeated, many distinct ones, and every count in between.
        for round in 0..<60 {
            let vocabulary = 1 + round % words.count
            texts.append((0..<(5 + round % 23)).map { _ in words[random(vocabulary)] }.joined(separator: " "))
        }
        var reports = 0
        for text in texts {
            let doc = TestSupport.document(text)
            let analysis = pipeline.analyse(doc)
            let context = MatchContext(document: doc, tokens: analysis.tokens, sentences: analysis.sentences, searched: analysis.sentences)
            let plain = plainIsSportsReport(resolver, context)
            XCTAssertEqual(resolver.isSportsReport(context), plain, text)
            if plain { reports += 1 }
        }
        XCTAssertGreaterThan(reports, 3)
        XCTAssertLessThan(reports, texts.count)
    }
}

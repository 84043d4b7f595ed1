import Foundation
import XCTest
@testable import Dossier

/// The one-token tests before `TitleRule.match` and `NameRun.capitalised` never turn away a token
/// where the full rule finds something: every title's first word and every demonym passes the
/// title filter, and over the corpus and generated texts a match or a run implies its pre-test.
final class TitlePrefilterTests: XCTestCase {
    func testEveryTitleAndDemonymPassesTheFilter() throws {
        let pipeline = TestSupport.pipeline
        let rule = TitleRule(language: pipeline.language, gazetteer: pipeline.gazetteer)
        let url = TestSupport.root.appendingPathComponent("Sources/Dossier/Language/en/titles.txt")
        var checked = 0
        for line in try DataFile.lines(url) {
            guard let phrase = DataFile.fields(line).first else { continue }
            for variant in [String(phrase), phrase + "."] {
                guard let first = PhraseWords.keys(variant).first else { continue }
                XCTAssertTrue(rule.mayMatch(startingWith: first), variant)
                checked += 1
            }
        }
        for key in pipeline.gazetteer.demonyms.keys { XCTAssertTrue(rule.mayMatch(startingWith: key)) }
        XCTAssertGreaterThan(checked, 100)
    }

    func testPreTestsHoldWhereTheRulesFindSomething() throws {
        let pipeline = TestSupport.pipeline
        let language = pipeline.language
        let rule = TitleRule(language: language, gazetteer: pipeline.gazetteer)
        let files = try FileManager.default.contentsOfDirectory(at: TestSupport.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        var texts = try files.map { try String(contentsOf: $0, encoding: .utf8) }
        let words = ["President", "Prime", "Minister", "Kurdish", "Iraqi", "Mr", "Mr.", "Dr", "General", "Haider", "al", "-", "Abadi",
                     "bin", "de", "la", "Kwok", "kin", ",", ".", "J.", "R.", "Smith", "the", "said", "NATO", "University", "of",
                     "Oxford", "Interior", "Qasim", "al-Araji", "Foreign", "Secretary", "French", "Badr", "Organisation", "—"]
        var state: UInt64 = 11
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        for round in 0..<300 {
            texts.append((0..<(4 + round % 17)).map { _ in words[random(words.count)] }.joined(separator: random(4) == 0 ? "" : " "))
        }
        var matches = 0, runs = 0, turnedAway = 0
        for text in texts {
            let doc = TestSupport.document(text)
            let analysis = pipeline.analyse(doc)
            let context = MatchContext(document: doc, tokens: analysis.tokens, sentences: analysis.sentences, searched: analysis.sentences)
            let tokens = context.tokens
            for sentence in context.sentences {
                let limit = sentence.tokens.upperBound
                for i in sentence.tokens {
                    if rule.match(at: i, in: sentence, context: context) != nil {
                        XCTAssertTrue(rule.mayMatch(startingWith: tokens[i].key), text)
                        matches += 1
                    } else if !rule.mayMatch(startingWith: tokens[i].key) {
                        turnedAway += 1
                    }
                    if !NameRun.capitalised(from: i, limit: limit, context: context, language: language, maxWords: 5).isEmpty {
                        XCTAssertTrue(NameRun.mayStart(at: i, limit: limit, tokens: tokens, language: language), text)
                        runs += 1
                    }
                }
                XCTAssertFalse(NameRun.mayStart(at: limit, limit: limit, tokens: tokens, language: language))
            }
        }
        XCTAssertGreaterThan(matches, 50)
        XCTAssertGreaterThan(runs, 500)
        XCTAssertGreaterThan(turnedAway, 1000)
    }
}

import Foundation
import XCTest
@testable import Dossier

/// The resolvers' passes answer as the plain forms they replaced: repeated names tallied in a
/// keyed map with a list of uses a word and sorted in with every mention, metonymy that reads the
/// document for sports words whenever it names a country, and canonical names normalised as strings.
final class ResolverRewriteTests: XCTestCase {
    /// Corpus texts and generated ones (repeated capitalised words, countries, sports words, odd
    /// spacing), with every sentence searched, and with some left out or given twice or backwards.
    func contexts() throws -> [MatchContext] {
        let files = try FileManager.default.contentsOfDirectory(at: TestSupport.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }.prefix(16)
        var texts = try files.map { try String(contentsOf: $0, encoding: .utf8) }
        let words = ["Sweden", "defeated", "Norway", "in", "Russia", ",", "Sochi", "against", "England", "goal", "match", "striker",
                     "scored", "league", "final", "coach", "Marilyn", "Zorbatov", "said", "the", "from", "Kelmar", "striker", "Iraq",
                     "says", ".", "Mr", "Ahmed", "Mohamed", "  ", "\n", "\t", "France", "Araji", "Qasim al-Araji", "(KRG)", "met"]
        var state: UInt64 = 17
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        for round in 0..<80 {
            texts.append((0..<(10 + round % 60)).map { _ in words[random(words.count)] }.joined(separator: random(4) == 0 ? "  " : " "))
        }
        var contexts: [MatchContext] = []
        for (n, text) in texts.enumerated() {
            let doc = TestSupport.document(text)
            let analysis = TestSupport.pipeline.analyse(doc)
            let s = analysis.sentences
            let searched: [Sentence]
            switch n % 4 {
            case 0, 1: searched = s
            case 2: searched = s.enumerated().filter { $0.offset % 3 != 1 }.map(\.element)
            default: searched = s.reversed() + s.prefix(2)
            }
            contexts.append(MatchContext(document: doc, tokens: analysis.tokens, sentences: s, searched: searched))
        }
        return contexts
    }

    func aliasResolved(_ context: MatchContext) -> [EntityMention] {
        let pipeline = TestSupport.pipeline
        return pipeline.resolver.resolve(pipeline.recognizer.recognize(context), context: context)
    }

    /// Repeated names as they were found before the tally.
    func plainRepeatedNames(_ resolver: RepeatedNameResolver, _ mentions: [EntityMention], context: MatchContext) -> [EntityMention] {
        let tokens = context.tokens, language = resolver.language, gazetteer = resolver.gazetteer
        var covered = Set<Int>()
        for m in mentions { covered.formUnion(m.tokens) }
        var found: [(votes: RepeatedNameResolver.Votes, uses: [Int])] = []
        for sentence in context.searched {
            for i in sentence.tokens where tokens[i].kind == .word && tokens[i].isCapitalised && !covered.contains(i) {
                let t = tokens[i]
                guard t.shape == .capitalised, t.length >= 3, resolver.isCandidate(t.key, context: context) else { continue }
                if i + 1 < sentence.tokens.upperBound, tokens[i + 1].kind == .word, tokens[i + 1].isCapitalised { continue }
                if i > sentence.tokens.lowerBound, tokens[i - 1].kind == .word, tokens[i - 1].isCapitalised,
                   !language.stopWords.contains(tokens[i - 1].key) { continue }
                let k = found.firstIndex { $0.votes.key == t.key } ?? found.count
                if k == found.count { found.append((RepeatedNameResolver.Votes(key: t.key), [])) }
                found[k].uses.append(i)
                resolver.vote(&found[k].votes, at: i, inside: i > sentence.tokens.lowerBound, sentence: sentence, context: context)
            }
        }
        var out = mentions
        for (v, uses) in found where v.inside >= 2 || (v.inside == 1 && gazetteer.givenNames.contains(v.key) && !language.commonWords.contains(v.key)) {
            let type: EntityType
            if v.place > max(v.person, v.organisation) { type = .place }
            else if v.person > v.organisation || (v.person == v.organisation && gazetteer.givenNames.contains(v.key)) { type = .person }
            else if v.organisation >= 2 { type = .organisation }
            else { continue }
            for i in uses {
                let text = context.text(i)
                out.append(EntityMention(tokens: i..<(i + 1), start: Int(tokens[i].start), end: Int(tokens[i].end), type: type,
                                         canonical: text, id: AliasResolver.localID(text), source: .repeated))
            }
        }
        // A stable sort by start.
        return out.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    }

    /// Metonymy as it was before the sports check waited for a country that it could change.
    func plainMetonymy(_ resolver: MetonymyResolver, _ mentions: [EntityMention], context: MatchContext) -> [EntityMention] {
        var out = mentions
        for k in mentions.indices where resolver.acts(k, of: mentions, context: context) { out[k].type = .organisation }
        guard out.indices.contains(where: { resolver.isCountryOrDivision($0, of: out) }), resolver.isSportsReport(context) else { return out }
        var placeEnds = Set<Int>()
        for m in out where m.type == .place { placeEnds.insert(m.tokens.upperBound) }
        for k in out.indices where resolver.isCountryOrDivision(k, of: out) {
            let before = out[k].tokens.lowerBound - 1
            if before >= 0, resolver.language.locativeWords.contains(context.tokens[before].key),
               !resolver.isForAgainst(before, context: context) { continue }
            if before >= 0, context.firstUnit(before) == 0x2C, placeEnds.contains(before) { continue }
            out[k].type = .organisation
        }
        return out
    }

    func testRepeatedNamesAndMetonymyAnswerAsThePlainPasses() throws {
        let pipeline = TestSupport.pipeline
        var repeated = 0, changed = 0
        for context in try contexts() {
            let mentions = aliasResolved(context)
            let plain = plainRepeatedNames(pipeline.repeatedNames, mentions, context: context)
            let tallied = pipeline.repeatedNames.resolve(mentions, context: context)
            XCTAssertEqual(tallied, plain)
            XCTAssertEqual(tallied.map(\.id), plain.map(\.id))
            repeated += plain.count - mentions.count
            let plainSides = plainMetonymy(pipeline.metonymy, plain, context: context)
            XCTAssertEqual(pipeline.metonymy.resolve(plain, context: context), plainSides)
            changed += zip(plain, plainSides).filter { $0.type != $1.type }.count
        }
        XCTAssertGreaterThan(repeated, 20)
        XCTAssertGreaterThan(changed, 5)
    }

    /// A canonical name made from the text of a token range, checked on its units, is the text
    /// normalised as a string.
    func testNormalisedNamesOfTokenRanges() throws {
        for context in try contexts().prefix(40) {
            let tokens = context.tokens
            for start in tokens.indices {
                for end in (start + 1)...min(tokens.count, start + 4) {
                    XCTAssertEqual(AliasResolver.normalisedName(start..<end, tokens: tokens, units: context.document.utf16),
                                   AliasResolver.normalisedName(context.text(start..<end)))
                }
            }
        }
    }
}

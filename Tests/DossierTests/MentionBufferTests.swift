import XCTest
@testable import Dossier

/// `MentionBuffer` gives back the mentions appended to it, in order, as an array would hold them:
/// across its growth, with names held as strings, as gazetteer entries and as none.
final class MentionBufferTests: XCTestCase {
    func testMovesOutWhatWasAppendedAcrossGrowth() {
        let entries = TestSupport.pipeline.gazetteer.entries
        for total in [0, 1, 7, 8, 9, 100, 1_000] {
            var expected: [EntityMention] = []
            var buffer = MentionBuffer(capacity: total % 3)
            for k in 0..<total {
                let names: MentionNames
                switch k % 3 {
                case 0: names = .entry(entries[(k &* 7_919) % entries.count])
                case 1: names = .strings(canonical: "Name \(k)", id: k % 2 == 0 ? nil : "local:\(k)")
                default: names = .none
                }
                let title: String? = k % 5 == 0 ? "Minister \(k)" : nil
                let mention = EntityMention(tokens: k..<(k + 1 + k % 4), start: 3 * k, end: 3 * k + 2, type: .person, names: names,
                                            title: title, source: k % 2 == 0 ? .gazetteer : .title)
                expected.append(mention)
                buffer.append(mention)
                XCTAssertEqual(buffer.lastTokenEnd, mention.tokens.upperBound)
                XCTAssertEqual(buffer.count, k + 1)
            }
            XCTAssertEqual(buffer.moveToArray(), expected, "\(total) mentions")
        }
    }
}

import XCTest
@testable import Dossier

/// `sortByStart` leaves mentions as a stable sort by start does: sorted arrays, shuffled ones,
/// equal starts (in their first order), empty and single ones.
final class MentionOrderTests: XCTestCase {
    func testSortByStartIsTheStableSort() {
        var state: UInt64 = 19
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        for round in 0..<400 {
            let count = round % 23
            var starts = (0..<count).map { _ in random(1 + round % 17) }
            if round % 3 == 0 { starts.sort() }
            // The source tells mentions of one start apart, so that a reordering of them shows.
            let mentions = starts.enumerated().map { n, start in
                EntityMention(tokens: n..<(n + 1), start: start, end: start + 1, type: .person, canonical: "m\(n)", id: nil,
                              source: n % 2 == 0 ? .gazetteer : .pattern)
            }
            var fast = mentions
            fast.sortByStart()
            var plain = mentions
            plain.sort { $0.start < $1.start }
            XCTAssertEqual(fast, plain)
        }
    }
}

import XCTest
@testable import Dossier

/// `LocalIDs` gives every name the id made for the first name equal to it, as a plain model that
/// compares every name does: ASCII names, names of other bytes that Swift finds equal to them (the
/// Kelvin sign and "K") or to each other (composed and decomposed accents), repeats.
final class LocalIDsTests: XCTestCase {
    func testIDsAreThoseOfTheFirstEqualName() {
        let parts = ["K", "\u{212A}", "elvin", "Ångström", "A\u{030A}ngstro\u{0308}m", "é", "e\u{0301}", "Qasim", " al-Araji", "Ahmed",
                     " ", "-", "O'Neill", "\u{037E}", ";", "Ö", "2nd"]
        var state: UInt64 = 11
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        for round in 0..<300 {
            let names = (0..<(1 + round % 40)).map { _ in (0..<(1 + random(3))).map { _ in parts[random(parts.count)] }.joined() }
            var ids = LocalIDs(capacity: round % 5)
            var model: [(name: String, id: String)] = []
            for name in names {
                let expected: String
                if let earlier = model.first(where: { $0.name == name }) {
                    expected = earlier.id
                } else {
                    expected = AliasResolver.localID(name)
                    model.append((name, expected))
                }
                XCTAssertEqual(Array(ids.id(for: name).utf8), Array(expected.utf8), "\(names)")
            }
        }
    }
}

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
                var copy = ids
                XCTAssertEqual(copy.names(for: name).canonical.map { Array($0.utf8) }, Array(name.utf8))
                XCTAssertEqual(Array(ids.id(for: name).utf8), Array(expected.utf8), "\(names)")
            }
        }
    }

    /// The slug as a plain reading of its rule: ASCII letters lowered and digits kept, one dash for
    /// each run of other characters between them (a UTF-8 continuation byte adds none), none at
    /// either end.
    static func referenceSlug(_ s: String) -> String {
        var out: [UInt8] = []
        var dash = false
        for b in s.utf8 {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                out.append(b); dash = false
            } else if b >= 0x41 && b <= 0x5A {
                out.append(b + 0x20); dash = false
            } else if !out.isEmpty, !dash, b < 0x80 || b >= 0xC0 {
                out.append(0x2D); dash = true
            }
        }
        while out.last == 0x2D { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    func testSlugsFollowTheRule() {
        var state: UInt64 = 29
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        let scalars: [Unicode.Scalar] = (0..<128).compactMap(Unicode.Scalar.init)
            + ["é", "Ö", "\u{212A}", "\u{030A}", "ß", "\u{2014}", "\u{1F600}"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<random(30) { text.unicodeScalars.append(scalars[random(scalars.count)]) }
            XCTAssertEqual(AliasResolver.slug(text), Self.referenceSlug(text), text)
            XCTAssertEqual(AliasResolver.localID(text), "local:" + Self.referenceSlug(text), text)
        }
    }
}

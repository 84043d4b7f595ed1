import XCTest
@testable import Dossier

/// A name kept with its own local id (`MentionNames.local`) answers as one holding the id's
/// string: names, nil tests, id prefixes, equality, changes, and the bytes its record is written with.
final class LocalNamesTests: XCTestCase {
    func mention(_ names: MentionNames) -> EntityMention {
        EntityMention(tokens: 0..<1, start: 0, end: 4, type: .person, names: names, source: .repeated)
    }

    func written(_ names: MentionNames) -> [UInt8] {
        var buffer = JSONByteBuffer(capacity: 8)
        defer { buffer.deallocate() }
        buffer.appendNames(names)
        return Array(buffer.bytes)
    }

    /// Names of ASCII and other letters, escapes, controls, dashes at either end, long ones.
    func names() -> [String] {
        let parts = ["K", "\u{212A}", "Ångström", "A\u{030A}ngstro\u{0308}m", "é", "Qasim", " al-Araji", "-", "O'Neill", "\"", "\\",
                     "\t", "\u{1}", "2nd", "😀", "local", ":", "ISO", "3166", "  ", "Long name of more than sixteen bytes"]
        var state: UInt64 = 5
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        return [""] + parts + (0..<400).map { _ in (0..<(1 + random(4))).map { _ in parts[random(parts.count)] }.joined() }
    }

    func testLocalNamesReadAsTheirStrings() {
        let prefixes: [StaticString] = ["", "l", "loc", "local", "local:", "local:a", "local:q", "local:qasim-al", "local:2nd",
                                        "LOCAL:", "x", "iso3166", "iso3166:", "geonames:", "local:-"]
        for name in names() {
            let id = AliasResolver.localID(name)
            let kept = mention(.local(canonical: name)), made = mention(.strings(canonical: name, id: id))
            XCTAssertEqual(kept.canonical, name)
            XCTAssertEqual(kept.id, id)
            XCTAssertEqual(kept, made)
            XCTAssertTrue(kept.hasCanonical && kept.hasID)
            for prefix in prefixes {
                XCTAssertEqual(kept.idHasPrefix(prefix), id.hasPrefix(prefix.description), "\(id) \(prefix)")
            }
            XCTAssertEqual(written(.local(canonical: name)), written(.strings(canonical: name, id: id)), name)
            var renamed = kept
            renamed.canonical = "Other"
            XCTAssertEqual(renamed.canonical, "Other")
            XCTAssertEqual(renamed.id, id)
            var reidentified = kept
            reidentified.id = nil
            XCTAssertEqual(reidentified.canonical, name)
            XCTAssertFalse(reidentified.hasID)
            XCTAssertTrue(mention(.local(canonical: name)).names.hasSameCanonical(as: .strings(canonical: name, id: nil)))
        }
    }

    /// The writer's local id as the id's string literal, after whatever the buffer holds.
    func testWrittenLocalIDIsTheIDsLiteral() {
        for name in names() {
            var direct = JSONByteBuffer(capacity: 8), plain = JSONByteBuffer(capacity: 8)
            defer { direct.deallocate(); plain.deallocate() }
            direct.append("{x")
            plain.append("{x")
            direct.appendLocalID(of: name)
            plain.append(", \"id\": ")
            plain.appendString(AliasResolver.localID(name))
            XCTAssertEqual(Array(direct.bytes), Array(plain.bytes), name)
        }
    }
}

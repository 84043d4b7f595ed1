import Foundation
import XCTest
@testable import Dossier

/// A mention that keeps its gazetteer entry answers as one holding the entry's strings: names,
/// nil tests, id prefixes, equality, changes, and the bytes its record is written with.
final class MentionNamesTests: XCTestCase {
    func mention(_ names: MentionNames) -> EntityMention {
        EntityMention(tokens: 0..<1, start: 0, end: 4, type: .place, names: names, source: .gazetteer)
    }

    /// The `canonical` and `id` fields as `appendNames` writes them.
    func written(_ names: MentionNames) -> [UInt8] {
        var buffer = JSONByteBuffer(capacity: 8)
        defer { buffer.deallocate() }
        buffer.appendNames(names)
        return Array(buffer.bytes)
    }

    /// Entries whose packed strings are ASCII, non-ASCII, escaped, combining and ill-formed.
    func generatedEntries() -> GazetteerEntries {
        let texts: [[UInt8]] = [
            Array("geonames:123".utf8), Array("Zürich".utf8), Array("iso3166:IQ".utf8), Array("Qasim \"al\" Araji\\".utf8),
            Array("iso3166".utf8), Array("São Tomé and Príncipe".utf8), Array("iso3166\u{301}:X".utf8), Array("tab\there\u{1}\u{7F}".utf8),
            [0x69, 0x73, 0x6F, 0xFF, 0x41], [0xC3], Array("geonames:".utf8), [], Array("😀 emoji".utf8), [0x41, 0xE2, 0x80],
            Array("iso3166-2:IQ-BG".utf8), Array("A long canonical name of more than sixteen bytes".utf8),
        ]
        var strings = PackedStrings()
        for t in texts + texts.reversed() {
            strings.bytes.append(contentsOf: t)
            strings.ends.append(UInt32(strings.bytes.count))
        }
        let n = strings.count / 2
        let columns = GazetteerEntryColumns(types: Array(repeating: .place, count: n), commonFlags: Array(repeating: 0, count: n),
                                            populations: Array(repeating: 0, count: n), ranks: Array(repeating: 0, count: n), strings: strings)
        XCTAssertTrue(columns.isConsistent)
        return GazetteerEntries(columns)
    }

    /// Every 53rd entry of the shipped gazetteers, and the generated ones.
    func entries() -> [GazetteerEntry] {
        let shipped = TestSupport.pipeline.gazetteer.entries
        let generated = generatedEntries()
        return stride(from: 0, to: shipped.count, by: 53).map { shipped[$0] } + generated.indices.map { generated[$0] }
    }

    func testEntryNamesReadAsTheirStrings() {
        for e in entries() {
            let kept = mention(.entry(e)), made = mention(.strings(canonical: e.canonical, id: e.id))
            XCTAssertEqual(kept.canonical, e.canonical)
            XCTAssertEqual(kept.id, e.id)
            XCTAssertEqual(kept, made)
            XCTAssertTrue(kept.hasCanonical && kept.hasID)
            for prefix: StaticString in ["iso3166", "iso3166:", "geonames:", "iso3166-2:"] {
                XCTAssertEqual(kept.idHasPrefix(prefix), e.id.hasPrefix(prefix.description), "\(e.id) \(prefix)")
                XCTAssertEqual(made.idHasPrefix(prefix), e.id.hasPrefix(prefix.description), "\(e.id) \(prefix)")
            }
            XCTAssertEqual(written(.entry(e)), written(.strings(canonical: e.canonical, id: e.id)), e.canonical)
        }
    }

    func testChangingOneNameKeepsTheOther() {
        for e in entries().prefix(200) {
            var renamed = mention(.entry(e))
            renamed.canonical = "Other"
            XCTAssertEqual(renamed.canonical, "Other")
            XCTAssertEqual(renamed.id, e.id)
            var reidentified = mention(.entry(e))
            reidentified.id = nil
            XCTAssertEqual(reidentified.canonical, e.canonical)
            XCTAssertNil(reidentified.id)
            XCTAssertFalse(reidentified.hasID)
            XCTAssertTrue(reidentified.hasCanonical)
        }
        let none = mention(.none)
        XCTAssertFalse(none.hasCanonical || none.hasID || none.idHasPrefix("iso3166"))
        XCTAssertEqual(written(.none), Array(", \"canonical\": null, \"id\": null".utf8))
    }

    func testSameCanonicalComparesAsStrings() {
        let all = entries()
        let names: [MentionNames] = all.prefix(40).map { .entry($0) } + all.prefix(40).map { .strings(canonical: $0.canonical, id: nil) }
            + [.none, .strings(canonical: "Zu\u{308}rich", id: nil)]
        for a in names {
            for b in names {
                XCTAssertEqual(a.hasSameCanonical(as: b), a.canonical == b.canonical)
            }
        }
    }

    /// `ASCIIPrefix.test`, when it answers, answers as `String.hasPrefix`.
    func testASCIIPrefixAgreesWithStringHasPrefix() {
        var state: UInt64 = 7
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        let pieces = ["iso", "3166", ":", "-2", "geo", "names", "é", "\u{301}", "e", "😀", "x", "I"]
        for _ in 0..<3_000 {
            var s = (0..<random(6)).map { _ in pieces[random(pieces.count)] }.joined()
            for prefix: StaticString in ["iso3166", "iso3166:", "geonames:"] {
                let answer = s.withUTF8 { ASCIIPrefix.test($0, prefix) }
                if let answer { XCTAssertEqual(answer, s.hasPrefix(prefix.description), s) }
                XCTAssertEqual(mention(.strings(canonical: nil, id: s)).idHasPrefix(prefix), s.hasPrefix(prefix.description), s)
            }
        }
    }

    func testASCIIBytes() {
        for text in ["", "a", "abcdefgh", "abcdefghi", "abcdefgé", "éabcdefgh", "abcdefghijklmnoé", "\u{7F}"] {
            var s = text
            XCTAssertEqual(s.withUTF8 { UTF8Bytes.areASCII($0) }, text.utf8.allSatisfy { $0 < 0x80 }, text)
        }
    }
}

import XCTest
@testable import Dossier

/// What the trie's payloads carry of their entries (type, id kind, preference), so that matching
/// reads no entry column: it must say what the entry columns say.
final class GazetteerNameTests: XCTestCase {
    /// Every name of the bundled gazetteers has its entry's type and id kind.
    func testNamesCarryTheirEntrysTypeAndIDKind() throws {
        let gazetteer = try Pipeline.sharedGazetteer()
        let entries = gazetteer.entries
        var mismatches = 0
        for name in gazetteer.names.tables.payloads {
            let entry = entries[Int(name.entry)]
            let kind: GazetteerIDKind = entry.idHasPrefix("geonames:") ? .geonames : entry.idHasPrefix("iso3166-2:") ? .iso3166Division : .other
            if name.type != entry.type || name.idKind != kind { mismatches += 1 }
        }
        XCTAssertEqual(mismatches, 0)
        XCTAssertGreaterThan(gazetteer.names.tables.payloads.count(where: { $0.idKind == .geonames }), 1000)
        XCTAssertGreaterThan(gazetteer.names.tables.payloads.count(where: { $0.idKind == .iso3166Division }), 100)
    }

    /// Preferences order the names of one entry set as `isPreferred` orders their entries.
    func testBundledPreferencesAgreeWithIsPreferred() throws {
        let gazetteer = try Pipeline.sharedGazetteer()
        let entries = gazetteer.entries
        let names = gazetteer.names.tables.payloads
        var state: UInt64 = 99
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let a = names[Int(state >> 33) % names.count]
            let b = names[Int((state >> 7) & 0x3FF_FFFF) % names.count]
            XCTAssertEqual(a.preference < b.preference, entries.isPreferred(Int(a.entry), over: Int(b.entry)))
        }
    }

    /// Preference levels on generated columns with many ties of rank and population: comparing
    /// levels decides every pair as `isPreferred` does.
    func testPreferenceLevelsDecideAsIsPreferred() {
        var columns = GazetteerEntryColumns()
        var state: UInt64 = 7
        for i in 0..<300 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let population = [0, 0, 5, 1_000, 1_000_000, Int(state >> 40)][Int(state >> 61) % 6]
            columns.append(id: "x:\(i)", type: .place, canonical: "X", isCommon: false, population: population, rank: Int(state >> 30) % 4)
        }
        let levels = columns.preferenceLevels()
        let entries = GazetteerEntries(columns)
        for a in 0..<columns.count {
            for b in 0..<columns.count {
                XCTAssertEqual(levels[a] < levels[b], entries.isPreferred(a, over: b), "entries \(a) and \(b)")
            }
        }
    }

    func testIDKinds() {
        var strings = PackedStrings()
        for id in ["geonames:12", "canonical", "iso3166-2:IQ-BG", "x", "iso3166:IQ", "y", "geonames", "z"] { strings.append(id) }
        XCTAssertEqual((0..<4).map { GazetteerIDKind(idOf: $0, in: strings) }, [.geonames, .iso3166Division, .other, .other])
    }

    func testTypeCodesRoundTrip() {
        for type in EntityType.allCases {
            let name = GazetteerName(entry: 0, casePattern: 0, wordCount: 1, isCommon: false, type: type, idKind: .geonames, preference: 3)
            XCTAssertEqual(name.type, type)
            XCTAssertEqual(Int(name.typeCode), EntityType.allCases.firstIndex(of: type))
            XCTAssertEqual(name.idKind, .geonames)
            XCTAssertEqual(name.preference, 3)
        }
    }
}

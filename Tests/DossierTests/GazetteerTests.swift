import Foundation
import XCTest
@testable import Dossier

/// Gazetteer files, the compiled matcher and its binary cache.
final class GazetteerTests: XCTestCase {
    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-gaz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("people"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("places"), withIntermediateDirectories: true)
        return dir
    }

    func testCacheRoundTripGivesTheSameGazetteer() throws {
        let dir = try temporaryDirectory()
        try """
        # id\ttype\tcanonical\taliases\tflags
        dossier:ada\tperson\tAda Lovelace\tAugusta Ada King|Countess of Lovelace\t
        """.write(to: dir.appendingPathComponent("people/curated.tsv"), atomically: true, encoding: .utf8)
        try "geonames:1\tplace\tKerbala\tKarbala|Kerbela\tpop=700000\n".write(to: dir.appendingPathComponent("places/cities.tsv"), atomically: true, encoding: .utf8)
        let cache = dir.appendingPathComponent("cache")
        setenv("DOSSIER_CACHE", cache.path, 1)
        defer { unsetenv("DOSSIER_CACHE") }
        let first = try Gazetteer(directory: dir)
        XCTAssertFalse(first.fromCache)
        let second = try Gazetteer(directory: dir)
        XCTAssertTrue(second.fromCache)
        XCTAssertEqual(first.entries.map(\.canonical), second.entries.map(\.canonical))
        XCTAssertEqual(first.nameCount, second.nameCount)
        XCTAssertEqual(second.entries.last?.population, 700000)
        // A changed source file is a cache miss.
        try "geonames:1\tplace\tKerbala\tKarbala\tpop=700000\n".write(to: dir.appendingPathComponent("places/cities.tsv"), atomically: true, encoding: .utf8)
        let third = try Gazetteer(directory: dir)
        XCTAssertFalse(third.fromCache)
        // Matching works from the cached copy.
        let pipeline = try Pipeline(gazetteer: second)
        let a = pipeline.analyse(Document(id: "t", text: "Pilgrims walked to Karbala, where Augusta Ada King spoke."))
        XCTAssertEqual(a.entities.map { $0.canonical }, ["Kerbala", "Ada Lovelace"])
    }

    func testCorruptCacheIsIgnored() throws {
        let dir = try temporaryDirectory()
        try "dossier:x\tperson\tXavier Doe\t\t\n".write(to: dir.appendingPathComponent("people/curated.tsv"), atomically: true, encoding: .utf8)
        let cache = dir.appendingPathComponent("cache")
        setenv("DOSSIER_CACHE", cache.path, 1)
        defer { unsetenv("DOSSIER_CACHE") }
        _ = try Gazetteer(directory: dir)
        for file in try FileManager.default.contentsOfDirectory(atPath: cache.path) {
            try Data([1, 2, 3]).write(to: cache.appendingPathComponent(file))
        }
        let g = try Gazetteer(directory: dir)
        XCTAssertFalse(g.fromCache)
        XCTAssertEqual(g.entries.count, 1)
    }

    func testBundledGazetteersAreLarge() throws {
        let g = try Pipeline.sharedGazetteer()
        XCTAssertGreaterThan(g.nameCount, 140_000)
        XCTAssertGreaterThan(g.givenNames.count, 1000)
    }

    func testUserGazetteerAddsNames() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("user-\(UUID().uuidString).tsv")
        try "mine:1\torganisation\tZorblax Collective\tZorblax\t\n".write(to: file, atomically: true, encoding: .utf8)
        var options = PipelineOptions()
        options.extraGazetteers = [file]
        let pipeline = try Pipeline(options: options)
        let a = pipeline.analyse(Document(id: "t", text: "The Zorblax said nothing."))
        XCTAssertEqual(a.entities.first?.id, "mine:1")
        XCTAssertEqual(a.entities.first?.type, .organisation)
    }

    /// Uncapitalised words are looked up only if a name's first word may be written in lowercase:
    /// such names must still match, and only their first words are in the set.
    func testNamesOpenedByALowercaseWordStillMatch() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("user-\(UUID().uuidString).tsv")
        try "mine:2\torganisation\t2nd Zorblax Brigade\t\t\nmine:3\tperson\tKarim al-Zorblax\tal-Zorblax\t\n"
            .write(to: file, atomically: true, encoding: .utf8)
        var options = PipelineOptions()
        options.extraGazetteers = [file]
        let pipeline = try Pipeline(options: options)
        let a = pipeline.analyse(Document(id: "t", text: "Troops of the 2nd Zorblax Brigade met al-Zorblax on Monday."))
        XCTAssertEqual(a.entities.map(\.id), ["mine:2", "mine:3"])
        let openers = pipeline.gazetteer.lowercaseOpeners
        XCTAssertTrue(openers.contains(TokenKey.of("2nd")))
        XCTAssertTrue(openers.contains(TokenKey.of("al")))
        XCTAssertFalse(openers.contains(TokenKey.of("zorblax")))
        XCTAssertFalse(openers.contains(TokenKey.of("troops")))
    }
}

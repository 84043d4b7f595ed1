import Foundation
import XCTest
@testable import Dossier

/// The binary gazetteer cache: a loaded copy equals the compiled one, and a damaged file is
/// recompiled rather than trusted; plus the trie tables the cache stores.
final class GazetteerCacheTests: XCTestCase {
    /// A fresh cache folder for the duration of `body`.
    func withCacheDirectory(_ body: (URL) throws -> Void) throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cache-\(UUID().uuidString)")
        setenv("DOSSIER_CACHE", cache.path, 1)
        defer {
            unsetenv("DOSSIER_CACHE")
            try? FileManager.default.removeItem(at: cache)
        }
        try body(cache)
    }

    func cacheFile(in cache: URL) throws -> URL {
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".bin") }
        XCTAssertEqual(files.count, 1)
        return cache.appendingPathComponent(files[0])
    }

    func assertSame(_ a: Gazetteer, _ b: Gazetteer, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.entries.count, b.entries.count, file: file, line: line)
        for i in a.entries.indices {
            let x = a.entries[i], y = b.entries[i]
            guard x.id == y.id, x.type == y.type, x.canonical == y.canonical, x.isCommon == y.isCommon,
                  x.population == y.population, x.rank == y.rank else {
                return XCTFail("entry \(i) differs: \(x.id) \(y.id)", file: file, line: line)
            }
        }
        let s = a.names.tables, t = b.names.tables
        XCTAssertEqual(s.slots, t.slots, file: file, line: line)
        XCTAssertEqual(s.nodeCount, t.nodeCount, file: file, line: line)
        XCTAssertEqual(s.nextPayload, t.nextPayload, file: file, line: line)
        XCTAssertEqual(s.maxLength, t.maxLength, file: file, line: line)
        XCTAssertEqual(s.payloads.map(\.entry), t.payloads.map(\.entry), file: file, line: line)
        XCTAssertEqual(s.payloads.map(\.casePattern), t.payloads.map(\.casePattern), file: file, line: line)
        XCTAssertEqual(s.payloads.map(\.wordCount), t.payloads.map(\.wordCount), file: file, line: line)
        XCTAssertEqual(s.payloads.map(\.isCommon), t.payloads.map(\.isCommon), file: file, line: line)
        XCTAssertEqual(s.payloads.map(\.preference), t.payloads.map(\.preference), file: file, line: line)
        XCTAssertEqual(s.payloads.map(\.typeCode), t.payloads.map(\.typeCode), file: file, line: line)
        XCTAssertEqual(s.payloads.map(\.idKindCode), t.payloads.map(\.idKindCode), file: file, line: line)
        XCTAssertEqual(a.nameCount, b.nameCount, file: file, line: line)
        XCTAssertEqual(Array(a.lowercaseOpeners), Array(b.lowercaseOpeners), file: file, line: line)
        XCTAssertEqual(Array(a.givenNames), Array(b.givenNames), file: file, line: line)
        XCTAssertEqual(Array(a.ambiguousGivenNames), Array(b.ambiguousGivenNames), file: file, line: line)
        XCTAssertEqual(Array(a.surnames), Array(b.surnames), file: file, line: line)
        XCTAssertEqual(a.demonyms.keys, b.demonyms.keys, file: file, line: line)
        XCTAssertEqual(a.demonyms.values, b.demonyms.values, file: file, line: line)
        XCTAssertEqual(a.populationByID, b.populationByID, file: file, line: line)
    }

    func testBundledGazetteersLoadFromTheCacheAsCompiled() throws {
        try withCacheDirectory { _ in
            let directory = GazetteerLocator.defaultDirectory()
            let compiled = try Gazetteer(directory: directory, useCache: false)
            let stored = try Gazetteer(directory: directory)
            let loaded = try Gazetteer(directory: directory)
            XCTAssertFalse(stored.fromCache)
            XCTAssertTrue(loaded.fromCache)
            assertSame(compiled, loaded)
        }
    }

    /// A small gazetteer folder with every kind of file.
    func smallGazetteer() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-gaz-\(UUID().uuidString)")
        for folder in ["people", "places", "names"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let files = [
            "people/curated.tsv": "dossier:ada\tperson\tAda Lovelace\tAugusta Ada King|Countess of Lovelace\t\n",
            "places/cities.tsv": "geonames:1\tplace\tKerbala\tKarbala|Kerbela\tpop=1700000\ngeonames:2\tplace\tJordan\t\tcommon\n",
            "names/given.txt": "Ada\nAugusta\n",
            "names/given_ambiguous.txt": "Jordan\n",
            "names/surnames.txt": "Lovelace\nKing\n",
            "demonyms.tsv": "Iraqi\tIraq\nKurds\t\n",
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    func testTruncatedLongerOrDamagedCacheIsRecompiled() throws {
        try withCacheDirectory { cache in
            let directory = try smallGazetteer()
            defer { try? FileManager.default.removeItem(at: directory) }
            let original = try Gazetteer(directory: directory)
            XCTAssertEqual(original.populationByID, ["geonames:1": 1_700_000])
            XCTAssertEqual(original.demonyms.values, ["Iraq", ""])
            XCTAssertEqual(original.entries.map { $0.idHasPrefix("geonames:") }, [false, true, true])
            XCTAssertEqual(original.entries.map { $0.idHasPrefix("dossier:ada") }, [true, false, false])
            XCTAssertEqual(original.entries.map { $0.idHasPrefix("dossier:adam") }, [false, false, false])
            let url = try cacheFile(in: cache)
            let good = try Data(contentsOf: url)
            var damaged: [Data] = [0, 7, 31, 200, good.count / 2, good.count - 1].map { good.prefix($0) }
            damaged.append(good + Data([0]))
            for offset in [9, 40, 300, good.count / 3, good.count - 2] where offset < good.count {
                var flipped = good
                flipped[offset] ^= 0x10
                damaged.append(flipped)
            }
            for bytes in damaged {
                try bytes.write(to: url)
                let g = try Gazetteer(directory: directory)
                XCTAssertFalse(g.fromCache, "a damaged cache of \(bytes.count) bytes was used")
                assertSame(original, g)
            }
            XCTAssertTrue(try Gazetteer(directory: directory).fromCache)
        }
    }

    /// A file with a valid checksum but impossible tables (as a bug or a forged file would give)
    /// is refused by the table checks.
    func testInconsistentTablesAreRefused() throws {
        var g = CompiledGazetteer()
        g.entries.append(id: "x:1", type: .place, canonical: "Kerbala", isCommon: false, population: 0, rank: 0)
        g.names.insert([1, 2], GazetteerName(entry: 0, casePattern: 0, wordCount: 2, isCommon: false, type: .place, idKind: .other))
        g.nameCount = 1
        let hash: UInt64 = 42
        func decoded(_ g: CompiledGazetteer) throws -> CompiledGazetteer? {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cache-\(UUID().uuidString).bin")
            defer { try? FileManager.default.removeItem(at: url) }
            try Data(GazetteerCache.encode(g).file(hash: hash)).write(to: url)
            guard var r = CacheFileReader(url, expecting: hash, arrays: GazetteerCache.arrayCount) else { return nil }
            defer { r.close() }
            return GazetteerCache.decode(&r)
        }
        XCTAssertNotNil(try decoded(g))
        var badEntry = g
        badEntry.names = PhraseTrie()
        badEntry.names.insert([1], GazetteerName(entry: 5, casePattern: 0, wordCount: 1, isCommon: false, type: .place, idKind: .other))
        XCTAssertNil(try decoded(badEntry))
        var badStrings = g
        badStrings.entries.strings.ends[0] = 1000
        XCTAssertNil(try decoded(badStrings))
    }

    func testTrieTablesAreChecked() {
        var trie = PhraseTrie<Int>()
        trie.insert([1, 2], 10)
        trie.insert([1, 2], 11)
        trie.insert([3], 12)
        let good = trie.tables
        XCTAssertNotNil(PhraseTrie(tables: good))
        var backwards = good
        backwards.nextPayload[1] = 0
        XCTAssertNil(PhraseTrie(tables: backwards))
        var outside = good
        let used = outside.slots.firstIndex { $0.edge != 0 }!
        outside.slots[used].firstPayload = 7
        XCTAssertNil(PhraseTrie(tables: outside))
        var full = good
        full.emptySlot = used
        XCTAssertNil(PhraseTrie(tables: full))
        var short = good
        short.slots.removeLast()
        XCTAssertNil(PhraseTrie(tables: short))
        var noNodes = good
        noNodes.nodeCount = 0
        XCTAssertNil(PhraseTrie(tables: noNodes))
        // An edge to a node that does not exist leads nowhere.
        var stray = good
        stray.slots = stray.slots.map { PhraseTrieSlot(edge: $0.edge, target: $0.edge == 0 ? 0 : 99, firstPayload: $0.firstPayload) }
        XCTAssertEqual(PhraseTrie(tables: stray)?.contains([1, 2]), false)
    }

    func testTrieFromTablesMatchesAsTheOriginal() {
        var trie = PhraseTrie<Int>()
        trie.insert(PhraseWords.keys("Ada Lovelace"), 1)
        trie.insert(PhraseWords.keys("Ada"), 2)
        trie.insert(PhraseWords.keys("Ada Lovelace"), 3)
        trie.insert(PhraseWords.keys("Ada"), 4)
        guard let copy = PhraseTrie(tables: trie.tables) else { return XCTFail("tables refused") }
        let tokens = Tokenizer().tokenize(Array("Ada Lovelace spoke".utf16))
        for t in [trie, copy] {
            XCTAssertEqual(t.matches(in: tokens, from: 0, limit: tokens.count).map(\.payload), [3, 1, 4, 2])
            XCTAssertEqual(t.matches(in: tokens, from: 0, limit: tokens.count).map(\.end), [2, 2, 1, 1])
            XCTAssertEqual(t.longest(in: tokens, from: 0, limit: tokens.count) { p, _ in p != 1 }?.payload, 3)
            XCTAssertTrue(t.contains(PhraseWords.keys("Ada Lovelace")))
            XCTAssertFalse(t.contains(PhraseWords.keys("Lovelace")))
            XCTAssertEqual(t.maxLength, 2)
        }
    }

    /// Old cache files are pruned: the newest `keptFiles` stay, other files in the folder too.
    func testPruneKeepsTheNewestCacheFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-prune-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = Date()
        var files: [URL] = []
        for n in 0..<12 {
            let url = dir.appendingPathComponent(String(format: "gazetteer-%016d.bin", n))
            try Data([1, 2, 3]).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(Double(n - 20) * 3600)], ofItemAtPath: url.path)
            files.append(url)
        }
        let other = dir.appendingPathComponent("notes.txt")
        try Data("keep".utf8).write(to: other)
        // The current file is the oldest by date, yet it stays.
        GazetteerCache.prune(dir, keeping: files[0])
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        XCTAssertEqual(left.count, GazetteerCache.keptFiles + 1)
        XCTAssertTrue(left.contains(files[0].lastPathComponent))
        XCTAssertTrue(left.contains("notes.txt"))
        for url in files.suffix(GazetteerCache.keptFiles - 1) { XCTAssertTrue(left.contains(url.lastPathComponent)) }
        XCTAssertFalse(left.contains(files[1].lastPathComponent))
    }
}

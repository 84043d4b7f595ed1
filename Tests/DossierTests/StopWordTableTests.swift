import XCTest
@testable import Dossier

/// The zone scan's stop-word table answers as the key set it is built from: on its members, on
/// random keys, and on the keys its empty slots hold (each of another bucket, so no member).
final class StopWordTableTests: XCTestCase {
    func check(_ keys: [UInt64], probes: [UInt64], file: StaticString = #filePath, line: UInt = #line) {
        let set = KeySet(keys)
        let table = StopWordTable(set)
        table.withLookup { lookup in
            for k in keys + probes + table.slots + [0, 1, UInt64.max] {
                XCTAssertEqual(lookup.contains(k), set.contains(k), "key \(k)", file: file, line: line)
            }
        }
        // Two slots a bucket; large sets take more buckets a key before no bucket gets three.
        XCTAssertEqual(table.slots.count % 2, 0)
        XCTAssertLessThanOrEqual(table.slots.count, max(4, 64 * keys.count))
    }

    func testShippedStopWords() {
        let stopWords = LanguageData.english.stopWords
        // The 171 English stop words fit 512 buckets (1,024 slots, as many as the quarter-full
        // linear-probing table before it had), or 1,024 buckets after 64 tries.
        XCTAssertLessThanOrEqual(StopWordTable(stopWords).slots.count, 2_048)
        var rng = SplitMix64(seed: 5)
        check(Array(stopWords), probes: (0..<20_000).map { _ in rng.next() } + ["the", "The", "of", "news", "said", "x"].map { TokenKey.of($0) })
    }

    func testGeneratedSets() {
        var rng = SplitMix64(seed: 17)
        for size in [0, 1, 2, 3, 7, 50, 171, 600, 3_000] {
            let keys = (0..<size).map { _ in rng.next() }
            check(keys, probes: (0..<2_000).map { _ in rng.next() })
        }
        // Key 0 as a member and as a stranger; keys that share their top bits.
        check([0, 5, 9], probes: [1, 2, 3])
        check((0..<40).map { UInt64($0) }, probes: (40..<400).map { UInt64($0) })
        check((0..<40).map { UInt64($0) << 40 }, probes: (40..<400).map { UInt64($0) << 40 })
    }
}

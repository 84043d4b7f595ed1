import XCTest
@testable import Dossier

/// The token-key tables answer exactly as Swift's `Set` and `Dictionary` do, through growth, for
/// the key 0 and for keys that share a home slot; the prefilter never says "no" to a member.
final class KeySetTests: XCTestCase {
    /// Random keys, a few repeated, plus 0 and keys whose products share their top bits.
    func sampleKeys(_ count: Int, seed: UInt64) -> [UInt64] {
        var rng = SplitMix64(seed: seed)
        var keys: [UInt64] = [0]
        for _ in 0..<count {
            let r = rng.next()
            keys.append(r % 5 == 0 ? keys[Int(r >> 32) % keys.count] : r)
        }
        // Multiples of 2^61: one multiply leaves them in a handful of home slots.
        for k in 1...40 { keys.append(UInt64(k) << 61 | UInt64(k)) }
        return keys
    }

    /// A set made from an array (its keys read through a pointer) is the set one-by-one
    /// insertion makes, and the set made from a sequence without contiguous storage.
    func testSetFromArrayAsOneByOne() {
        for seed in 5...8 as ClosedRange<UInt64> {
            for count in [0, 1, 7, 2_000] {
                let keys = Array(sampleKeys(count, seed: seed).dropFirst(seed % 2 == 0 ? 1 : 0))
                var oneByOne = KeySet()
                for k in keys { oneByOne.insert(k) }
                let fromArray = KeySet(keys), fromSequence = KeySet(keys.lazy.map { $0 })
                XCTAssertEqual(Array(fromArray), Array(oneByOne))
                XCTAssertEqual(Array(fromSequence), Array(oneByOne))
                XCTAssertEqual(fromArray.count, Set(keys).count)
                var rng = SplitMix64(seed: seed &* 31)
                let probes = keys + (0..<500).map { _ in rng.next() } + [0]
                XCTAssertEqual(probes.map(fromArray.contains), probes.map(oneByOne.contains))
            }
        }
    }

    /// Bulk insertion of keys gives the set one-by-one insertion gives: same members, same
    /// order, also on top of existing members and for the key 0.
    func testBulkInsertAsOneByOne() {
        for seed in 1...4 as ClosedRange<UInt64> {
            let keys = sampleKeys(2_000, seed: seed)
            let tokens = keys.enumerated().map { i, k in
                Token(start: Int32(i), end: Int32(i + 1), kind: i % 3 == 0 ? .punctuation : .word, shape: .lower,
                      spaceBefore: true, lineBreakBefore: false, key: k)
            }
            var oneByOne: KeySet = [7, 0]
            var bulk: KeySet = [7, 0]
            if seed % 2 == 0 { oneByOne = [7]; bulk = [7] }
            for t in tokens where t.kind == .word { oneByOne.insert(t.key) }
            let wordKeys = tokens.filter { $0.kind == .word }.map(\.key)
            wordKeys.withUnsafeBufferPointer { bulk.insert(contentsOf: $0) }
            XCTAssertEqual(Array(bulk), Array(oneByOne))
            for k in keys { XCTAssertEqual(bulk.contains(k), oneByOne.contains(k)) }
            bulk.insert(12345)
            XCTAssertTrue(bulk.contains(12345))
        }
    }

    func testKeySetMatchesSet() {
        for seed in 1...5 as ClosedRange<UInt64> {
            let keys = sampleKeys(3_000, seed: seed)
            var ours = KeySet()
            var reference = Set<UInt64>()
            for k in keys {
                XCTAssertEqual(ours.insert(k).inserted, reference.insert(k).inserted)
                XCTAssertEqual(ours.count, reference.count)
            }
            let built = KeySet(keys)
            let filter = KeyPrefilter(keys)
            var probe = SplitMix64(seed: seed + 100)
            let probes = keys + (0..<3_000).map { _ in probe.next() }
            for k in probes {
                XCTAssertEqual(ours.contains(k), reference.contains(k))
                XCTAssertEqual(built.contains(k), reference.contains(k))
                if reference.contains(k) { XCTAssertTrue(filter.mayContain(k)) }
            }
            // Iteration: every member once, in insertion order.
            var seen = Set<UInt64>()
            XCTAssertEqual(Array(ours), keys.filter { seen.insert($0).inserted })
        }
    }

    func testKeyMapMatchesDictionary() {
        let keys = sampleKeys(4_000, seed: 7)
        var ours = KeyMap<Int>()
        var reference: [UInt64: Int] = [:]
        for (n, k) in keys.enumerated() {
            if n % 3 == 0 {
                ours[k] = n
                reference[k] = n
            } else {
                ours[k, default: 0] += n
                reference[k, default: 0] += n
            }
            XCTAssertEqual(ours.count, reference.count)
        }
        var probe = SplitMix64(seed: 99)
        for k in keys + (0..<2_000).map({ _ in probe.next() }) {
            XCTAssertEqual(ours[k], reference[k])
            XCTAssertEqual(ours.contains(k), reference[k] != nil)
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: ours.map { ($0.key, $0.value) }), reference)
        var reserved = KeyMap<String>()
        reserved.reserveCapacity(1_000)
        for k in keys.prefix(500) { reserved[k] = String(k) }
        for k in keys.prefix(500) { XCTAssertEqual(reserved[k], String(k)) }
    }
}

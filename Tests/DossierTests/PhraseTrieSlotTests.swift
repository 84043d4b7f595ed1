import XCTest
@testable import Dossier

/// The trie's edge table layout: slots that carry their node's first payload and whether it has
/// children, and the edge filter in front of the table.
final class PhraseTrieSlotTests: XCTestCase {
    /// A deterministic stream of 64-bit keys.
    struct Keys {
        var state: UInt64 = 0x1234_5678
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    func testFilterKeepsEveryInsertedEdgeAndRejectsMostOthers() {
        var keys = Keys()
        let inserted = (0..<20_000).map { _ in keys.next() }
        var filter = EdgeFilter(slots: 65_536)
        for e in inserted { filter.insert(e) }
        XCTAssertTrue(inserted.allSatisfy { filter.mayContain($0) })
        let others = (0..<20_000).map { _ in keys.next() }
        let passed = others.filter { filter.mayContain($0) }.count
        XCTAssertLessThan(passed, others.count / 10)
        // A filter for no slots at all says no.
        XCTAssertFalse(EdgeFilter(slots: 0).mayContain(42))
    }

    func testBulkInsertionSetsTheSameBitsAsInsert() {
        var keys = Keys()
        for slots in [0, 8, 1_000, 65_536] {
            let edges = (0..<3_000).map { _ in keys.next() }
            var one = EdgeFilter(slots: slots), bulk = EdgeFilter(slots: slots)
            for e in edges { one.insert(e) }
            bulk.insertingEdges { insert in edges.forEach(insert) }
            let probes = edges + (0..<20_000).map { _ in keys.next() }
            XCTAssertEqual(probes.map(one.mayContain), probes.map(bulk.mayContain), "\(slots) slots")
        }
    }

    func testSlotsHoldFirstPayloadAndChildren() {
        var trie = PhraseTrie<Int>()
        trie.insert([1], 0)
        trie.insert([1, 2, 3], 1)
        trie.insert([4, 5], 2)
        guard let one = trie.firstNode(startingWith: 1), let four = trie.firstNode(startingWith: 4) else { return XCTFail("no first node") }
        XCTAssertEqual(one.firstPayload, 0)
        XCTAssertTrue(one.hasChildren)
        XCTAssertEqual(four.firstPayload, -1)
        XCTAssertTrue(four.hasChildren)
        XCTAssertNil(trie.firstNode(startingWith: 2))
        XCTAssertEqual(trie.nodeCount, 6)
        let leaves = trie.tables.slots.filter { $0.edge != 0 && !$0.hasChildren }
        XCTAssertEqual(leaves.count, 2)
        XCTAssertEqual(Set(leaves.map(\.firstPayload)), [1, 2])
        // A node's signature holds the bits of its children's keys.
        XCTAssertTrue(one.mayHaveChild(along: 2))
        XCTAssertTrue(four.mayHaveChild(along: 5))
        XCTAssertEqual(one.target >> 24, PhraseTrieSlot.childBit(2) >> 24)
    }

    /// Many phrases, inserted through several rehashes: each is found, with its payloads in
    /// insertion order, before and after a round trip through the tables; others are not.
    func testManyPhrasesAreFoundAcrossRehashesAndTables() {
        var keys = Keys()
        let words = (0..<500).map { _ in keys.next() }
        var trie = PhraseTrie<Int>()
        var phrases: [[UInt64]] = []
        for n in 0..<5_000 {
            let length = 1 + Int(keys.next() % 4)
            let phrase = (0..<length).map { _ in words[Int(keys.next() % UInt64(words.count))] }
            phrases.append(phrase)
            trie.insert(phrase, n)
        }
        guard let copy = PhraseTrie(tables: trie.tables) else { return XCTFail("tables refused") }
        for t in [trie, copy] {
            for phrase in phrases { XCTAssertTrue(t.contains(phrase)) }
            XCTAssertFalse(t.contains([keys.next()]))
            XCTAssertFalse(t.contains(phrases[0] + [keys.next()]))
        }
        XCTAssertEqual(copy.nodeCount, trie.nodeCount)
    }
}

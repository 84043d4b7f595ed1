import XCTest
@testable import Dossier

/// `LowercaseWordSet` holds what a `KeySet` of the same keys holds: repeats, the key 0, keys that
/// share home slots, no keys at all.
final class LowercaseWordSetTests: XCTestCase {
    func testAgreesWithAKeySet() {
        var state: UInt64 = 17
        func random() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        for round in 0..<200 {
            // Few distinct keys for many repeats in some rounds, and small keys that crowd the table.
            let distinct = 1 + round % 37
            let pool: [UInt64] = (0..<distinct).map { n in n == 0 && round % 3 == 0 ? 0 : (round % 4 == 1 ? UInt64(n) : random()) }
            let keys = (0..<(round * 3 % 101)).map { _ in pool[Int(random() % UInt64(pool.count))] }
            let set = keys.withUnsafeBufferPointer { LowercaseWordSet($0) }
            let model = KeySet(keys)
            for key in pool + keys + (0..<20).map({ _ in random() }) + [0, 1, 2] {
                XCTAssertEqual(set.contains(key), model.contains(key), "round \(round), key \(key)")
            }
        }
    }

    /// Keys all distinct, as many as the table has slots or nearly: the table fills past three
    /// quarters and is built again at twice the size.
    func testManyDistinctKeysGrowTheTable() {
        for count in [0, 1, 5, 6, 7, 8, 9, 15, 16, 17, 31, 63, 64, 65, 200, 511, 513] {
            let keys: [UInt64] = (0..<count).map { UInt64($0) &* 0x9E37_79B9 &+ UInt64(count) }
            let set = keys.withUnsafeBufferPointer { LowercaseWordSet($0) }
            for key in keys { XCTAssertTrue(set.contains(key), "\(count) keys, \(key)") }
            for absent in [UInt64(0), UInt64.max, 0xDEAD_BEEF] where !keys.contains(absent) {
                XCTAssertFalse(set.contains(absent), "\(count) keys, \(absent)")
            }
        }
    }

    /// The context's one pass sorts tokens as reading their fields does: every kind, shape and
    /// space flag, in runs and mixed.
    func testContextSortsWordsAsTheirFieldsSay() {
        var state: UInt64 = 5
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        let kinds: [TokenKind] = [.word, .number, .clitic, .dash, .quote, .punctuation, .symbol]
        let shapes: [TokenShape] = [.none, .lower, .capitalised, .upper, .mixed]
        for round in 0..<60 {
            let tokens: [Token] = (0..<(round * 7 % 90)).map { i in
                Token(start: Int32(i * 2), end: Int32(i * 2 + 1), kind: kinds[random(kinds.count)],
                      shape: shapes[random(shapes.count)], spaceBefore: random(2) == 0, lineBreakBefore: random(3) == 0,
                      key: UInt64(random(40)))
            }
            let doc = TestSupport.document(String(repeating: "a ", count: tokens.count))
            let context = MatchContext(document: doc, tokens: tokens, sentences: [], searched: [])
            let lowercase = tokens.filter { $0.kind == .word && $0.shape == .lower }.map(\.key)
            let capitalised = tokens.indices.filter { tokens[$0].kind == .word && tokens[$0].isCapitalised }
            XCTAssertEqual(context.capitalisedWords.map(Int.init), capitalised, "round \(round)")
            for key in UInt64(0)..<41 {
                XCTAssertEqual(context.lowercaseWords.contains(key), lowercase.contains(key), "round \(round), key \(key)")
            }
        }
    }
}

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
}

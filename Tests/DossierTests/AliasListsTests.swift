import XCTest
@testable import Dossier

/// `AliasLists` answers as a plain model of per-key lists does, through table growth and the key 0.
final class AliasListsTests: XCTestCase {
    func testAliasListsAgreeWithAModel() {
        var state: UInt64 = 5
        func random() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        for round in 0..<50 {
            let keyPool: [UInt64] = [0] + (0..<(1 + round)).map { _ in random() }
            // Tables sized for fewer keys than come, as the resolver sizes them by people: they grow.
            let lists = round % 2 == 0 ? AliasLists(capacity: round % 7) : AliasLists(capacity: round % 11, keys: round % 3)
            var model: [(key: UInt64, aliases: [AliasResolver.Alias])] = []
            for n in 0..<(3 * round + 1) {
                let key = keyPool[Int(random() % UInt64(keyPool.count))]
                let alias = AliasResolver.Alias(type: .person, mention: n, position: Int(random() % 1000))
                lists.append(alias, to: key)
                if let k = model.firstIndex(where: { $0.key == key }) { model[k].aliases.append(alias) } else { model.append((key, [alias])) }
            }
            XCTAssertEqual(lists.keys, model.map(\.key))
            XCTAssertEqual(lists.isEmpty, model.isEmpty)
            for key in keyPool + [random()] {
                let expected = model.first { $0.key == key }?.aliases ?? []
                XCTAssertEqual(lists.contains(key), !expected.isEmpty)
                XCTAssertEqual(Array(lists.aliases(of: key)).map(\.mention), expected.map(\.mention))
                let position = Int(random() % 1000)
                let best = expected.last { $0.position <= position } ?? expected.first
                XCTAssertEqual(lists.best(for: key, before: position)?.mention, best?.mention)
            }
        }
    }
}

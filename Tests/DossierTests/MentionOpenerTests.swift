import XCTest
@testable import Dossier

/// `EntityRecognizer.mayOpenMention`, computed from a set of shapes a filter bit picks, answers as
/// its plain definition does: a capitalised word or word in capitals, or a word in lowercase (or
/// lowercase first) whose key the filter of lowercase openers lets through; and the filter lets
/// every listed lowercase opener through.
final class MentionOpenerTests: XCTestCase {
    let kinds: [TokenKind] = [.word, .number, .clitic, .dash, .quote, .punctuation, .symbol]
    let shapes: [TokenShape] = [.none, .lower, .capitalised, .upper, .mixed]

    func testMatchesThePlainDefinitionForEveryKindShapeAndKey() {
        let gazetteer = TestSupport.pipeline.gazetteer
        let bits = gazetteer.lowercaseOpenerBits
        var generator = SystemRandomNumberGenerator()
        let keys = Array(gazetteer.lowercaseOpeners.prefix(200)) + (0..<2_000).map { _ in UInt64.random(in: 1...UInt64.max, using: &generator) }
        bits.withUnsafeBufferPointer { filter in
            for key in keys {
                let h = KeyPrefilter.bit(key)
                let passes = bits[h >> 6] >> UInt64(h & 63) & 1 == 1
                for kind in kinds {
                    for shape in shapes {
                        let t = Token(start: 0, end: 1, kind: kind, shape: shape, spaceBefore: true, lineBreakBefore: false, key: key)
                        let expected = kind == .word && (shape == .capitalised || shape == .upper || ((shape == .lower || shape == .mixed) && passes))
                        XCTAssertEqual(EntityRecognizer.mayOpenMention(t, openerBits: filter), expected, "\(kind) \(shape) \(key)")
                    }
                }
            }
        }
    }

    func testLetsEveryListedLowercaseOpenerThrough() {
        let gazetteer = TestSupport.pipeline.gazetteer
        gazetteer.lowercaseOpenerBits.withUnsafeBufferPointer { filter in
            for key in gazetteer.lowercaseOpeners {
                let t = Token(start: 0, end: 1, kind: .word, shape: .lower, spaceBefore: true, lineBreakBefore: false, key: key)
                XCTAssertTrue(EntityRecognizer.mayOpenMention(t, openerBits: filter), "\(key)")
            }
        }
    }
}

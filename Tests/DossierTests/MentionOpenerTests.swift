import XCTest
@testable import Dossier

/// `EntityRecognizer.mayOpenMention`, computed from a set of shapes a filter bit picks, answers as
/// its plain definition does: a capitalised word or word in capitals, or a word in lowercase (or
/// lowercase first) whose key the filter of lowercase openers lets through; and the filter lets
/// every listed lowercase opener through; `firstOpener` finds the first token it holds true of.
final class MentionOpenerTests: XCTestCase {
    /// Every kind and shape there is.
    let kinds = (0...UInt8.max).compactMap(TokenKind.init(rawValue:))
    let shapes = (0...UInt8.max).compactMap(TokenShape.init(rawValue:))

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

    func testFirstOpenerIsTheFirstTokenThatMayOpen() {
        let gazetteer = TestSupport.pipeline.gazetteer
        let openers = Array(gazetteer.lowercaseOpeners.prefix(50))
        var generator = SystemRandomNumberGenerator()
        gazetteer.lowercaseOpenerBits.withUnsafeBufferPointer { filter in
            for round in 0..<120 {
                let count = round % 40
                let tokens = (0..<count).map { _ in
                    Token(start: 0, end: 1, kind: kinds.randomElement(using: &generator)!, shape: shapes.randomElement(using: &generator)!,
                          spaceBefore: true, lineBreakBefore: false,
                          key: Bool.random(using: &generator) && !openers.isEmpty ? openers.randomElement(using: &generator)!
                              : UInt64.random(in: 1...UInt64.max, using: &generator))
                }
                tokens.withUnsafeBufferPointer { buffer in
                    for start in 0...count {
                        for end in start...count {
                            let expected = (start..<end).first { EntityRecognizer.mayOpenMention(buffer[$0], openerBits: filter) } ?? end
                            XCTAssertEqual(EntityRecognizer.firstOpener(from: start, to: end, in: buffer, openerBits: filter), expected)
                        }
                    }
                }
            }
        }
    }
}

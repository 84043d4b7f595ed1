import XCTest
@testable import Dossier

/// `Token.Packed`'s layout assumption: the tokenizer writes a token's span, flags and key as three
/// words at fixed offsets, which must be where `Token`'s fields are.
final class TokenLayoutTests: XCTestCase {
    func testFieldOffsetsAreThoseOfPacked() {
        XCTAssertEqual(MemoryLayout<Token>.offset(of: \.start), Token.Packed.spanOffset)
        XCTAssertEqual(MemoryLayout<Token>.offset(of: \.end), Token.Packed.spanOffset + 4)
        XCTAssertEqual(MemoryLayout<Token>.offset(of: \.kind), Token.Packed.flagsOffset)
        XCTAssertEqual(MemoryLayout<Token>.offset(of: \.shape), Token.Packed.flagsOffset + 1)
        XCTAssertEqual(MemoryLayout<Token>.offset(of: \.spaceBefore), Token.Packed.flagsOffset + 2)
        XCTAssertEqual(MemoryLayout<Token>.offset(of: \.lineBreakBefore), Token.Packed.flagsOffset + 3)
        XCTAssertEqual(MemoryLayout<Token>.offset(of: \.key), Token.Packed.keyOffset)
        XCTAssertEqual(MemoryLayout<Token>.size, Token.Packed.keyOffset + 8)
    }

    /// Every kind, shape and gap written packed reads back as the token made field by field.
    func testPackedAppendEqualsFieldByField() {
        let kinds: [TokenKind] = [.word, .number, .clitic, .dash, .quote, .punctuation, .symbol]
        let shapes: [TokenShape] = [.none, .lower, .capitalised, .upper, .mixed]
        var expected: [Token] = []
        for kind in kinds {
            for shape in shapes {
                for gap in 0..<4 {
                    let start = expected.count * 7 + Int(Int32.max) - 1_000
                    expected.append(Token(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: start + 3 + gap),
                                          kind: kind, shape: shape, spaceBefore: gap & 1 != 0, lineBreakBefore: gap & 2 != 0,
                                          key: 0x8123_4567_89AB_CDEF &+ UInt64(expected.count)))
                }
            }
        }
        let written = [Token](unsafeUninitializedCapacity: expected.count) { storage, initialized in
            var tokens = TokenBuffer(storage)
            for t in expected {
                let gap = (t.spaceBefore ? Token.Packed.spaceFlag : 0) | (t.lineBreakBefore ? Token.Packed.lineBreakFlag : 0)
                tokens.append(span: Token.Packed.span(start: Int(t.start), end: Int(t.end)),
                              flags: Token.Packed.flags(kind: t.kind, shape: t.shape) | gap, key: t.key)
            }
            XCTAssertEqual(tokens.room, 0)
            initialized = tokens.count
        }
        XCTAssertEqual(written, expected)
    }
}

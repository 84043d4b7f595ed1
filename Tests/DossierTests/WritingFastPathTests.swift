import Foundation
import XCTest
@testable import Dossier

/// The fast paths of reading and record writing give what the plain ways give: transcoding (and the
/// offset map it fills) against the standard library, numbers against `String(_:)`, literals and
/// names against their bytes, file reading against Foundation.
final class WritingFastPathTests: XCTestCase {
    func bytes(_ write: (inout JSONByteBuffer) -> Void) -> [UInt8] {
        var buffer = JSONByteBuffer(capacity: 8)
        write(&buffer)
        defer { buffer.deallocate() }
        return Array(buffer.bytes)
    }

    func testLiteralEntityTypesAndSourcesMatchTheirRawValues() {
        for type in EntityType.allCases {
            XCTAssertEqual(bytes { $0.appendLiteral(type) }, bytes { $0.appendString(type.rawValue) }, type.rawValue)
        }
        for source in MentionSource.allCases {
            XCTAssertEqual(bytes { $0.appendLiteral(source) }, bytes { $0.appendString(source.rawValue) }, source.rawValue)
        }
    }

    func testShortLiteralsOfEveryLength() {
        // Lengths 0 to 40 around the word-copy bounds (4, 8, 16, 32); several in one buffer.
        let literals: [StaticString] = ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi",
                                        "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz01234",
                                        "abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz0123456",
                                        "abcdefghijklmnopqrstuvwxyz0123456789ABCD", ", \"kind\": \"entity\", \"type\": "]
        var expected: [UInt8] = []
        let written = bytes { buffer in
            for literal in literals {
                buffer.append(literal)
                literal.withUTF8Buffer { expected.append(contentsOf: $0) }
            }
        }
        XCTAssertEqual(written, expected)
    }

    func testIntegersAsStringWritesThem() {
        var values = Array(0...120_000)
        values += [-1, -9, -10, -99_999, -100_000, 999_999, 1_000_000, Int.max, Int.min, Int.min + 1]
        var rng = SplitMix64(seed: 8)
        for _ in 0..<2_000 { values.append(Int(truncatingIfNeeded: rng.next()) >> Int(rng.next() % 64)) }
        var expected: [UInt8] = []
        let written = bytes { buffer in
            for v in values {
                buffer.appendInt(v)
                buffer.reserve(1)
                buffer.put(0x20)
                expected += Array(String(v).utf8) + [0x20]
            }
        }
        XCTAssertEqual(written, expected)
    }

    /// Text mixing ASCII runs of every length with two-, three- and four-byte characters.
    func testTranscodingAndItsOffsetMapMatchTheStandardLibrary() {
        var rng = SplitMix64(seed: 20261206)
        let pieces = ["a", "Baghdad said ", "0123456789abcdef", "\n", "\t\"x\"", "é", "Москва", "’", "—", "北京", "😀", "𝔘𝔫",
                      "👩‍👩‍👧", "\u{7F}", "\u{0}", "\u{10FFFF}", "\u{FFFD}"]
        for round in 0..<400 {
            var text = ""
            for _ in 0..<(Int(rng.next() % 60) + (round == 0 ? 0 : 1)) {
                text += pieces[Int(rng.next() % UInt64(pieces.count))]
                text += String(repeating: "x", count: Int(rng.next() % 11))
            }
            let utf8 = Array(text.utf8)
            let (units, highSurrogates) = utf8.withUnsafeBufferPointer { Document.transcode(utf8: $0) }
            XCTAssertEqual(units, Array(text.utf16), text)
            let fast = OffsetMap(highSurrogates: highSurrogates), scanned = OffsetMap(utf16: units)
            for u in 0...units.count {
                XCTAssertEqual(fast.codePoint(u), scanned.codePoint(u), "\(text) at \(u)")
            }
            let document = Document(id: "t", validUTF8: utf8[...])
            XCTAssertEqual(document.utf16, units)
            XCTAssertEqual(document.offsets.codePoint(units.count), text.unicodeScalars.count)
        }
    }

    func testFileBytesAroundTheFirstBufferSize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-filebytes-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var rng = SplitMix64(seed: 3)
        for size in [0, 1, 7, 4095, 4096, 4097, 8193, 100_000] {
            let data = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let path = folder.appendingPathComponent("f\(size)").path
            try Data(data).write(to: URL(fileURLWithPath: path))
            XCTAssertEqual(try FileBytes.read(path: path, limit: 1 << 20), data, "size \(size)")
            if size > 0 {
                XCTAssertThrowsError(try FileBytes.read(path: path, limit: size - 1), "size \(size)")
                XCTAssertEqual(try FileBytes.read(path: path, limit: size), data, "size \(size) at the limit")
            }
        }
    }
}

extension WritingFastPathTests {
    /// Long, mostly plain texts (the sixteen-unit path of `appendQuotedUTF16`) with rare escapes,
    /// non-ASCII characters and surrogates, as `appendString` writes their decoded text.
    func testQuotedUTF16OfLongPlainRuns() {
        let rare: [UInt16] = [0x22, 0x5C, 0x0A, 0x01, 0x7F, 0xE9, 0x2019, 0xD83D, 0xDE00, 0x80, 0xFF]
        var rng = SplitMix64(seed: 16)
        for length in 0...100 {
            for _ in 0..<20 {
                let units = (0..<length).map { _ -> UInt16 in
                    rng.next() % 40 == 0 ? rare[Int(rng.next() % UInt64(rare.count))] : 0x20 + UInt16(rng.next() % 95)
                }
                let direct = bytes { buffer in units.withUnsafeBufferPointer { buffer.appendQuotedUTF16($0) } }
                let viaString = bytes { buffer in buffer.appendString(units.withUnsafeBufferPointer { Document.string($0) }) }
                XCTAssertEqual(direct, viaString, "\(units)")
            }
        }
    }
}

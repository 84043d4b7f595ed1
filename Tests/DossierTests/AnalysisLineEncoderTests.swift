import Foundation
import XCTest
@testable import Dossier

/// `AnalysisLineEncoder` writes the bytes that encoding `RecordBuilder.build(kinds:)` gives.
final class AnalysisLineEncoderTests: XCTestCase {
    /// The lines of `analysis` both ways: straight from the analysis, and through built records.
    func bothWays(_ analysis: Analysis, kinds: Set<String>? = nil, flushEvery: Int = .max) -> (direct: [UInt8], built: [UInt8]) {
        var built: [UInt8] = []
        JSONEncoding.appendLines(RecordBuilder(analysis: analysis).build(kinds: kinds), to: &built)
        var direct: [UInt8] = []
        var buffer = JSONByteBuffer(capacity: 64)
        var lines = JSONLineEncoder()
        AnalysisLineEncoder(analysis: analysis, kinds: kinds).append(lines: &lines, to: &buffer, flushAt: flushEvery) { buffer in
            direct.append(contentsOf: buffer.bytes)
            buffer.removeAll()
        }
        direct.append(contentsOf: buffer.bytes)
        buffer.deallocate()
        return (direct, built)
    }

    func testExampleArticleAllKindsAndSomeKinds() throws {
        let text = try String(contentsOf: TestSupport.example, encoding: .utf8)
        let analysis = TestSupport.pipeline.analyse(TestSupport.document(text, id: "dir/\"quoted\" id.txt"))
        XCTAssertFalse(analysis.entities.isEmpty)
        for kinds: Set<String>? in [nil, ["entity"], ["zone", "figure"], ["quote", "claim", "document"], ["comment"], []] {
            let (direct, built) = bothWays(analysis, kinds: kinds, flushEvery: 100)
            XCTAssertEqual(String(decoding: direct, as: UTF8.self), String(decoding: built, as: UTF8.self), "kinds \(String(describing: kinds))")
        }
    }

    func testEscapesAstralCharactersAndLoneSurrogatesInEntityText() {
        let text = "Tab\there: \"Angela Merkel\" met Emmanuel Macron in Paris 😀 on Monday.\n\nThe back\\slash Ünïcode Zoë Ball said \u{7F} no."
        let (direct, built) = bothWays(TestSupport.analyse(text))
        XCTAssertEqual(String(decoding: direct, as: UTF8.self), String(decoding: built, as: UTF8.self))
    }

    /// `appendQuotedUTF16` writes the bytes that encoding the units as a String writes.
    func assertQuotedUTF16MatchesString(_ units: [UInt16], file: StaticString = #filePath, line: UInt = #line) {
        var direct = JSONByteBuffer(capacity: 8), viaString = JSONByteBuffer(capacity: 8)
        defer {
            direct.deallocate()
            viaString.deallocate()
        }
        units.withUnsafeBufferPointer { direct.appendQuotedUTF16($0) }
        viaString.appendString(units.withUnsafeBufferPointer { Document.string($0) })
        XCTAssertEqual(Array(direct.bytes), Array(viaString.bytes), "\(units)", file: file, line: line)
    }

    func testQuotedUTF16MatchesStringEncoding() {
        let cases: [[UInt16]] = [
            [], Array("plain".utf16), Array("q\"b\\c\u{1}\u{7F}\n\r\t".utf16), Array("é—’😀".utf16),
            [0x41, 0xD800], [0xDC00, 0x41], [0xD83D, 0xD83D, 0xDE00], [0xDBFF],
        ]
        for units in cases {
            assertQuotedUTF16MatchesString(units)
        }
    }

    /// Figures, quotations and claims written from the analysis, with text that needs escapes,
    /// astral characters before them (code point offsets differ from UTF-16 ones) and every kind subset.
    func testFiguresQuotesAndClaimsWithEscapesAndAstralText() {
        let text = """
        Officials 😀 in Baghdad said that at least 300 people were killed in Mosul on Monday.

        "We have lost \\ everything\there, and the "tab" is gone," said Interior Minister Qasim al-Araji.

        According to the ministry, between 200 and 300 families fled, and $5 million was pledged.

        Mr Araji: "Nobody 😀 should stay in Mosul tonight, nobody at all."

        The price rose by about 12.5 per cent, and 20 to 30 per cent of the vote was lost.
        """
        let analysis = TestSupport.analyse(text)
        XCTAssertFalse(analysis.foundFigures.isEmpty)
        XCTAssertTrue(analysis.foundQuotes.contains { $0.kind == "quote" })
        XCTAssertTrue(analysis.foundQuotes.contains { $0.kind == "claim" })
        for kinds: Set<String>? in [nil, ["figure"], ["quote"], ["claim"], ["entity", "figure", "claim"], ["zone"]] {
            let (direct, built) = bothWays(analysis, kinds: kinds, flushEvery: 64)
            XCTAssertEqual(String(decoding: direct, as: UTF8.self), String(decoding: built, as: UTF8.self), "kinds \(String(describing: kinds))")
        }
    }

    /// Generated texts of every length up to 40 units, mixing ASCII runs (which take the
    /// eight-unit path) with escapes, two- and three-byte characters, pairs and lone surrogates.
    func testQuotedUTF16MatchesStringEncodingOnGeneratedText() {
        let alphabet: [UInt16] = [0x41, 0x61, 0x20, 0x2E, 0x22, 0x5C, 0x0A, 0x09, 0x01, 0x7F, 0xE9, 0x2019, 0xD83D, 0xDE00]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for length in 0...40 {
            for _ in 0..<60 {
                // Mostly plain letters, so that whole eight-unit runs occur.
                let units = (0..<length).map { _ -> UInt16 in
                    next() % 4 == 0 ? alphabet[Int(next() % UInt64(alphabet.count))] : 0x61 + UInt16(next() % 26)
                }
                assertQuotedUTF16MatchesString(units)
            }
        }
    }

    /// Zone names and figure types written from literals are the bytes of their raw values.
    func testLiteralZonesAndFigureTypesMatchTheirRawValues() {
        func bytes(_ write: (inout JSONByteBuffer) -> Void) -> [UInt8] {
            var buffer = JSONByteBuffer(capacity: 8)
            write(&buffer)
            defer { buffer.deallocate() }
            return Array(buffer.bytes)
        }
        for zone in ZoneType.allCases {
            XCTAssertEqual(bytes { $0.appendLiteral(zone) }, bytes { $0.appendString(zone.rawValue) }, zone.rawValue)
        }
        for type in FigureType.allCases {
            XCTAssertEqual(bytes { $0.appendLiteral(type) }, bytes { $0.appendString(type.rawValue) }, type.rawValue)
        }
    }
}

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
        AnalysisLineEncoder(analysis: analysis, kinds: kinds).append(lines: &lines, to: &buffer) { buffer in
            if buffer.count >= flushEvery {
                direct.append(contentsOf: buffer.bytes)
                buffer.removeAll()
            }
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

    func testQuotedUTF16MatchesStringEncoding() {
        let cases: [[UInt16]] = [
            [], Array("plain".utf16), Array("q\"b\\c\u{1}\u{7F}\n\r\t".utf16), Array("é—’😀".utf16),
            [0x41, 0xD800], [0xDC00, 0x41], [0xD83D, 0xD83D, 0xDE00], [0xDBFF],
        ]
        for units in cases {
            var direct = JSONByteBuffer(capacity: 8), viaString = JSONByteBuffer(capacity: 8)
            units.withUnsafeBufferPointer { direct.appendQuotedUTF16($0) }
            viaString.appendString(units.withUnsafeBufferPointer { Document.string($0) })
            XCTAssertEqual(Array(direct.bytes), Array(viaString.bytes), "\(units)")
            direct.deallocate()
            viaString.deallocate()
        }
    }
}

import XCTest
@testable import Dossier

/// Reading JSON Lines back into records, as `dossier diff` does with extraction files.
final class DiffRecordDecodingTests: XCTestCase {
    func testRoundTripOfExtractedRecords() throws {
        let doc = try DocumentReader().read(path: TestSupport.example.path)
        let records = TestSupport.pipeline.extract(doc)
        XCTAssertGreaterThan(records.count, 50)
        var bytes: [UInt8] = []
        for r in records { bytes += JSONEncoding.encode(r); bytes.append(0x0A) }
        let decoded = try RecordDecoding.decodeLines(bytes)
        XCTAssertEqual(decoded.count, records.count)
        // Numbers written as integers read back as integers, so compare what is written.
        XCTAssertEqual(decoded.map { JSONEncoding.encode($0) }, records.map { JSONEncoding.encode($0) })
    }

    func testValuesAndEscapes() throws {
        let r = try RecordDecoding.decode(Array(#" {"doc": "a\"b", "kind": "x", "n": -12, "d": 2.5e3, "t": true, "z": null, "u": "\u00e9\ud83d\ude00\n", "a": [1, {}]} "#.utf8))
        XCTAssertEqual(r.doc, "a\"b")
        XCTAssertEqual(r["n"], .int(-12))
        XCTAssertEqual(r["d"], .double(2500))
        XCTAssertEqual(r["t"], .bool(true))
        XCTAssertEqual(r["z"], .null)
        XCTAssertEqual(r.string("u"), "é😀\n")
        XCTAssertEqual(r["a"], .array([.int(1), .object(JSONObject())]))
        XCTAssertEqual(r.object.keys, ["doc", "kind", "n", "d", "t", "z", "u", "a"])
    }

    func testErrorsNameTheLine() {
        let bytes = Array("{\"doc\": \"a\", \"kind\": \"x\"}\n\n{\"doc\": \"a\", \"kind\": }\n".utf8)
        XCTAssertThrowsError(try RecordDecoding.decodeLines(bytes)) { error in
            XCTAssertEqual((error as? RecordDecodingError)?.line, 3)
        }
        for bad in ["[1]", "{\"a\": 1} x", "{\"a\": \"\\ud800\"}", "{\"a\": 01x}", String(repeating: "[", count: 1000)] {
            XCTAssertThrowsError(try RecordDecoding.decode(Array(bad.utf8)), bad)
        }
    }
}

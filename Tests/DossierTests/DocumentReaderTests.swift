import XCTest
@testable import Dossier

final class DocumentReaderTests: XCTestCase {
    let reader = DocumentReader()

    func testBOMIsDroppedAndCRLFKept() throws {
        let doc = try reader.decode([0xEF, 0xBB, 0xBF] + Array("Iraq\r\nIran".utf8), id: "d")
        XCTAssertEqual(doc.text, "Iraq\r\nIran")
    }

    func testInvalidUTF8IsAnErrorNamingTheFile() {
        XCTAssertThrowsError(try reader.decode(Array("ok ".utf8) + [0xC3, 0x28], id: "bad.txt")) { error in
            XCTAssertEqual("\(error)", "bad.txt: not valid UTF-8 (first bad byte at offset 3)")
        }
        XCTAssertThrowsError(try reader.decode([0xE2, 0x82], id: "truncated.txt"))
        XCTAssertThrowsError(try reader.decode([0xED, 0xA0, 0x80], id: "surrogate.txt"))
    }

    func testBinaryIsRefused() {
        XCTAssertThrowsError(try reader.decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], id: "x.png")) { error in
            XCTAssertTrue("\(error)".contains("binary"))
        }
        XCTAssertThrowsError(try reader.decode([UInt8](repeating: 0, count: 200) + Array("text".utf8), id: "nul"))
    }

    func testStrayNULsAreText() throws {
        let bytes = Array("Baghdad is in Iraq.\u{0} Mr Araji said so.\n".utf8)
        let doc = try reader.decode(Array(repeating: bytes, count: 20).flatMap { $0 }, id: "nul.txt")
        XCTAssertTrue(doc.text.hasPrefix("Baghdad"))
        let records = TestSupport.jsonRecords(TestSupport.pipeline.extract(doc))
        XCTAssertTrue(records.contains { $0["text"] as? String == "Baghdad" })
    }

    func testEmptyDocumentHasNoRecordsButTheDocument() throws {
        let doc = try reader.decode([], id: "empty")
        XCTAssertEqual(doc.text, "")
        let records = TestSupport.pipeline.extract(doc).filter { $0.kind != "document" }
        XCTAssertTrue(records.isEmpty)
    }

    func testTooLarge() {
        XCTAssertThrowsError(try DocumentReader(maxBytes: 10).decode(Array("0123456789A".utf8), id: "big"))
    }

    func testHTMLIsSniffedAndConverted() throws {
        let doc = try reader.decode(Array("<!doctype html><html><head><title>T &amp; U</title></head><body><p>One&nbsp;two</p><p>Three<br>four</p></body></html>".utf8), id: "page")
        XCTAssertEqual(doc.format, .html)
        XCTAssertEqual(doc.metadata.title, "T & U")
        XCTAssertEqual(doc.text, "One two\n\nThree\nfour")
    }

    func testMissingFile() {
        XCTAssertThrowsError(try reader.read(path: "/nonexistent/file.txt")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/nonexistent/file.txt: cannot read"))
        }
    }
}

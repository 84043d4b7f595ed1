import XCTest
@testable import Dossier

/// Every record's `text` equals the document's code points between `start` and `end`, on the
/// worked example and on random documents mixing scripts, emoji, CRLF, quotes and names.
final class OffsetPropertyTests: XCTestCase {
    func assertOffsetsHold(_ doc: Document, file: StaticString = #filePath, line: UInt = #line) {
        let records = TestSupport.jsonRecords(TestSupport.pipeline.extract(doc))
        let length = doc.text.unicodeScalars.count
        for r in records {
            guard let start = r["start"] as? Int, let end = r["end"] as? Int else { continue }
            XCTAssertTrue(0 <= start && start <= end && end <= length, "span \(start)..<\(end) outside \(length)", file: file, line: line)
            if let text = r["text"] as? String {
                XCTAssertEqual(TestSupport.slice(doc.text, start, end), text, "record \(r)", file: file, line: line)
            }
        }
    }

    func testWorkedExample() throws {
        assertOffsetsHold(try DocumentReader().read(path: TestSupport.example.path))
    }

    func testRandomDocuments() {
        var rng = SplitMix64(seed: 20261125)
        let pieces = ["Baghdad", "Qasim al-Araji", "Mr Araji", "said", "the", "Isis", "ISIS", "Iraq", "😀", "👩‍👩‍👧", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                      "Ελλάδα", "Москва", "北京", "“", "”", "\"", "'", "«", "»", ",", ".", "\r\n", "\n\n", "\n", " ", "  ", "\t",
                      "Erdoğan", "Kurdistan Regional Government (KRG)", "1,426", "over 300", "Dr.", "U.S.", "–", "\u{200B}", "é"]
        for _ in 0..<150 {
            var text = rng.next() % 5 == 0 ? "\u{FEFF}" : ""
            for _ in 0..<(Int(rng.next() % 120) + 1) {
                text += pieces[Int(rng.next() % UInt64(pieces.count))]
                if rng.next() % 3 == 0 { text += " " }
            }
            let bytes = Array(text.utf8)
            guard let doc = try? DocumentReader().decode(bytes, id: "random", format: .text) else {
                XCTFail("decode failed")
                continue
            }
            assertOffsetsHold(doc)
        }
    }
}

/// A small deterministic random generator for property tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import XCTest
@testable import Dossier

/// `DocumentMetadata` keeps value semantics over its shared, copy-on-write fields: a copy is not
/// changed by writes to the original, equality compares fields, and metadata never written
/// equals metadata written back to empty.
final class DocumentMetadataTests: XCTestCase {
    func testCopiesAreIndependent() {
        var a = DocumentMetadata(title: "Title", author: "By Ann Lee")
        let b = a
        a.title = "Other"
        a.tags += ["x"]
        a.categories = ["news"]
        XCTAssertEqual(b.title, "Title")
        XCTAssertEqual(b.author, "By Ann Lee")
        XCTAssertEqual(b.tags, [])
        XCTAssertEqual(b.categories, [])
        XCTAssertEqual(a.title, "Other")
        XCTAssertEqual(a.author, "By Ann Lee")
        XCTAssertEqual(a.tags, ["x"])
        XCTAssertNotEqual(a, b)

        var empty = DocumentMetadata()
        let untouched = DocumentMetadata()
        empty.source = "Wire"
        XCTAssertNil(untouched.source)
        XCTAssertNil(DocumentMetadata().source)
        empty.source = nil
        XCTAssertEqual(empty, untouched)
    }

    func testEqualityComparesEveryField() {
        let base = DocumentMetadata(title: "T", author: "A", source: "S")
        var changes: [(inout DocumentMetadata) -> Void] = []
        changes.append { $0.title = nil }
        changes.append { $0.author = "B" }
        changes.append { $0.source = "" }
        changes.append { $0.published = "2024" }
        changes.append { $0.publisher = "P" }
        changes.append { $0.tags = ["t"] }
        changes.append { $0.categories = ["c"] }
        for change in changes {
            var other = base
            XCTAssertEqual(other, base)
            change(&other)
            XCTAssertNotEqual(other, base)
            XCTAssertNotEqual(base, other)
        }
        XCTAssertEqual(DocumentMetadata(title: "T", author: "A", source: "S"), base)
    }
}

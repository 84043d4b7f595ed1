import XCTest
@testable import Dossier

/// Zones on page shapes written for these tests, and on the worked example.
final class ZoneTests: XCTestCase {
    func zones(_ text: String, html: Bool = false) -> (Document, ZoneMap, DocumentMetadata) {
        let doc: Document
        if html {
            doc = try! DocumentReader().decode(Array(text.utf8), id: "page.html", format: .html)
        } else {
            doc = Document(id: "page", text: text)
        }
        let (z, m) = ZoneDetector().detect(doc, blocks: doc.blocks)
        return (doc, z, m)
    }

    func text(_ doc: Document, _ z: ZoneMap, _ type: ZoneType) -> String {
        z.spans(of: type).map { doc.slice($0.start, $0.end) }.joined(separator: "\n\n")
    }

    static let prose1 = "The city council voted on Tuesday to close the old bridge after engineers warned that it could no longer carry the weight of the buses that cross it every day."
    static let prose2 = "Residents who live on the north bank said they would now have to drive for almost an hour to reach the hospital, and several of them asked the council to reconsider."
    static let prose3 = "The mayor said that a new bridge would be built within three years, but that the money for it had not yet been found in the budget for the coming year."

    /// A blog: navigation lines, headline, article, tags, numbered comments with "NAME says:".
    func testBlogWithNumberedComments() {
        let page = """
        Home
        News
        Opinion
        Subscribe to our newsletter
        Council Closes the Old Bridge
        By Jane Porter

        \(Self.prose1)

        \(Self.prose2)

        \(Self.prose3)

        Tags: bridges, council
        3 Comments
          1. Maria says:

            I cross that bridge every morning and I had no idea that it was in such a bad state.

          2. Tom says: • Website

            The council should have repaired it years ago instead of waiting for it to fall down.

          3. Finally some common sense from the council.

        Leave a Reply
        Privacy Policy
        """
        let (doc, z, meta) = zones(page)
        XCTAssertEqual(text(doc, z, .body), [Self.prose1, Self.prose2, Self.prose3].joined(separator: "\n\n"))
        XCTAssertEqual(text(doc, z, .title), "Council Closes the Old Bridge")
        XCTAssertEqual(meta.author, "Jane Porter")
        XCTAssertEqual(meta.tags, ["bridges", "council"])
        XCTAssertEqual(z.comments.map(\.author), ["Maria", "Tom", nil])
        XCTAssertEqual(z.comments.map(\.number), [1, 2, 3])
        let comments = text(doc, z, .comments)
        XCTAssertTrue(comments.contains("I cross that bridge"))
        XCTAssertTrue(comments.contains("common sense"))
        XCTAssertFalse(comments.contains("Leave a Reply"))
        XCTAssertEqual(z.zone(at: (doc.text as NSString).range(of: "Privacy Policy").location), .boilerplate)
        XCTAssertEqual(z.zone(at: (doc.text as NSString).range(of: "Subscribe").location), .boilerplate)
    }

    /// A news site dump: share buttons, a dateline, article, a related-stories list, a footer.
    func testNewsPageWithRelatedLinksAndFooter() {
        let page = """
        Skip to main content
        World | Politics | Business | Sport
        Share on Facebook
        Share on Twitter
        Bridge to Close as Council Runs Out of Money
        \(Self.prose1)
        \(Self.prose2)
        A short line inside the article.
        \(Self.prose3)
        Related stories
        Council elections set for May
        Budget row deepens
        Mayor faces questions
        © 2024 The Daily Example. All rights reserved.
        """
        let (doc, z, _) = zones(page)
        let body = text(doc, z, .body)
        XCTAssertTrue(body.hasPrefix(Self.prose1))
        XCTAssertTrue(body.hasSuffix(Self.prose3))
        XCTAssertEqual(text(doc, z, .title), "Bridge to Close as Council Runs Out of Money")
        XCTAssertTrue(z.spans(of: .comments).isEmpty)
        XCTAssertEqual(z.zone(at: (doc.text as NSString).range(of: "Budget row").location), .boilerplate)
    }

    /// HTML with navigation, an article and a footer: markup hints and the `<title>`.
    func testHTMLPage() {
        let page = """
        <!DOCTYPE html><html><head><title>Council closes the old bridge</title>
        <meta name="author" content="Jane Porter"><script>var x = "<p>not text</p>";</script><style>p{}</style></head>
        <body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
        <article><h1>Council closes the old bridge</h1>
        <p>\(Self.prose1)</p><p>\(Self.prose2.replacingOccurrences(of: "and", with: "&amp;"))</p><p>\(Self.prose3)</p></article>
        <footer><p>Contact us</p><p>&copy; 2024 Example News</p></footer></body></html>
        """
        let (doc, z, meta) = zones(page, html: true)
        XCTAssertEqual(meta.title, "Council closes the old bridge")
        XCTAssertEqual(meta.author, "Jane Porter")
        XCTAssertFalse(doc.text.contains("not text"))
        XCTAssertTrue(doc.text.contains("\n\n"))
        XCTAssertTrue(doc.text.contains("north bank said they would now have to drive for almost an hour to reach the hospital, & several"))
        let body = text(doc, z, .body)
        XCTAssertTrue(body.hasPrefix(Self.prose1))
        XCTAssertTrue(body.hasSuffix(Self.prose3))
        XCTAssertEqual(text(doc, z, .title), "Council closes the old bridge")
        XCTAssertEqual(z.zone(at: (doc.text as NSString).range(of: "Contact us").location), .boilerplate)
    }

    /// The worked example: body from "Violence in Iraq" to the paragraph before "(Republished from",
    /// five comments, the headline, and the page's metadata lines.
    func testWorkedExample() throws {
        let doc = try DocumentReader().read(path: TestSupport.example.path)
        let (z, meta) = ZoneDetector().detect(doc)
        let body = text(doc, z, .body)
        XCTAssertTrue(body.hasPrefix("Violence in Iraq has fallen"))
        XCTAssertTrue(body.hasSuffix("cede a measure of control over these frontiers to Baghdad."))
        XCTAssertEqual(z.spans(of: .body).count, 1)
        XCTAssertEqual(text(doc, z, .title), "Iraq Says It Has Infiltrated Isis's Network of 'Sleeper Cells'")
        XCTAssertEqual(z.comments.count, 5)
        XCTAssertEqual(z.comments.compactMap(\.author), ["llloyd", "George", "anonymous"])
        let comments = text(doc, z, .comments)
        XCTAssertTrue(comments.contains("I dunno"))
        XCTAssertTrue(comments.hasSuffix("we faked all the casualties."))
        XCTAssertEqual(meta.source, "Republished from The Independent")
        XCTAssertEqual(meta.tags, ["Iraq", "ISIS", "Terrorism"])
    }
}

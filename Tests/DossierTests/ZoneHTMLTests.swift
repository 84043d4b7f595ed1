import XCTest
@testable import Dossier

/// HTML zoning from the DOM: container choice, captions, bylines, comments with authors, JSON-LD.
final class ZoneHTMLTests: XCTestCase {
    static let p1 = ZoneTests.prose1, p2 = ZoneTests.prose2, p3 = ZoneTests.prose3

    func zones(_ html: String) throws -> (Document, ZoneMap, DocumentMetadata) {
        let doc = try DocumentReader().decode(Array(html.utf8), id: "page.html", format: .html)
        let (z, m) = ZoneDetector().detect(doc, blocks: doc.blocks)
        return (doc, z, m)
    }

    func text(_ doc: Document, _ z: ZoneMap, _ type: ZoneType) -> String {
        z.spans(of: type).map { doc.slice($0.start, $0.end) }.joined(separator: "\n\n")
    }

    static let page = """
    <html><head><title>Bridge closes | Example</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
    {"@type":"NewsArticle","headline":"Council closes the old bridge","datePublished":"2024-03-01T09:00:00Z",
    "author":[{"@type":"Person","name":"Jane Porter"}],"publisher":{"@type":"Organization","name":"Example News"}}]}</script></head>
    <body><div class="site-header"><a href="/">Home</a> <a href="/news">News</a></div>
    <div class="story"><h1 class="headline">Council closes the old bridge</h1>
    <p class="byline">By <a rel="author" href="#">Jane Porter</a></p>
    <div class="story-body"><p>\(p1)</p>
    <figure><img src="a.jpg"><figcaption>The old bridge in 1990. Photo: Archive</figcaption></figure>
    <p>\(p2)</p><div class="ad-slot"><p>Advertisement</p></div><p>\(p3)</p></div>
    <ul class="share"><li><a href="#">Share on Facebook</a></li></ul></div>
    <section class="related"><h2>Related</h2><p>Another story about bridges that is long enough to look like a paragraph of prose.</p></section>
    <div id="comments"><h2>2 comments</h2><ol class="comment-list">
    <li class="comment"><div class="comment-author"><b class="fn">Maria</b> <span class="says">says:</span></div>
    <div class="comment-content"><p>I cross that bridge every morning and I had no idea that it was in such a bad state.</p></div></li>
    <li class="comment"><div class="comment-author"><b class="fn">Tom</b> <span class="says">says:</span></div>
    <div class="comment-content"><p>The council should have repaired it years ago.</p></div></li></ol>
    <div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div></div>
    <footer><p>© 2024 Example News</p></footer></body></html>
    """

    func testArticleContainerCommentsCaptionsAndMetadata() throws {
        let (doc, z, meta) = try zones(Self.page)
        XCTAssertEqual(text(doc, z, .body), [Self.p1, Self.p2, Self.p3].joined(separator: "\n\n"))
        XCTAssertEqual(z.spans(of: .body).count, 3, "the caption and the advertisement split the body")
        XCTAssertEqual(text(doc, z, .title), "Council closes the old bridge")
        XCTAssertEqual(text(doc, z, .byline), "By Jane Porter")
        XCTAssertTrue(text(doc, z, .caption).contains("The old bridge in 1990"))
        XCTAssertEqual(z.comments.map(\.author), ["Maria", "Tom"])
        XCTAssertEqual(z.comments.map { doc.slice($0.start, $0.end) },
                       ["I cross that bridge every morning and I had no idea that it was in such a bad state.",
                        "The council should have repaired it years ago."])
        if let span = z.comments.first?.authorSpan { XCTAssertEqual(doc.slice(span.lowerBound, span.upperBound), "Maria") } else { XCTFail("no author span") }
        XCTAssertTrue(text(doc, z, .comments).contains("bad state"))
        XCTAssertFalse(text(doc, z, .comments).contains("email address"))
        XCTAssertEqual(meta.title, "Council closes the old bridge")
        XCTAssertEqual(meta.author, "Jane Porter")
        XCTAssertEqual(meta.published, "2024-03-01T09:00:00Z")
        XCTAssertEqual(meta.publisher, "Example News")
    }

    /// A text dump of a page: hard-wrapped paragraphs, an advertisement inside the article, a
    /// comment heading that ends it.
    func testWrappedDumpWithInlineChromeAndCommentHeading() {
        func wrap(_ s: String) -> String {
            var lines: [String] = [], cur = ""
            for w in s.split(separator: " ") {
                if cur.count + w.count + 1 > 72 { lines.append("   " + cur); cur = String(w) } else { cur += cur.isEmpty ? String(w) : " " + w }
            }
            lines.append("   " + cur)
            return lines.joined(separator: "\n")
        }
        let page = ["   Home", "   News", "   Council closes the old bridge", wrap(Self.p1), wrap(Self.p2), "   Advertisement",
                    wrap(Self.p3), "   3 comments", wrap("I cross that bridge every morning and I had no idea that it was in such a bad state, really."),
                    "   Privacy policy"].joined(separator: "\n\n")
        let doc = Document(id: "dump", text: page)
        let (z, _) = ZoneDetector().detect(doc)
        let body = text(doc, z, .body).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertEqual(body, [Self.p1, Self.p2, Self.p3].joined(separator: " "))
        XCTAssertEqual(text(doc, z, .title), "Council closes the old bridge")
    }
}

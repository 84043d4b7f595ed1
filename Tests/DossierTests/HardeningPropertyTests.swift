import XCTest
@testable import Dossier

/// Random Unicode documents, seeded (`SplitMix64`): whatever the text, the pipeline does not crash,
/// every span's `text` is the document's code points between `start` and `end` (compared scalar by
/// scalar, not by canonical equivalence), and two runs give the same bytes. The libFuzzer target in
/// `Fuzz/` checks the same on inputs it grows; this runs the check in every `swift test`.
final class HardeningPropertyTests: XCTestCase {
    /// Scalars from many scripts and classes: ASCII, controls, Latin with combining marks,
    /// Cyrillic, Arabic (right to left), Devanagari, CJK, Hangul, astral (surrogate pairs in
    /// UTF-16), emoji with joiners and modifiers, spaces and separators, every quotation mark.
    static let ranges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x20...0x7E, 0x41...0x5A, 0x00...0x1F, 0xA0...0xFF, 0x300...0x36F, 0x400...0x44F, 0x600...0x6FF,
        0x900...0x97F, 0x4E00...0x4E80, 0xAC00...0xAC40, 0x1D400...0x1D4FF, 0x1F600...0x1F64F, 0x1F3FB...0x1F3FF,
        0x2000...0x206F, 0x3000...0x3020, 0xFE00...0xFE0F, 0xFFF0...0xFFFD, 0x10FFF0...0x10FFFD, 0xE0000...0xE007F,
    ]
    static let pieces = ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\"", "'", "\u{AB}", "\u{BB}", "\u{201E}", "\u{300C}",
                         "\r\n", "\n\n", "\r", "\u{2028}", "\u{200D}", "\u{FEFF}", " said ", " told Reuters ", "Mr ", "Dr. ",
                         "Baghdad", "Qasim al-Araji", "Iraq", "U.S.", "1,426", "3.5 million", "12%", "$4", "–", "...",
                         ": ", ". ", ", ", "(", ")", "he", "She", "\u{0}", "\t", "e\u{301}", "👩‍👩‍👧", "🇮🇶"]

    func randomText(_ rng: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        let length = Int(rng.next() % 400)
        while scalars.count < length {
            if rng.next() % 3 == 0 {
                scalars.append(contentsOf: Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))].unicodeScalars)
            } else {
                let r = Self.ranges[Int(rng.next() % UInt64(Self.ranges.count))]
                let v = r.lowerBound + UInt32(rng.next() % UInt64(r.upperBound - r.lowerBound + 1))
                if let s = Unicode.Scalar(v) { scalars.append(s) }
            }
        }
        return String(scalars)
    }

    func check(_ doc: Document, seed: Int) {
        let records = TestSupport.pipeline.extract(doc)
        let scalars = Array(doc.text.unicodeScalars)
        for r in records {
            guard let start = r.start, let end = r.end else { continue }
            guard 0 <= start, start <= end, end <= scalars.count else {
                XCTFail("seed \(seed): \(r.kind) \(start)..<\(end) outside \(scalars.count) in \(doc.text.debugDescription)")
                continue
            }
            if let text = r.text, !text.unicodeScalars.elementsEqual(scalars[start..<end]) {
                XCTFail("seed \(seed): \(r.kind) \(text.debugDescription) is not \(start)..<\(end) of \(doc.text.debugDescription)")
            }
        }
        let again = TestSupport.pipeline.extract(Document(id: doc.id, text: doc.text, format: doc.format, metadata: doc.metadata,
                                                          blocks: doc.blocks))
        XCTAssertEqual(again.map(JSONEncoding.encode), records.map(JSONEncoding.encode), "seed \(seed): not deterministic")
    }

    func testRandomUnicodeDocuments() {
        for seed in 0..<300 {
            var rng = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 9)
            let text = randomText(&rng)
            guard let doc = try? DocumentReader().decode(Array(text.utf8), id: "random-\(seed)", format: .text) else { continue }
            check(doc, seed: seed)
        }
    }

    func testRandomUnicodeInHTML() {
        for seed in 0..<100 {
            var rng = SplitMix64(seed: UInt64(seed) &+ 77_000)
            let tags = ["<p>", "</p>", "<div class=\"comment\">", "</div>", "<br>", "<b>", "</b>", "<a href=\"/x\">", "</a>",
                        "<h1>", "</h1>", "<script>x</script>", "&amp;", "&#x1F600;", "&nbsp;", "<!-- c -->", "<li>"]
            var page = "<html><body>"
            for _ in 0..<Int(rng.next() % 20) {
                page += tags[Int(rng.next() % UInt64(tags.count))]
                page += randomText(&rng).replacingOccurrences(of: "<", with: " ")
            }
            guard let doc = try? DocumentReader().decode(Array(page.utf8), id: "random-\(seed).html") else { continue }
            check(doc, seed: seed)
        }
    }
}

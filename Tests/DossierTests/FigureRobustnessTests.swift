import XCTest
@testable import Dossier

/// Random number-heavy text: the figure rules never crash, and every figure's text matches its
/// offsets and carries a finite value.
final class FigureRobustnessTests: XCTestCase {
    func testRandomNumberText() {
        var state: UInt64 = 0x5EED_F16
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let pieces = ["1,426", "3.5", "6m", "3bn", "2003", "10", "0", "020", "555", "-", "–", "between", "and", "to", "from",
                      "$", "£", "US", "€", "one", "twenty", "hundred", "thousands", "of", "half", "a", "the", "%", "per", "cent",
                      ":", "/", "March", "Section", ".", ",", "years", "year", "old", "killed", "people", "border", "crossings",
                      "in", "Baghdad", "with", "Iran", "over", "at", "least", "aged", "Mr Araji", "\n", "“", "”", "(", ")", "#",
                      "third", "time", "consecutive", "am", "1990s", "21st", "dozens", "and a half", "million", "two-thirds"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(Int(next() % 40) + 1) {
                text += pieces[Int(next() % UInt64(pieces.count))]
                if next() % 4 != 0 { text += " " }
            }
            let doc = Document(id: "random", text: text)
            let figures = FigureCorpusTests.pipeline.analyse(doc).figures
            let scalars = Array(text.unicodeScalars)
            for r in figures {
                guard let s = r.start, let e = r.end else { XCTFail("no span in \(r)"); continue }
                XCTAssertTrue(0 <= s && s < e && e <= scalars.count, "span \(s)..<\(e) in «\(text)»")
                guard 0 <= s && s < e && e <= scalars.count else { continue }
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: scalars[s..<e])
                XCTAssertEqual(String(slice), r.text, "«\(text)»")
                XCTAssertTrue(FigureCorpusTests.number(r["value"])?.isFinite == true, "value of \(r) in «\(text)»")
            }
        }
    }
}

import XCTest
@testable import Dossier

/// `AliasResolver.normalisedName` returns a name unchanged when its bytes show it normalised: the
/// result is always the plain form, words split at spaces, tabs and line breaks, joined by one space.
final class NormalisedNameTests: XCTestCase {
    func testNormalisedNameIsThePlainForm() {
        let parts = [" ", "  ", "\t", "\n", "\r", "\r\n", "a", "Qasim", "é", "\u{0085}", "\u{1F}", "\u{00A0}", "-", "!"]
        var state: UInt64 = 13
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        for _ in 0..<5_000 {
            let name = (0..<random(9)).map { _ in parts[random(parts.count)] }.joined()
            let plain = name.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
            XCTAssertEqual(Array(AliasResolver.normalisedName(name).utf8), Array(plain.utf8), name.debugDescription)
        }
    }
}

import Foundation

/// Lowercase ASCII foldings of Latin letters with diacritics ("ğ" → "g", "Æ" → "ae"), from
/// `Language/en/ascii_fold.tsv`: the fast path of token keys, so that ICU's slower transliterator
/// only sees other scripts.
final class ASCIIFoldTable: Sendable {
    /// Indexed by UTF-16 unit below 0x2100; empty for units without a folding.
    private let table: [[UInt8]]

    static let shared = ASCIIFoldTable()

    init() {
        var table = [[UInt8]](repeating: [], count: 0x2100)
        let url = LanguageData.bundledDirectory().appendingPathComponent("ascii_fold.tsv")
        for line in (try? DataFile.lines(url)) ?? [] {
            let f = line.split(separator: "\t")
            guard f.count == 2, let cp = Int(f[0], radix: 16), cp < table.count else { continue }
            table[cp] = Array(f[1].utf8)
        }
        self.table = table
    }

    /// The folding of one UTF-16 unit, or nil when the table has none.
    @inline(__always)
    func fold(_ u: UInt16) -> [UInt8]? {
        guard Int(u) < table.count else { return nil }
        let f = table[Int(u)]
        return f.isEmpty ? nil : f
    }
}

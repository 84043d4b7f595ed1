/// Aligns two sequences as diff(1) aligns lines: a longest common subsequence of equal keys, then
/// the unmatched elements between two consecutive anchors form a hunk. Figures use this so that a
/// value edited in place pairs with the value it replaced, by its position among its peers.
enum SequenceAlignment {
    /// A stretch of unmatched elements between anchors: old indexes and new indexes.
    struct Hunk: Equatable {
        var old: [Int]
        var new: [Int]
    }

    /// Index pairs of a longest common subsequence (ascending), and the hunks between them.
    static func align<Key: Hashable>(_ a: [Key], _ b: [Key]) -> (matches: [(Int, Int)], hunks: [Hunk]) {
        let n = a.count, m = b.count
        var matches: [(Int, Int)] = []
        if n > 0 && m > 0 && n * m <= 4_000_000 {
            // lengths[i][j]: LCS length of a[i...] and b[j...].
            var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n && j < m {
                if a[i] == b[j] { matches.append((i, j)); i += 1; j += 1 }
                else if lengths[i + 1][j] >= lengths[i][j + 1] { i += 1 }
                else { j += 1 }
            }
        } else if n > 0 && m > 0 {
            // Too large for the table: match equal elements in order, greedily: each element of `a`
            // takes the first equal element of `b` after the last match, found through the
            // positions of each key in `b` (a scan of `b` for each element was quadratic).
            var positions: [Key: [Int]] = [:]
            for (k, key) in b.enumerated() { positions[key, default: []].append(k) }
            var j = 0
            for i in 0..<n {
                guard let list = positions[a[i]] else { continue }
                var lo = 0, hi = list.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if list[mid] < j { lo = mid + 1 } else { hi = mid }
                }
                if lo < list.count { matches.append((i, list[lo])); j = list[lo] + 1 }
                if j >= m { break }
            }
        }
        var hunks: [Hunk] = []
        var pi = 0, pj = 0
        for (i, j) in matches + [(n, m)] {
            if i > pi || j > pj { hunks.append(Hunk(old: Array(pi..<i), new: Array(pj..<j))) }
            pi = i + 1
            pj = j + 1
        }
        return (matches, hunks)
    }
}

/// ASCII searches and trims on strings that skip the cost of comparing Characters.
extension StringProtocol {
    /// `firstRange(of: needle)` for an ASCII needle without CR or LF, by a search of the UTF-8
    /// bytes. Such a needle has no other canonically equivalent spelling, so the first Character
    /// match is at the first byte match when that one lies on Character boundaries: it does when
    /// its neighbours are ASCII (or the ends of the text), or the one before is a no-break space.
    /// Otherwise the Characters are searched.
    func firstRange(ofASCII needle: String) -> Range<Index>? {
        let found: Int? = utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var needle = needle
            return needle.withUTF8 { n in
                guard let first = n.first, bytes.count >= n.count else { return -1 }
                for i in 0...(bytes.count - n.count) where bytes[i] == first {
                    var j = 1
                    while j < n.count, bytes[i + j] == n[j] { j += 1 }
                    guard j == n.count else { continue }
                    // A no-break space (C2 A0, as in "•\u{A0}Category:") is no prepended mark: a Character ends with it.
                    let before = i == 0 || bytes[i - 1] < 0x80 && bytes[i - 1] != 0x0D || i >= 2 && bytes[i - 2] == 0xC2 && bytes[i - 1] == 0xA0
                    let after = i + n.count == bytes.count || bytes[i + n.count] < 0x80
                    return before && after ? i : -2
                }
                return -1
            }
        }
        guard let found, found != -2 else { return firstRange(of: needle) }
        if found < 0 { return nil }
        let lower = utf8.index(startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let chars = Array(set)
        guard let first = firstIndex(where: { !chars.contains($0) }) else { return "" }
        let last = lastIndex(where: { !chars.contains($0) })!
        return String(self[first...last])
    }

    var capitalisedFirst: String { prefix(1).uppercased() + String(dropFirst()) }
}

extension UnsafeBufferPointer where Element: Equatable {
    /// Whether `self[i...]` starts with `needle`.
    @inline(__always) func hasPrefix(_ needle: [Element], at i: Int) -> Bool {
        guard i >= 0, i + needle.count <= count else { return false }
        for j in needle.indices where self[i + j] != needle[j] { return false }
        return true
    }

    /// The end of the first occurrence of `needle` in `self[range]` (the whole buffer by default);
    /// nil if there is none or `needle` is empty. A plain scan: needles here are a few units long.
    @inline(__always) func endOfFirst(_ needle: [Element], in range: Range<Int>? = nil) -> Int? {
        guard let first = needle.first else { return nil }
        let r = range ?? 0..<count
        guard r.count >= needle.count else { return nil }
        var i = r.lowerBound
        let last = r.upperBound - needle.count
        while i <= last {
            if self[i] == first, hasPrefix(needle, at: i) { return i + needle.count }
            i += 1
        }
        return nil
    }
}

extension Array where Element: Equatable {
    /// Whether the array holds `needle` as a run of elements (false for an empty needle).
    @inline(__always) func containsRun(_ needle: [Element]) -> Bool {
        withUnsafeBufferPointer { $0.endOfFirst(needle) } != nil
    }
}

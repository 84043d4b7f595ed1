/// Decides which document of the old side is compared with which of the new side, by id:
/// 1. the same id;
/// 2. the same id once each side's common folder is taken off (`old/a.txt` ↔ `new/a.txt`);
/// 3. when each side holds exactly one document, those two, whatever their ids (two versions of
///    one article saved under different names).
/// Documents left over were added or removed as a whole.
public enum DocumentPairing {
    /// A comparison: indexes into the old and new id lists; nil on the side that lacks the document.
    public struct Pair: Equatable, Sendable {
        public var old: Int?
        public var new: Int?
    }

    /// Pairs in the old side's order, removed documents in place, added documents last.
    public static func pair(old: [String], new: [String]) -> [Pair] {
        var newIndex: [String: Int] = [:]
        for (j, id) in new.enumerated() where newIndex[id] == nil { newIndex[id] = j }
        var matched: [Int: Int] = [:]
        var usedNew = Set<Int>()
        for (i, id) in old.enumerated() {
            if let j = newIndex[id], !usedNew.contains(j) { matched[i] = j; usedNew.insert(j) }
        }
        // Relative to each side's common folder.
        let oldPrefix = commonFolder(old), newPrefix = commonFolder(new)
        var newRelative: [String: Int] = [:]
        for (j, id) in new.enumerated() where !usedNew.contains(j) {
            let key = String(id.dropFirst(newPrefix.count))
            if newRelative[key] == nil { newRelative[key] = j }
        }
        for (i, id) in old.enumerated() where matched[i] == nil {
            if let j = newRelative[String(id.dropFirst(oldPrefix.count))], !usedNew.contains(j) {
                matched[i] = j
                usedNew.insert(j)
            }
        }
        if old.count == 1 && new.count == 1 && matched.isEmpty { matched[0] = 0; usedNew.insert(0) }
        var pairs = old.indices.map { Pair(old: $0, new: matched[$0]) }
        pairs += new.indices.filter { !usedNew.contains($0) }.map { Pair(old: nil, new: $0) }
        return pairs
    }

    /// The longest folder prefix ("a/b/") shared by every id; "" for none.
    static func commonFolder(_ ids: [String]) -> String {
        guard var prefix = ids.first.map({ folder(of: $0) }) else { return "" }
        for id in ids.dropFirst() {
            while !prefix.isEmpty && !id.hasPrefix(prefix) {
                prefix = folder(of: String(prefix.dropLast()))
            }
        }
        return prefix
    }

    /// "a/b/c.txt" → "a/b/"; "c.txt" → "".
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }
}

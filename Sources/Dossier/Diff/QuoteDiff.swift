/// Quotes and claims are matched by speaker and text, in three passes over the records of one kind:
/// 1. the same speaker and the same words (punctuation and case aside) are the same quote; it is
///    "changed" only if its type changed (direct → partial);
/// 2. the same words with another speaker: "changed" (the attribution);
/// 3. similar words (Dice similarity of their words at least `similarity`, or at least
///    `otherSpeakerSimilarity` with another speaker): a reworded quote, "changed", both wordings shown.
/// Everything else is "added" or "removed". Duplicates count: a quote said twice and now once is
/// one "removed".
struct QuoteDiff {
    var kind: String
    var similarity = 0.5
    var otherSpeakerSimilarity = 0.8

    static let comparedFields = ["type", "speaker", "text"]

    struct Item {
        var record: Record
        var speaker: String
        var key: String
        var words: [String]

        init(_ r: Record) {
            record = r
            speaker = DiffText.key(r.string("speaker"))
            words = DiffText.words(r.text ?? "")
            key = words.joined(separator: " ")
        }
    }

    func diff(_ old: DiffDocument, _ new: DiffDocument) -> [DiffChange] {
        let a = old.records.filter { $0.kind == kind }.map(Item.init)
        let b = new.records.filter { $0.kind == kind }.map(Item.init)
        var oldLeft = Set(a.indices), newLeft = Set(b.indices)
        var pairs: [(Int, Int)] = []

        // Exact passes: each old item takes the first new item left with the same key, found through
        // queues by key (a scan of the new side for each old item was quadratic).
        struct SpeakerAndWords: Hashable { var speaker: String; var key: String }
        func pass<K: Hashable>(_ key: (Item) -> K) {
            var queues: [K: (items: [Int], next: Int)] = [:]
            for j in b.indices where newLeft.contains(j) { queues[key(b[j]), default: ([], 0)].items.append(j) }
            for i in a.indices where oldLeft.contains(i) {
                let k = key(a[i])
                guard var q = queues[k] else { continue }
                while q.next < q.items.count, !newLeft.contains(q.items[q.next]) { q.next += 1 }
                if q.next < q.items.count {
                    let j = q.items[q.next]
                    q.next += 1
                    pairs.append((i, j))
                    oldLeft.remove(i)
                    newLeft.remove(j)
                }
                queues[k] = q
            }
        }
        pass { SpeakerAndWords(speaker: $0.speaker, key: $0.key) }
        pass { $0.key }
        // Similar wording: best pairs first.
        var candidates: [(score: Double, i: Int, j: Int)] = []
        let affordable = oldLeft.count * newLeft.count <= 1_000_000
        for i in a.indices where affordable && oldLeft.contains(i) {
            for j in b.indices where newLeft.contains(j) {
                let s = DiffText.similarity(a[i].words, b[j].words)
                if s >= (a[i].speaker == b[j].speaker ? similarity : otherSpeakerSimilarity) { candidates.append((s, i, j)) }
            }
        }
        candidates.sort { ($0.score, -$0.i, -$0.j) > ($1.score, -$1.i, -$1.j) }
        for c in candidates where oldLeft.contains(c.i) && newLeft.contains(c.j) {
            pairs.append((c.i, c.j))
            oldLeft.remove(c.i)
            newLeft.remove(c.j)
        }

        var changes: [DiffChange] = []
        for (i, j) in pairs.sorted(by: { $0.1 < $1.1 }) {
            let o = a[i].record, n = b[j].record
            var fields = DiffFields.differing(o, n, Self.comparedFields)
            if a[i].key == b[j].key { fields.removeAll { $0 == "text" } }
            if a[i].speaker == b[j].speaker { fields.removeAll { $0 == "speaker" } }
            if fields.isEmpty { continue }
            changes.append(DiffChange(doc: new.id, change: .changed, kind: kind, type: n.type, old: old.item(o), new: new.item(n),
                                      fields: fields))
        }
        for i in oldLeft.sorted() {
            changes.append(DiffChange(doc: new.id, change: .removed, kind: kind, type: a[i].record.type, old: old.item(a[i].record), new: nil))
        }
        for j in newLeft.sorted() {
            changes.append(DiffChange(doc: new.id, change: .added, kind: kind, type: b[j].record.type, old: nil, new: new.item(b[j].record)))
        }
        return changes
    }
}

/// The document record compared field by field: title, author, source, dates, publisher, tags and
/// categories (not its length or counts, which any edit changes). One "changed" row lists the fields.
struct MetadataDiff {
    static let comparedFields = ["title", "author", "source", "published", "publisher", "tags", "categories"]

    func diff(_ old: DiffDocument, _ new: DiffDocument) -> [DiffChange] {
        guard let o = old.records.first(where: { $0.kind == "document" }),
              let n = new.records.first(where: { $0.kind == "document" }) else { return [] }
        let fields = DiffFields.differing(o, n, Self.comparedFields)
        guard !fields.isEmpty else { return [] }
        return [DiffChange(doc: new.id, change: .changed, kind: "document", type: nil,
                           old: DiffItem(record: o), new: DiffItem(record: n), fields: fields)]
    }
}

/// Kinds the differ does not know (added by later versions) compare as multisets of
/// (type, text): only "added" and "removed".
struct GenericDiff {
    var kind: String

    func diff(_ old: DiffDocument, _ new: DiffDocument) -> [DiffChange] {
        func key(_ r: Record) -> String { (r.type ?? "") + "\t" + DiffText.key(r.text ?? DiffText.display(.object(r.object))) }
        var newByKey: [String: (items: [Int], next: Int)] = [:]
        let a = old.records.filter { $0.kind == kind }, b = new.records.filter { $0.kind == kind }
        for (j, r) in b.enumerated() { newByKey[key(r), default: ([], 0)].items.append(j) }
        var used = Set<Int>()
        var changes: [DiffChange] = []
        for r in a {
            let k = key(r)
            if let q = newByKey[k], q.next < q.items.count {
                used.insert(q.items[q.next])
                newByKey[k]?.next += 1
            } else {
                changes.append(DiffChange(doc: new.id, change: .removed, kind: kind, type: r.type, old: old.item(r), new: nil))
            }
        }
        for (j, r) in b.enumerated() where !used.contains(j) {
            changes.append(DiffChange(doc: new.id, change: .added, kind: kind, type: r.type, old: nil, new: new.item(r)))
        }
        return changes
    }
}

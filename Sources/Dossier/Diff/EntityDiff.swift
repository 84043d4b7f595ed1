/// Entities compare as a set of (type, canonical name), each with its number of mentions:
/// - a key on one side only is "added" or "removed" (a name swap is one of each);
/// - a key on both sides is "changed" when its gazetteer id differs, or when its mention count
///   differs and counts are asked for (`DiffOptions.countMentions`); otherwise a count change alone is
///   no difference, since adding or cutting a sentence that names someone already named changes who
///   is in the article not at all;
/// - a canonical name that changed type only ("Karada" place → organisation) is one "changed" entity.
struct EntityDiff {
    var countMentions = false

    /// One entity of one side: its first mention and how many mentions it has.
    struct Group {
        var first: Record
        var count: Int
    }

    static func key(_ r: Record) -> String {
        (r.type ?? "") + "\t" + (r.string("canonical") ?? r.text ?? "")
    }

    static func groups(_ records: [Record]) -> (order: [String], groups: [String: Group]) {
        var order: [String] = []
        var groups: [String: Group] = [:]
        for r in records where r.kind == "entity" {
            let k = key(r)
            if groups[k] == nil { order.append(k); groups[k] = Group(first: r, count: 0) }
            groups[k]!.count += 1
        }
        return (order, groups)
    }

    func diff(_ old: DiffDocument, _ new: DiffDocument) -> [DiffChange] {
        let (oldOrder, oldGroups) = Self.groups(old.records)
        let (newOrder, newGroups) = Self.groups(new.records)
        var changes: [DiffChange] = []
        var removed: [String] = []
        var added: [String] = []
        for k in oldOrder where newGroups[k] == nil { removed.append(k) }
        for k in newOrder {
            guard let n = newGroups[k] else { continue }
            guard let o = oldGroups[k] else { added.append(k); continue }
            var fields = DiffFields.differing(o.first, n.first, ["id"])
            if countMentions && o.count != n.count { fields.append("count") }
            if !fields.isEmpty { changes.append(change(.changed, old, o, new, n, fields)) }
        }
        // A canonical name that only changed type pairs up: each removed group takes the first added
        // group left with its canonical name (queues by name, in the order of `added`).
        var byName: [String: (items: [Int], next: Int)] = [:]
        for (p, k) in added.enumerated() { byName[canonical(newGroups[k]!.first), default: ([], 0)].items.append(p) }
        var paired = Set<Int>()
        for k in removed {
            let o = oldGroups[k]!
            let name = canonical(o.first)
            if let q = byName[name], q.next < q.items.count {
                let p = q.items[q.next]
                byName[name]?.next += 1
                paired.insert(p)
                let n = newGroups[added[p]]!
                var fields = DiffFields.differing(o.first, n.first, ["type", "canonical", "id"])
                if countMentions && o.count != n.count { fields.append("count") }
                changes.append(change(.changed, old, o, new, n, fields))
            } else {
                changes.append(change(.removed, old, o, new, nil, []))
            }
        }
        for (p, k) in added.enumerated() where !paired.contains(p) { changes.append(change(.added, old, nil, new, newGroups[k]!, [])) }
        return changes
    }

    func canonical(_ r: Record) -> String {
        (r.string("canonical") ?? r.text ?? "").lowercased()
    }

    func change(_ kind: DiffChange.Change, _ oldDoc: DiffDocument, _ o: Group?, _ newDoc: DiffDocument, _ n: Group?,
                _ fields: [String]) -> DiffChange {
        DiffChange(doc: newDoc.id, change: kind, kind: "entity", type: (n ?? o)?.first.type,
                   old: o.map { oldDoc.item($0.first, count: $0.count) }, new: n.map { newDoc.item($0.first, count: $0.count) },
                   fields: fields)
    }
}

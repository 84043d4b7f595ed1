/// Figures are matched by (type, unit, place) and, within such a group, by their context: their
/// order among the group's figures, anchored on the ones that did not change. Within a group the
/// two sides are aligned like lines in diff(1) on (value, qualifier, low, high); a figure edited in
/// place ("over 300" → "over 320" killed in Karada) sits between the same anchors as the figure it
/// replaced and becomes one "changed" figure with both values. Figures left over on both sides
/// with the same type and value (the place or unit changed) pair up as "changed" too.
struct FigureDiff {
    /// What a figure says, as compared for "unchanged".
    struct Signature: Hashable {
        var value: Double?
        var qualifier: String
        var low: Double?
        var high: Double?

        init(_ r: Record) {
            value = FigureDiff.number(r["value"])
            qualifier = DiffText.key(r.string("qualifier"))
            low = FigureDiff.number(r["low"])
            high = FigureDiff.number(r["high"])
        }
    }

    static let comparedFields = ["value", "qualifier", "low", "high", "text", "unit", "place", "verb"]

    static func number(_ v: JSONValue?) -> Double? {
        switch v {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        default: return nil
        }
    }

    static func groupKey(_ r: Record) -> String {
        [r.type ?? "", DiffText.key(r.string("unit")), DiffText.key(r.string("place"))].joined(separator: "\t")
    }

    func diff(_ old: DiffDocument, _ new: DiffDocument) -> [DiffChange] {
        let oldFigures = old.records.filter { $0.kind == "figure" }
        let newFigures = new.records.filter { $0.kind == "figure" }
        var groupOrder: [String] = []
        var oldGroups: [String: [Int]] = [:], newGroups: [String: [Int]] = [:]
        for (i, r) in oldFigures.enumerated() {
            let k = Self.groupKey(r)
            if oldGroups[k] == nil { groupOrder.append(k) }
            oldGroups[k, default: []].append(i)
        }
        for (i, r) in newFigures.enumerated() {
            let k = Self.groupKey(r)
            if oldGroups[k] == nil && newGroups[k] == nil { groupOrder.append(k) }
            newGroups[k, default: []].append(i)
        }
        var changes: [DiffChange] = []
        var removed: [Int] = [], added: [Int] = []
        for k in groupOrder {
            let a = oldGroups[k] ?? [], b = newGroups[k] ?? []
            let hunks = SequenceAlignment.align(a.map { Signature(oldFigures[$0]) }, b.map { Signature(newFigures[$0]) }).hunks
            for hunk in hunks {
                let olds = hunk.old.map { a[$0] }, news = hunk.new.map { b[$0] }
                // Pair in place, in order, figures of the same zone (the k-th old with the k-th new:
                // pairing never shifts the two sides against each other).
                let paired = min(olds.count, news.count)
                for k in 0..<paired {
                    let o = oldFigures[olds[k]], n = newFigures[news[k]]
                    if o.string("zone") == n.string("zone") {
                        changes.append(changed(old, o, new, n))
                    } else {
                        removed.append(olds[k])
                        added.append(news[k])
                    }
                }
                removed += olds[paired...]
                added += news[paired...]
            }
        }
        // Left over: same type and value, place or unit changed.
        // Each removed figure takes the first added one of its type and value: queues by (type, value),
        // in text order, so that a million unpaired figures are paired in linear time.
        struct Pairing: Hashable { var type: String?; var value: Double? }
        let unpairedInOrder = added.sorted()
        var queues: [Pairing: (items: [Int], next: Int)] = [:]
        for j in unpairedInOrder {
            queues[Pairing(type: newFigures[j].type, value: Signature(newFigures[j]).value), default: ([], 0)].items.append(j)
        }
        var taken = Set<Int>()
        for i in removed.sorted() {
            let o = oldFigures[i]
            let key = Pairing(type: o.type, value: Signature(o).value)
            if let q = queues[key], q.next < q.items.count {
                let j = q.items[q.next]
                queues[key]?.next += 1
                taken.insert(j)
                changes.append(changed(old, o, new, newFigures[j]))
            } else {
                changes.append(DiffChange(doc: new.id, change: .removed, kind: "figure", type: o.type, old: old.item(o), new: nil))
            }
        }
        for j in unpairedInOrder where !taken.contains(j) {
            let n = newFigures[j]
            changes.append(DiffChange(doc: new.id, change: .added, kind: "figure", type: n.type, old: nil, new: new.item(n)))
        }
        return changes
    }

    func changed(_ oldDoc: DiffDocument, _ o: Record, _ newDoc: DiffDocument, _ n: Record) -> DiffChange {
        DiffChange(doc: newDoc.id, change: .changed, kind: "figure", type: n.type, old: oldDoc.item(o), new: newDoc.item(n),
                   fields: DiffFields.differing(o, n, Self.comparedFields))
    }
}

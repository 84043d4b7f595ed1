/// A whole diff: pairs the documents of two sides (`DocumentPairing`), loads each pair in turn
/// and compares it (`DocumentDiffer`), handing each document's changes to a callback as it goes so
/// that a corpus never has to be held in memory twice over.
public struct DiffRun {
    public var differ: DocumentDiffer

    public init(options: DiffOptions = DiffOptions()) {
        differ = DocumentDiffer(options: options)
    }

    /// What went wrong with one document; the run goes on.
    public struct Trouble: Sendable {
        public var doc: String
        public var message: String
    }

    /// Compares `old` with `new`. `report` receives, per compared document, the old and new ids and
    /// the changes (possibly none); `trouble` receives documents that could not be compared, and
    /// error records found in extraction files. Returns the counts.
    public func run(_ old: DiffSide, _ new: DiffSide, loader: DiffLoader,
                    report: (_ old: String?, _ new: String?, _ changes: [DiffChange]) -> Void,
                    trouble: (Trouble) -> Void) -> DiffSummary {
        var summary = DiffSummary()
        for pair in DocumentPairing.pair(old: old.entries.map(\.id), new: new.entries.map(\.id)) {
            let o = pair.old.map { old.entries[$0] }, n = pair.new.map { new.entries[$0] }
            var loaded: [DiffDocument?] = []
            var failed = false
            for entry in [o, n] {
                guard let entry else { loaded.append(nil); continue }
                do {
                    let doc = try loader.load(entry)
                    for r in doc.records where r.kind == "error" {
                        failed = true
                        trouble(Trouble(doc: entry.id, message: r.string("error") ?? "error record"))
                    }
                    loaded.append(doc)
                } catch {
                    failed = true
                    trouble(Trouble(doc: entry.id, message: "\(error)"))
                    loaded.append(nil)
                }
            }
            if failed { summary.troubles += 1; continue }
            let changes: [DiffChange]
            switch (loaded[0], loaded[1]) {
            case let (a?, b?): changes = differ.diff(a, b)
            case let (a?, nil): changes = [Self.whole(a, .removed)]
            case let (nil, b?): changes = [Self.whole(b, .added)]
            default: continue
            }
            summary.count(changes)
            report(o?.id, n?.id, changes)
        }
        return summary
    }

    /// A document present on one side only.
    static func whole(_ d: DiffDocument, _ change: DiffChange.Change) -> DiffChange {
        var r = Record(doc: d.id, kind: "document")
        r["records"] = .int(d.records.filter { !DocumentDiffer.ignoredKinds.contains($0.kind) && $0.kind != "document" }.count)
        let item = DiffItem(record: r)
        return DiffChange(doc: d.id, change: change, kind: "document", type: nil,
                          old: change == .removed ? item : nil, new: change == .added ? item : nil)
    }
}

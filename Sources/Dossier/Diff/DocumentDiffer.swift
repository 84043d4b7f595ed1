/// Settings of a diff.
public struct DiffOptions: Sendable {
    /// Report an entity whose mention count changed as "changed" (off: a count change alone is no difference).
    public var countMentions = false
    /// Only these kinds; nil for all that are compared.
    public var kinds: Set<String>? = nil
    /// Minimum word similarity for a reworded quote or claim with the same speaker.
    public var quoteSimilarity = 0.5

    public init() {}
}

/// Compares the extractions of two versions of one document by content, never by offsets: each kind
/// has its own matcher (`EntityDiff`, `FigureDiff`, `QuoteDiff`, `MetadataDiff`), other kinds
/// compare as multisets. Zones, comments and errors are not compared.
public struct DocumentDiffer: Sendable {
    public var options: DiffOptions

    /// Kinds in report order; kinds not listed follow in the order first seen.
    public static let kindOrder = ["document", "entity", "figure", "quote", "claim"]
    /// Kinds that describe the text's layout or the run, not what the article says.
    public static let ignoredKinds: Set<String> = ["zone", "comment", "error", "summary"]

    public init(options: DiffOptions = DiffOptions()) {
        self.options = options
    }

    /// The changes from `old` to `new`, grouped by kind in `kindOrder`, in document order within a kind.
    public func diff(_ old: DiffDocument, _ new: DiffDocument) -> [DiffChange] {
        var kinds = Self.kindOrder
        for r in old.records + new.records where !kinds.contains(r.kind) && !Self.ignoredKinds.contains(r.kind) {
            kinds.append(r.kind)
        }
        if let wanted = options.kinds { kinds = kinds.filter { wanted.contains($0) } }
        var changes: [DiffChange] = []
        for kind in kinds {
            let found: [DiffChange]
            switch kind {
            case "document": found = MetadataDiff().diff(old, new)
            case "entity": found = EntityDiff(countMentions: options.countMentions).diff(old, new)
            case "figure": found = FigureDiff().diff(old, new)
            case "quote", "claim": found = QuoteDiff(kind: kind, similarity: options.quoteSimilarity).diff(old, new)
            default: found = GenericDiff(kind: kind).diff(old, new)
            }
            changes += Self.inDocumentOrder(found)
        }
        if old.id != new.id {
            for i in changes.indices { changes[i].oldDoc = old.id }
        }
        return changes
    }

    /// Sorts the changes of one kind by where they are: the new side's position, or the old
    /// side's for a removal (positions order the report only; they never decide a match).
    static func inDocumentOrder(_ changes: [DiffChange]) -> [DiffChange] {
        changes.enumerated().sorted { x, y in
            let a = (x.element.new ?? x.element.old)?.record.start ?? Int.max
            let b = (y.element.new ?? y.element.old)?.record.start ?? Int.max
            return (a, x.offset) < (b, y.offset)
        }.map(\.element)
    }
}

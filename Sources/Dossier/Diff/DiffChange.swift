/// One difference between two versions of a document: an extraction that was added, removed, or
/// matched by content on both sides but changed.
public struct DiffChange: Sendable, Equatable {
    /// What happened to the extraction.
    public enum Change: String, Sendable, CaseIterable {
        case added, removed, changed
    }

    /// The document id (the new side's id; the old side's for a removed document).
    public var doc: String
    /// The old side's document id, when it differs from `doc`.
    public var oldDoc: String?
    public var change: Change
    /// The record kind: `entity`, `figure`, `quote`, `claim`, `document`, …
    public var kind: String
    /// The record type (the new side's for a change).
    public var type: String?
    /// The old extraction (nil when added).
    public var old: DiffItem?
    /// The new extraction (nil when removed).
    public var new: DiffItem?
    /// For a change, the fields whose values differ ("value", "text", "speaker", …).
    public var fields: [String]

    public init(doc: String, change: Change, kind: String, type: String?, old: DiffItem?, new: DiffItem?, fields: [String] = []) {
        self.doc = doc
        self.change = change
        self.kind = kind
        self.type = type
        self.old = old
        self.new = new
        self.fields = fields
    }
}

/// One side of a change: the record as extracted, how many records it stands for (an entity's
/// mentions) and the sentence it came from, when the document text is known.
public struct DiffItem: Sendable, Equatable {
    public var record: Record
    /// Mentions of an entity; nil for other kinds.
    public var count: Int?
    /// The sentence around the record's span, when the text is known.
    public var sentence: String?

    public init(record: Record, count: Int? = nil, sentence: String? = nil) {
        self.record = record
        self.count = count
        self.sentence = sentence
    }
}

/// Counts of a diff, for the summary line.
public struct DiffSummary: Sendable, Equatable {
    public var documents = 0
    public var differing = 0
    public var added = 0
    public var removed = 0
    public var changed = 0
    /// Documents or inputs that could not be read or held error records.
    public var troubles = 0

    public init() {}

    public var total: Int { added + removed + changed }

    mutating func count(_ changes: [DiffChange]) {
        documents += 1
        if !changes.isEmpty { differing += 1 }
        for c in changes {
            switch c.change {
            case .added: added += 1
            case .removed: removed += 1
            case .changed: changed += 1
            }
        }
    }
}

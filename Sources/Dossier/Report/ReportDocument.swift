/// One document of a report: its records and, when known, the text their offsets index.
public struct ReportDocument: Sendable {
    /// The document id (`doc` of its records).
    public var id: String
    /// The text the records' code point offsets index; nil when it is not known (records only).
    public var text: String?
    public var records: [Record]
    /// Why the text is missing, or anything else a reader should know about this document.
    public var note: String?

    public init(id: String, text: String?, records: [Record], note: String? = nil) {
        self.id = id
        self.text = text
        self.records = records
        self.note = note
    }

    /// The title from the `document` record, if any.
    public var title: String? {
        for r in records where r.kind == "document" {
            if let t = r.string("title")?.reportTrimmed, !t.isEmpty { return t }
        }
        return nil
    }

    /// The error message of an `error` record, if any.
    public var error: String? {
        records.first { $0.kind == "error" }.map { $0.string("error") ?? "error" }
    }

    /// Checks that the records' spans fit the text: every `text` equals the text at its offsets.
    /// Returns the number of records that do not.
    public func mismatches(in scalars: [Unicode.Scalar]) -> Int {
        var bad = 0
        for r in records {
            guard let s = r.start, let e = r.end else { continue }
            guard s >= 0, e >= s, e <= scalars.count else { bad += 1; continue }
            if let t = r.text {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars[s..<e])
                if String(v) != t { bad += 1 }
            }
        }
        return bad
    }
}

/// The rows of a `dossier diff --json` run: changes `{"doc", "change", "kind", "type", "fields",
/// "old", "new"}` and the summary row.
public struct ReportDiff: Sendable {
    public var rows: [JSONObject]
    public var summary: JSONObject?
    /// Where the rows came from (file names or "OLD → NEW").
    public var source: String

    public init(rows: [JSONObject], summary: JSONObject? = nil, source: String = "") {
        self.rows = rows
        self.summary = summary
        self.source = source
    }
}

extension String {
    var reportTrimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension JSONObject {
    func reportString(_ key: String) -> String? { if case .string(let s)? = self[key] { return s } else { return nil } }
    func reportObject(_ key: String) -> JSONObject? { if case .object(let o)? = self[key] { return o } else { return nil } }
    func reportInt(_ key: String) -> Int? {
        switch self[key] {
        case .int(let i)?: return i
        case .double(let d)? where d.isFinite && d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: return nil
        }
    }
}

extension JSONValue {
    /// A number as a Double, if it is one.
    var reportNumber: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}

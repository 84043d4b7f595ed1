/// The report a person reads: per document a header, then the changes grouped by kind, each with
/// its sentence for context; a summary line at the end. Signs as in diff(1): "-" removed, "+" added,
/// "~" changed.
public enum DiffReport {
    /// The lines for the changes of one document pair (nothing when there are none).
    public static func document(old: String?, new: String?, changes: [DiffChange]) -> String {
        guard !changes.isEmpty else { return "" }
        var out = old != nil && new != nil && old != new ? "--- \(old!)\n+++ \(new!)\n" : "=== \((new ?? old)!)\n"
        var kind = ""
        for c in changes {
            if c.kind != kind {
                kind = c.kind
                out += "  \(kind)\n"
            }
            out += line(c)
        }
        return out
    }

    static func sign(_ c: DiffChange.Change) -> String {
        switch c {
        case .added: return "+"
        case .removed: return "-"
        case .changed: return "~"
        }
    }

    /// One change: a headline and its context lines.
    static func line(_ c: DiffChange) -> String {
        let indent = "      "
        guard c.change == .changed, let o = c.old, let n = c.new else {
            let item = (c.new ?? c.old)!
            var out = "    \(sign(c.change)) \(describe(c, item))\n"
            if let s = item.sentence, DiffText.key(s) != DiffText.key(item.record.text) { out += "\(indent)in: \(clip(s))\n" }
            return out
        }
        var parts: [String] = []
        var headline = "    ~ \(label(c, n))"
        if c.fields.contains("text") && c.kind != "quote" && c.kind != "claim" {
            headline += ": “\(clip(DiffText.oneLine(o.record.text ?? ""), 120))” → “\(clip(DiffText.oneLine(n.record.text ?? ""), 120))”"
        }
        for field in c.fields where field != "text" {
            let before = field == "count" ? o.count.map(String.init) ?? "–" : DiffText.display(o.record[field])
            let after = field == "count" ? n.count.map(String.init) ?? "–" : DiffText.display(n.record[field])
            parts.append("\(field) \(clip(before, 120)) → \(clip(after, 120))")
        }
        var out = headline
        if !parts.isEmpty { out += (headline.hasSuffix("”") ? " (" : ": ") + parts.joined(separator: "; ") + (headline.hasSuffix("”") ? ")" : "") }
        out += "\n"
        if c.fields.contains("text") && (c.kind == "quote" || c.kind == "claim") {
            out += "\(indent)was: “\(clip(DiffText.oneLine(o.record.text ?? "")))”\n"
            out += "\(indent)now: “\(clip(DiffText.oneLine(n.record.text ?? "")))”\n"
        } else if let os = o.sentence, let ns = n.sentence, os != ns {
            out += "\(indent)was: \(clip(os))\n\(indent)now: \(clip(ns))\n"
        } else if let s = n.sentence ?? o.sentence, c.kind != "document" {
            out += "\(indent)in: \(clip(s))\n"
        }
        return out
    }

    /// What an added or removed item is.
    static func describe(_ c: DiffChange, _ item: DiffItem) -> String {
        let r = item.record
        switch c.kind {
        case "entity":
            let n = item.count ?? 1
            return "\(r.type ?? "entity") \(r.string("canonical") ?? r.text ?? "") (\(n) mention\(n == 1 ? "" : "s"))"
        case "quote", "claim":
            return "\(label(c, item)): “\(clip(DiffText.oneLine(r.text ?? "")))”"
        case "document":
            let n = r["records"].flatMap { if case .int(let n) = $0 { n } else { nil } } ?? 0
            return "document \(r.doc) (\(n) extraction\(n == 1 ? "" : "s"))"
        default:
            return "\(label(c, item)) “\(clip(DiffText.oneLine(r.text ?? "")))”"
        }
    }

    /// Names the thing changed: type and name, speaker or figure.
    static func label(_ c: DiffChange, _ item: DiffItem) -> String {
        let r = item.record
        switch c.kind {
        case "entity": return "\(r.type ?? "entity") \(r.string("canonical") ?? r.text ?? "")"
        case "quote", "claim":
            let speaker = r.string("speaker") ?? "(no speaker)"
            return c.kind == "quote" ? "\(r.type ?? "quote"), \(speaker)" : "claim, \(speaker)"
        case "figure":
            let details = [r.string("unit"), r.string("place")].compactMap { $0 }
            return (r.type ?? "figure") + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
        case "document": return "document"
        default: return r.type ?? c.kind
        }
    }

    /// The closing line.
    public static func summary(_ s: DiffSummary) -> String {
        var out = "\(s.total) change\(s.total == 1 ? "" : "s") in \(s.differing) of \(s.documents) document\(s.documents == 1 ? "" : "s"): "
        out += "\(s.added) added, \(s.removed) removed, \(s.changed) changed"
        if s.troubles > 0 { out += "; \(s.troubles) could not be compared" }
        return out + "\n"
    }

    static func clip(_ s: String, _ n: Int = 300) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}

/// The JSON Lines form: one row a change, `{"doc", "change", "kind", "type", "fields", "old", "new"}`,
/// where `old` and `new` are the records without `doc` and `kind`, with `count` for entities and
/// `sentence` when the text is known; then a summary row `{"kind": "summary", …}`.
public enum DiffRows {
    public static func row(_ c: DiffChange) -> JSONObject {
        var o = JSONObject()
        o["doc"] = .string(c.doc)
        if let d = c.oldDoc { o["old_doc"] = .string(d) }
        o["change"] = .string(c.change.rawValue)
        o["kind"] = .string(c.kind)
        o["type"] = .optional(c.type)
        if c.change == .changed { o["fields"] = .array(c.fields.map { .string($0) }) }
        if let old = c.old { o["old"] = .object(item(old)) }
        if let new = c.new { o["new"] = .object(item(new)) }
        return o
    }

    static func item(_ i: DiffItem) -> JSONObject {
        var o = JSONObject()
        for (k, v) in zip(i.record.object.keys, i.record.object.values) where k != "doc" && k != "kind" { o[k] = v }
        if let n = i.count { o["count"] = .int(n) }
        if let s = i.sentence { o["sentence"] = .string(s) }
        return o
    }

    public static func summary(_ s: DiffSummary) -> JSONObject {
        JSONObject([("kind", .string("summary")), ("documents", .int(s.documents)), ("differing", .int(s.differing)),
                    ("added", .int(s.added)), ("removed", .int(s.removed)), ("changed", .int(s.changed)),
                    ("troubles", .int(s.troubles))])
    }
}

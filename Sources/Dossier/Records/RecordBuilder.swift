/// Turns an analysis into records: one `document` record, the `zone` and `comment` records,
/// then the extractions in text order. Offsets become Unicode code points here.
public struct RecordBuilder {
    let analysis: Analysis
    var document: Document { analysis.document }

    public init(analysis: Analysis) {
        self.analysis = analysis
    }

    public func build(kinds: Set<String>? = nil) -> [Record] {
        var out: [Record] = []
        var sharer = RecordKeySharer()
        let want = { (kind: String) in kinds == nil || kinds!.contains(kind) }
        if want("document") { out.append(documentRecord()) }
        if want("zone") {
            for z in analysis.zones.zones {
                var r = Record(doc: document.id, kind: "zone")
                r["type"] = .string(z.type.rawValue)
                r["start"] = .int(document.offsets.codePoint(z.start))
                r["end"] = .int(document.offsets.codePoint(z.end))
                sharer.share(&r)
                out.append(r)
            }
        }
        if want("comment") {
            for c in analysis.zones.comments {
                var r = span(kind: "comment", type: nil, start: c.start, end: c.end, withText: false)
                r["number"] = c.number.map { .int($0) } ?? .null
                r["author"] = .optional(c.author)
                sharer.share(&r)
                out.append(r)
            }
        }
        var spans: [Record] = []
        if want("entity") {
            for m in analysis.entities {
                var r = span(kind: "entity", type: m.type.rawValue, start: m.start, end: m.end)
                r["canonical"] = .optional(m.canonical)
                r["id"] = .optional(m.id)
                if let title = m.title { r["title"] = .string(title) }
                r["source"] = .string(m.source.rawValue)
                sharer.share(&r)
                spans.append(r)
            }
        }
        spans += analysis.figures.filter { want($0.kind) }
        spans += analysis.quotes.filter { want($0.kind) }
        // Sorted by (start, end): the keys are read once, then the same sort runs on them, so the
        // order (ties included) is the one sorting the records themselves gives.
        let keys = spans.map { (start: $0.start ?? 0, end: $0.end ?? 0) }
        var order = Array(spans.indices)
        order.sort { (keys[$0].start, keys[$0].end) < (keys[$1].start, keys[$1].end) }
        out.reserveCapacity(out.count + spans.count)
        for i in order { out.append(spans[i]) }
        return out
    }

    /// A record for a span: `type`, `text`, code point `start`/`end` and `zone`.
    public func span(kind: String, type: String?, start: Int, end: Int, withText: Bool = true) -> Record {
        var r = Record(doc: document.id, kind: kind)
        if let type { r["type"] = .string(type) }
        if withText { r["text"] = .string(document.slice(start, end)) }
        r["start"] = .int(document.offsets.codePoint(start))
        r["end"] = .int(document.offsets.codePoint(end))
        r["zone"] = .string(analysis.zones.zone(at: start).rawValue)
        return r
    }

    func documentRecord() -> Record {
        let meta = document.metadata
        var r = Record(doc: document.id, kind: "document")
        r["format"] = .string(document.format.rawValue)
        r["title"] = .optional(meta.title)
        r["author"] = .optional(meta.author)
        r["source"] = .optional(meta.source)
        r["published"] = .optional(meta.published)
        r["publisher"] = .optional(meta.publisher)
        r["tags"] = .array(meta.tags.map { .string($0) })
        r["categories"] = .array(meta.categories.map { .string($0) })
        r["length"] = .int(document.offsets.codePoint(document.utf16.count))
        r["sentences"] = .int(analysis.sentences.count)
        r["tokens"] = .int(analysis.tokens.count)
        return r
    }
}

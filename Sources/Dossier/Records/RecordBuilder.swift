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
        out.reserveCapacity(1 + analysis.zones.zones.count + analysis.zones.comments.count + analysis.entities.count
                            + analysis.figures.count + analysis.quotes.count)
        let want = { (kind: String) in kinds == nil || kinds!.contains(kind) }
        if want("document") { out.append(documentRecord()) }
        if want("zone") { appendZoneRecords(to: &out) }
        if want("comment") { appendCommentRecords(to: &out) }
        // Span records follow, with their code point (start, end), read once; they are then put
        // in the order a stable sort of them by (start, end) gives, in place.
        let first = out.count
        var bounds: [(start: Int, end: Int)] = []
        if want("entity") { appendEntityRecords(to: &out, bounds: &bounds) }
        // A record's kind is looked up only when some kinds are not wanted.
        for r in analysis.figures where kinds == nil || want(r.kind) { out.append(r); bounds.append(r.bounds) }
        for r in analysis.quotes where kinds == nil || want(r.kind) { out.append(r); bounds.append(r.bounds) }
        let order = RecordBuilder.sortedOrder(of: bounds)
        out.withUnsafeMutableBufferPointer { all in
            UnsafeMutableBufferPointer(rebasing: all[first...]).permute(to: order)
        }
        return out
    }

    /// The indices of `bounds`, by (start, end), ties by index: the order a stable sort gives.
    static func sortedOrder(of bounds: [(start: Int, end: Int)]) -> [Int] {
        // Usually each of start, end and index fits in 21 bits: then one integer a span sorts so.
        let limit = 1 << 21
        if bounds.count < limit, bounds.allSatisfy({ 0 <= $0.start && $0.start < limit && 0 <= $0.end && $0.end < limit }) {
            var packed = bounds.indices.map { UInt64(bounds[$0].start) << 42 | UInt64(bounds[$0].end) << 21 | UInt64($0) }
            packed.sort()
            return packed.map { Int($0 & UInt64(limit - 1)) }
        }
        var keyed = bounds.indices.map { (bounds[$0].start, bounds[$0].end, $0) }
        keyed.sort { $0 < $1 }
        return keyed.map { $0.2 }
    }

    func appendZoneRecords(to out: inout [Record]) {
        let document = document, keys = RecordKeys.zone
        for z in analysis.zones.zones {
            let values: [JSONValue] = [.string(document.id), "zone", .string(z.type.rawValue),
                                       .int(document.offsets.codePoint(z.start)), .int(document.offsets.codePoint(z.end))]
            out.append(Record(object: JSONObject(distinctKeys: keys, values: values)))
        }
    }

    func appendCommentRecords(to out: inout [Record]) {
        let keys = RecordKeys.comment
        for c in analysis.zones.comments {
            var values = spanValues(kind: "comment", type: nil, start: c.start, end: c.end, withText: false, capacity: keys.count)
            values.append(c.number.map { .int($0) } ?? .null)
            values.append(.optional(c.author))
            out.append(Record(object: JSONObject(distinctKeys: keys, values: values)))
        }
    }

    func appendEntityRecords(to out: inout [Record], bounds: inout [(start: Int, end: Int)]) {
        let document = document, plain = RecordKeys.entity, titled = RecordKeys.entityWithTitle
        out.reserveCapacity(out.count + analysis.entities.count)
        bounds.reserveCapacity(bounds.count + analysis.entities.count)
        for m in analysis.entities {
            // The fields of `span` (see `spanValues`), then those of an entity: array literals,
            // which allocate their exact size once.
            let start = document.offsets.codePoint(m.start), end = document.offsets.codePoint(m.end)
            let doc = JSONValue.string(document.id), type = JSONValue.string(m.type.rawValue)
            let text = JSONValue.string(document.slice(m.start, m.end))
            let zone = JSONValue.string(analysis.zones.zone(at: m.start).rawValue)
            let object = if let title = m.title {
                JSONObject(distinctKeys: titled, values: [doc, "entity", type, text, .int(start), .int(end), zone,
                                                          .optional(m.canonical), .optional(m.id), .string(title), .string(m.source.rawValue)])
            } else {
                JSONObject(distinctKeys: plain, values: [doc, "entity", type, text, .int(start), .int(end), zone,
                                                         .optional(m.canonical), .optional(m.id), .string(m.source.rawValue)])
            }
            out.append(Record(object: object))
            bounds.append((start, end))
        }
    }

    /// A record for a span: `type`, `text`, code point `start`/`end` and `zone`.
    public func span(kind: String, type: String?, start: Int, end: Int, withText: Bool = true) -> Record {
        let keys = switch (type != nil, withText) {
        case (true, true): RecordKeys.span
        case (true, false): RecordKeys.spanWithoutText
        case (false, true): RecordKeys.spanWithoutType
        case (false, false): RecordKeys.spanWithoutTypeOrText
        }
        let values = spanValues(kind: kind, type: type, start: start, end: end, withText: withText, capacity: Record.typicalFields)
        return Record(object: JSONObject(distinctKeys: keys, values: values))
    }

    /// The values of a span record's first fields (see `RecordKeys.span`), with room for `capacity`.
    func spanValues(kind: String, type: String?, start: Int, end: Int, withText: Bool, capacity: Int) -> [JSONValue] {
        let document = document
        var values: [JSONValue] = []
        values.reserveCapacity(capacity)
        values.append(.string(document.id))
        values.append(.string(kind))
        if let type { values.append(.string(type)) }
        if withText { values.append(.string(document.slice(start, end))) }
        values.append(.int(document.offsets.codePoint(start)))
        values.append(.int(document.offsets.codePoint(end)))
        values.append(.string(analysis.zones.zone(at: start).rawValue))
        return values
    }

    func documentRecord() -> Record {
        let document = document
        let meta = document.metadata
        let values: [JSONValue] = [
            .string(document.id), "document",
            .string(document.format.rawValue),
            .optional(meta.title),
            .optional(meta.author),
            .optional(meta.source),
            .optional(meta.published),
            .optional(meta.publisher),
            .array(meta.tags.map { .string($0) }),
            .array(meta.categories.map { .string($0) }),
            .int(document.offsets.codePoint(document.utf16.count)),
            .int(analysis.sentences.count),
            .int(analysis.tokens.count),
        ]
        return Record(object: JSONObject(distinctKeys: RecordKeys.document, values: values))
    }
}

/// The keys of the records `RecordBuilder` makes, in record order: one array a layout, which all
/// records of that layout share.
enum RecordKeys {
    static let document = ["doc", "kind", "format", "title", "author", "source", "published", "publisher",
                           "tags", "categories", "length", "sentences", "tokens"]
    static let zone = ["doc", "kind", "type", "start", "end"]
    static let comment = spanWithoutTypeOrText + ["number", "author"]
    static let entity = span + ["canonical", "id", "source"]
    static let entityWithTitle = span + ["canonical", "id", "title", "source"]
    static let span = ["doc", "kind", "type", "text", "start", "end", "zone"]
    static let spanWithoutText = ["doc", "kind", "type", "start", "end", "zone"]
    static let spanWithoutType = ["doc", "kind", "text", "start", "end", "zone"]
    static let spanWithoutTypeOrText = ["doc", "kind", "start", "end", "zone"]
}

extension UnsafeMutableBufferPointer {
    /// Reorders the elements so that element `i` is the one that was at `order[i]`, by swaps
    /// (moves, with no copies), one cycle of the permutation at a time.
    func permute(to order: [Int]) {
        precondition(order.count == count, "one index an element")
        var placed = [Bool](repeating: false, count: count)
        for cycle in order.indices where !placed[cycle] {
            var i = cycle
            while order[i] != cycle {
                swapAt(i, order[i])
                placed[i] = true
                i = order[i]
            }
            placed[i] = true
        }
    }
}

/// Writes the records of an analysis as JSON Lines: the bytes `JSONLineEncoder` writes for
/// `RecordBuilder.build(kinds:)`, in the same order, but entity, zone, figure, quote and claim
/// records are encoded straight from the analysis, without building a `Record` (an array of
/// values, a string for the text) that is destroyed once written.
struct AnalysisLineEncoder {
    let analysis: Analysis
    let kinds: Set<String>?
    /// The document id as a JSON string, then `JSONByteBuffer.padding` bytes.
    let doc: QuotedDocumentID

    init(analysis: Analysis, kinds: Set<String>?) {
        self.analysis = analysis
        self.kinds = kinds
        doc = QuotedDocumentID(analysis.document.id)
    }

    func wants(_ kind: String) -> Bool { kinds == nil || kinds!.contains(kind) }

    /// Appends every record, one a line, to `buffer`, calling `flush` after a record that leaves
    /// `flushAt` bytes or more in the buffer (the test is made inline, the call is rare).
    func append(lines: inout JSONLineEncoder, to buffer: inout JSONByteBuffer, flushAt: Int,
                flush: (inout JSONByteBuffer) -> Void) {
        let builder = RecordBuilder(analysis: analysis)
        if wants("document") {
            lines.appendLine(builder.documentRecord(), to: &buffer)
            if buffer.count >= flushAt { flush(&buffer) }
        }
        if wants("zone") {
            for z in analysis.zones.zones {
                appendZone(z, to: &buffer)
                if buffer.count >= flushAt { flush(&buffer) }
            }
        }
        if wants("comment") {
            var comments: [Record] = []
            builder.appendCommentRecords(to: &comments)
            for r in comments {
                lines.appendLine(r, to: &buffer)
                if buffer.count >= flushAt { flush(&buffer) }
            }
        }
        appendSpans(to: &buffer, flushAt: flushAt, flush: flush)
    }

    /// Entity, figure and quote records, in the order `RecordBuilder.build` sorts them.
    private func appendSpans(to buffer: inout JSONByteBuffer, flushAt: Int, flush: (inout JSONByteBuffer) -> Void) {
        let entityCount = wants("entity") ? analysis.entities.count : 0
        let total = entityCount &+ analysis.foundFigures.count &+ analysis.foundQuotes.count
        guard total > 0 else { return }
        // The records' bounds, the picked figures and quotes and the order, in scratch memory
        // (three arrays a document cost a look-up of their storage type each).
        withUnsafeTemporaryAllocation(of: (start: Int, end: Int).self, capacity: total) { bounds in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: total &* 2) { indices in
                let picked = UnsafeMutableBufferPointer(rebasing: indices[..<total])
                let order = UnsafeMutableBufferPointer(rebasing: indices[total...])
                appendSpans(entityCount: entityCount, bounds: bounds, picked: picked, order: order,
                            to: &buffer, flushAt: flushAt, flush: flush)
            }
        }
    }

    /// `appendSpans`, with scratch room for the bounds, picked indices and order of every record.
    private func appendSpans(entityCount: Int, bounds: UnsafeMutableBufferPointer<(start: Int, end: Int)>,
                             picked: UnsafeMutableBufferPointer<Int>, order: UnsafeMutableBufferPointer<Int>,
                             to buffer: inout JSONByteBuffer, flushAt: Int, flush: (inout JSONByteBuffer) -> Void) {
        let offsets = analysis.document.offsets
        let figures = analysis.foundFigures, quotes = analysis.foundQuotes
        // The wanted figures and quotes, by one index: figures from 0, quotes after them.
        var count = 0, pickedCount = 0
        let tokens = analysis.tokens, units = analysis.document.utf16
        analysis.entities.withUnsafeBufferPointer { entities in
            for i in 0..<entityCount {
                bounds[count] = (offsets.codePoint(entities[i].start), offsets.codePoint(entities[i].end))
                count &+= 1
            }
        }
        var figureCount = 0
        if wants("figure") {
            figureCount = figures.count
            for k in figures.indices {
                let (start, end) = figures[k].utf16Bounds(tokens)
                picked[pickedCount] = k
                pickedCount &+= 1
                bounds[count] = (offsets.codePoint(start), offsets.codePoint(end))
                count &+= 1
            }
        }
        for k in quotes.indices where kinds == nil || wants(quotes[k].kind) {
            let (start, end) = quotes[k].trimmed(units)
            picked[pickedCount] = figures.count &+ k
            pickedCount &+= 1
            bounds[count] = (offsets.codePoint(start), offsets.codePoint(end))
            count &+= 1
        }
        let written = UnsafeBufferPointer(rebasing: bounds[..<count])
        SpanOrder.order(of: written, first: entityCount, second: entityCount &+ figureCount, into: order)
        let zones = analysis.zones
        // Entity records come in the order of their starts: their zones found by one cursor.
        var entityZones = ZoneCursor(zones)
        analysis.entities.withUnsafeBufferPointer { entities in
            units.withUnsafeBufferPointer { units in
                tokens.withUnsafeBufferPointer { tokens in
                    figures.withUnsafeBufferPointer { figures in
                        quotes.withUnsafeBufferPointer { quotes in
                            for n in 0..<count {
                                let i = order[n]
                                if i < entityCount {
                                    let mention = entities.baseAddress! + i
                                    appendEntity(mention, bounds: written[i], units: units,
                                                 zone: entityZones.zone(at: mention.pointee.start), to: &buffer)
                                } else {
                                    let k = picked[i &- entityCount]
                                    let text = FoundText(units: units, tokens: tokens, offsets: offsets, zones: zones)
                                    if k < figures.count {
                                        appendFigure(figures.baseAddress! + k, bounds: written[i], text: text, to: &buffer)
                                    } else {
                                        appendQuote(quotes.baseAddress! + (k &- figures.count), bounds: written[i], text: text, to: &buffer)
                                    }
                                }
                                if buffer.count >= flushAt { flush(&buffer) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `{"doc": …, "kind": "zone", "type": …, "start": …, "end": …}`, then a newline.
    private func appendZone(_ zone: Zone, to buffer: inout JSONByteBuffer) {
        let offsets = analysis.document.offsets
        buffer.append("{\"doc\": ")
        buffer.appendPadded(doc.base, count: doc.count)
        buffer.append(", \"kind\": \"zone\", \"type\": ")
        buffer.appendLiteral(zone.type)
        buffer.append(", \"start\": ")
        buffer.appendInt(offsets.codePoint(zone.start))
        buffer.append(", \"end\": ")
        buffer.appendInt(offsets.codePoint(zone.end))
        buffer.append("}\n")
    }

    /// The record `RecordBuilder.appendEntityRecords` makes for `mention`, then a newline. Room is
    /// reserved once for the fields up to the zone (literals of their own a type and a zone), once
    /// for the names, and once for the title and the end. `zone` is the zone at the mention's start.
    private func appendEntity(_ mention: UnsafePointer<EntityMention>, bounds: (start: Int, end: Int),
                              units: UnsafeBufferPointer<UInt16>, zone: ZoneType, to buffer: inout JSONByteBuffer) {
        let start = mention.pointee.start, end = mention.pointee.end
        // `{"doc": ` 8, the id and its padding, the head 52, the text (six bytes a unit at worst)
        // and its quotes, `, "start": ` 11 and `, "end": ` 9 with 20 a number, the zone 23.
        buffer.reserve(doc.count &+ JSONByteBuffer.padding &+ (end &- start) &* 6 &+ 160)
        buffer.putLiteral("{\"doc\": ")
        buffer.putPadded(doc.base, count: doc.count)
        buffer.putEntityHead(mention.pointee.type)
        buffer.putQuotedUTF16(UnsafeBufferPointer(rebasing: units[start..<end]))
        buffer.putLiteral(", \"start\": ")
        buffer.putInt(bounds.start)
        buffer.putLiteral(", \"end\": ")
        buffer.putInt(bounds.end)
        buffer.putZoneField(zone)
        buffer.appendNames(mention.pointee.names)
        if let title = mention.pointee.title {
            buffer.append(", \"title\": ")
            buffer.appendString(title)
        }
        buffer.reserve(32)
        buffer.putSourceTail(mention.pointee.source)
    }
}

extension JSONByteBuffer {
    /// The `canonical` and `id` fields of an entity record: a gazetteer entry's copied from the
    /// gazetteer's packed UTF-8, without making strings, with room reserved for both at once; a
    /// local name's id spelt from the name (`appendLocalID`).
    @inline(__always) mutating func appendNames(_ names: MentionNames) {
        switch names {
        case .strings(let canonical, let id):
            append(", \"canonical\": ")
            appendStringOrNull(canonical)
            append(", \"id\": ")
            appendStringOrNull(id)
        case .local(let canonical):
            append(", \"canonical\": ")
            appendString(canonical)
            appendLocalID(of: canonical)
        case .entry(let e):
            e.withNameBytes { canonical, id in
                // The two keys 23, each value six bytes a byte at worst, quotes and padding 10.
                reserve((canonical.count &+ id.count) &* 6 &+ 48)
                putLiteral(", \"canonical\": ")
                putPackedString(canonical)
                putLiteral(", \"id\": ")
                putPackedString(id)
            }
        }
    }

    /// `appendPackedString`, with room reserved for `6 * bytes.count + 10` bytes.
    @inline(__always) mutating func putPackedString(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !putQuotedIfASCII(bytes) { appendString(String(decoding: bytes, as: UTF8.self)) }
    }

    /// A string literal of the UTF-8 `bytes` of a packed string: the bytes `appendString` writes
    /// for `String(decoding: bytes, as: UTF8.self)`. ASCII is copied as it is; other text goes
    /// through a string, which repairs any ill-formed bytes as decoding does.
    mutating func appendPackedString(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count &* 6 &+ 10)
        putPackedString(bytes)
    }

    /// A string literal, or `null`.
    mutating func appendStringOrNull(_ s: String?) {
        if let s { appendString(s) } else { append("null") }
    }

    /// UTF-16 text as a string literal: the bytes `appendString(Document.string(units))` writes
    /// (a lone surrogate becomes U+FFFD), without building the string.
    mutating func appendQuotedUTF16(_ units: UnsafeBufferPointer<UInt16>) {
        reserve(units.count &* 6 &+ 2)  // at worst every unit becomes \u00XX; three bytes at most otherwise
        putQuotedUTF16(units)
    }

    /// `appendQuotedUTF16`, with room reserved for `6 * units.count + 2` bytes.
    mutating func putQuotedUTF16(_ units: UnsafeBufferPointer<UInt16>) {
        let n = units.count
        var p = end
        p[0] = UInt8(ascii: "\"")
        p += 1
        let first = p
        var i = 0
        while i < n {
            // Sixteen ASCII units at a time (long quotations): narrowed as one vector, stored
            // whole when none needs an escape.
            if n &- i >= 16 {
                let raw = UnsafeRawPointer(units.baseAddress! + i)
                let any = raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if any & 0xFF80_FF80_FF80_FF80 == 0 {
                    let narrow = SIMD16<UInt8>(truncatingIfNeeded: raw.loadUnaligned(as: SIMD16<UInt16>.self))
                    let halves = unsafeBitCast(narrow, to: (UInt64, UInt64).self)
                    if !JSONEscape.any(in: halves.0) && !JSONEscape.any(in: halves.1) {
                        UnsafeMutableRawPointer(p).storeBytes(of: narrow, as: SIMD16<UInt8>.self)
                        p += 16
                        i &+= 16
                        continue
                    }
                }
            }
            // Eight ASCII units at a time (most text): packed into a word of bytes, stored whole
            // when none needs an escape.
            if n &- i >= 8 {
                let raw = UnsafeRawPointer(units.baseAddress! + i)
                let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                if (low | high) & 0xFF80_FF80_FF80_FF80 == 0 {
                    let word = JSONEscape.packASCII(low) | JSONEscape.packASCII(high) &<< 32
                    if JSONEscape.any(in: word) {
                        for k in 0..<8 { p = JSONEscape.put(UInt8(truncatingIfNeeded: word &>> (8 &* UInt64(k))), at: p) }
                    } else {
                        UnsafeMutableRawPointer(p).storeBytes(of: word.littleEndian, as: UInt64.self)
                        p += 8
                    }
                    i &+= 8
                    continue
                }
            } else if n >= 8 && p - first == i {
                // The last one to seven units of a text plain so far (every unit one byte, itself):
                // the last eight units, overlapping some written (again as the same bytes), stored
                // whole when none needs an escape.
                let raw = UnsafeRawPointer(units.baseAddress! + (n &- 8))
                let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                if (low | high) & 0xFF80_FF80_FF80_FF80 == 0 {
                    let word = JSONEscape.packASCII(low) | JSONEscape.packASCII(high) &<< 32
                    if !JSONEscape.any(in: word) {
                        UnsafeMutableRawPointer(first + (n &- 8)).storeBytes(of: word.littleEndian, as: UInt64.self)
                        p = first + n
                        i = n
                        continue
                    }
                }
            }
            if n &- i >= 4 && n &- i < 8 {
                // The last four to seven units: four at a time, stored when none needs an escape.
                let four = UInt64(littleEndian: UnsafeRawPointer(units.baseAddress! + i).loadUnaligned(as: UInt64.self))
                if four & 0xFF80_FF80_FF80_FF80 == 0 {
                    let word = JSONEscape.packASCII(four)
                    if !JSONEscape.any(in: word | JSONEscape.spaces &<< 32) {
                        UnsafeMutableRawPointer(p).storeBytes(of: UInt32(truncatingIfNeeded: word).littleEndian, as: UInt32.self)
                        p += 4
                        i &+= 4
                        continue
                    }
                }
            }
            let u = UInt32(units[i])
            i &+= 1
            if u < 0x80 {
                p = JSONEscape.put(UInt8(truncatingIfNeeded: u), at: p)
            } else if u < 0x800 {
                p[0] = UInt8(truncatingIfNeeded: 0xC0 | u >> 6)
                p[1] = UInt8(truncatingIfNeeded: 0x80 | u & 0x3F)
                p += 2
            } else if u & 0xFC00 == 0xD800, i < n, units[i] & 0xFC00 == 0xDC00 {
                let scalar = 0x10000 &+ ((u & 0x3FF) << 10) &+ (UInt32(units[i]) & 0x3FF)
                i &+= 1
                p[0] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
                p[1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 12) & 0x3F)
                p[2] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
                p[3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
                p += 4
            } else {
                let c: UInt32 = u & 0xF800 == 0xD800 ? 0xFFFD : u
                p[0] = UInt8(truncatingIfNeeded: 0xE0 | c >> 12)
                p[1] = UInt8(truncatingIfNeeded: 0x80 | (c >> 6) & 0x3F)
                p[2] = UInt8(truncatingIfNeeded: 0x80 | c & 0x3F)
                p += 3
            }
        }
        p[0] = UInt8(ascii: "\"")
        advance(to: p + 1)
    }
}

extension JSONEscape {
    /// Four UTF-16 units below 0x80 (a little-endian word) as four bytes, in the low half.
    @inline(__always) static func packASCII(_ units: UInt64) -> UInt64 {
        let pairs = (units | units &>> 8) & 0x0000_FFFF_0000_FFFF
        return (pairs | pairs &>> 16) & 0xFFFF_FFFF
    }
}

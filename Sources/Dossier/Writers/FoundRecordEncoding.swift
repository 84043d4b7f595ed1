/// What figure and quote records read of their document while they are written: the text, the
/// tokens (valid while the writer's loop runs), code point offsets and zones.
struct FoundText {
    let units: UnsafeBufferPointer<UInt16>
    let tokens: UnsafeBufferPointer<Token>
    let offsets: OffsetMap
    let zones: ZoneMap
}

extension AnalysisLineEncoder {
    /// The record `Figure.record(builder:)` makes for `figure`, then a newline. `bounds` are its
    /// code point start and end.
    func appendFigure(_ figure: UnsafePointer<Figure>, bounds: (start: Int, end: Int), text: FoundText,
                      to buffer: inout JSONByteBuffer) {
        let f = figure
        let start = Int(text.tokens[f.pointee.start].start), end = Int(text.tokens[f.pointee.end &- 1].end)
        buffer.append("{\"doc\": ")
        buffer.appendPadded(doc.base, count: doc.count)
        buffer.append(", \"kind\": \"figure\", \"type\": ")
        buffer.appendLiteral(f.pointee.type)
        appendTextFields(start: start, end: end, bounds: bounds, text: text, to: &buffer)
        buffer.append(", \"value\": ")
        buffer.appendValue(Figure.json(f.pointee.value))
        buffer.append(", \"unit\": ")
        buffer.appendStringOrNull(f.pointee.unit)
        if let qualifier = f.pointee.qualifier {
            buffer.append(", \"qualifier\": ")
            buffer.appendString(qualifier)
        }
        if let low = f.pointee.low, let high = f.pointee.high {
            buffer.append(", \"low\": ")
            buffer.appendValue(Figure.json(low))
            buffer.append(", \"high\": ")
            buffer.appendValue(Figure.json(high))
        }
        if let currency = f.pointee.currency {
            buffer.append(", \"currency\": ")
            buffer.appendString(currency)
        }
        if let verb = f.pointee.verb {
            buffer.append(", \"verb\": ")
            buffer.appendString(verb)
        }
        if let place = f.pointee.place {
            buffer.append(", \"place\": ")
            buffer.appendString(place)
        }
        buffer.append("}\n")
    }

    /// The record `QuoteExtractor.record(_:builder:)` makes for `quote`, then a newline. `bounds`
    /// are the code point start and end of its trimmed span.
    func appendQuote(_ quote: UnsafePointer<Attributed>, bounds: (start: Int, end: Int), text: FoundText,
                     to buffer: inout JSONByteBuffer) {
        let q = quote
        var start = q.pointee.start, end = q.pointee.end
        while start < end, Tokenizer.isSpace(text.units[start]) { start &+= 1 }
        while end > start, Tokenizer.isSpace(text.units[end &- 1]) { end &-= 1 }
        buffer.append("{\"doc\": ")
        buffer.appendPadded(doc.base, count: doc.count)
        buffer.append(", \"kind\": ")
        buffer.appendString(q.pointee.kind)
        if let type = q.pointee.type {
            buffer.append(", \"type\": ")
            buffer.appendString(type)
        }
        appendTextFields(start: start, end: end, bounds: bounds, text: text, to: &buffer)
        buffer.append(", \"speaker\": ")
        buffer.appendStringOrNull(q.pointee.speaker?.name)
        buffer.append(", \"speaker_mention\": ")
        if let tokens = q.pointee.speaker?.tokens { appendTokenSpan(tokens, text: text, to: &buffer) } else { buffer.append("null") }
        buffer.append(", \"cue\": ")
        if let tokens = q.pointee.cue { appendTokenSpan(tokens, text: text, to: &buffer) } else { buffer.append("null") }
        buffer.append(", \"attribution\": ")
        buffer.appendString(q.pointee.method)
        buffer.append("}\n")
    }

    /// `, "text": …, "start": …, "end": …, "zone": …`: the fields after `type` that
    /// `RecordBuilder.spanValues` gives, for UTF-16 `start..<end`.
    private func appendTextFields(start: Int, end: Int, bounds: (start: Int, end: Int), text: FoundText,
                                  to buffer: inout JSONByteBuffer) {
        buffer.append(", \"text\": ")
        buffer.appendQuotedUTF16(UnsafeBufferPointer(rebasing: text.units[start..<end]))
        buffer.append(", \"start\": ")
        buffer.appendInt(bounds.start)
        buffer.append(", \"end\": ")
        buffer.appendInt(bounds.end)
        buffer.append(", \"zone\": ")
        buffer.appendLiteral(text.zones.zone(at: start))
    }

    /// `{"text": …, "start": …, "end": …}` of a token range, as `QuoteExtractor.span` gives it.
    private func appendTokenSpan(_ r: Range<Int>, text: FoundText, to buffer: inout JSONByteBuffer) {
        let s = Int(text.tokens[r.lowerBound].start), e = Int(text.tokens[r.upperBound &- 1].end)
        buffer.append("{\"text\": ")
        buffer.appendQuotedUTF16(UnsafeBufferPointer(rebasing: text.units[s..<e]))
        buffer.append(", \"start\": ")
        buffer.appendInt(text.offsets.codePoint(s))
        buffer.append(", \"end\": ")
        buffer.appendInt(text.offsets.codePoint(e))
        buffer.append("}")
    }
}

extension Figure {
    /// The UTF-16 start and end of the record's span.
    func utf16Bounds(_ tokens: [Token]) -> (start: Int, end: Int) {
        (Int(tokens[start].start), Int(tokens[end - 1].end))
    }
}

/// Finds quotations and reported claims and attributes them to speakers (issue: quotes).
///
/// The stages, each in its own file: `QuoteMarkPairer` pairs quotation marks; `CueMatcher` finds
/// reporting cues; `QuoteAttributor` types each quotation (direct, partial, scare, nested) and
/// finds its speaker through a cue, a colon or the turn of the last speaker; `ClaimFinder` finds
/// reported speech without marks; `PronounResolver` turns "he" into the person meant.
public struct QuoteExtractor: Sendable {
    /// The word lists, held once: a scope a document refers to them instead of copying them.
    let words: SharedQuoteLexicon
    /// The figure stage's number signals, found in the same pass over the tokens, if asked for.
    let numbers: NumberSignals?

    public init(language: LanguageData) {
        words = .english
        numbers = nil
    }

    /// An extractor whose pass over the tokens also finds the number signals of `figures`
    /// (`extract(_:entities:zones:signalled:)`).
    init(language: LanguageData, findingNumbersOf figures: FigureExtractor) {
        words = .english
        numbers = NumberSignals(figures.lexicon, alongside: words.lexicon.cueFirstWords)
    }

    /// Quote and claim records for the searched sentences.
    public func extract(_ context: MatchContext, entities: [EntityMention], records: RecordBuilder) -> [Record] {
        extract(context, entities: entities, zones: records.analysis.zones).map { Self.record($0, builder: records) }
    }

    /// The quotations and claims of the searched sentences, in text order, without the figures'
    /// number signals (tests, `extract(_:entities:records:)`).
    func extract(_ context: MatchContext, entities: [EntityMention], zones: ZoneMap) -> [Attributed] {
        attribute(context, entities: entities, zoneAt: { zones.zone(at: $0) })
    }

    /// The quotations and claims of the searched sentences, in text order, and the searched
    /// sentences that hold a number signal (nil unless the extractor finds them, or when it could
    /// not: `FigureExtractor.extract(_:entities:signalled:)` then looks for them itself). Not
    /// inlined: the stage's entry point for `Scripts/profile_stages.sh`.
    @inline(never) func extract(_ context: MatchContext, entities: [EntityMention], zones: ZoneMap,
                                signalled: inout SignalledSentences?) -> [Attributed] {
        guard !context.searched.isEmpty else {
            signalled = nil
            return []
        }
        var cursor = ZoneCursor(zones)
        let scope = QuoteScope(context: context, entities: entities, lexicon: words, zoneAt: { cursor.zone(at: $0) }, numbers: numbers)
        signalled = scope.signalled
        return attribute(scope)
    }

    /// Quotations and claims with their speakers, in text order.
    public func attribute(_ context: MatchContext, entities: [EntityMention], zoneAt: (Int) -> ZoneType) -> [Attributed] {
        guard !context.searched.isEmpty else { return [] }
        let scope = QuoteScope(context: context, entities: entities, lexicon: words, zoneAt: zoneAt)
        return attribute(scope)
    }

    /// Quotations and claims with their speakers, in text order, from the document's scope.
    func attribute(_ scope: QuoteScope) -> [Attributed] {
        let tokens = scope.tokens
        let spans = QuoteMarkPairer(scope: scope).pairs()
        var cues = CueMatcher(scope: scope).cues()
        Self.removeQuoted(&cues, spans)
        var attributor = QuoteAttributor(scope: scope, cues: cues)
        let claims = ClaimFinder(scope: scope)

        // Quotations and claim cues in text order, so that pronouns and turns look back on what came before.
        enum Event { case quote(Int), cue(Int) }
        var events: [(anchor: Int, event: Event)] = []
        events.reserveCapacity(spans.count + cues.count)
        for (i, s) in spans.enumerated() { events.append((s.open ?? s.first, .quote(i))) }
        for (i, c) in cues.enumerated() where c.kind != .adjunct && !c.flags.isDisjoint(with: [.that, .clause, .object]) {
            events.append((c.tokens.lowerBound, .cue(i)))
        }
        events.sort { $0.anchor < $1.anchor }

        var out: [Attributed] = []
        out.reserveCapacity(events.count)
        var previousClose: [Int] = []
        previousClose.reserveCapacity(spans.count)
        var reported: [(range: Range<Int>, speaker: String)] = []
        reported.reserveCapacity(events.count - spans.count)
        for (_, event) in events {
            switch event {
            case .quote(let i):
                let span = spans[i]
                let open = span.open ?? span.first
                let before = previousClose.last(where: { $0 < open })
                out.append(attributor.attribute(span, previousClose: before))
                if let c = span.close, span.depth == 0 { previousClose.append(c) }
            case .cue(let i):
                let cue = cues[i]
                guard let speaker = attributor.speaker(ofCue: i), let r = claims.content(of: cue, speaker: speaker) else { continue }
                // "Memon said she believed …": a claim inside the same speaker's claim adds nothing.
                if reported.suffix(8).contains(where: { $0.range.contains(cue.tokens.lowerBound) && $0.speaker == speaker.name }) { continue }
                reported.append((r, speaker.name))
                let start = Int(tokens[r.lowerBound].start), end = Int(tokens[r.upperBound - 1].end)
                out.append(Attributed(kind: "claim", type: nil, start: start, end: end, speaker: speaker, cue: cue.tokens, method: "cue"))
                attributor.remember(speaker, anchor: cue.tokens.lowerBound, end: r.upperBound)
            }
        }
        out.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return out
    }

    /// Removes the cues that start inside an outer quotation (quoted words report nothing).
    static func removeQuoted(_ out: inout [Cue], _ spans: [QuoteSpan]) {
        var quoted: [Range<Int>] = []
        quoted.reserveCapacity(spans.count)
        for s in spans where s.depth == 0 && s.first < s.last { quoted.append(s.first..<s.last) }
        guard !quoted.isEmpty else { return }
        quoted.sort { $0.lowerBound < $1.lowerBound }
        // Kept cues move down in place. Cues ascend: `reach` is the furthest end of the quotations
        // opened at or before the cue.
        let kept = out.withUnsafeMutableBufferPointer { cues in
            var kept = 0, next = 0, reach = 0
            for k in cues.indices {
                let t = cues[k].tokens.lowerBound
                while next < quoted.count, quoted[next].lowerBound <= t {
                    reach = max(reach, quoted[next].upperBound)
                    next += 1
                }
                if t >= reach {
                    cues[kept] = cues[k]
                    kept += 1
                }
            }
            return kept
        }
        if kept < out.count { out.removeLast(out.count - kept) }
    }

    /// The record of a quotation or claim, its span trimmed of spaces: the span fields (as
    /// `RecordBuilder.spanValues` gives them), then its own, with the key array of its layout.
    /// (`AnalysisLineEncoder.appendQuote` writes the same bytes without building it.)
    static func record(_ a: Attributed, builder: RecordBuilder) -> Record {
        let document = builder.analysis.document
        let (start, end) = a.trimmed(document.utf16)
        let doc = JSONValue.string(document.id), kind = JSONValue.string(a.kind)
        let text = JSONValue.string(document.slice(start, end))
        let from = JSONValue.int(document.offsets.codePoint(start)), to = JSONValue.int(document.offsets.codePoint(end))
        let zone = JSONValue.string(builder.analysis.zones.zone(at: start).rawValue)
        // The speaker's fields read one by one: a copy of the whole `Speaker?` goes through its
        // value witness.
        let speaker = JSONValue.optional(a.speaker?.name)
        let mention = if let tokens = a.speaker?.tokens { span(tokens, builder.analysis) } else { JSONValue.null }
        let cue = if let tokens = a.cue { span(tokens, builder.analysis) } else { JSONValue.null }
        let method = JSONValue.string(a.method)
        let object = if let type = a.type {
            JSONObject(distinctKeys: QuoteRecordKeys.typed,
                       values: [doc, kind, .string(type), text, from, to, zone, speaker, mention, cue, method])
        } else {
            JSONObject(distinctKeys: QuoteRecordKeys.untyped, values: [doc, kind, text, from, to, zone, speaker, mention, cue, method])
        }
        return Record(object: object)
    }

    /// The `text`, `start` and `end` of a token range, as an object.
    static func span(_ tokens: Range<Int>, _ analysis: Analysis) -> JSONValue {
        let s = Int(analysis.tokens[tokens.lowerBound].start), e = Int(analysis.tokens[tokens.upperBound - 1].end)
        let offsets = analysis.document.offsets
        return .object(JSONObject(distinctKeys: QuoteRecordKeys.span, values: [.string(analysis.document.slice(s, e)),
                                                                             .int(offsets.codePoint(s)), .int(offsets.codePoint(e))]))
    }
}

extension Attributed {
    /// The UTF-16 span of the record: the content without the spaces around it.
    func trimmed(_ units: [UInt16]) -> (start: Int, end: Int) {
        var start = self.start, end = self.end
        while start < end, Tokenizer.isSpace(units[start]) { start += 1 }
        while end > start, Tokenizer.isSpace(units[end - 1]) { end -= 1 }
        return (start, end)
    }
}

/// The keys of quote and claim records, shared by all records of a layout.
enum QuoteRecordKeys {
    static let typed = RecordKeys.span + fields
    static let untyped = RecordKeys.spanWithoutType + fields
    static let fields = ["speaker", "speaker_mention", "cue", "attribution"]
    /// The keys of the speaker mention and the cue.
    static let span = ["text", "start", "end"]
}

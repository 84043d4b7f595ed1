/// A quotation or claim with its type, speaker and cue, before it becomes a record.
public struct Attributed: Sendable {
    /// `quote` or `claim`.
    public var kind: String
    /// direct, partial, scare or nested (quotes only).
    public var type: String?
    /// UTF-16 span of the quoted or reported content.
    public var start: Int
    public var end: Int
    public var speaker: Speaker?
    public var cue: Range<Int>?
    /// How the speaker was found: cue, colon, turn or none.
    public var method: String
}

/// A cue that attributes a quotation: its index in `QuoteAttributor.cues` (its speaker, found,
/// is `speakers[speakerOfCue[index]]`) and whether at most two words stand between it and the
/// quotation. Plain integers: the speaker is not copied from candidate to candidate.
struct CueHit {
    var index: Int
    var adjacent: Bool
}

/// Attributes quotations and claims in text order, so that a pronoun resolves against the
/// speakers before it and a quotation with no cue of its own continues the last speaker's turn.
/// Each cue's speaker is found once and shared by every quotation and claim resting on it.
public struct QuoteAttributor {
    let scope: QuoteScope
    let finder: SpeakerFinder
    let resolver: PronounResolver
    /// The cues outside quotations, in text order; they do not overlap, so their ends ascend too.
    let cues: [Cue]
    var history: [Attribution] = []
    /// Per cue, its speaker once found: -2 while unknown, -1 when it has none, else an index in `speakers`.
    var speakerOfCue: [Int32]
    /// The speakers found for cues.
    var speakers: [Speaker] = []

    init(scope: QuoteScope, cues: [Cue]) {
        self.scope = scope
        finder = SpeakerFinder(scope: scope)
        resolver = PronounResolver(scope: scope)
        self.cues = cues
        // Room reserved, then filled: `Array(repeating:count:)` allocates through the standard
        // library's unspecialised path (a type metadata look-up a document).
        var unknown: [Int32] = []
        unknown.reserveCapacity(cues.count)
        unknown.append(contentsOf: repeatElement(-2, count: cues.count))
        speakerOfCue = unknown
        speakers.reserveCapacity(cues.count)
        history.reserveCapacity(cues.count + 16)
    }

    /// How many cues start before token `t`: the index of the first cue starting at or after it.
    func cueCount(startingBefore t: Int) -> Int {
        var lo = 0, hi = cues.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cues[mid].tokens.lowerBound < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// How many cues end before token `t` (their last token lies before it).
    func cueCount(endingBefore t: Int) -> Int {
        var lo = 0, hi = cues.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cues[mid].tokens.upperBound <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Cues

    /// The speaker of a cue, found once: the subject on its left, the subject of the verb it is
    /// coordinated with, or the phrase after it; pronouns resolved.
    mutating func speaker(ofCue k: Int, lowerBound: Int? = nil) -> Speaker? {
        speakerIndex(ofCue: k, lowerBound: lowerBound).map { speakers[$0] }
    }

    /// The index in `speakers` of the speaker of cue `k` (found on the first question), or nil when
    /// it has none: asking whether there is one copies no speaker.
    mutating func speakerIndex(ofCue k: Int, lowerBound: Int? = nil) -> Int? {
        if speakerOfCue[k] == -2 {
            if let s = newSpeaker(ofCue: k, lowerBound: lowerBound) {
                speakerOfCue[k] = Int32(speakers.count)
                speakers.append(s)
            } else {
                speakerOfCue[k] = -1
            }
        }
        let known = speakerOfCue[k]
        return known >= 0 ? Int(known) : nil
    }

    /// The speaker of cue `k`, found from the text (see `speaker(ofCue:lowerBound:)`).
    func newSpeaker(ofCue k: Int, lowerBound: Int?) -> Speaker? {
        let cue = cues[k]
        let sentence = scope.sentences[cue.sentence].tokens
        let lb = max(sentence.lowerBound, lowerBound ?? sentence.lowerBound)
        switch cue.kind {
        case .verb:
            if let s = finder.left(of: cue.tokens.lowerBound, lowerBound: lb) { return resolvingPronoun(s) }
            if finder.isCoordinated(cue.tokens.lowerBound, lowerBound: lb) || isParticiple(cue),
               // "X agreed … and said", "X admitted …, writing": the subject of the verb before.
               let s = previousSpeaker(inSentence: cue.sentence, before: cue.tokens.lowerBound)
                ?? (isParticiple(cue) ? sentenceSubject(cue.sentence, before: cue.tokens.lowerBound) : nil) {
                return resolvingPronoun(s)
            }
            guard !cue.flags.contains(.noInversion),
                  let s = finder.right(of: cue.tokens.upperBound, upperBound: sentence.upperBound) else { return nil }
            return resolvingPronoun(s)
        case .source:
            guard let s = finder.right(of: cue.tokens.upperBound, upperBound: sentence.upperBound, generic: true) else { return nil }
            return resolvingPronoun(s)
        case .adjunct:
            if let s = finder.left(of: cue.tokens.lowerBound, lowerBound: lb) { return resolvingPronoun(s) }
            var after = cue.tokens.upperBound
            if after < sentence.upperBound, scope.isPunctuation(after, 0x2C) { after += 1 }
            guard let s = finder.right(of: after, upperBound: sentence.upperBound) else { return nil }
            return resolvingPronoun(s)
        }
    }

    /// A pronoun speaker resolved to the speaker it stands for; any other speaker as it is (moved
    /// through, not copied).
    func resolvingPronoun(_ s: consuming Speaker) -> Speaker {
        if case .pronoun = s.kind { return resolver.resolve(s, history: history) }
        return s
    }

    /// A cue in -ing form ("writing", "stating"), which takes the subject of its clause.
    func isParticiple(_ cue: Cue) -> Bool {
        let t = scope.tokens[cue.tokens.lowerBound]
        guard cue.kind == .verb, t.length > 4 else { return false }
        let e = Int(t.end)
        return scope.units[e - 3] == 0x69 && scope.units[e - 2] == 0x6E && scope.units[e - 1] == 0x67
    }

    /// The subject of a sentence: the first person or organisation that opens it or follows a
    /// comma ("During questions Wednesday, Sunak defended …"), or the subject of its first verb.
    func sentenceSubject(_ si: Int, before token: Int) -> Speaker? {
        let r = scope.sentences[si].tokens
        var i = r.lowerBound
        while i < token {
            if let m = scope.mention(at: i), m.type != .place, m.tokens.lowerBound == i,
               i == r.lowerBound || scope.isPunctuation(i - 1, 0x2C) || scope.tokens[i - 1].isCapitalised {
                return finder.entitySpeaker(m)
            }
            i += 1
        }
        return nil
    }

    func previousSpeaker(inSentence si: Int, before token: Int) -> Speaker? {
        let sentence = scope.sentences[si].tokens
        var k = cueCount(startingBefore: token) - 1
        while k >= 0, cues[k].tokens.lowerBound >= sentence.lowerBound {
            if speakerOfCue[k] >= 0, cues[k].sentence == si { return speakers[Int(speakerOfCue[k])] }
            k -= 1
        }
        return nil
    }

    mutating func remember(_ speaker: Speaker, anchor: Int, end: Int) {
        guard let si = scope.sentence(ofToken: anchor) else { return }
        let mention = speaker.tokens.lowerBound
        history.append(Attribution(mentionToken: mention, anchor: anchor, end: end, sentence: si,
                                   paragraph: scope.sentences[si].paragraph, speaker: speaker))
    }

    // MARK: Quotations

    /// Types and attributes one quotation.
    mutating func attribute(_ span: QuoteSpan, previousClose: Int?) -> Attributed {
        if span.depth > 0 { return quote(span, type: "nested") }
        // No rule asks about more than ten words.
        let words = scope.wordCount(span.first..<span.last, numbers: true, upTo: 10)
        if let open = span.open, words < 6, isMarkedAsTerm(open) || (words <= 4 && isInTitleCaseLine(open)) {
            return quote(span, type: "scare")
        }
        var found: CueHit?
        // Words quoted inside the writer's sentence belong to the cue before them ("Warren said the
        // bill was “a giveaway” and vowed …"); a quotation of its own to the cue after it.
        let embedded = isPartial(span)
        if embedded, let open = span.open {
            found = cueBefore(open, previousClose: previousClose, verbsOnly: true)
        }
        if found == nil, let close = span.close, allowsCueAfter(span) {
            found = cueAfter(close, verbsOnly: true)
        }
        if found == nil, !embedded, let open = span.open {
            found = cueBefore(open, previousClose: previousClose, verbsOnly: true)
        }
        if found == nil, let close = span.close, allowsCueAfter(span) { found = cueAfter(close, verbsOnly: false) }
        if found == nil, let open = span.open { found = cueBefore(open, previousClose: previousClose, verbsOnly: false) }
        if let f = found {
            // A speech verb attributes even a short phrase: 'noted … had grown into a "support movement"'.
            let speaker = speakers[Int(speakerOfCue[f.index])]
            let type = isPartial(span) ? "partial" : "direct"
            remember(speaker, anchor: span.first, end: span.last)
            return quote(span, type: type, speaker: speaker, cue: cues[f.index].tokens, method: "cue")
        }
        // A speaker before a colon: "Mr Araji: “…”", the whole of the words before the colon.
        if let open = span.open, open >= 2, scope.isPunctuation(open - 1, 0x3A),
           let lb = scope.sentenceTokens(open - 1)?.lowerBound,
           var s = finder.subject(endingAt: open - 2, lowerBound: max(lb, (previousClose ?? -1) + 1)), words >= 3,
           s.tokens.lowerBound == max(lb, (previousClose ?? -1) + 1) {
            if case .pronoun = s.kind { s = resolver.resolve(s, history: history) }
            let type = isPartial(span) ? "partial" : "direct"
            remember(s, anchor: span.first, end: span.last)
            return quote(span, type: type, speaker: s, method: "colon")
        }
        // A paragraph of quotation introduced by the paragraph before ending in a colon:
        // "Obama tweeted:" / "“…”".
        if let open = span.open, open >= 1, scope.isPunctuation(open - 1, 0x3A),
           scope.paragraph(ofToken: open - 1) != scope.paragraph(ofToken: open),
           let si = scope.sentence(ofToken: open - 1), words >= 3 {
            let r = scope.sentences[si].tokens
            var k = cueCount(endingBefore: open - 1) - 1
            var speaker: (Speaker, Range<Int>?)?
            while k >= 0, cues[k].tokens.upperBound > r.lowerBound {
                if cues[k].flags.contains(.quote), let s = self.speaker(ofCue: k) { speaker = (s, cues[k].tokens); break }
                k -= 1
            }
            if speaker == nil, let s = sentenceSubject(si, before: open - 1) { speaker = (s, nil) }
            if let (s, cue) = speaker {
                remember(s, anchor: span.first, end: span.last)
                return quote(span, type: "direct", speaker: s, cue: cue, method: cue == nil ? "colon" : "cue")
            }
        }
        // An epigraph signed after a dash: "“…” - Matthew Ingram".
        if let close = span.close, close + 2 < scope.tokens.count, scope.tokens[close + 1].kind == .dash,
           scope.paragraph(ofToken: close + 2) == scope.paragraph(ofToken: close), words >= 3 {
            var e = close + 2
            while e < scope.tokens.count, scope.tokens[e].kind == .word, scope.tokens[e].isCapitalised,
                  scope.paragraph(ofToken: e) == scope.paragraph(ofToken: close) { e += 1 }
            let atEnd = e >= scope.tokens.count || scope.paragraph(ofToken: e) != scope.paragraph(ofToken: close)
            if e > close + 2, atEnd, let s = finder.subject(endingAt: e - 1, lowerBound: close + 2) {
                remember(s, anchor: span.first, end: span.last)
                return quote(span, type: "direct", speaker: s, method: "dash")
            }
        }
        guard isSentenceLike(span, words: words) else { return quote(span, type: "scare") }
        let type = isPartial(span) ? "partial" : "direct"
        if let s = turnSpeaker(before: span.open ?? span.first) {
            remember(s, anchor: span.first, end: span.last)
            return quote(span, type: type, speaker: s, method: "turn")
        }
        return quote(span, type: type)
    }

    /// The quotation `span` as typed and attributed, made once at the return (an `Attributed`
    /// filled in field by field was copied and destroyed at each return).
    func quote(_ span: QuoteSpan, type: String, speaker: consuming Speaker? = nil, cue: Range<Int>? = nil,
               method: String = "none") -> Attributed {
        Attributed(kind: "quote", type: type, start: span.start, end: span.end, speaker: speaker, cue: cue, method: method)
    }

    /// A cue may follow the closing mark when the quotation ends open: “…,” / “…?” / “…” said.
    func allowsCueAfter(_ span: QuoteSpan) -> Bool {
        guard let close = span.close, span.last > span.first else { return false }
        let lastContent = span.last - 1
        if scope.isPunctuation(lastContent, 0x2E) {
            // “… .” he said — only when the text goes on in lowercase.
            return close + 1 < scope.tokens.count && scope.tokens[close + 1].shape == .lower && scope.tokens[close + 1].kind == .word
        }
        return true
    }

    /// “…,” said X / “…,” X said / “…,” X, a spokesman, said: a cue a few tokens after the closing
    /// mark, before the sentence ends or another quotation opens.
    mutating func cueAfter(_ close: Int, verbsOnly: Bool) -> CueHit? {
        let paragraph = scope.paragraph(ofToken: close)
        var t = close + 1
        var k = cueCount(startingBefore: t)
        while t < scope.tokens.count, t <= close + 24, scope.paragraph(ofToken: t) == paragraph {
            if scope.tokens[t].kind == .quote || (scope.isFinal(t) && !isAbbreviationDot(t)) { return nil }
            while k < cues.count, cues[k].tokens.lowerBound < t { k += 1 }
            if k < cues.count, cues[k].tokens.lowerBound == t, cues[k].flags.contains(.quote) {
                let c = cues[k]
                if verbsOnly && c.kind == .adjunct { t = c.tokens.upperBound; continue }
                if let si = speakerIndex(ofCue: k, lowerBound: close + 1),
                   onlyTitlesBetween(close + 1, min(speakers[si].tokens.lowerBound, c.tokens.lowerBound)) {
                    return CueHit(index: k, adjacent: true)
                }
                return nil
            }
            t += 1
        }
        return nil
    }

    /// “…,” then the speaker and the cue at once: only a comma, titles and determiners between
    /// ("“…,” Senate Majority Leader Mitch McConnell told reporters").
    func onlyTitlesBetween(_ from: Int, _ to: Int) -> Bool {
        guard from < to else { return true }
        for i in from..<to {
            let t = scope.tokens[i]
            if t.kind == .punctuation, scope.isPunctuation(i, 0x2C) || scope.isPunctuation(i, 0x2E) { continue }
            if t.kind == .word, t.isCapitalised || scope.lexicon.determiners.contains(t.key) || scope.lexicon.speakerNouns.contains(t.key) { continue }
            if t.kind == .dash || t.kind == .clitic { continue }
            return false
        }
        return true
    }

    /// The dot of "Mr." or "Gen.", which ends no sentence.
    func isAbbreviationDot(_ i: Int) -> Bool {
        guard i > 0, scope.isPunctuation(i, 0x2E), !scope.tokens[i].spaceBefore, scope.tokens[i - 1].kind == .word else { return false }
        return LanguageData.english.abbreviations[scope.tokens[i - 1].key] == .always
    }

    /// X said, “…” / X said that “…” / X said the officer was “…”: the nearest cue before the
    /// opening mark in its sentence, after any earlier quotation.
    mutating func cueBefore(_ open: Int, previousClose: Int?, verbsOnly: Bool) -> CueHit? {
        guard let sentence = scope.sentenceTokens(open) else { return nil }
        let lb = max(sentence.lowerBound, (previousClose ?? -1) + 1)
        // The cues ending between `lb` and the mark, nearest first.
        var k = cueCount(endingBefore: open) - 1
        while k >= 0, cues[k].tokens.upperBound > lb {
            let c = cues[k]
            if c.flags.contains(.quote), !(verbsOnly && c.kind == .adjunct), speakerIndex(ofCue: k) != nil {
                let gap = scope.wordCount(c.tokens.upperBound..<open, upTo: 3)
                return CueHit(index: k, adjacent: gap <= 2)
            }
            k -= 1
        }
        return nil
    }

    /// Whether the mark sits in a title-case headline ("Iraq Says It Has Infiltrated Isis's Network
    /// of 'Sleeper Cells'"): a short quoted phrase there names a term, it quotes nobody.
    func isInTitleCaseLine(_ open: Int) -> Bool {
        guard let si = scope.sentence(ofToken: open) else { return false }
        var words = 0, capitalised = 0
        for t in scope.sentences[si].tokens where scope.tokens[t].kind == .word && scope.tokens[t].length >= 4 {
            words += 1
            if scope.tokens[t].isCapitalised { capitalised += 1 }
        }
        return words >= 4 && capitalised * 10 >= words * 8
    }

    /// Whether "so-called" or "labelled" stands right before the opening mark.
    func isMarkedAsTerm(_ open: Int) -> Bool {
        var keys: [UInt64] = []
        var i = open - 1
        while i >= 0, keys.count < 2, let si = scope.sentence(ofToken: i), si == scope.sentence(ofToken: open) {
            if scope.tokens[i].kind == .word {
                // Every marker ends with the word nearest the mark.
                if keys.isEmpty, !scope.lexicon.scareMarkerLastWords.contains(scope.key(i)) { return false }
                keys.insert(scope.key(i), at: 0)
                if scope.lexicon.scareMarkers.contains(keys) { return true }
            } else if scope.tokens[i].kind != .dash {
                break
            }
            i -= 1
        }
        return false
    }

    /// A partial quotation starts in lowercase or runs on from the words before it.
    func isPartial(_ span: QuoteSpan) -> Bool {
        let first = scope.tokens[span.first]
        if first.kind == .word, first.shape == .lower { return true }
        if let open = span.open, open > 0, scope.tokens[open - 1].kind == .word, !cueEnds(before: open),
           scope.sentence(ofToken: open - 1) == scope.sentence(ofToken: open) { return true }
        return false
    }

    /// Whether a cue ends right before token `t`.
    func cueEnds(before t: Int) -> Bool {
        let k = cueCount(endingBefore: t) - 1
        return k >= 0 && cues[k].tokens.upperBound == t
    }

    /// Whether a quotation reads as speech rather than a term or a title: a few words that start
    /// a sentence or end with its punctuation, not all capitalised.
    func isSentenceLike(_ span: QuoteSpan, words: Int) -> Bool {
        if words >= 10 { return true }
        guard words >= 4 else { return false }
        let first = scope.tokens[span.first]
        let last = span.last - 1
        let punctuated = scope.tokens[last].kind == .punctuation && {
            let u = scope.firstUnit(last)
            return u == 0x2C || u == 0x2E || u == 0x3F || u == 0x21 || u == 0x2026
        }()
        var titleLike = !punctuated
        for i in span.first..<span.last where scope.tokens[i].kind == .word && !scope.tokens[i].isCapitalised
            && !scope.lexicon.stopWords.contains(scope.tokens[i].key) {
            titleLike = false
            break
        }
        if titleLike { return false }
        return first.isCapitalised || punctuated
    }

    /// How many sentences back a turn looks for a new subject.
    static let turnSentences = 40

    /// Turns: a quotation with no cue belongs to the last speaker within a few paragraphs, unless
    /// another person has since become the subject of a sentence.
    func turnSpeaker(before open: Int) -> Speaker? {
        guard let paragraph = scope.paragraph(ofToken: open), let si = scope.sentence(ofToken: open) else { return nil }
        let last = history.suffix(PronounResolver.historyLimit).last(where: { $0.anchor < open && $0.paragraph >= paragraph - 3 })
        let from = last.map { $0.end } ?? scope.sentences[max(0, si - 4)].tokens.lowerBound
        // A person who became the subject of a sentence since.
        var s = scope.sentence(ofToken: open) ?? si
        // Bounded: in text without paragraph breaks the last speaker may lie any number of sentences back.
        let firstSentence = max(scope.sentence(ofToken: from) ?? si, si - Self.turnSentences)
        while s >= firstSentence {
            let r = scope.sentences[s].tokens
            var i = max(r.lowerBound, from)
            while i < min(r.upperBound, open), i < r.lowerBound + 3 {
                if let m = scope.mention(at: i), m.type == .person {
                    let sp = finder.entitySpeaker(m)
                    if last == nil || sp.name != last!.speaker.name {
                        if scope.sentences[s].paragraph >= paragraph - 1 { return sp }
                    }
                    break
                }
                i += 1
            }
            s -= 1
        }
        return last?.speaker
    }
}

/// Reported speech without quotation marks: "X says that …", "X said the …", "X denied …",
/// "according to X, …", "…, X said." The claim's span is the reported content; its speaker and
/// cue are found as for quotations.
public struct ClaimFinder {
    let scope: QuoteScope
    static let that = TokenKey.of("that")
    static let there = TokenKey.of("there")
    static let and = TokenKey.of("and")
    static let but = TokenKey.of("but")
    static let `as` = TokenKey.of("as")

    /// The content tokens of the claim a cue reports, or nil when it reports none.
    func content(of cue: Cue, speaker: Speaker) -> Range<Int>? {
        let sentence = scope.sentences[cue.sentence].tokens
        let end = sentence.upperBound
        var start: Int?
        switch cue.kind {
        case .adjunct:
            return nil
        case .source:
            // "According to X, …", "…, according to X": set off by commas, unlike "punishable according to law".
            let after = speaker.tokens.upperBound
            let initial = cue.tokens.lowerBound == sentence.lowerBound
            let commaBefore = cue.tokens.lowerBound > sentence.lowerBound && scope.isPunctuation(cue.tokens.lowerBound - 1, 0x2C)
            let commaAfter = after < end && scope.isPunctuation(after, 0x2C)
            let afterConjunction = cue.tokens.lowerBound > sentence.lowerBound && scope.isWord(cue.tokens.lowerBound - 1)
                && { $0 == Self.that || $0 == Self.and || $0 == Self.but }(scope.key(cue.tokens.lowerBound - 1))
            guard initial || commaBefore || commaAfter || afterConjunction else { return nil }
            if commaAfter {
                start = after + 1
            } else if cue.tokens.lowerBound > sentence.lowerBound, scope.isPunctuation(cue.tokens.lowerBound - 1, 0x2C) {
                return trimmed(sentence.lowerBound..<(cue.tokens.lowerBound - 1))
            } else if after >= end || scope.isFinal(after) {
                return trimmed(sentence.lowerBound..<cue.tokens.lowerBound)
            } else {
                start = after
            }
        case .verb:
            let next = cue.tokens.upperBound
            if let r = asClause(cue, speaker: speaker, sentence: sentence) { return r }
            if let r = parenthetical(cue, speaker: speaker, sentence: sentence) { return r }
            // Inverted order ("…, said Mr Araji"): what follows the cue is the speaker, not the claim.
            guard next < end, speaker.tokens.lowerBound < next else { return postposed(cue, speaker: speaker, sentence: sentence) }
            if let t = thatClause(after: cue, limit: end) {
                start = t
            } else if cue.flags.contains(.clause) || cue.flags.contains(.object), opensClause(next, object: !cue.flags.contains(.clause)) {
                start = next
            } else if cue.flags.contains(.noInversion), let object = addressee(after: cue, limit: end), object < end,
                      opensClause(object, object: false) {
                // "Officials tell BBC News every claim will be assessed …"
                start = object
            } else {
                return postposed(cue, speaker: speaker, sentence: sentence)
            }
        }
        guard let s = start, s < end else { return nil }
        return trimmed(s..<clauseEnd(from: s, limit: end))
    }

    /// "that" right after the cue, after its addressee ("told reporters that"), or after a short
    /// adjunct ("said on Tuesday that", "said in a statement that").
    func thatClause(after cue: Cue, limit: Int) -> Int? {
        let next = cue.tokens.upperBound
        let that = Self.that
        if scope.isWord(next), scope.key(next) == that { return next + 1 }
        let firstIsAdjunct = scope.isWord(next) && scope.lexicon.stopWords.contains(scope.key(next))
        guard cue.flags.contains(.noInversion) || firstIsAdjunct else { return nil }
        var t = next
        while t < limit, t < next + 8 {
            let tok = scope.tokens[t]
            if tok.kind == .quote || scope.isFinal(t) || scope.isPunctuation(t, 0x3A) || scope.isPunctuation(t, 0x3B) { return nil }
            if tok.kind == .word, tok.key == that { return t + 1 }
            if scope.lexicon.isOneWordCue(tok.key) { return nil }
            t += 1
        }
        return nil
    }

    /// "As Heald told The Huffington Post, US surface ozone has dropped …": the content follows the
    /// comma that closes the "as" clause.
    func asClause(_ cue: Cue, speaker: Speaker, sentence: Range<Int>) -> Range<Int>? {
        let before = min(speaker.tokens.lowerBound, cue.tokens.lowerBound) - 1
        guard before >= sentence.lowerBound, scope.isWord(before), scope.key(before) == Self.as else { return nil }
        var t = cue.tokens.upperBound
        while t < sentence.upperBound, t < cue.tokens.upperBound + 10 {
            if scope.isPunctuation(t, 0x2C) { return trimmed((t + 1)..<clauseEnd(from: t + 1, limit: sentence.upperBound)) }
            if scope.tokens[t].kind == .quote || scope.isFinal(t) { return nil }
            t += 1
        }
        return nil
    }

    /// "Institutional recipients, said Mauer, are required …" / "The big hit, Wikinews observed from
    /// the line, was …": a cue set off by commas inside the sentence reports the whole sentence.
    func parenthetical(_ cue: Cue, speaker: Speaker, sentence: Range<Int>) -> Range<Int>? {
        let first = min(speaker.tokens.lowerBound, cue.tokens.lowerBound)
        let adjacent = speaker.tokens.upperBound == cue.tokens.lowerBound || speaker.tokens.lowerBound == cue.tokens.upperBound
        guard adjacent, first - 1 > sentence.lowerBound + 1, scope.isPunctuation(first - 1, 0x2C) else { return nil }
        if (sentence.lowerBound..<first).contains(where: { scope.tokens[$0].kind == .quote || scope.isPunctuation($0, 0x2C) && $0 < first - 1 }) {
            return nil
        }
        var t = max(speaker.tokens.upperBound, cue.tokens.upperBound)
        while t < sentence.upperBound, t < cue.tokens.upperBound + 8 {
            if scope.isPunctuation(t, 0x2C) {
                guard t + 1 < sentence.upperBound, scope.isWord(t + 1), scope.tokens[t + 1].shape == .lower else { return nil }
                return trimmed(sentence.lowerBound..<clauseEnd(from: t + 1, limit: sentence.upperBound))
            }
            if scope.tokens[t].kind == .quote || scope.isFinal(t) || scope.key(t) == Self.that { return nil }
            t += 1
        }
        return nil
    }

    /// The token after the addressee of "told": a recognised name, a capitalised name or one word.
    func addressee(after cue: Cue, limit: Int) -> Int? {
        let t = cue.tokens.upperBound
        guard t < limit, scope.isWord(t) else { return nil }
        if let m = scope.mention(at: t), m.tokens.lowerBound == t { return m.tokens.upperBound }
        if scope.tokens[t].isCapitalised {
            var e = t + 1
            while e < limit, scope.isWord(e), scope.tokens[e].isCapitalised { e += 1 }
            return e
        }
        return t + 1
    }

    /// Whether a bare clause or noun phrase can start at `i`: "said the Kurds …", "say they …".
    func opensClause(_ i: Int, object: Bool) -> Bool {
        let t = scope.tokens[i]
        if t.kind == .number { return true }
        guard t.kind == .word else { return false }
        let key = t.key
        if scope.lexicon.isOneWordCue(key) { return false }
        if scope.lexicon.determiners.contains(key) { return true }
        // "tweeted using his account": a participle continues the verb phrase.
        if t.shape == .lower, t.length > 4, scope.units[Int(t.end) - 3] == 0x69, scope.units[Int(t.end) - 2] == 0x6E,
           scope.units[Int(t.end) - 1] == 0x67 { return false }
        if !object, scope.lexicon.pronouns[key] != nil || key == Self.there || scope.lexicon.clauseOpeners.contains(key) { return true }
        return !scope.lexicon.stopWords.contains(key)
    }

    /// "The attack was over, police said." / "…, said a spokesman.": the content before the comma
    /// that precedes the speaker or the cue, when the cue ends the sentence.
    func postposed(_ cue: Cue, speaker: Speaker, sentence: Range<Int>) -> Range<Int>? {
        var after = cue.tokens.upperBound
        if speaker.tokens.lowerBound >= cue.tokens.upperBound { after = speaker.tokens.upperBound }
        guard after >= sentence.upperBound || scope.isFinal(after) else { return nil }
        let beforeSpeaker = min(speaker.tokens.lowerBound, cue.tokens.lowerBound) - 1
        guard beforeSpeaker > sentence.lowerBound, scope.isPunctuation(beforeSpeaker, 0x2C) else { return nil }
        let r = sentence.lowerBound..<beforeSpeaker
        if r.contains(where: { scope.tokens[$0].kind == .quote }) { return nil }
        return trimmed(r)
    }

    /// The clause runs to the end of the sentence, or to a semicolon, a colon, or a coordinated
    /// reporting verb ("… and said …").
    func clauseEnd(from start: Int, limit: Int) -> Int {
        // The static keys read once: each read of a static checks that it is initialised.
        let and = Self.and, but = Self.but
        let tokens = scope.tokens, units = scope.units
        var t = start
        while t < limit {
            let token = tokens[t]
            if token.kind == .punctuation, token.length == 1, units[Int(token.start)] == 0x3B || units[Int(token.start)] == 0x3A {
                return t
            }
            if token.kind == .word, token.key == and || token.key == but, t + 1 < limit,
               scope.lexicon.longestCue(in: tokens, from: t + 1, limit: limit) != nil,
               tokens[t + 1].shape == .lower {
                return t
            }
            t += 1
        }
        return limit
    }

    /// Without trailing punctuation; nil when fewer than two words remain.
    func trimmed(_ r: Range<Int>) -> Range<Int>? {
        var hi = r.upperBound
        while hi > r.lowerBound, scope.tokens[hi - 1].kind == .punctuation || scope.tokens[hi - 1].kind == .dash { hi -= 1 }
        var lo = r.lowerBound
        while lo < hi, scope.tokens[lo].kind == .punctuation { lo += 1 }
        return scope.wordCount(lo..<hi, numbers: true, upTo: 2) >= 2 ? lo..<hi : nil
    }
}

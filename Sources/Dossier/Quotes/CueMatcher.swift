/// A reporting cue found in the text: "said", "according to", "in a statement".
public struct Cue: Sendable, Equatable {
    /// Token range of the cue.
    public var tokens: Range<Int>
    public var kind: CueKind
    public var flags: CueFlags
    /// Index of its sentence in `MatchContext.sentences`.
    public var sentence: Int

    public static func == (a: Cue, b: Cue) -> Bool { a.tokens == b.tokens }
}

/// Finds reporting cues over tokens with the cue trie of `quotes_cues.txt`. Verbs count in
/// lowercase only ("the United States" is no cue), except in headline-cased sentences ("Iraq Says
/// It Has …").
public struct CueMatcher {
    let scope: QuoteScope

    /// Every cue in the searched sentences, in text order.
    public func cues() -> [Cue] {
        var out: [Cue] = []
        let tokens = scope.tokens, filter = scope.lexicon.cueFirstWordFilter, firstWords = scope.lexicon.cueFirstWords
        for region in scope.regions {
            var i = region.lowerBound
            var headline: (sentence: Int, value: Bool) = (-1, false)
            while i < region.upperBound {
                // Most words open no cue: ask the first-word table before anything else.
                guard tokens[i].kind == .word, filter.mayContain(tokens[i].key), firstWords.contains(tokens[i].key),
                      let si = scope.sentence(ofToken: i) else { i += 1; continue }
                let limit = scope.context.sentences[si].tokens.upperBound
                guard let m = scope.lexicon.longestCue(in: tokens, from: i, limit: limit) else { i += 1; continue }
                let sentenceStart = scope.context.sentences[si].tokens.lowerBound
                // Whether the sentence reads as a headline, asked only of a capitalised cue.
                func inHeadline() -> Bool {
                    if headline.sentence != si { headline = (si, isHeadline(scope.context.sentences[si].tokens)) }
                    return headline.value
                }
                let caseOK: Bool
                switch m.payload.kind {
                case .verb: caseOK = tokens[i].shape == .lower || inHeadline()
                case .source, .adjunct: caseOK = tokens[i].shape == .lower || i == sentenceStart || inHeadline()
                        || (i > sentenceStart && tokens[i - 1].kind != .word)
                }
                if caseOK {
                    out.append(Cue(tokens: i..<m.end, kind: m.payload.kind, flags: m.payload.flags, sentence: si))
                    i = m.end
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// Most words capitalised, as in a headline.
    func isHeadline(_ r: Range<Int>) -> Bool {
        var words = 0, caps = 0
        for i in r where scope.tokens[i].kind == .word {
            words += 1
            if scope.tokens[i].isCapitalised { caps += 1 }
        }
        return words >= 3 && caps * 10 >= words * 7
    }
}

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

    /// Every cue in the searched sentences, in text order. Only the words whose key opens some cue
    /// (`QuoteScope.cueStarts`, found in the scope's pass over the tokens) are tried.
    public func cues() -> [Cue] {
        var out: [Cue] = []
        out.reserveCapacity(scope.cueStarts.count)
        let tokens = scope.tokens, sentences = scope.sentences
        // The trie taken once: read through the shared lexicon at each candidate, it was copied each time.
        let trie = scope.words.lexicon.cues
        var headline: (sentence: Int, value: Bool) = (-1, false)
        // The token after the last cue found: cues do not overlap.
        var next = 0
        for start in scope.cueStarts {
            let i = Int(start)
            guard i >= next else { continue }
            let si = Int(scope.sentenceOfToken[i])
            let sentence = sentences[si].tokens
            guard let m = trie.longest(in: tokens, from: i, limit: sentence.upperBound) else { continue }
            // Whether the sentence reads as a headline, asked only of a capitalised cue.
            func inHeadline() -> Bool {
                if headline.sentence != si { headline = (si, isHeadline(sentence)) }
                return headline.value
            }
            let caseOK: Bool
            switch m.payload.kind {
            case .verb: caseOK = tokens[i].shape == .lower || inHeadline()
            case .source, .adjunct: caseOK = tokens[i].shape == .lower || i == sentence.lowerBound || inHeadline()
                    || (i > sentence.lowerBound && tokens[i - 1].kind != .word)
            }
            if caseOK {
                out.append(Cue(tokens: i..<m.end, kind: m.payload.kind, flags: m.payload.flags, sentence: si))
                next = m.end
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

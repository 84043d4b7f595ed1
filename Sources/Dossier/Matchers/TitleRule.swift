/// Titles before names: "Interior Minister Qasim al-Araji", "President Recep Tayyip Erdogan",
/// "Mr Araji", "the Prime Minister, Haider al-Abadi", "Kurdish President Masoud Barzani".
/// The person's span excludes the title, which goes in `title`.
public struct TitleRule: Sendable {
    let language: LanguageData
    let gazetteer: Gazetteer
    /// The first words of titles and the demonyms: a match at a word outside them is nil.
    let openers: TitleOpenerFilter

    public init(language: LanguageData, gazetteer: Gazetteer) {
        self.language = language
        self.gazetteer = gazetteer
        openers = TitleOpenerFilter(language.titleFirstWords + gazetteer.demonyms.keys)
    }

    /// False when `match(at:in:context:)` is nil for a word with this key (it is neither a
    /// demonym nor a title's first word); true when it may not be.
    @inline(__always)
    func mayMatch(startingWith key: UInt64) -> Bool {
        openers.mayOpen(key)
    }

    /// A title at token `i` followed by a name: the title's tokens and the name's.
    public func match(at i: Int, in sentence: Sentence, context: MatchContext) -> (title: Range<Int>, name: Range<Int>, info: TitleInfo)? {
        let tokens = context.tokens
        let limit = sentence.tokens.upperBound
        var titleStart = i
        // A nationality before the title: "Kurdish President".
        if gazetteer.demonyms[tokens[i].key] != nil, tokens[i].isCapitalised, i + 1 < limit { titleStart = i + 1 }
        guard tokens[titleStart].isCapitalised, language.titles.hasPhrase(startingWith: tokens[titleStart].key),
              let titleEnd = language.titles.longestEnd(in: tokens, from: titleStart, limit: limit) else { return nil }
        var nameStart = titleEnd
        // "the Prime Minister, Haider al-Abadi"
        if nameStart < limit, tokens[nameStart].kind == .punctuation, context.firstUnit(nameStart) == 0x2C { nameStart += 1 }
        let name = NameRun.capitalised(from: nameStart, limit: limit, context: context, language: language, maxWords: 5)
        guard !name.isEmpty else { return nil }
        // A title word inside the run ("President Donald Trump" is fine; "Minister President" is not a name).
        if language.titles.longestEnd(in: tokens, from: name.lowerBound, limit: name.upperBound) != nil { return nil }
        guard let found = language.titles.longest(in: tokens, from: titleStart, limit: limit) else { return nil }
        return (i..<found.end, name, found.payload)
    }
}

/// Runs of capitalised words that can form a name, with lowercase particles ("al", "bin", "de")
/// and attached hyphens inside.
public enum NameRun {
    /// False when `capitalised(from: start, limit: limit, ...)` is certainly empty: a run starts at a
    /// capitalised word or at a lowercase particle (a dash there moves no further, being the first).
    /// A test of one token before the call, for callers that most often find no run.
    @inline(__always)
    static func mayStart(at start: Int, limit: Int, tokens: [Token], language: LanguageData) -> Bool {
        guard start < limit else { return false }
        let t = tokens[start]
        return t.notCapitalisedWord == 0 || (t.kind == .word && t.shape == .lower && language.nameParticles.contains(t.key))
    }

    /// The capitalised run starting at `start`, at most `maxWords` words; empty if none.
    public static func capitalised(from start: Int, limit: Int, context: MatchContext, language: LanguageData,
                                   maxWords: Int = 6) -> Range<Int> {
        let tokens = context.tokens
        var i = start
        var end = start
        var words = 0
        while i < limit, words < maxWords {
            let t = tokens[i]
            if t.kind == .word && t.isCapitalised && !(t.shape == .upper && t.length > 5) {
                words += 1
                i += 1
                end = i
                // An initial and its dot: "K.C. Maurer", "J. R. Smith".
                if t.length <= 3, i + 1 < limit, tokens[i].kind == .punctuation, tokens[i].length == 1, !tokens[i].spaceBefore,
                   context.firstUnit(i) == 0x2E, tokens[i + 1].kind == .word, tokens[i + 1].isCapitalised,
                   t.length == 1 || context.document.utf16[Int(t.start)..<Int(t.end)].contains(0x2E) {
                    i += 1
                }
            } else if t.kind == .word && t.shape == .lower && language.nameParticles.contains(t.key) {
                // (One probe of the particles for the lowercase word that most often ends a run.)
                if words > 0 {
                    // A particle counts only if a capitalised word follows.
                    guard !language.nameConnectives.contains(t.key) && i + 1 < limit else { break }
                } else {
                    // "al-Araji" at the start.
                    guard i + 2 < limit && tokens[i + 1].kind == .dash && !tokens[i + 1].spaceBefore && tokens[i + 2].isCapitalised
                    else { break }
                }
                i += 1
            } else if t.kind == .dash, !t.spaceBefore, i + 1 < limit, !tokens[i + 1].spaceBefore, words > 0 || i > start {
                i += 1
                // "Kwok-kin", "Wai-ching": a lowercase part joined by a hyphen belongs to the name.
                if tokens[i].kind == .word, tokens[i].shape == .lower, words > 0, !language.nameParticles.contains(tokens[i].key) {
                    i += 1
                    end = i
                }
            } else {
                break
            }
        }
        return start..<end
    }


}

/// Finds gazetteer names in sentences, longest match first, left to right, in time linear in
/// the tokens. A name matches only with the letter case its words need ("ISIS" and "Isis" match
/// the entry "Isis"; "turkey" does not match "Turkey"), and a name flagged as an everyday word
/// needs to stand where a name can: not first in its sentence.
public struct GazetteerMatcher: Sendable {
    let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// The best gazetteer name starting at token `i`, if any: its end and entry.
    public func match(at i: Int, in sentence: Sentence, context: MatchContext) -> (end: Int, entry: Int)? {
        let tokens = context.tokens
        let t = tokens[i]
        guard t.kind == .word || t.kind == .number else { return nil }
        let candidates = gazetteer.names.matches(in: tokens, from: i, limit: sentence.tokens.upperBound) { name, range in
            accepts(name, range, sentence: sentence, tokens: tokens)
        }
        guard let longest = candidates.first else { return nil }
        // Among names of the same length, prefer the best-ranked, most populous entry.
        var best = longest.payload
        for c in candidates where c.end == longest.end {
            let a = gazetteer.entries[Int(c.payload.entry)], b = gazetteer.entries[Int(best.entry)]
            if (a.rank, -a.population) < (b.rank, -b.population) { best = c.payload }
        }
        return (longest.end, Int(best.entry))
    }

    func accepts(_ name: GazetteerName, _ range: Range<Int>, sentence: Sentence, tokens: [Token]) -> Bool {
        var word = 0
        var capitalised = false
        var i = range.lowerBound
        while i < range.upperBound {
            let t = tokens[i]
            if t.kind == .dash && i > range.lowerBound { i += 1; continue }
            let need = (name.casePattern >> (2 * UInt64(word))) & 3
            switch need {
            case 1: if !t.isCapitalised && t.kind != .number { return false }
            case 2: if t.shape != .upper { return false }
            default: break
            }
            if t.isCapitalised { capitalised = true }
            word += 1
            i += 1
        }
        guard capitalised else { return false }
        let entry = gazetteer.entries[Int(name.entry)]
        if name.isCommon || (entry.isCommon && name.wordCount == 1) {
            // An everyday word: not at the start of a sentence, and not in an all-capitals headline.
            if range.lowerBound == sentence.tokens.lowerBound { return false }
            if tokens[range.lowerBound].shape == .upper && name.casePattern & 3 != 2 { return false }
        }
        return true
    }
}

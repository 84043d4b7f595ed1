/// One attribution made so far, for pronouns and turns to look back on.
struct Attribution {
    /// The token of the speaker's mention, and of the quotation or claim.
    var mentionToken: Int
    var anchor: Int
    var end: Int
    var sentence: Int
    var paragraph: Int
    var speaker: Speaker
}

/// Resolves a pronoun speaker to the nearest compatible antecedent: "he says" → the man who spoke
/// last, or else the person who is the subject of a recent sentence, or else the nearest person
/// mentioned before. "they" and "it" go to a group, organisation or descriptive speaker; "I" and
/// "we" stay as written.
public struct PronounResolver {
    let scope: QuoteScope
    /// How many sentences back an antecedent may lie.
    static let window = 8
    /// How many recent attributions are searched. The history grows with the document; searching
    /// all of it for each pronoun was quadratic ("she" after 50,000 men: 55 s for 3.6 MB).
    static let historyLimit = 256

    func resolve(_ pronoun: Speaker, history: [Attribution]) -> Speaker {
        guard case .pronoun(let agreement) = pronoun.kind, let at = pronoun.tokens.first,
              let sentence = scope.sentence(ofToken: at) else { return pronoun }
        var resolved: Speaker?
        switch agreement {
        case .male, .female:
            resolved = person(before: at, sentence: sentence, agreement: agreement, history: history)
        case .plural, .neuter:
            resolved = group(before: at, sentence: sentence, agreement: agreement, history: history)
        case .self:
            resolved = nil
        }
        guard var r = resolved else { return pronoun }
        r.tokens = pronoun.tokens
        return r
    }

    func compatible(_ s: Speaker, _ agreement: PronounAgreement) -> Bool {
        guard s.isPerson else { return false }
        switch agreement {
        case .male: return s.gender != .female
        case .female: return s.gender != .male
        default: return false
        }
    }

    func person(before at: Int, sentence: Int, agreement: PronounAgreement, history: [Attribution]) -> Speaker? {
        let finder = SpeakerFinder(scope: scope)
        let first = max(0, sentence - Self.window)
        for si in stride(from: sentence, through: first, by: -1) {
            let s = scope.sentences[si]
            // The last speaker of that sentence…
            if let a = history.suffix(Self.historyLimit).last(where: { $0.sentence == si && $0.mentionToken < at && compatible($0.speaker, agreement) }) {
                return a.speaker
            }
            // …or the person the sentence is about: a person mention at its start.
            var i = s.tokens.lowerBound
            let limit = min(s.tokens.upperBound, at)
            while i < limit, i < s.tokens.lowerBound + 4 {
                if let m = scope.mention(at: i), m.type == .person {
                    let sp = finder.entitySpeaker(m)
                    if compatible(sp, agreement) { return sp }
                    break
                }
                i += 1
            }
        }
        // The nearest person mentioned before.
        var i = at - 1
        let stop = scope.sentences[first].tokens.lowerBound
        while i >= stop {
            if let m = scope.mention(at: i), m.type == .person {
                let sp = finder.entitySpeaker(m)
                if compatible(sp, agreement) { return sp }
                i = m.tokens.lowerBound
            }
            i -= 1
        }
        return history.suffix(Self.historyLimit).last(where: { $0.mentionToken < at && compatible($0.speaker, agreement) })?.speaker
    }

    func group(before at: Int, sentence: Int, agreement: PronounAgreement, history: [Attribution]) -> Speaker? {
        let first = max(0, sentence - 3)
        if let a = history.suffix(Self.historyLimit).last(where: { $0.sentence >= first && $0.mentionToken < at && !$0.speaker.isPerson
                                           && { if case .pronoun = $0.speaker.kind { return false }; return true }($0) }) {
            return a.speaker
        }
        let finder = SpeakerFinder(scope: scope)
        var i = at - 1
        let stop = scope.sentences[first].tokens.lowerBound
        while i >= stop {
            if let m = scope.mention(at: i), m.type == .organisation || (agreement == .neuter && m.type == .place) {
                return finder.entitySpeaker(m)
            }
            i -= 1
        }
        return nil
    }
}

/// Who is reported as speaking: a recognised entity, a pronoun (resolved later), an unnamed
/// source described as written ("a senior Iraqi security official"), or a capitalised name the
/// recogniser did not know.
public struct Speaker: Sendable, Equatable {
    /// What the speaker is.
    public enum Kind: Sendable, Equatable {
        case entity(EntityType)
        case pronoun(PronounAgreement)
        case descriptive
        case name
    }

    /// The canonical name, the descriptive phrase, or the pronoun until it is resolved.
    public var name: String
    /// Token range of the mention the attribution rests on.
    public var tokens: Range<Int>
    public var kind: Kind
    public var gender: Gender = .unknown

    /// A person (named or resolved from a pronoun), as opposed to a group or a description.
    public var isPerson: Bool {
        if case .entity(.person) = kind { return true }
        return kind == .name
    }
}

/// Finds the speaker of a reporting cue: the subject on its left ("X said", "X, who …, said",
/// "X also said"), or the phrase after it in inverted order ("said Interior Minister X",
/// "according to X").
public struct SpeakerFinder {
    let scope: QuoteScope
    static let who = TokenKey.of("who")
    static let and = TokenKey.of("and")
    static let but = TokenKey.of("but")

    /// The subject ending just before token `cueStart`, looking no further left than `lowerBound`.
    public func left(of cueStart: Int, lowerBound: Int) -> Speaker? {
        var j = skipAdverbs(from: cueStart - 1, lowerBound: lowerBound)
        guard j >= lowerBound else { return nil }
        if scope.key(j) == Self.who, scope.isWord(j) {
            j -= 1
            if j >= lowerBound, scope.isPunctuation(j, 0x2C) { j -= 1 }
            return j >= lowerBound ? subject(endingAt: j, lowerBound: lowerBound) : nil
        }
        if scope.isPunctuation(j, 0x2C) {
            // An appositive or a clause between commas: "Mr Araji, speaking in his office, says",
            // "Cynthia Thompson, curator at the University of Arkansas, Fayetteville, said". A
            // person before an earlier comma wins over whatever stands before a later one.
            var firstCandidate: Speaker?
            var k = j - 1
            while k >= lowerBound, k > j - 40, scope.tokens[k].kind != .quote, !scope.isFinal(k) {
                if scope.isPunctuation(k, 0x2C), k < j - 1, let s = subject(endingAt: k - 1, lowerBound: lowerBound) {
                    if s.isPerson { return s }
                    if firstCandidate == nil { firstCandidate = s }
                }
                k -= 1
            }
            return firstCandidate
        }
        return subject(endingAt: j, lowerBound: lowerBound)
    }

    /// Whether the token is a preposition that makes what follows its object ("officials in
    /// Baghdad", "a letter seen by Sky News").
    func isPreposition(_ i: Int) -> Bool {
        let t = scope.tokens[i]
        return t.kind == .word && t.shape == .lower && scope.lexicon.stopWords.contains(t.key)
            && !scope.lexicon.determiners.contains(t.key) && t.key != Self.and && t.key != Self.but
            && scope.lexicon.pronouns[t.key] == nil && t.key != Self.who
    }

    /// Whether the cue follows "and"/"but" with no subject of its own ("X agreed … and said").
    public func isCoordinated(_ cueStart: Int, lowerBound: Int) -> Bool {
        let j = skipAdverbs(from: cueStart - 1, lowerBound: lowerBound)
        guard j >= lowerBound else { return false }
        return scope.isWord(j) && (scope.key(j) == Self.and || scope.key(j) == Self.but)
    }

    func skipAdverbs(from start: Int, lowerBound: Int) -> Int {
        var j = start
        var skipped = 0
        while j >= lowerBound, skipped < 3, scope.tokens[j].shape == .lower,
              scope.lexicon.skipWords.contains(scope.key(j)) || scope.isLyAdverb(j) {
            j -= 1
            skipped += 1
        }
        return j
    }

    /// A subject noun phrase whose last token is `j`. A name that is the object of a preposition
    /// gives way to the noun the phrase hangs on: "officials in Baghdad" → "officials".
    func subject(endingAt j: Int, lowerBound: Int) -> Speaker? {
        guard let s = simpleSubject(endingAt: j, lowerBound: lowerBound) else { return nil }
        let p = s.tokens.lowerBound - 1
        guard p > lowerBound, isPreposition(p), s.kind != .descriptive else { return s }
        if let head = simpleSubject(endingAt: p - 1, lowerBound: lowerBound), head.kind != .name { return head }
        // A participle before the preposition: "a letter seen by Sky News".
        if p - 2 >= lowerBound, scope.tokens[p - 1].shape == .lower, scope.isWord(p - 1),
           let head = simpleSubject(endingAt: p - 2, lowerBound: lowerBound), head.kind == .descriptive {
            return head
        }
        return s
    }

    func simpleSubject(endingAt j: Int, lowerBound: Int) -> Speaker? {
        guard j >= lowerBound, j >= 0 else { return nil }
        let t = scope.tokens[j]
        if let m = scope.mention(at: j), m.tokens.upperBound - 1 == j {
            return entitySpeaker(m)
        }
        guard t.kind == .word else { return nil }
        let key = t.key
        if let agreement = scope.lexicon.pronouns[key] {
            // "the i reporting": a name, not the pronoun.
            if j > lowerBound, scope.lexicon.determiners.contains(scope.key(j - 1)) { return nil }
            return Speaker(name: scope.text(j), tokens: j..<(j + 1), kind: .pronoun(agreement))
        }
        if scope.lexicon.speakerNouns.contains(key) {
            return descriptive(head: j, lowerBound: lowerBound)
        }
        if t.isCapitalised, !scope.lexicon.stopWords.contains(key) {
            var k = j
            while k - 1 >= lowerBound, scope.tokens[k - 1].kind == .word, scope.tokens[k - 1].isCapitalised,
                  !scope.lexicon.stopWords.contains(scope.key(k - 1)), j - k < 4 {
                k -= 1
            }
            return nameSpeaker(k..<(j + 1))
        }
        return nil
    }

    /// A descriptive speaker ending with the head noun at `head`, extended left over its
    /// modifiers up to and including a determiner: "A senior Iraqi security official", "local people".
    func descriptive(head: Int, lowerBound: Int) -> Speaker {
        var k = head
        var steps = 0
        while k - 1 >= lowerBound, steps < 7 {
            let p = k - 1
            let t = scope.tokens[p]
            if t.kind == .word {
                let key = t.key
                if scope.lexicon.determiners.contains(key) { k = p; break }
                if scope.lexicon.stopWords.contains(key) || scope.lexicon.skipWords.contains(key)
                    || scope.lexicon.pronouns[key] != nil || scope.lexicon.isOneWordCue(key) { break }
                if let m = scope.mention(at: p), m.type == .person { break }
                k = p
            } else if t.kind == .clitic || t.kind == .number {
                k = p
            } else if t.kind == .dash, !t.spaceBefore, !scope.tokens[k].spaceBefore, p - 1 >= lowerBound {
                k = p
            } else {
                break
            }
            steps += 1
        }
        return Speaker(name: descriptiveText(k..<(head + 1)), tokens: k..<(head + 1), kind: .descriptive)
    }

    /// The phrase as written, with a capitalised opening determiner lowered ("A senior official" →
    /// "a senior official").
    func descriptiveText(_ r: Range<Int>) -> String {
        guard scope.lexicon.determiners.contains(scope.key(r.lowerBound)), scope.tokens[r.lowerBound].shape == .capitalised else {
            return scope.text(r)
        }
        // An ASCII capital (every English determiner) is lowered in the UTF-16 text; any other first
        // character as a `Character`.
        let start = Int(scope.tokens[r.lowerBound].start), end = Int(scope.tokens[r.upperBound - 1].end)
        let first = scope.units[start]
        if first >= 0x41, first <= 0x5A, start < end {
            var units = Array(scope.units[start..<end])
            units[0] = first | 0x20
            return units.withUnsafeBufferPointer { Document.string($0) }
        }
        var s = scope.text(r)
        if let f = s.first { s = f.lowercased() + s.dropFirst() }
        return s
    }

    /// The speaker after a cue in inverted order: "said Interior Minister Qasim al-Araji",
    /// "says Mr Araji", "said a spokesman", "according to AFP".
    public func right(of cueEnd: Int, upperBound: Int, generic: Bool = false) -> Speaker? {
        var t = cueEnd
        // A recognised entity after titles and determiners.
        while t < upperBound, t < cueEnd + 7 {
            if let m = scope.mention(at: t), m.tokens.lowerBound == t {
                // "Saudi Arabia's Civil Defense Authority": the possessor is not the speaker.
                let after = m.tokens.upperBound
                if after < upperBound, scope.tokens[after].kind == .clitic { t = after + 1; continue }
                return entitySpeaker(m)
            }
            let tok = scope.tokens[t]
            // Titles, determiners and role nouns before a name: "according to curator Elaine Gustafon".
            if tok.kind == .word, tok.isCapitalised || scope.lexicon.determiners.contains(tok.key)
                || scope.lexicon.speakerNouns.contains(tok.key) { t += 1; continue }
            if tok.kind == .clitic { t += 1; continue }
            break
        }
        guard cueEnd < upperBound, scope.isWord(cueEnd) else { return nil }
        let first = scope.tokens[cueEnd]
        if let agreement = scope.lexicon.pronouns[first.key] {
            let next = cueEnd + 1
            if next >= upperBound || scope.tokens[next].kind == .punctuation {
                return Speaker(name: scope.text(cueEnd), tokens: cueEnd..<(cueEnd + 1), kind: .pronoun(agreement))
            }
            return nil
        }
        // A descriptive phrase: determiners and modifiers up to the last head noun.
        var k = cueEnd
        var lastHead = -1
        var lastContent = -1
        while k < upperBound, k < cueEnd + 8 {
            let tok = scope.tokens[k]
            if tok.kind == .word {
                if scope.lexicon.determiners.contains(tok.key) {
                    if k > cueEnd && lastContent >= 0 { break }
                } else if scope.lexicon.stopWords.contains(tok.key) || scope.lexicon.isOneWordCue(tok.key) {
                    break
                } else if lastContent >= 0, tok.shape == .lower, tok.length > 3,
                          scope.units[Int(tok.end) - 2] == 0x65, scope.units[Int(tok.end) - 1] == 0x64 {
                    break  // "an Internet posting made …": a participle starts a modifier.
                } else {
                    lastContent = k
                    if scope.lexicon.speakerNouns.contains(tok.key) { lastHead = k }
                }
            } else if tok.kind == .clitic || tok.kind == .number || (tok.kind == .dash && !tok.spaceBefore) {
            } else {
                break
            }
            k += 1
        }
        if lastHead >= 0 {
            return Speaker(name: descriptiveText(cueEnd..<(lastHead + 1)), tokens: cueEnd..<(lastHead + 1), kind: .descriptive)
        }
        if first.isCapitalised, !scope.lexicon.stopWords.contains(first.key) {
            var e = cueEnd + 1
            while e < upperBound, scope.tokens[e].kind == .word, scope.tokens[e].isCapitalised, e < cueEnd + 5 { e += 1 }
            return nameSpeaker(cueEnd..<e)
        }
        if generic, lastContent >= 0 {
            return Speaker(name: descriptiveText(cueEnd..<(lastContent + 1)), tokens: cueEnd..<(lastContent + 1), kind: .descriptive)
        }
        return nil
    }

    func entitySpeaker(_ ref: QuoteScope.MentionRef) -> Speaker {
        let entities = scope.entities, k = ref.index
        let name = entities[k].canonical ?? scope.slice(entities[k].start, entities[k].end)
        var gender = entities[k].gender
        if gender == .unknown { gender = scope.genderOfName[name] ?? .unknown }
        return Speaker(name: name, tokens: ref.tokens, kind: .entity(ref.type), gender: gender)
    }

    /// A capitalised name the recogniser missed; resolved to a person whose canonical name ends
    /// with it when there is one ("Basya" → "Fuad Basya").
    func nameSpeaker(_ r: Range<Int>) -> Speaker {
        let lastKey = scope.key(r.upperBound - 1)
        let entities = scope.entities
        for k in entities.indices where entities[k].type == .person {
            let tokens = entities[k].tokens
            guard tokens.count > r.count, scope.key(tokens.upperBound - 1) == lastKey, let c = entities[k].canonical else { continue }
            var gender = entities[k].gender
            if gender == .unknown { gender = scope.genderOfName[c] ?? .unknown }
            return Speaker(name: c, tokens: r, kind: .entity(.person), gender: gender)
        }
        return Speaker(name: scope.text(r), tokens: r, kind: .name)
    }
}

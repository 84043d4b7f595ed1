/// Resolves entity mentions across a document, as GATE's orthomatcher does:
/// - a surname after a full name resolves to it ("Mr Araji", "Araji" → "Qasim al-Araji"), and so does a
///   given name that only one person of the document bears ("Ahmed" → "Ahmed Mohamed");
/// - an acronym defined in the text resolves to its expansion ("Kurdistan Regional Government (KRG)");
/// - later bare mentions of a resolved surname or acronym become mentions too, with its type;
/// - every mention gets one canonical name and a stable id (the gazetteer's, or `local:<slug>`).
public struct AliasResolver: Sendable {
    let language: LanguageData
    let gazetteer: Gazetteer

    public init(language: LanguageData, gazetteer: Gazetteer) {
        self.language = language
        self.gazetteer = gazetteer
    }

    struct Alias {
        var type: EntityType
        var canonical: String
        var id: String?
        var position: Int
    }

    public func resolve(_ input: [EntityMention], context: MatchContext) -> [EntityMention] {
        let tokens = context.tokens
        var mentions = input.sorted { $0.start < $1.start }
        var aliases: KeyMap<[Alias]> = [:]
        var firstNames: KeyMap<[Alias]> = [:]
        // Full names first: give rule-found names their own text as canonical, and index surnames.
        for k in mentions.indices {
            var words = 0, firstWord = -1, lastWord = -1
            for i in mentions[k].tokens where tokens[i].kind == .word {
                words += 1
                if firstWord < 0 { firstWord = i }
                lastWord = i
            }
            if mentions[k].canonical == nil, words >= 2 || mentions[k].type != .person {
                mentions[k].canonical = Self.normalisedName(context.text(mentions[k].tokens))
            }
            let m = mentions[k]
            if m.type == .person, let canonical = m.canonical, words >= 2 {
                aliases[tokens[lastWord].key, default: []].append(Alias(type: .person, canonical: canonical, id: m.id, position: m.start))
                firstNames[tokens[firstWord].key, default: []].append(Alias(type: .person, canonical: canonical, id: m.id, position: m.start))
            }
        }
        // A given name alone ("Ahmed") stands for the one person of the document who bears it.
        for (key, people) in firstNames where aliases[key] == nil && gazetteer.givenNames.contains(key) {
            if people.allSatisfy({ $0.canonical == people[0].canonical }) { aliases[key] = people }
        }
        // Acronyms defined in parentheses right after a name.
        var added: [EntityMention] = []
        let coveredStarts = Set(mentions.map(\.start))
        for m in mentions where m.type != .person {
            let after = m.tokens.upperBound
            guard after + 2 < tokens.count, context.firstUnit(after) == 0x28, tokens[after + 1].shape == .upper,
                  context.firstUnit(after + 2) == 0x29, let canonical = m.canonical else { continue }
            let acronym = tokens[after + 1]
            aliases[acronym.key, default: []].append(Alias(type: m.type, canonical: canonical, id: m.id, position: m.start))
            if coveredStarts.contains(Int(acronym.start)) { continue }
            added.append(EntityMention(tokens: (after + 1)..<(after + 2), start: Int(acronym.start), end: Int(acronym.end),
                                       type: m.type, canonical: canonical, id: m.id, source: .acronym))
        }
        // Single-word people ("Mr Araji") resolve to the nearest full name before them, else any.
        for k in mentions.indices where mentions[k].canonical == nil {
            let m = mentions[k]
            if let word = m.tokens.last(where: { tokens[$0].kind == .word }), let found = best(aliases[tokens[word].key], before: m.start) {
                mentions[k].canonical = found.canonical
                mentions[k].id = found.id
            } else {
                mentions[k].canonical = Self.normalisedName(context.text(m.tokens))
            }
        }
        mentions += added
        // Bare later mentions of a surname or acronym.
        var covered = [Bool](repeating: false, count: tokens.count)
        for m in mentions { for i in m.tokens { covered[i] = true } }
        for sentence in context.searched where !aliases.isEmpty {
            for i in sentence.tokens where !covered[i] {
                let t = tokens[i]
                guard t.kind == .word, t.isCapitalised, let candidates = aliases[t.key], !language.stopWords.contains(t.key),
                      let found = best(candidates, before: Int(t.start)) else { continue }
                if i > sentence.tokens.lowerBound, tokens[i - 1].kind == .word, tokens[i - 1].isCapitalised, !covered[i - 1] { continue }
                if i + 1 < sentence.tokens.upperBound, tokens[i + 1].kind == .word, tokens[i + 1].isCapitalised, !covered[i + 1] { continue }
                mentions.append(EntityMention(tokens: i..<(i + 1), start: Int(t.start), end: Int(t.end), type: found.type,
                                              canonical: found.canonical, id: found.id, source: .alias))
            }
        }
        mentions.sort { $0.start < $1.start }
        var slugs: [String: String] = [:]
        for k in mentions.indices where mentions[k].id == nil {
            let canonical = mentions[k].canonical ?? ""
            if let id = slugs[canonical] {
                mentions[k].id = id
            } else {
                let id = "local:" + Self.slug(canonical)
                slugs[canonical] = id
                mentions[k].id = id
            }
        }
        return mentions
    }

    /// The alias defined nearest before `position`, else the first one after it.
    func best(_ candidates: [Alias]?, before position: Int) -> Alias? {
        guard let candidates, !candidates.isEmpty else { return nil }
        return candidates.last { $0.position <= position } ?? candidates.first
    }

    /// A name with its spaces collapsed, line breaks removed.
    static func normalisedName(_ s: String) -> String {
        var previousSpace = true
        let clean = s.utf8.allSatisfy { b in
            let space = b == 0x20
            defer { previousSpace = space }
            return b != 0x0A && b != 0x0D && b != 0x09 && !(space && previousSpace)
        }
        if clean, s.utf8.last != 0x20 { return s }
        return s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    /// A lowercase ASCII slug: "Qasim al-Araji" → "qasim-al-araji".
    public static func slug(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var dash = false
        for b in s.utf8 {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                out.append(b)
                dash = false
            } else if b >= 0x41 && b <= 0x5A {
                out.append(b + 0x20)
                dash = false
            } else if !out.isEmpty, !dash, b < 0x80 || b >= 0xC0 {
                out.append(0x2D)
                dash = true
            }
        }
        while out.last == 0x2D { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}

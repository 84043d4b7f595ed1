import Foundation

/// English language data: the word lists the rules use (stop words, abbreviations, titles, chrome
/// phrases, organisation and place keywords, …), each a small data file in `Language/en/`,
/// loaded once. Like spaCy's `lang/en`, the data lives apart from the algorithms.
public final class LanguageData: Sendable {
    /// Function words, by token key.
    public let stopWords: KeySet
    /// Words that are abbreviations when followed by a dot, by class.
    public let abbreviations: KeyMap<AbbreviationClass>
    /// Honorifics and roles that precede a person's name ("Mr", "Interior Minister").
    public let titles: PhraseTrie<TitleInfo>
    /// The first word of every phrase in `titles` (what `titles.hasPhrase(startingWith:)` accepts).
    let titleFirstWords: [UInt64]
    /// Lowercase words inside names: particles ("al", "bin", "van", "de") and connectives ("of", "in").
    public let nameParticles: KeySet
    /// The connectives among them, which join organisation and place names but not people's.
    public let nameConnectives: KeySet
    /// Patterns of page chrome lines (navigation, buttons, legal and subscription lines).
    public let chromePatterns: [ChromePattern]
    /// Patterns of picture captions and credits.
    public let captionPatterns: [ChromePattern]
    /// Words that make a capitalised phrase an organisation ("Organisation", "Ministry").
    public let organisationKeywords: KeyMap<KeywordPosition>
    /// Words that make a capitalised phrase a place ("district", "Lake").
    public let placeKeywords: KeyMap<KeywordPosition>
    /// Names that stand for nobody in particular ("anonymous", "guest").
    public let anonymousNames: KeySet
    /// Prepositions that introduce places: "in", "from", "near".
    public let locativeWords: KeySet
    /// Capitalised abbreviations that name no organisation: "CEO", "TV", "GDP".
    public let nonEntityAcronyms: KeySet
    /// Words of sports reports, each with its line number.
    public let sportsWords: PhraseTrie<Int>
    /// The first words of `sportsWords`, as a prefilter for a pass over every token.
    let sportsFirstWords: KeyPrefilter
    /// The most frequent English words: everyday words, not names.
    public let commonWords: KeySet
    /// Roles written in lowercase before a name: "mayor", "striker", "spokesman" (the titles too).
    public let roleWords: KeySet
    /// Articles ("the", "a", "an").
    public let determiners: KeySet
    /// Prepositions that make a country in a sports report a side: "lost to England".
    public let sidePrepositions: KeySet
    /// Prepositions: a name after one is not the subject of the next verb.
    public let prepositions: KeySet
    /// Verbs that make the name before them an actor, as speech or action.
    public let agentVerbs: KeyMap<AgentVerb>
    /// Days, months and holidays: capitalised, never part of a person's name.
    public let calendarWords: KeySet

    /// The data shipped with Dossier.
    public static let english: LanguageData = {
        do { return try LanguageData(directory: LanguageData.bundledDirectory()) } catch {
            fatalError("Dossier's language data is missing: \(error)")
        }
    }()

    static func bundledDirectory() -> URL {
        if let url = Bundle.module.url(forResource: "en", withExtension: nil) { return url }
        return Bundle.module.bundleURL.appendingPathComponent("en")
    }

    public init(directory: URL) throws {
        let lines = { (name: String) throws -> [Substring] in try DataFile.lines(directory.appendingPathComponent(name)) }
        stopWords = KeySet(try lines("stop_words.txt").map { TokenKey.of($0) })
        var abbreviations: KeyMap<AbbreviationClass> = [:]
        for line in try lines("abbreviations.txt") {
            let fields = DataFile.fields(line)
            guard let word = fields.first else { continue }
            let cls = fields.count > 1 ? AbbreviationClass(rawValue: String(fields[1])) ?? .always : .always
            abbreviations[TokenKey.of(word.hasSuffix(".") ? word.dropLast() : word)] = cls
        }
        self.abbreviations = abbreviations
        var titles = PhraseTrie<TitleInfo>()
        var titleFirstWords: [UInt64] = []
        for line in try lines("titles.txt") {
            let fields = DataFile.fields(line)
            guard let phrase = fields.first else { continue }
            let gender = fields.count > 1 ? String(fields[1]) : ""
            let info = TitleInfo(text: String(phrase), gender: Gender(rawValue: gender) ?? .unknown)
            let keys = PhraseWords.keys(phrase)
            titles.insert(keys, info)
            titleFirstWords += keys.prefix(1)
            if phrase.hasSuffix(".") == false, phrase.count <= 4, !phrase.contains(" ") {
                let dotted = PhraseWords.keys(phrase + ".")
                titles.insert(dotted, info)
                titleFirstWords += dotted.prefix(1)
            }
        }
        self.titles = titles
        self.titleFirstWords = titleFirstWords
        let particles = try lines("name_particles.txt").map { $0.split(separator: "\t") }
        nameParticles = KeySet(particles.map { TokenKey.of($0[0]) })
        nameConnectives = KeySet(particles.filter { $0.count > 1 && $0[1] == "connective" }.map { TokenKey.of($0[0]) })
        chromePatterns = try lines("chrome_patterns.txt").map { ChromePattern(String($0)) }
        captionPatterns = try lines("caption_patterns.txt").map { ChromePattern(String($0)) }
        let keywords = { (name: String) throws -> KeyMap<KeywordPosition> in
            var out: KeyMap<KeywordPosition> = [:]
            for line in try lines(name) {
                let f = line.split(separator: "\t")
                guard f.count == 2, let position = KeywordPosition(rawValue: String(f[1])) else { continue }
                let key = TokenKey.of(f[0])
                if let old = out[key], old != position { out[key] = .both } else { out[key] = position }
            }
            return out
        }
        organisationKeywords = try keywords("org_keywords.txt")
        placeKeywords = try keywords("place_keywords.txt")
        anonymousNames = KeySet(try lines("anonymous_names.txt").map { TokenKey.of($0) })
        locativeWords = KeySet(try lines("locative_words.txt").map { TokenKey.of($0) })
        nonEntityAcronyms = KeySet(try lines("non_entity_acronyms.txt").map { TokenKey.of($0) })
        commonWords = KeySet(try lines("common_words.txt").map { TokenKey.of($0) })
        var sports = PhraseTrie<Int>()
        var sportsFirst: [UInt64] = []
        for (n, phrase) in try lines("sports_words.txt").enumerated() {
            let keys = PhraseWords.keys(phrase)
            sports.insert(keys, n)
            if let first = keys.first { sportsFirst.append(first) }
        }
        sportsWords = sports
        sportsFirstWords = KeyPrefilter(sportsFirst)
        var roles = KeySet(try lines("role_words.txt").map { TokenKey.of($0) })
        for line in try lines("titles.txt") {
            if let last = PhraseWords.split(DataFile.fields(line)[0]).last { roles.insert(TokenKey.of(last)) }
        }
        roleWords = roles
        prepositions = KeySet(try lines("prepositions.txt").map { TokenKey.of($0) })
        determiners = KeySet(try lines("determiners.txt").map { TokenKey.of($0) })
        sidePrepositions = KeySet(try lines("side_prepositions.txt").map { TokenKey.of($0) })
        var agents: KeyMap<AgentVerb> = [:]
        for line in try lines("agent_verbs.txt") {
            let f = DataFile.fields(line)
            if f.count == 2, let kind = AgentVerb(rawValue: String(f[1])) { agents[TokenKey.of(f[0])] = kind }
        }
        agentVerbs = agents
        calendarWords = KeySet(try lines("calendar_words.txt").map { TokenKey.of($0) })
    }
}

/// How an abbreviation followed by a dot affects sentence splitting.
public enum AbbreviationClass: String, Sendable {
    /// Never ends a sentence ("e.g.", "Dr.", "Gen.").
    case always
    /// Ends a sentence unless the next word is a capitalised content word ("U.S. Army").
    case acronym
}

/// Where a keyword sits relative to the name it marks.
public enum KeywordPosition: String, Sendable {
    case first, last, both, before, after
}

/// What a verb after a name tells about it.
public enum AgentVerb: String, Sendable {
    case speech, action
}

/// A grammatical gender, when a title or pronoun tells it.
public enum Gender: String, Sendable {
    case male, female, unknown = ""
}

/// A title from `titles.txt`.
public struct TitleInfo: Sendable {
    public var text: String
    public var gender: Gender
}

/// Reads data files: UTF-8, one entry a line, `#` comments and blank lines skipped, spaces
/// trimmed. Works on bytes: gazetteers hold hundreds of thousands of lines.
enum DataFile {
    static func lines(_ url: URL) throws -> [Substring] {
        let bytes = [UInt8](try Data(contentsOf: url))
        var out: [Substring] = []
        out.reserveCapacity(bytes.count / 24)
        var i = 0
        let n = bytes.count
        while i < n {
            var j = i
            while j < n, bytes[j] != 0x0A { j += 1 }
            var s = i, e = j
            while s < e, bytes[s] == 0x20 { s += 1 }
            while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x0D { e -= 1 }
            if s < e, bytes[s] != 0x23 {
                out.append(Substring(String(decoding: bytes[s..<e], as: UTF8.self)))
            }
            i = j + 1
        }
        return out
    }

    /// A field without the spaces and tabs around it.
    static func trimmed(_ field: Substring) -> Substring {
        let u = field.utf8
        var s = u.startIndex, e = u.endIndex
        while s < e, u[s] == 0x20 || u[s] == 0x09 { s = u.index(after: s) }
        while e > s, u[u.index(before: e)] == 0x20 || u[u.index(before: e)] == 0x09 { e = u.index(before: e) }
        return field[s..<e]
    }

    /// The tab-separated fields of a line, empty ones kept.
    static func fields(_ line: Substring) -> [Substring] {
        var out: [Substring] = []
        var start = line.startIndex
        var i = line.utf8.startIndex
        while i < line.utf8.endIndex {
            if line.utf8[i] == 0x09 {
                out.append(line[start..<i])
                start = line.utf8.index(after: i)
            }
            i = line.utf8.index(after: i)
        }
        out.append(line[start..<line.endIndex])
        return out
    }
}

import Foundation

/// The word lists of the figure rules, read once from `Language/en/figures_*.txt` and compiled to
/// token-key tables and phrase tries, so that the rules compare hash keys, never strings.
public struct FigureLexicon: Sendable {
    /// What a number word is ("seventeen" is a teen, "hundreds" vague, "half" a fraction).
    public enum NumberClass: String, Sendable {
        case digit, teen, tens, scale, dozen, vague
        case vagueOf = "vague-of"
        case fraction, ordinal, article
    }

    /// A number word from `figures_number_words.txt`.
    public struct NumberWord: Sendable {
        public var value: Double
        public var cls: NumberClass
    }

    /// A counted noun from `figures_units.txt`: the unit written in the record (nil: the text as
    /// written) and the figure type it implies (nil: decided by cue words).
    public struct UnitInfo: Sendable {
        public var unit: String?
        public var type: String? { didSet { figureType = type.flatMap(FigureType.init(rawValue:)) } }
        /// `type` read as a figure type, once, so that the rules compare enum cases, not strings.
        private(set) var figureType: FigureType?

        public init(unit: String?, type: String?) {
            self.unit = unit
            self.type = type
            figureType = type.flatMap(FigureType.init(rawValue:))
        }
    }

    /// Roles of the words in `figures_date_words.txt` and `figures_context_words.txt`.
    public enum Role: String, Sendable, CaseIterable {
        case month, weekday, time, yearBefore = "year-before", era
        case pronounOne = "pronoun-one", notAfterOne = "not-after-one", placePreposition = "place-preposition"
        case age, ageAfter = "age-after", clauseBreak = "clause-break", ellipsisLink = "ellipsis-link"
        case ordinalModifier = "ordinal-modifier", notUnit = "not-unit", rangeFrom = "range-from", rangeTo = "range-to"
        case determiner
        case unitAdjective = "unit-adjective"

        /// The role's bit in a word's role mask: one bit per role, without hashing the role.
        @inline(__always) var bit: UInt32 {
            switch self {
            case .month: 1 << 0
            case .weekday: 1 << 1
            case .time: 1 << 2
            case .yearBefore: 1 << 3
            case .era: 1 << 4
            case .pronounOne: 1 << 5
            case .notAfterOne: 1 << 6
            case .placePreposition: 1 << 7
            case .age: 1 << 8
            case .ageAfter: 1 << 9
            case .clauseBreak: 1 << 10
            case .ellipsisLink: 1 << 11
            case .ordinalModifier: 1 << 12
            case .notUnit: 1 << 13
            case .rangeFrom: 1 << 14
            case .rangeTo: 1 << 15
            case .determiner: 1 << 16
            case .unitAdjective: 1 << 17
            }
        }
    }

    /// Number words by token key (a word may have several classes: "third").
    public let numberWords: KeyMap<[NumberWord]>
    /// Multipliers written as separate words ("2.5 million"), by token key.
    public let multiplierWords: KeyMap<Double>
    /// Multipliers glued to digits ("6m", "3bn"), by lowercase suffix.
    public let multiplierSuffixes: [String: Double]
    /// Bounds and approximations before a number; payload: the qualifier written in the record.
    public let qualifiers: PhraseTrie<String>
    /// Currencies written before the number ("$", "US $"); payload: ISO code.
    public let currenciesBefore: PhraseTrie<String>
    /// Currencies written after the number ("dollars"); payload: ISO code.
    public let currenciesAfter: PhraseTrie<String>
    /// Known counted nouns.
    public let units: PhraseTrie<UnitInfo>
    /// Cue words that give a figure its type ("killed" → casualties).
    public let cues: PhraseTrie<String>
    /// Words before a number that make it an identifier ("Section", "page").
    public let identifiersBefore: KeySet
    /// Words after a number that make it an identifier or page chrome ("Comments", "Street").
    public let identifiersAfter: KeySet
    /// Context roles, by token key.
    let roles: KeyMap<UInt32>
    /// Keys of every number word, multiplier word and article, for the fast first check.
    public let candidateKeys: KeySet
    /// `candidateKeys` summarised, to pass over most words without a probe.
    let candidateFilter: KeyPrefilter
    /// Keys of the number words that are more than an article: a sentence without one of these
    /// or a digit has no number ("a" reads as one only before "hundred", "dozen", "third"…).
    let numberSignalKeys: KeySet
    /// `numberSignalKeys` summarised.
    let numberSignalFilter: KeyPrefilter
    /// The last words of the phrases of `qualifiers`, `currenciesBefore` and `cues`: no phrase of
    /// a trie ends right before a token unless the word before it is one of its last words.
    let qualifierLastWords: KeySet
    let currencyBeforeLastWords: KeySet
    let cueLastWords: KeySet

    /// The lexicon shipped with Dossier.
    public static let english: FigureLexicon = {
        do { return try FigureLexicon(directory: LanguageData.bundledDirectory()) } catch {
            fatalError("Dossier's figure word lists are missing: \(error)")
        }
    }()

    public init(directory: URL) throws {
        func rows(_ name: String) throws -> [[Substring]] {
            try DataFile.lines(directory.appendingPathComponent(name)).map {
                $0.split(separator: "\t", omittingEmptySubsequences: false).map(DataFile.trimmed)
            }
        }
        var numberWords: KeyMap<[NumberWord]> = [:]
        for f in try rows("figures_number_words.txt") where f.count >= 3 {
            guard let v = Double(f[1]), let c = NumberClass(rawValue: String(f[2])) else { continue }
            numberWords[TokenKey.of(f[0]), default: []].append(NumberWord(value: v, cls: c))
        }
        self.numberWords = numberWords
        var multiplierWords: KeyMap<Double> = [:]
        var multiplierSuffixes: [String: Double] = [:]
        for f in try rows("figures_multipliers.txt") where f.count >= 3 {
            guard let v = Double(f[1]) else { continue }
            if f[2] == "word" || f[2] == "both" { multiplierWords[TokenKey.of(f[0])] = v }
            if f[2] == "suffix" || f[2] == "both" { multiplierSuffixes[f[0].lowercased()] = v }
        }
        self.multiplierWords = multiplierWords
        self.multiplierSuffixes = multiplierSuffixes
        var qualifierLast = KeySet(), currencyBeforeLast = KeySet(), cueLast = KeySet()
        var qualifiers = PhraseTrie<String>()
        for f in try rows("figures_qualifiers.txt") where f.count >= 2 {
            let keys = PhraseWords.keys(f[0])
            qualifiers.insert(keys, String(f[1]))
            if let last = keys.last { qualifierLast.insert(last) }
        }
        self.qualifiers = qualifiers
        var before = PhraseTrie<String>(), after = PhraseTrie<String>()
        for f in try rows("figures_currencies.txt") where f.count >= 3 {
            let keys = f[0].split(separator: " ").map { TokenKey.of($0) }
            if f[2] == "before" {
                before.insert(keys, String(f[1]))
                if let last = keys.last { currencyBeforeLast.insert(last) }
            } else {
                after.insert(keys, String(f[1]))
            }
        }
        currenciesBefore = before
        currenciesAfter = after
        var units = PhraseTrie<UnitInfo>()
        for f in try rows("figures_units.txt") where f.count >= 3 {
            let info = UnitInfo(unit: f[1] == "-" ? nil : String(f[1]), type: f[2] == "-" ? nil : String(f[2]))
            let keys = f[0] == "%" ? [TokenKey.of("%")] : PhraseWords.keys(f[0])
            units.insert(keys, info)
        }
        self.units = units
        var cues = PhraseTrie<String>()
        for f in try rows("figures_categories.txt") where f.count >= 2 {
            let keys = PhraseWords.keys(f[0])
            cues.insert(keys, String(f[1]))
            if let last = keys.last { cueLast.insert(last) }
        }
        self.cues = cues
        qualifierLastWords = qualifierLast
        currencyBeforeLastWords = currencyBeforeLast
        cueLastWords = cueLast
        var idBefore = KeySet(), idAfter = KeySet()
        for f in try rows("figures_identifier_words.txt") where f.count >= 2 {
            if f[1] == "before" { idBefore.insert(TokenKey.of(f[0])) } else { idAfter.insert(TokenKey.of(f[0])) }
        }
        identifiersBefore = idBefore
        identifiersAfter = idAfter
        var roles: KeyMap<UInt32> = [:]
        for name in ["figures_date_words.txt", "figures_context_words.txt"] {
            for f in try rows(name) where f.count >= 2 {
                guard let role = Role(rawValue: String(f[1])) else { continue }
                roles[TokenKey.of(f[0]), default: 0] |= role.bit
            }
        }
        self.roles = roles
        candidateKeys = KeySet(numberWords.keys)
        candidateFilter = KeyPrefilter(candidateKeys)
        numberSignalKeys = KeySet(numberWords.keys.filter { numberWords[$0]!.contains { $0.cls != .article } })
        numberSignalFilter = KeyPrefilter(numberSignalKeys)
    }

    /// Whether the word with this key plays `role`.
    @inline(__always) public func has(_ key: UInt64, _ role: Role) -> Bool {
        guard let bits = roles[key] else { return false }
        return bits & role.bit != 0
    }

    /// The number word of a class for a key, if any.
    @inline(__always) public func numberWord(_ key: UInt64, _ cls: NumberClass) -> Double? {
        numberWords[key]?.first(where: { $0.cls == cls })?.value
    }
}

/// The figure lexicon held by reference: each document's scans read it in place instead of
/// copying it (which retains and releases each of its tables).
final class SharedFigureLexicon: Sendable {
    let lexicon: FigureLexicon

    init(_ lexicon: FigureLexicon) {
        self.lexicon = lexicon
    }
}

import Foundation

/// A name of an entry as compiled into the trie: the entry, the letter case each word needs, and
/// what a match needs of the entry (its type, what its id names, its preference), so that
/// matching reads no entry column. Plain bytes (`BitwiseCopyable`), so that the cache stores and
/// loads the trie's payloads as they are.
public struct GazetteerName: Sendable, BitwiseCopyable {
    /// Two bits a word: 0 any case, 1 capitalised or capitals, 2 capitals only.
    public var casePattern: UInt64
    public var entry: Int32
    /// The entry's place in the order of preference among entries that share a name
    /// (`GazetteerEntryColumns.preferenceLevels`): lower is preferred, equal entries share one.
    public var preference: UInt32
    public var wordCount: UInt8
    /// This name is an alias (not the canonical name) that is an everyday word.
    public var isCommon: Bool
    /// The entry's type, as its index in `EntityType.allCases`.
    var typeCode: UInt8
    /// What the entry's id names, as a `GazetteerIDKind` raw value.
    var idKindCode: UInt8

    init(entry: Int32, casePattern: UInt64, wordCount: UInt8, isCommon: Bool, type: EntityType, idKind: GazetteerIDKind,
         preference: UInt32 = 0) {
        (self.entry, self.casePattern, self.wordCount, self.isCommon) = (entry, casePattern, wordCount, isCommon)
        self.preference = preference
        typeCode = Self.code(of: type)
        idKindCode = idKind.rawValue
    }

    /// The entry's type.
    public var type: EntityType {
        switch typeCode {
        case 0: .person
        case 1: .place
        default: .organisation
        }
    }

    /// `typeCode` of a type: its index in `EntityType.allCases`.
    static func code(of type: EntityType) -> UInt8 {
        switch type {
        case .person: 0
        case .place: 1
        case .organisation: 2
        }
    }
    /// What the entry's id names.
    var idKind: GazetteerIDKind { GazetteerIDKind(rawValue: idKindCode) ?? .other }
}

/// The id schemes of gazetteer entries that matching tells apart: one-word names from the
/// open-data place lists (GeoNames, ISO 3166-2 divisions) need context.
enum GazetteerIDKind: UInt8, Sendable {
    case other
    /// "geonames:…"
    case geonames
    /// "iso3166-2:…"
    case iso3166Division

    /// The kind of an id, from its first bytes.
    init(idOf entry: Int, in strings: PackedStrings) {
        if strings.hasPrefix(2 * entry, "geonames:") {
            self = .geonames
        } else if strings.hasPrefix(2 * entry, "iso3166-2:") {
            self = .iso3166Division
        } else {
            self = .other
        }
    }
}

/// All gazetteers, compiled: entity names in a trie over token keys, plus the name lists that
/// rules use (given names, surnames, demonyms). Loaded once per process, from a binary cache when
/// the source files have not changed (see `GazetteerCache`).
public final class Gazetteer: Sendable {
    public let entries: GazetteerEntries
    public let names: PhraseTrie<GazetteerName>
    /// The first words of the names whose first word needs no capital ("al", "2nd"): a word
    /// written in lowercase opens no other name, so the trie is asked only about these.
    public let lowercaseOpeners: KeySet
    /// `lowercaseOpeners` summarised in 4,096 bits (`KeyPrefilter.bit` of each): most lowercase
    /// words are ruled out without a probe.
    let lowercaseOpenerBits: [UInt64]
    public let givenNames: KeySet
    public let ambiguousGivenNames: KeySet
    public let surnames: KeySet
    /// Demonyms and group names ("Iraqi", "Kurds", "Shia") → the place they refer to, or "".
    public let demonyms: KeyMap<String>
    /// How many names (canonical names and aliases) the trie holds.
    public let nameCount: Int
    /// Whether this instance came from the binary cache.
    public let fromCache: Bool
    /// Population of places by gazetteer id, for the places that have one.
    public let populationByID: [String: Int]

    /// Loads every `*.tsv` under `directory`'s `places/`, `organisations/` and `people/` folders,
    /// the lists in `names/` and `demonyms.tsv`, then the user's extra files; from the cache if it
    /// is current, else from the files (and then writes the cache).
    public convenience init(directory: URL?, extraFiles: [URL] = [], language: LanguageData = .english, useCache: Bool = true) throws {
        let source = try GazetteerSource(directory: directory, extraFiles: extraFiles)
        if useCache, let cached = GazetteerCache.load(source) {
            self.init(compiled: cached, fromCache: true)
            return
        }
        let compiled = try GazetteerCompiler(language: language).compile(source)
        if useCache { GazetteerCache.store(compiled, for: source) }
        self.init(compiled: compiled, fromCache: false)
    }

    init(compiled: CompiledGazetteer, fromCache: Bool) {
        entries = GazetteerEntries(compiled.entries)
        names = compiled.names
        nameCount = compiled.nameCount
        // One insertion a key: the list repeats keys, and a set sized for all of them would be sparse.
        var openers = KeySet()
        var openerBits = [UInt64](repeating: 0, count: 64)
        for key in compiled.lowercaseOpeners {
            openers.insert(key)
            let h = KeyPrefilter.bit(key)
            openerBits[h >> 6] |= 1 << UInt64(h & 63)
        }
        lowercaseOpeners = openers
        lowercaseOpenerBits = openerBits
        givenNames = KeySet(compiled.givenNames)
        ambiguousGivenNames = KeySet(compiled.ambiguousGivenNames)
        surnames = KeySet(compiled.surnames)
        var demonyms = KeyMap<String>()
        for d in compiled.demonyms where !demonyms.contains(d.key) { demonyms[d.key] = d.place }
        self.demonyms = demonyms
        self.fromCache = fromCache
        var population: [String: Int] = [:]
        for (i, p) in compiled.entries.populations.enumerated() where p >= 1_000_000 { population[entries[i].id] = Int(p) }
        populationByID = population
    }

    /// A name, not a description: every lowercase word is a particle ("al", "of"), so that
    /// "Iraqi government" or "Islamic State group" do not match as names; and a single word is not
    /// a function word unless it is an acronym ("US").
    static func isProperName(_ words: [Substring], language: LanguageData) -> Bool {
        for (i, w) in words.enumerated() {
            guard let first = w.unicodeScalars.first, first.properties.isLowercase else { continue }
            if language.nameParticles.contains(TokenKey.of(w)) && (i > 0 || words.count > 1) { continue }
            return false
        }
        if words.count == 1, language.stopWords.contains(TokenKey.of(words[0])), caseRequirement(words[0], language: language) != 2 {
            return false
        }
        return true
    }

    /// The case a word of a name needs: capitals for acronyms ("ISIS", "US"), a capital for
    /// capitalised words, none for lowercase particles ("al", "of").
    static func caseRequirement(_ word: Substring, language: LanguageData) -> UInt8 {
        var upper = 0, lower = 0
        for b in word.utf8 {
            if b >= 0x41 && b <= 0x5A { upper += 1 } else if b >= 0x61 && b <= 0x7A { lower += 1 } else if b >= 0x80 { upper = -1; break }
        }
        if upper < 0 {
            upper = 0
            for s in word.unicodeScalars where s.properties.isAlphabetic {
                if s.properties.isUppercase { upper += 1 } else if s.properties.isLowercase { lower += 1 }
            }
        }
        if upper == 0 { return 0 }
        if language.nameParticles.contains(TokenKey.of(word)) { return 0 }
        // Short acronyms need capitals ("US", "IS"); longer ones may be written as words ("Isis", "Nato").
        if lower == 0 && upper >= 2 { return upper <= 3 ? 2 : 1 }
        return 1
    }
}

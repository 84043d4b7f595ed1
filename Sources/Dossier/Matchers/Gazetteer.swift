import Foundation

/// One named entity from a gazetteer file.
public struct GazetteerEntry: Sendable {
    public var id: String
    public var type: EntityType
    public var canonical: String
    /// The name is also an everyday word or given name ("Turkey", "Jordan"): it needs context.
    public var isCommon: Bool
    public var population: Int
    /// Lower is preferred when two entries share a name (the order files are loaded in).
    public var rank: Int
}

/// A name of an entry as compiled into the trie: the entry and the letter case each word needs.
public struct GazetteerName: Sendable {
    public var entry: Int32
    /// Two bits a word: 0 any case, 1 capitalised or capitals, 2 capitals only.
    public var casePattern: UInt64
    public var wordCount: UInt8
    /// This name is an alias (not the canonical name) that is an everyday word.
    public var isCommon: Bool
}

/// All gazetteers, compiled: entity names in a trie over token keys, plus the name lists that
/// rules use (given names, surnames, demonyms). Loaded once per process.
public final class Gazetteer: Sendable {
    public let entries: [GazetteerEntry]
    public let names: PhraseTrie<GazetteerName>
    public let givenNames: Set<UInt64>
    public let ambiguousGivenNames: Set<UInt64>
    public let surnames: Set<UInt64>
    /// Demonyms and group names ("Iraqi", "Kurds", "Shia") → the place they refer to, or "".
    public let demonyms: [UInt64: String]
    public var nameCount: Int { nameTotal }
    private let nameTotal: Int

    /// Loads every `*.tsv` under `directory`'s `places/`, `organisations/` and `people/` folders,
    /// the lists in `names/` and `demonyms.tsv`, then the user's extra files.
    public init(directory: URL?, extraFiles: [URL] = [], language: LanguageData = .english) throws {
        var entries: [GazetteerEntry] = []
        var trie = PhraseTrie<GazetteerName>()
        var count = 0
        var files: [URL] = []
        if let dir = directory {
            // Curated files first: they win ties.
            for folder in ["people", "organisations", "places"] {
                let sub = dir.appendingPathComponent(folder)
                let listed = (try? FileManager.default.contentsOfDirectory(atPath: sub.path)) ?? []
                let tsv = listed.filter { $0.hasSuffix(".tsv") }.sorted { a, b in
                    (a.hasPrefix("curated") ? 0 : 1, a) < (b.hasPrefix("curated") ? 0 : 1, b)
                }
                files += tsv.map { sub.appendingPathComponent($0) }
            }
        }
        files = extraFiles + files
        for (rank, file) in files.enumerated() {
            for line in try DataFile.lines(file) {
                let f = DataFile.fields(line)
                guard f.count >= 3, let type = EntityType(rawValue: String(f[1])) else { continue }
                let canonical = String(f[2])
                let flags = f.count > 4 ? f[4].split(separator: ",") : []
                let population = flags.first { $0.hasPrefix("pop=") }.flatMap { Int($0.dropFirst(4)) } ?? 0
                let common = flags.contains("common")
                let index = Int32(entries.count)
                entries.append(GazetteerEntry(id: String(f[0]), type: type, canonical: canonical, isCommon: common,
                                              population: population, rank: rank))
                var aliases = [Substring(canonical)]
                if f.count > 3, !f[3].isEmpty { aliases += f[3].utf8.split(separator: UInt8(ascii: "|")).map { Substring($0) } }
                for alias in aliases {
                    let words = PhraseWords.split(alias)
                    guard !words.isEmpty, words.count <= 32, Self.isProperName(words, language: language) else { continue }
                    let keys = words.map { TokenKey.of($0) }
                    var pattern: UInt64 = 0
                    for (i, w) in words.enumerated() {
                        pattern |= UInt64(Self.caseRequirement(w, language: language)) << (2 * UInt64(i))
                    }
                    let isCommonAlias = common && words.count == 1 && language.commonWords.contains(keys[0])
                    trie.insert(keys, GazetteerName(entry: index, casePattern: pattern, wordCount: UInt8(words.count), isCommon: isCommonAlias))
                    count += 1
                }
            }
        }
        self.entries = entries
        self.names = trie
        self.nameTotal = count
        let list = { (name: String) -> Set<UInt64> in
            guard let dir = directory else { return [] }
            let lines = (try? DataFile.lines(dir.appendingPathComponent("names").appendingPathComponent(name))) ?? []
            return Set(lines.map { TokenKey.of(DataFile.fields($0)[0]) })
        }
        givenNames = list("given.txt")
        ambiguousGivenNames = list("given_ambiguous.txt")
        surnames = list("surnames.txt")
        var demonyms: [UInt64: String] = [:]
        if let dir = directory {
            for line in (try? DataFile.lines(dir.appendingPathComponent("demonyms.tsv"))) ?? [] {
                let f = DataFile.fields(line)
                guard let word = f.first else { continue }
                demonyms[TokenKey.of(word)] = f.count > 1 ? String(f[1]) : ""
            }
        }
        self.demonyms = demonyms
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

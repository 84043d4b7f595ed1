import Foundation

/// The gazetteer files to load, in rank order, and a hash of their contents (with the language
/// data that shapes token keys) that keys the binary cache.
struct GazetteerSource {
    var directory: URL?
    /// Entity files: the user's first, then curated, then generated ones.
    var entityFiles: [URL]
    var contentHash: UInt64

    init(directory: URL?, extraFiles: [URL]) throws {
        self.directory = directory
        var files: [URL] = []
        if let dir = directory {
            for folder in ["people", "organisations", "places"] {
                let sub = dir.appendingPathComponent(folder)
                let listed = (try? FileManager.default.contentsOfDirectory(atPath: sub.path)) ?? []
                let tsv = listed.filter { $0.hasSuffix(".tsv") }.sorted { (Self.fileRank($0), $0) < (Self.fileRank($1), $1) }
                files += tsv.map { sub.appendingPathComponent($0) }
            }
        }
        entityFiles = extraFiles + files
        contentHash = Self.hash(entityFiles, directory: directory)
    }

    /// Curated files win ties, then countries, then cities ("Baghdad" is the city more often
    /// than the governorate), then regions and the rest.
    static func fileRank(_ name: String) -> Int {
        if name.hasPrefix("curated") { return 0 }
        if name.hasPrefix("countries") { return 1 }
        if name.hasPrefix("cities") { return 2 }
        return 3
    }

    /// A hash of the paths and contents of every file that shapes the compiled gazetteer.
    static func hash(_ entityFiles: [URL], directory: URL?) -> UInt64 {
        var hashed = entityFiles
        if let dir = directory {
            hashed += ["names/given.txt", "names/given_ambiguous.txt", "names/surnames.txt", "demonyms.tsv"].map { dir.appendingPathComponent($0) }
        }
        let language = LanguageData.bundledDirectory()
        hashed += ["ascii_fold.tsv", "name_particles.txt", "stop_words.txt", "common_words.txt"].map { language.appendingPathComponent($0) }
        var h = ContentHash(seed: GazetteerCache.formatVersion)
        for url in hashed {
            h.add(url.path)
            guard let data = try? Data(contentsOf: url) else {
                h.add("(missing)")
                continue
            }
            data.withUnsafeBytes { h.add($0) }
        }
        return h.value
    }
}

/// Gazetteers in the form the cache stores: the entries, the trie of their names, name lists.
struct CompiledGazetteer {
    struct Demonym {
        var key: UInt64
        var place: String
    }
    var entries = GazetteerEntryColumns()
    var names = PhraseTrie<GazetteerName>()
    /// How many names (canonical names and aliases) `names` holds.
    var nameCount = 0
    /// The first-word keys of the names whose first word may be written in lowercase ("al",
    /// "2nd"): the only names an uncapitalised word can open.
    var lowercaseOpeners: [UInt64] = []
    var givenNames: [UInt64] = []
    var ambiguousGivenNames: [UInt64] = []
    var surnames: [UInt64] = []
    var demonyms: [Demonym] = []
}

/// Parses gazetteer files (TSV: id, type, canonical, aliases, flags) into a `CompiledGazetteer`.
struct GazetteerCompiler {
    let language: LanguageData

    func compile(_ source: GazetteerSource) throws -> CompiledGazetteer {
        var out = CompiledGazetteer()
        for (rank, file) in source.entityFiles.enumerated() {
            for line in try DataFile.lines(file) {
                let f = DataFile.fields(line)
                guard f.count >= 3, let type = EntityType(rawValue: String(f[1])) else { continue }
                let canonical = String(f[2])
                let flags = f.count > 4 ? f[4].split(separator: ",") : []
                let population = flags.first { $0.hasPrefix("pop=") }.flatMap { Int($0.dropFirst(4)) } ?? 0
                let common = flags.contains("common")
                let index = Int32(out.entries.count)
                out.entries.append(id: String(f[0]), type: type, canonical: canonical, isCommon: common, population: population, rank: rank)
                let idKind = GazetteerIDKind(idOf: Int(index), in: out.entries.strings)
                var aliases = [Substring(canonical)]
                if f.count > 3, !f[3].isEmpty { aliases += f[3].utf8.split(separator: UInt8(ascii: "|")).map { Substring($0) } }
                for alias in aliases {
                    let words = PhraseWords.split(alias)
                    guard !words.isEmpty, words.count <= 32, Gazetteer.isProperName(words, language: language) else { continue }
                    let keys = words.map { TokenKey.of($0) }
                    var pattern: UInt64 = 0
                    for (i, w) in words.enumerated() {
                        pattern |= UInt64(Gazetteer.caseRequirement(w, language: language)) << (2 * UInt64(i))
                    }
                    let isCommonAlias = common && words.count == 1 && language.commonWords.contains(keys[0])
                    out.names.insert(keys, GazetteerName(entry: index, casePattern: pattern, wordCount: UInt8(words.count),
                                                         isCommon: isCommonAlias, type: type, idKind: idKind))
                    if pattern & 3 == 0 { out.lowercaseOpeners.append(keys[0]) }
                    out.nameCount += 1
                }
            }
        }
        // Preferences are known once every entry is in.
        let levels = out.entries.preferenceLevels()
        out.names.updatePayloads { $0.preference = levels[Int($0.entry)] }
        guard let dir = source.directory else { return out }
        let list = { (name: String) -> [UInt64] in
            let lines = (try? DataFile.lines(dir.appendingPathComponent("names").appendingPathComponent(name))) ?? []
            return lines.map { TokenKey.of(DataFile.fields($0)[0]) }
        }
        out.givenNames = list("given.txt")
        out.ambiguousGivenNames = list("given_ambiguous.txt")
        out.surnames = list("surnames.txt")
        for line in (try? DataFile.lines(dir.appendingPathComponent("demonyms.tsv"))) ?? [] {
            let f = DataFile.fields(line)
            out.demonyms.append(.init(key: TokenKey.of(f[0]), place: f.count > 1 ? String(f[1]) : ""))
        }
        return out
    }
}

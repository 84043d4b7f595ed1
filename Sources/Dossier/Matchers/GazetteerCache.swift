import Foundation

/// A binary copy of the compiled gazetteers, keyed by a hash of their source files, so that a
/// process loads 200,000+ names without parsing text or rebuilding the trie: the file holds the
/// entry columns and the trie's tables as flat arrays, each read straight into its storage.
/// Stored in `$DOSSIER_CACHE`, else `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`; a cache
/// that cannot be read or written, or that fails a check, is simply not used.
///
/// Layout, in native byte order: magic and format version, source hash, checksum, the number of
/// arrays and each one's size in bytes (the header), then the arrays' elements back to back. The
/// checksum covers the sizes and the elements (see `CacheFileWriter`, `CacheFileReader`).
enum GazetteerCache {
    static let formatVersion: UInt64 = 9
    static let magic: UInt32 = 0x4453_475A  // "DSGZ"; read back in another byte order, it differs
    /// The arrays in a file, in the order `encode` writes them.
    static let arrayCount = 17

    static func directory() -> URL? {
        let env = ProcessInfo.processInfo.environment
        if let d = env["DOSSIER_CACHE"], !d.isEmpty { return URL(fileURLWithPath: d) }
        if let d = env["XDG_CACHE_HOME"], !d.isEmpty { return URL(fileURLWithPath: d).appendingPathComponent("dossier") }
        if let home = env["HOME"], !home.isEmpty { return URL(fileURLWithPath: home).appendingPathComponent(".cache/dossier") }
        return nil
    }

    static func file(for source: GazetteerSource) -> URL? {
        let hex = String(source.contentHash, radix: 16)
        return directory()?.appendingPathComponent("gazetteer-\(String(repeating: "0", count: 16 - hex.count))\(hex).bin")
    }

    static func load(_ source: GazetteerSource) -> CompiledGazetteer? {
        guard let url = file(for: source), var r = CacheFileReader(url, expecting: source.contentHash, arrays: arrayCount) else { return nil }
        defer { r.close() }
        return decode(&r)
    }

    static func store(_ g: CompiledGazetteer, for source: GazetteerSource) {
        guard let url = file(for: source) else { return }
        let bytes = encode(g).file(hash: source.contentHash)
        let dir = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temporary = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
            _ = try? FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
        prune(dir, keeping: url)
    }

    /// Cache files kept per folder: each gazetteer folder and set of extra files has its own, and
    /// every edit of a gazetteer writes a new one (~11 MB).
    static let keptFiles = 8

    /// Deletes all but the `keptFiles` most recently written cache files (the new one always stays).
    /// A process still reading a deleted file keeps its data: the file goes when it is closed.
    static func prune(_ dir: URL, keeping current: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        var files: [(url: URL, date: Date)] = []
        for name in names where name.hasPrefix("gazetteer-") && name.hasSuffix(".bin") {
            let url = dir.appendingPathComponent(name)
            guard url.lastPathComponent != current.lastPathComponent else { continue }
            let date = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
            files.append((url, date))
        }
        guard files.count >= keptFiles else { return }
        for old in files.sorted(by: { $0.date > $1.date }).dropFirst(keptFiles - 1) {
            try? fm.removeItem(at: old.url)
        }
    }

    static func encode(_ g: CompiledGazetteer) -> CacheFileWriter {
        var w = CacheFileWriter()
        let e = g.entries
        w.put(e.types.map { UInt8(EntityType.allCases.firstIndex(of: $0)!) })
        w.put(e.commonFlags)
        w.put(e.populations)
        w.put(e.ranks)
        w.put(e.strings.ends)
        w.put(e.strings.bytes)
        let trie = g.names.tables
        w.put(trie.slots)
        w.put([UInt64(trie.maxLength), UInt64(g.nameCount), UInt64(trie.emptySlot), UInt64(trie.nodeCount)])
        w.put(nameLayout)
        w.put(bytes(of: trie.cells))
        w.put(g.lowercaseOpeners)
        w.put(g.givenNames)
        w.put(g.ambiguousGivenNames)
        w.put(g.surnames)
        var places = PackedStrings()
        for d in g.demonyms { places.append(d.place) }
        w.put(g.demonyms.map(\.key))
        w.put(places.ends)
        w.put(places.bytes)
        return w
    }

    /// The gazetteer the reader's arrays hold, or nil unless the checksum and every table check out.
    static func decode(_ r: inout CacheFileReader) -> CompiledGazetteer? {
        var g = CompiledGazetteer()
        let allTypes = EntityType.allCases
        guard let typeCodes = r.array(UInt8.self), let commonFlags = r.array(UInt8.self), let populations = r.array(Int64.self),
              let ranks = r.array(Int32.self), let ends = r.array(UInt32.self), let text = r.array(UInt8.self) else { return nil }
        var badTypes = 0
        for t in typeCodes { badTypes |= Int(t) >= allTypes.count ? 1 : 0 }
        guard badTypes == 0 else { return nil }
        g.entries = GazetteerEntryColumns(types: typeCodes.map { allTypes[Int($0)] }, commonFlags: commonFlags, populations: populations,
                                          ranks: ranks, strings: PackedStrings(ends: ends, bytes: text))
        guard g.entries.isConsistent,
              let slots = r.array(PhraseTrieSlot.self),
              let counts = r.array(UInt64.self), counts.count == 4, counts.allSatisfy({ $0 <= UInt64(Int32.max) }),
              let cells = names(&r, entryCount: g.entries.count),
              let trie = PhraseTrie(tables: .init(slots: slots, cells: cells, maxLength: Int(counts[0]),
                                                  nodeCount: Int(counts[3]), emptySlot: Int(counts[2])))
        else { return nil }
        g.names = trie
        g.nameCount = Int(counts[1])
        guard let openers = r.array(UInt64.self), let given = r.array(UInt64.self), let ambiguous = r.array(UInt64.self), let surnames = r.array(UInt64.self),
              let demonymKeys = r.array(UInt64.self), let placeEnds = r.array(UInt32.self), let placeText = r.array(UInt8.self),
              r.isAtEnd, r.checksumMatches, placeEnds.count == demonymKeys.count else { return nil }
        (g.lowercaseOpeners, g.givenNames, g.ambiguousGivenNames, g.surnames) = (openers, given, ambiguous, surnames)
        let places = PackedStrings(ends: placeEnds, bytes: placeText)
        guard places.isConsistent else { return nil }
        g.demonyms = demonymKeys.enumerated().map { .init(key: $1, place: places[$0]) }
        return g
    }

    /// The trie's payloads as the file holds them: each name beside its chain link.
    typealias NameCell = PhraseTriePayloadCell<GazetteerName>

    /// The layout of `GazetteerName` and of its cell, whose values the file holds as they lie in
    /// memory: a file written by a binary that lays them out otherwise is not read.
    static var nameLayout: [UInt64] {
        typealias N = GazetteerName
        typealias C = NameCell
        let offsets = [MemoryLayout<N>.offset(of: \.entry), MemoryLayout<N>.offset(of: \.casePattern),
                       MemoryLayout<N>.offset(of: \.wordCount), MemoryLayout<N>.offset(of: \.isCommon),
                       MemoryLayout<N>.offset(of: \.preference), MemoryLayout<N>.offset(of: \.typeCode),
                       MemoryLayout<N>.offset(of: \.idKindCode), MemoryLayout<C>.offset(of: \.payload), MemoryLayout<C>.offset(of: \.next)]
        let sizes = [MemoryLayout<N>.size, MemoryLayout<N>.stride, MemoryLayout<N>.alignment,
                     MemoryLayout<C>.size, MemoryLayout<C>.stride, MemoryLayout<C>.alignment]
        return sizes.map(UInt64.init) + offsets.map { UInt64($0 ?? -1) }
    }

    /// Name cells as they lie in memory, with zeros for any padding between fields.
    static func bytes(of cells: [NameCell]) -> [UInt8] {
        typealias N = GazetteerName
        typealias C = NameCell
        let stride = MemoryLayout<C>.stride
        let base = MemoryLayout<C>.offset(of: \.payload)!, nextOffset = MemoryLayout<C>.offset(of: \.next)!
        var out = [UInt8](repeating: 0, count: cells.count * stride)
        out.withUnsafeMutableBytes { raw in
            for (i, cell) in cells.enumerated() {
                let n = cell.payload, at = i * stride + base
                raw.storeBytes(of: n.entry, toByteOffset: at + MemoryLayout<N>.offset(of: \.entry)!, as: Int32.self)
                raw.storeBytes(of: n.casePattern, toByteOffset: at + MemoryLayout<N>.offset(of: \.casePattern)!, as: UInt64.self)
                raw.storeBytes(of: n.wordCount, toByteOffset: at + MemoryLayout<N>.offset(of: \.wordCount)!, as: UInt8.self)
                raw.storeBytes(of: n.isCommon, toByteOffset: at + MemoryLayout<N>.offset(of: \.isCommon)!, as: Bool.self)
                raw.storeBytes(of: n.preference, toByteOffset: at + MemoryLayout<N>.offset(of: \.preference)!, as: UInt32.self)
                raw.storeBytes(of: n.typeCode, toByteOffset: at + MemoryLayout<N>.offset(of: \.typeCode)!, as: UInt8.self)
                raw.storeBytes(of: n.idKindCode, toByteOffset: at + MemoryLayout<N>.offset(of: \.idKindCode)!, as: UInt8.self)
                raw.storeBytes(of: cell.next, toByteOffset: i * stride + nextOffset, as: Int32.self)
            }
        }
        return out
    }

    /// The trie's payload cells; nil if they were written with another layout, or a name has an
    /// entry out of range, a flag that is not a valid `Bool`, or a type or id kind code out of
    /// range. (Chain links are checked with the rest of the trie.)
    static func names(_ r: inout CacheFileReader, entryCount: Int) -> [NameCell]? {
        guard r.array(UInt64.self) == nameLayout, let cells = r.array(NameCell.self) else { return nil }
        typealias N = GazetteerName
        let stride = MemoryLayout<NameCell>.stride
        guard let base = MemoryLayout<NameCell>.offset(of: \.payload),
              let entryOffset = MemoryLayout<N>.offset(of: \.entry).map({ $0 + base }),
              let flagOffset = MemoryLayout<N>.offset(of: \.isCommon).map({ $0 + base }),
              let typeOffset = MemoryLayout<N>.offset(of: \.typeCode).map({ $0 + base }),
              let idKindOffset = MemoryLayout<N>.offset(of: \.idKindCode).map({ $0 + base }) else { return nil }
        let typeCount = UInt8(EntityType.allCases.count)
        var bad = 0
        cells.withUnsafeBytes { raw in
            for i in 0..<cells.count {
                let entry = raw.loadUnaligned(fromByteOffset: i * stride + entryOffset, as: UInt32.self)
                bad |= (entry >= UInt32(entryCount) ? 1 : 0) | (raw[i * stride + flagOffset] > 1 ? 1 : 0)
                bad |= (raw[i * stride + typeOffset] >= typeCount ? 1 : 0) | (GazetteerIDKind(rawValue: raw[i * stride + idKindOffset]) == nil ? 1 : 0)
            }
        }
        return bad == 0 ? cells : nil
    }
}

import Foundation

/// A binary copy of the compiled gazetteers, keyed by a hash of their source files, so that a
/// process loads 200,000+ names without parsing text. Stored in `$DOSSIER_CACHE`, else
/// `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`; a cache that cannot be read or written
/// is simply not used.
enum GazetteerCache {
    static let formatVersion: UInt64 = 3
    static let magic: UInt32 = 0x4453_475A  // "DSGZ"

    static func directory() -> URL? {
        let env = ProcessInfo.processInfo.environment
        if let d = env["DOSSIER_CACHE"], !d.isEmpty { return URL(fileURLWithPath: d) }
        if let d = env["XDG_CACHE_HOME"], !d.isEmpty { return URL(fileURLWithPath: d).appendingPathComponent("dossier") }
        if let home = env["HOME"], !home.isEmpty { return URL(fileURLWithPath: home).appendingPathComponent(".cache/dossier") }
        return nil
    }

    static func file(for source: GazetteerSource) -> URL? {
        directory()?.appendingPathComponent(String(format: "gazetteer-%016llx.bin", source.contentHash))
    }

    static func load(_ source: GazetteerSource) -> CompiledGazetteer? {
        guard let url = file(for: source), let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        return data.withUnsafeBytes { raw -> CompiledGazetteer? in
            var r = ByteReader(raw)
            return decode(&r, expecting: source.contentHash)
        }
    }

    static func store(_ g: CompiledGazetteer, for source: GazetteerSource) {
        guard let url = file(for: source) else { return }
        var w = ByteWriter()
        encode(g, hash: source.contentHash, into: &w)
        let dir = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temporary = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(w.bytes).write(to: temporary)
            _ = try? FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    static func encode(_ g: CompiledGazetteer, hash: UInt64, into w: inout ByteWriter) {
        w.put(magic)
        w.put(formatVersion)
        w.put(hash)
        w.put(UInt32(g.entries.count))
        for e in g.entries {
            w.put(e.id)
            w.put(e.canonical)
            w.put(UInt8(EntityType.allCases.firstIndex(of: e.type)!))
            w.put(UInt8(e.isCommon ? 1 : 0))
            w.put(Int64(e.population))
            w.put(Int32(e.rank))
        }
        w.put(UInt32(g.names.count))
        for n in g.names {
            w.put(UInt8(n.keys.count))
            for k in n.keys { w.put(k) }
            w.put(n.name.entry)
            w.put(n.name.casePattern)
            w.put(n.name.wordCount)
            w.put(UInt8(n.name.isCommon ? 1 : 0))
        }
        for list in [g.givenNames, g.ambiguousGivenNames, g.surnames] {
            w.put(UInt32(list.count))
            for k in list { w.put(k) }
        }
        w.put(UInt32(g.demonyms.count))
        for d in g.demonyms {
            w.put(d.key)
            w.put(d.place)
        }
        w.put(magic)
    }

    static func decode(_ r: inout ByteReader, expecting hash: UInt64) -> CompiledGazetteer? {
        guard r.get(UInt32.self) == magic, r.get(UInt64.self) == formatVersion, r.get(UInt64.self) == hash else { return nil }
        var g = CompiledGazetteer()
        guard let entryCount = r.get(UInt32.self) else { return nil }
        g.entries.reserveCapacity(Int(entryCount))
        for _ in 0..<entryCount {
            guard let id = r.getString(), let canonical = r.getString(), let t = r.get(UInt8.self), Int(t) < EntityType.allCases.count,
                  let common = r.get(UInt8.self), let population = r.get(Int64.self), let rank = r.get(Int32.self) else { return nil }
            g.entries.append(GazetteerEntry(id: id, type: EntityType.allCases[Int(t)], canonical: canonical, isCommon: common == 1,
                                            population: Int(population), rank: Int(rank)))
        }
        guard let nameCount = r.get(UInt32.self) else { return nil }
        g.names.reserveCapacity(Int(nameCount))
        for _ in 0..<nameCount {
            guard let n = r.get(UInt8.self) else { return nil }
            var keys: [UInt64] = []
            keys.reserveCapacity(Int(n))
            for _ in 0..<n { guard let k = r.get(UInt64.self) else { return nil }; keys.append(k) }
            guard let entry = r.get(Int32.self), Int(entry) < g.entries.count, let pattern = r.get(UInt64.self),
                  let words = r.get(UInt8.self), let common = r.get(UInt8.self) else { return nil }
            g.names.append(.init(keys: keys, name: GazetteerName(entry: entry, casePattern: pattern, wordCount: words, isCommon: common == 1)))
        }
        var lists: [[UInt64]] = []
        for _ in 0..<3 {
            guard let count = r.get(UInt32.self) else { return nil }
            var list: [UInt64] = []
            list.reserveCapacity(Int(count))
            for _ in 0..<count { guard let k = r.get(UInt64.self) else { return nil }; list.append(k) }
            lists.append(list)
        }
        (g.givenNames, g.ambiguousGivenNames, g.surnames) = (lists[0], lists[1], lists[2])
        guard let demonymCount = r.get(UInt32.self) else { return nil }
        for _ in 0..<demonymCount {
            guard let k = r.get(UInt64.self), let place = r.getString() else { return nil }
            g.demonyms.append(.init(key: k, place: place))
        }
        guard r.get(UInt32.self) == magic else { return nil }
        return g
    }
}

/// Appends fixed-width little-endian integers and length-prefixed UTF-8 strings.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func put<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func put(_ s: String) {
        let utf8 = Array(s.utf8)
        put(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what `ByteWriter` wrote; every read checks the bounds and returns nil past the end.
struct ByteReader {
    let raw: UnsafeRawBufferPointer
    var offset = 0

    init(_ raw: UnsafeRawBufferPointer) {
        self.raw = raw
    }

    mutating func get<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= raw.count else { return nil }
        let v = raw.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: v)
    }

    mutating func getString() -> String? {
        guard let n = get(UInt32.self), offset + Int(n) <= raw.count else { return nil }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + Int(n))]), as: UTF8.self)
        offset += Int(n)
        return s
    }
}

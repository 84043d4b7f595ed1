import Foundation

/// One side of a diff, as named on the command line: an article, an extraction file (JSON Lines,
/// records grouped by `doc`) or a folder of articles. Lists its documents; `DiffLoader` loads each.
public struct DiffSide: Sendable {
    /// What the side is.
    public enum Form: String, Sendable {
        case article, records, folder
    }

    /// The path as given.
    public var path: String
    public var form: Form
    /// The documents, in input order.
    public var entries: [DiffEntry]
}

/// One document of a side, not yet extracted.
public struct DiffEntry: Sendable {
    /// The document id: the path of an article, the `doc` of records, or the path relative to a folder.
    public var id: String
    var source: Source

    enum Source: Sendable {
        /// Records read from an extraction file (in the folder `base`, for finding the article).
        case records([Record], base: String)
        /// An article already decoded.
        case document(Document)
        /// An article in a file, read when its turn comes.
        case file(String)
    }
}

/// A side that cannot be read at all.
public struct DiffError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Reads the sides of a diff and extracts articles on the fly. The pipeline is built only when an
/// article needs it, so comparing two extraction files never loads the gazetteers.
public final class DiffLoader {
    let reader: DocumentReader
    let makePipeline: () throws -> Pipeline
    var pipeline: Pipeline?
    /// Whether to find sentences for context (read the articles of extraction files, if they exist).
    public var wantsContext = true
    /// Extraction files larger than this are refused.
    public var maxRecordBytes = 1 << 34

    /// Article file extensions read from folders.
    public static let articleExtensions: Set<String> = ["txt", "html", "htm", "xhtml"]
    static let recordExtensions: Set<String> = ["jsonl", "ndjson"]

    public init(reader: DocumentReader = DocumentReader(), pipeline: @escaping () throws -> Pipeline) {
        self.reader = reader
        self.makePipeline = pipeline
    }

    /// Lists the documents of `path` ("-" for standard input).
    public func side(_ path: String) throws(DiffError) -> DiffSide {
        var isDirectory: ObjCBool = false
        if path != "-" {
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw DiffError("\(path): no such file or folder") }
        }
        if isDirectory.boolValue { return try folder(path) }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path, limit: maxRecordBytes)
        } catch {
            switch error {
            case .tooLarge(let n): throw DiffError("\(path): \(n) bytes is too large")
            case .system(let reason): throw DiffError("\(path): cannot read: \(reason)")
            }
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if Self.recordExtensions.contains(ext) || (ext != "txt" && !ext.hasPrefix("htm") && Self.looksLikeRecords(bytes)) {
            return try records(bytes, path: path)
        }
        do {
            let html: DocumentFormat? = ext.hasPrefix("htm") || ext == "xhtml" ? .html : nil
            let document = try reader.decode(bytes, id: path, format: html)
            return DiffSide(path: path, form: .article, entries: [DiffEntry(id: path, source: .document(document))])
        } catch {
            throw DiffError(error.description)
        }
    }

    /// JSON Lines whose first line is a record (an object with `doc` and `kind`).
    static func looksLikeRecords(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let first = body.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
              body[first] == UInt8(ascii: "{") else { return false }
        let end = body[first...].firstIndex(of: 0x0A) ?? body.endIndex
        guard let r = try? RecordDecoding.decode(body[first..<end]) else { return false }
        return r["doc"] != nil && r["kind"] != nil
    }

    func records(_ bytes: [UInt8], path: String) throws(DiffError) -> DiffSide {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        let all: [Record]
        do {
            all = try RecordDecoding.decodeLines(body)
        } catch {
            throw DiffError("\(path): not an extraction file: \(error)")
        }
        var order: [String] = []
        var byDoc: [String: [Record]] = [:]
        for r in all where r.kind != "summary" {
            if byDoc[r.doc] == nil { order.append(r.doc) }
            byDoc[r.doc, default: []].append(r)
        }
        let base = path == "-" ? "" : (path as NSString).deletingLastPathComponent
        return DiffSide(path: path, form: .records, entries: order.map { DiffEntry(id: $0, source: .records(byDoc[$0]!, base: base)) })
    }

    func folder(_ path: String) throws(DiffError) -> DiffSide {
        let root = URL(fileURLWithPath: path).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw DiffError("\(path): cannot read the folder")
        }
        var ids: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walker where Self.articleExtensions.contains(url.pathExtension.lowercased()) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.path
            ids.append(full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent)
        }
        ids.sort()
        let dir = path.hasSuffix("/") ? path : path + "/"
        return DiffSide(path: path, form: .folder, entries: ids.map { DiffEntry(id: $0, source: .file(dir + $0)) })
    }

    /// Extracts (or takes the records of) one document.
    public func load(_ entry: DiffEntry) throws -> DiffDocument {
        switch entry.source {
        case .records(let records, let base):
            var doc = DiffDocument(id: entry.id, records: records)
            if wantsContext, let text = findArticle(entry.id, base: base) { doc.attachText(text) }
            return doc
        case .document(let document):
            return try extract(document)
        case .file(let path):
            let d = try reader.read(path: path, id: entry.id)
            return try extract(d)
        }
    }

    func extract(_ document: Document) throws -> DiffDocument {
        if pipeline == nil { pipeline = try makePipeline() }
        let analysis = pipeline!.analyse(document)
        return DiffDocument(document: analysis.document, sentences: analysis.sentences, records: pipeline!.records(analysis))
    }

    /// The article an extraction file's records came from, if it is still where the id says.
    func findArticle(_ id: String, base: String) -> Document? {
        guard !id.isEmpty, id != "-" else { return nil }
        var candidates = [id]
        if !id.hasPrefix("/") && !base.isEmpty { candidates.append(base + "/" + id) }
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            if let d = try? reader.read(path: path, id: id) { return d }
        }
        return nil
    }
}

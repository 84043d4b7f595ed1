import Foundation

/// What a report shows: documents (articles and extraction files) or a diff.
public enum ReportContent: Sendable {
    case documents([ReportDocument])
    case diff(ReportDiff)
}

/// Why the inputs of a report could not be read.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Reads the inputs of `dossier report`:
/// - articles (text or HTML files, folders of them, `-`), extracted on the fly;
/// - extraction files (JSON Lines records, as `dossier extract` and `dossier batch` write them),
///   whose documents' text is taken from articles given alongside, from a folder given alongside
///   (ids relative to it, as `dossier batch` writes them), or from the path in `doc` when it still
///   exists and still matches the records; otherwise the records are shown without the text;
/// - JSON Lines documents (`{"id", "text"}` or `{"id", "html"}`, the input of `dossier batch`);
/// - diffs (`dossier diff --json` rows), or, with `diff`, two inputs to compare.
public final class ReportLoader {
    let reader: DocumentReader
    let makePipeline: () throws -> Pipeline
    var pipeline: Pipeline?
    /// Folders where the documents of extraction files are looked for (ids relative to them).
    public var textRoots: [String] = []
    /// Whether to look for the text of extraction files' documents on disk.
    public var findTexts = true
    /// Receives warnings (an input that could not be read goes on without it).
    public var warn: (String) -> Void = { _ in }

    public static let recordExtensions: Set<String> = ["jsonl", "ndjson"]

    public init(reader: DocumentReader = DocumentReader(), pipeline: @escaping () throws -> Pipeline) {
        self.reader = reader
        self.makePipeline = pipeline
    }

    func extract(_ d: Document) throws -> [Record] {
        if pipeline == nil {
            do { pipeline = try makePipeline() } catch { throw ReportError("cannot load the pipeline: \(error)") }
        }
        return pipeline!.extract(d)
    }

    /// Reads every input. With `diff`, the inputs are diff rows, or two sides to compare.
    public func load(_ paths: [String], diff: Bool = false) throws -> ReportContent {
        if diff, paths.count == 2, !paths.contains(where: { (try? isDiffRows($0)) == true }) {
            return .diff(try compare(paths[0], paths[1]))
        }
        var articles: [Document] = []
        var folders: [(path: String, ids: [String])] = []
        var records: [Record] = []
        var diffRows: [JSONObject] = []
        var summary: JSONObject?
        var jsonlFolders: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-" {
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ReportError("\(path): no such file or folder") }
            }
            if isDirectory.boolValue {
                folders.append((path, try Self.walk(path)))
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.read(path: path, limit: 1 << 36)
            } catch {
                throw ReportError("\(path): cannot read: \(error)")
            }
            let ext = (path as NSString).pathExtension.lowercased()
            if Self.recordExtensions.contains(ext) || (ext != "txt" && !ext.hasPrefix("htm") && Self.looksLikeJSONLines(bytes)) {
                var body = bytes
                if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
                let rows: [Record]
                do { rows = try RecordDecoding.decodeLines(body) } catch { throw ReportError("\(path): not JSON Lines: \(error)") }
                if path != "-" { jsonlFolders.append((path as NSString).deletingLastPathComponent) }
                for (n, r) in rows.enumerated() {
                    if r["change"] != nil { diffRows.append(r.object) }
                    else if r.kind == "summary" { summary = r.object }
                    else if r["kind"] != nil { records.append(r) }
                    else if let d = documentLine(r, origin: "\(path):\(n + 1)") { articles.append(d) }
                }
                continue
            }
            do {
                let html: DocumentFormat? = ext.hasPrefix("htm") || ext == "xhtml" ? .html : nil
                articles.append(try reader.decode(bytes, id: path, format: html))
            } catch {
                warn("\(error)")
            }
        }
        if !diffRows.isEmpty || (diff && summary != nil) {
            return .diff(ReportDiff(rows: diffRows, summary: summary, source: paths.joined(separator: ", ")))
        }
        if diff { throw ReportError("--diff needs the rows of 'dossier diff --json', or two inputs to compare") }

        var out: [ReportDocument] = []
        if records.isEmpty {
            for d in articles { out.append(ReportDocument(id: d.id, text: d.text, records: try extract(d))) }
            for f in folders {
                for id in f.ids { if let d = read(Self.join(f.path, id), id: id) { out.append(ReportDocument(id: id, text: d.text, records: try extract(d))) } }
            }
            return .documents(out)
        }
        // Extraction files: group by document, then find each document's text.
        var order: [String] = []
        var byDoc: [String: [Record]] = [:]
        for r in records {
            if byDoc[r.doc] == nil { order.append(r.doc) }
            byDoc[r.doc, default: []].append(r)
        }
        var sources: [String: Int] = [:], byPath: [String: Int] = [:], byName: [String: [Int]] = [:]
        for (i, d) in articles.enumerated() {
            sources[d.id] = sources[d.id] ?? i
            byPath[Self.absolute(d.id)] = byPath[Self.absolute(d.id)] ?? i
            byName[(d.id as NSString).lastPathComponent, default: []].append(i)
        }
        var used = Set<Int>()
        let roots = textRoots + folders.map(\.path) + jsonlFolders
        for id in order {
            let recs = byDoc[id]!
            var text: String?
            var note: String?
            if let i = sources[id] ?? byPath[Self.absolute(id)] ?? byName[(id as NSString).lastPathComponent].flatMap({ $0.count == 1 ? $0[0] : nil }) {
                text = articles[i].text
                used.insert(i)
            } else if findTexts, !recs.contains(where: { $0.kind == "error" }) {
                for path in [id] + roots.map({ Self.join($0, id) }) where FileManager.default.fileExists(atPath: path) {
                    if let d = read(path, id: id) {
                        let candidate = ReportDocument(id: id, text: d.text, records: recs)
                        if candidate.mismatches(in: Array(d.text.unicodeScalars)) == 0 { text = d.text; break }
                        note = "The file \(path) no longer matches these records; records only."
                    }
                }
            }
            out.append(ReportDocument(id: id, text: text, records: recs, note: text == nil ? note : nil))
        }
        // Articles given alongside that no extraction file covers: extract them.
        for (i, d) in articles.enumerated() where !used.contains(i) && byDoc[d.id] == nil {
            out.append(ReportDocument(id: d.id, text: d.text, records: try extract(d)))
        }
        return .documents(out)
    }

    /// Reads one article; a failure is a warning.
    func read(_ path: String, id: String) -> Document? {
        do { return try reader.read(path: path, id: id) } catch { warn("\(error)"); return nil }
    }

    /// A `{"id", "text"}` or `{"id", "html"}` line as a document.
    func documentLine(_ r: Record, origin: String) -> Document? {
        let id: String
        switch r["id"] {
        case .string(let s)?: id = s
        case .int(let n)?: id = String(n)
        default: id = origin
        }
        do {
            if let t = r.string("text") { return try reader.decode(Array(t.utf8), id: id, format: .text) }
            if let h = r.string("html") { return try reader.decode(Array(h.utf8), id: id, format: .html) }
        } catch {
            warn("\(error)")
            return nil
        }
        warn("\(origin): neither a record nor a document (no \"kind\", \"text\" or \"html\")")
        return nil
    }

    /// Whether a file holds `dossier diff --json` rows (its first line has a `change`).
    func isDiffRows(_ path: String) throws -> Bool {
        guard path != "-", let bytes = try? FileBytes.read(path: path, limit: 1 << 36), Self.looksLikeJSONLines(bytes) else { return false }
        let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
        guard let r = try? RecordDecoding.decode(bytes[..<end]) else { return false }
        return r["change"] != nil || r.kind == "summary"
    }

    /// Runs `dossier diff OLD NEW` in process and returns its rows.
    func compare(_ old: String, _ new: String) throws -> ReportDiff {
        let make = makePipeline
        let loader = DiffLoader(reader: reader) {
            do { return try make() } catch { throw DiffError("cannot load the pipeline: \(error)") }
        }
        let a: DiffSide, b: DiffSide
        do {
            a = try loader.side(old)
            b = try loader.side(new)
        } catch {
            throw ReportError(error.message)
        }
        var rows: [JSONObject] = []
        let summary = DiffRun().run(a, b, loader: loader, report: { _, _, changes in
            rows += changes.map { DiffRows.row($0) }
        }, trouble: { t in self.warn("\(t.doc): \(t.message)") })
        return ReportDiff(rows: rows, summary: DiffRows.summary(summary), source: "\(old) → \(new)")
    }

    /// JSON Lines: the first non-blank byte opens an object and the first line parses as one.
    static func looksLikeJSONLines(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let first = body.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
              body[first] == UInt8(ascii: "{") else { return false }
        let end = body[first...].firstIndex(of: 0x0A) ?? body.endIndex
        return (try? RecordDecoding.decode(body[first..<end])) != nil
    }

    /// The articles of a folder, by path relative to it (as `dossier batch` names them), sorted.
    static func walk(_ path: String) throws -> [String] {
        let root = URL(fileURLWithPath: path).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw ReportError("\(path): cannot read the folder")
        }
        var ids: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walker where DiffLoader.articleExtensions.contains(url.pathExtension.lowercased()) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.path
            ids.append(full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent)
        }
        return ids.sorted()
    }

    static func join(_ folder: String, _ id: String) -> String {
        if id.hasPrefix("/") || folder.isEmpty { return id }
        return folder.hasSuffix("/") ? folder + id : folder + "/" + id
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

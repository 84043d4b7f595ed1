import Foundation

/// Walks a folder depth first, lazily, listing each folder's entries in byte order of their names
/// so that every run sees the documents in the same order. Hidden entries (".name") are skipped;
/// symbolic links are followed, but never into a folder that contains them.
struct FolderWalker {
    /// What the walk finds.
    enum Entry {
        case document(path: String, id: String, size: Int)
        case unreadable(path: String, id: String, reason: String)
    }

    private struct Frame {
        var path: String
        var prefix: String
        var names: [String]
        var next = 0
        var identity: FileIdentity
    }

    private var stack: [Frame] = []
    private var pendingFailure: Entry?

    init(root: String) {
        let trimmed = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        if let identity = FileIdentity.info(trimmed)?.identity {
            enter(path: trimmed, prefix: "", identity: identity)
        } else {
            pendingFailure = .unreadable(path: trimmed, id: trimmed, reason: "cannot stat")
        }
    }

    /// The next document or unreadable entry, or nil when the walk is over.
    mutating func next() -> Entry? {
        if let failure = pendingFailure { pendingFailure = nil; return failure }
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].names.count else { stack.removeLast(); continue }
            let name = stack[top].names[stack[top].next]
            stack[top].next += 1
            let path = stack[top].path == "/" ? "/" + name : stack[top].path + "/" + name
            let id = stack[top].prefix + name
            guard let info = FileIdentity.info(path) else {
                // A dangling link is not a document; anything else that cannot be looked at is reported.
                if FileIdentity.isSymbolicLink(path) { continue }
                return .unreadable(path: path, id: id, reason: "cannot stat")
            }
            if info.isDirectory {
                if stack.contains(where: { $0.identity == info.identity }) { continue }
                enter(path: path, prefix: id + "/", identity: info.identity)
                if let failure = pendingFailure { pendingFailure = nil; return failure }
            } else if info.isRegular && BatchInput.isDocumentName(name) {
                return .document(path: path, id: id, size: info.size)
            }
        }
        return nil
    }

    private mutating func enter(path: String, prefix: String, identity: FileIdentity) {
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: path)
                .filter { !$0.hasPrefix(".") }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            stack.append(Frame(path: path, prefix: prefix, names: names, identity: identity))
        } catch {
            let id = prefix.isEmpty ? path : String(prefix.dropLast())
            pendingFailure = .unreadable(path: path, id: id, reason: "cannot read folder")
        }
    }
}

/// A file's device and inode, and what `stat` says about it.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    struct Info {
        var identity: FileIdentity
        var isDirectory: Bool
        var isRegular: Bool
        var size: Int
    }

    static func info(_ path: String) -> Info? {
        var st = stat()
        guard statPath(path, &st) == 0 else { return nil }
        let type = st.st_mode & S_IFMT
        return Info(identity: FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)),
                    isDirectory: type == S_IFDIR, isRegular: type == S_IFREG, size: Int(st.st_size))
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }
}

/// `stat(2)`, out of reach of the `stat` struct's name inside types.
private func statPath(_ path: String, _ st: inout stat) -> Int32 {
    stat(path, &st)
}

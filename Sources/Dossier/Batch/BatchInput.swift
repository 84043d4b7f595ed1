import Foundation

/// One INPUT argument of `dossier batch`: a folder, a single document, a JSONL file of documents,
/// or standard input (`-`, JSONL).
public enum BatchInput: Sendable, Equatable {
    /// A folder, read recursively for `.txt`, `.html` and `.htm` files in sorted order; ids are
    /// paths relative to the folder.
    case folder(String)
    /// A single text or HTML document; its id is the path as given.
    case file(String)
    /// A file of JSON Lines documents `{"id": …, "text": …}` (or `"html"`).
    case jsonLines(String)
    /// JSON Lines documents on standard input.
    case standardInput

    /// Classifies a command-line argument, or says why it cannot be used.
    public init(argument: String) throws(BatchError) {
        if argument == "-" { self = .standardInput; return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            throw .usage("\(argument): no such file or folder")
        }
        if isDirectory.boolValue {
            self = .folder(argument)
        } else if argument.lowercased().hasSuffix(".jsonl") {
            self = .jsonLines(argument)
        } else {
            self = .file(argument)
        }
    }

    /// The extensions a folder is searched for.
    public static let documentExtensions: Set<String> = ["txt", "html", "htm"]

    /// Whether a file name found in a folder is a document.
    static func isDocumentName(_ name: String) -> Bool {
        guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
        return documentExtensions.contains(name[name.index(after: dot)...].lowercased())
    }
}

/// Why a batch run could not start or go on. Document failures are never `BatchError`s: they
/// become error records.
public enum BatchError: Error, Sendable, CustomStringConvertible {
    /// Wrong arguments (missing input, --resume on standard output, …).
    case usage(String)
    /// The output or its progress file could not be opened or written.
    case output(String)
    /// `--resume` found a progress file that does not match this run.
    case resumeMismatch(String)

    public var description: String {
        switch self {
        case .usage(let m), .output(let m), .resumeMismatch(let m): return m
        }
    }
}

import Foundation

/// One document of a batch run, in input order, before it is read: workers read and decode it,
/// so that the thread that enumerates inputs only lists files and splits lines.
public struct BatchItem: Sendable {
    /// Where the document's bytes are.
    public enum Source: Sendable {
        /// A file to read; the format comes from its extension, or is sniffed.
        case file(path: String)
        /// One line of a JSONL input; `origin` ("FILE:LINE") names it in messages and is the id
        /// when the line has none.
        case jsonLine(bytes: [UInt8], origin: String)
        /// Known to fail before reading (an unreadable folder, an over-long line).
        case failure(message: String)
    }

    /// The position in the input order, from 0.
    public var index: Int
    /// The id when known without parsing (files, failures); nil for JSON lines.
    public var knownID: String?
    public var source: Source
    /// Input bytes (file size or line length), for throughput.
    public var size: Int

    /// The document id, parsing a JSON line if needed. Workers and `--resume` agree on it.
    public func resolvedID() -> String {
        if let knownID { return knownID }
        if case .jsonLine(let bytes, let origin) = source {
            do {
                return try JSONDocumentLine.parse(bytes, origin: origin).id
            } catch {
                return error.id ?? origin
            }
        }
        return ""
    }
}

/// Moves a value that one thread hands over to another and never touches again.
final class Handover<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

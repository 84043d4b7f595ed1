/// Why a document could not be read.
public enum DocumentError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalidUTF8(path: String, byteOffset: Int)
    case binary(path: String)
    case tooLarge(path: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): cannot read: \(reason)"
        case let .invalidUTF8(path, offset): return "\(path): not valid UTF-8 (first bad byte at offset \(offset))"
        case let .binary(path): return "\(path): binary data, not a text or HTML document"
        case let .tooLarge(path, bytes, limit): return "\(path): \(bytes) bytes is over the limit of \(limit) bytes (see --max-doc-bytes)"
        }
    }
}

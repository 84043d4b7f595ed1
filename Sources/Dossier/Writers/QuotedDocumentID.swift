/// A document id as a JSON string literal, followed by `JSONByteBuffer.padding` zero bytes, for
/// every record of the document to copy with `JSONByteBuffer.appendPadded`. Memory of its own,
/// freed with the object: an array made once a document looked up its generic storage type in
/// the runtime's metadata cache.
final class QuotedDocumentID {
    private let buffer: JSONByteBuffer

    /// The bytes of the literal, quotes included, padding excluded.
    let count: Int

    /// The first byte of the literal; `count + JSONByteBuffer.padding` bytes are readable.
    var base: UnsafePointer<UInt8> { UnsafePointer(buffer.base) }

    init(_ id: String) {
        var quoted = JSONByteBuffer(capacity: 64)
        quoted.appendString(id)
        count = quoted.count
        quoted.reserve(JSONByteBuffer.padding)
        quoted.end.initialize(repeating: 0, count: JSONByteBuffer.padding)
        buffer = quoted
    }

    deinit { buffer.deallocate() }
}

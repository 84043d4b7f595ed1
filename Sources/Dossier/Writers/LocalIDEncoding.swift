extension JSONByteBuffer {
    /// `, "id": ` and the local id of `name` as a string literal: the bytes
    /// `appendString(AliasResolver.localID(name))` writes, spelt straight into the buffer (a slug is
    /// ASCII letters, digits and dashes: nothing to escape).
    mutating func appendLocalID(of name: String) {
        let written: Void? = name.utf8.withContiguousStorageIfAvailable { bytes in
            // `, "id": "local:` 15, the slug (no longer than the name), the closing quote.
            reserve(bytes.count &+ 16)
            putLiteral(", \"id\": \"local:")
            let n = Slug.write(bytes, to: end)
            advance(to: end + n)
            put(UInt8(ascii: "\""))
        }
        if written == nil {
            append(", \"id\": ")
            appendString(AliasResolver.localID(name))
        }
    }
}

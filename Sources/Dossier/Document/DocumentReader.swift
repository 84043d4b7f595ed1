/// Turns bytes into a `Document`: decodes UTF-8 (dropping a leading byte-order mark, keeping CRLF),
/// refuses binary data and invalid UTF-8 with a clear error, and converts HTML to text.
public struct DocumentReader: Sendable {
    /// Documents larger than this many bytes are refused.
    public var maxBytes: Int

    public static let defaultMaxBytes = 50 * 1024 * 1024

    public init(maxBytes: Int = DocumentReader.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// Reads the file at `path` (or standard input for "-").
    public func read(path: String, id: String? = nil) throws(DocumentError) -> Document {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path, limit: maxBytes)
        } catch {
            switch error {
            case .tooLarge(let size): throw .tooLarge(path: path, bytes: size, limit: maxBytes)
            case .system(let reason): throw .unreadable(path: path, reason: reason)
            }
        }
        let hint: DocumentFormat? = Self.hasHTMLExtension(path) ? .html : nil
        return try decode(bytes, id: id ?? path, format: hint)
    }

    /// Decodes `bytes` as a document. `format` nil means: sniff HTML from the first bytes.
    public func decode(_ bytes: [UInt8], id: String, format: DocumentFormat? = nil) throws(DocumentError) -> Document {
        if bytes.count > maxBytes { throw .tooLarge(path: id, bytes: bytes.count, limit: maxBytes) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let kind = format ?? (Self.looksLikeHTML(body) ? .html : .text)
        switch kind {
        case .text:
            return try decodeText(body, id: id, bomBytes: bytes.count - body.count)
        case .html:
            if Self.looksBinary(body) { throw .binary(path: id) }
            if let bad = Self.firstInvalidUTF8(body) { throw .invalidUTF8(path: id, byteOffset: bad + (bytes.count - body.count)) }
            let page = HTMLText.extract(utf8: body)
            return Document(id: id, utf16: page.units, format: .html, metadata: page.metadata, blocks: page.blocks)
        }
    }

    /// A plain-text document, with the errors `looksBinary` and `firstInvalidUTF8` would raise (in
    /// that order), from one pass over the bytes (`TextDecoding`) instead of three.
    private func decodeText(_ body: ArraySlice<UInt8>, id: String, bomBytes: Int) throws(DocumentError) -> Document {
        if Self.hasBinaryMagic(body) { throw .binary(path: id) }
        let head = Swift.min(body.count, Self.binaryCheckBytes)
        let decoded = body.withUnsafeBufferPointer { TextDecoding(utf8: $0, controlsWithin: head) }
        if let bad = decoded.invalidAt {
            // The control characters were counted up to the invalid byte only.
            if Self.looksBinary(body) { throw .binary(path: id) }
            throw .invalidUTF8(path: id, byteOffset: bad + bomBytes)
        }
        if decoded.controls * 10 > head { throw .binary(path: id) }
        return Document(id: id, decoded: decoded)
    }

    /// How many first bytes `looksBinary` looks at.
    static let binaryCheckBytes = 8192

    /// Whether `path` ends in ".html", ".htm" or ".xhtml", in any letter case. An ASCII path is
    /// checked on its bytes; another is lowercased first.
    static func hasHTMLExtension(_ path: String) -> Bool {
        var path = path
        let ascii: Bool? = path.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func endsWith(_ suffix: StaticString) -> Bool {
                let n = suffix.utf8CodeUnitCount
                guard bytes.count >= n else { return false }
                let tail = bytes.count - n
                for k in 0..<n {
                    // Letters in either case; the dot exactly.
                    let b = bytes[tail + k], s = suffix.utf8Start[k]
                    if b != s && (s < 0x61 || b | 0x20 != s) { return false }
                }
                return true
            }
            return endsWith(".html") || endsWith(".htm") || endsWith(".xhtml")
        }
        if let ascii { return ascii }
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml")
    }

    /// The magic number of a common binary format: PDF, PNG, JPEG, ZIP, gzip, ELF, GIF.
    static func hasBinaryMagic(_ bytes: ArraySlice<UInt8>) -> Bool {
        let magic: [[UInt8]] = [[0x25, 0x50, 0x44, 0x46], [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x50, 0x4B, 0x03, 0x04],
                                [0x1F, 0x8B], [0x7F, 0x45, 0x4C, 0x46], [0x47, 0x49, 0x46, 0x38]]
        return magic.contains(where: { bytes.starts(with: $0) })
    }

    /// Binary data: the magic number of a common binary format, or control characters (NUL
    /// included) in more than 1 in 10 of the first 8 KiB. Text with a few stray NULs is text.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let head = bytes.prefix(binaryCheckBytes)
        if head.isEmpty { return false }
        if hasBinaryMagic(head) { return true }
        let controls = head.withContiguousStorageIfAvailable { buf in
            var count = 0
            let raw = UnsafeRawBufferPointer(buf)
            var i = 0
            while i < buf.count {
                // Sixteen, then eight bytes at a time while none is below 0x20 (true for most of a
                // line of text).
                if i + 16 <= buf.count {
                    let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let b = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    if ((a &- 0x2020_2020_2020_2020) & ~a | (b &- 0x2020_2020_2020_2020) & ~b) & 0x8080_8080_8080_8080 == 0 {
                        i += 16
                        continue
                    }
                }
                if i + 8 <= buf.count {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        continue
                    }
                }
                let b = buf[i]
                if UTF8Bytes.isControl(b) { count += 1 }
                i += 1
            }
            return count
        } ?? head.reduce(0) { $0 + (UTF8Bytes.isControl($1) ? 1 : 0) }
        return controls * 10 > head.count
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withContiguousStorageIfAvailable { buf -> Int? in
            var i = 0
            let n = buf.count
            let raw = UnsafeRawBufferPointer(buf)
            while i < n {
                if i + 16 <= n, (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0 {
                    i += 16
                    continue
                }
                if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                let (need, lowBound, highBound) = UTF8Bytes.lead(b)
                if need == 0 || i + need >= n { return i }
                let c1 = buf[i + 1]
                if c1 < lowBound || c1 > highBound { return i }
                var k = 2
                while k <= need {
                    if buf[i + k] & 0xC0 != 0x80 { return i }
                    k += 1
                }
                i += need + 1
            }
            return nil
        } ?? nil
    }

    /// HTML: the first non-space bytes open a doctype, `<html`, `<head>` or `<body>`.
    static func looksLikeHTML(_ bytes: ArraySlice<UInt8>) -> Bool {
        let head = bytes.prefix(1024).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        // Most documents start with a letter or a digit: no String is made for them.
        guard let first = head.first, first == UInt8(ascii: "<") else { return false }
        let start = String(decoding: head.prefix(15), as: UTF8.self).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head") || start.hasPrefix("<body")
            || (start.hasPrefix("<!--") && String(decoding: head, as: UTF8.self).lowercased().contains("<html"))
    }
}

/// Escaping for the HTML report: every piece of text from a document, a record or a file name goes
/// through one of these before it reaches the page.
public enum HTMLEscape {
    /// Text content: `&`, `<` and `>` escaped; characters that HTML forbids (C0 and C1 controls other
    /// than tab, newline, carriage return and form feed; noncharacters) become U+FFFD, one for one, so
    /// that code point offsets still line up.
    public static func text(_ s: String) -> String {
        escape(s, quotes: false)
    }

    /// An attribute value (always written in double quotes): also `"` and `'`.
    public static func attribute(_ s: String) -> String {
        escape(s, quotes: true)
    }

    static func escape(_ s: String, quotes: Bool) -> String {
        // Fast path: nothing to change.
        var needs = false
        for u in s.unicodeScalars where needsWork(u, quotes: quotes) { needs = true; break }
        if !needs { return s }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(s.unicodeScalars.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where quotes: out.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where quotes: out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(isForbidden(u) ? "\u{FFFD}" : u)
            }
        }
        return String(out)
    }

    @inline(__always)
    static func needsWork(_ u: Unicode.Scalar, quotes: Bool) -> Bool {
        switch u {
        case "&", "<", ">": return true
        case "\"", "'": return quotes
        default: return isForbidden(u)
        }
    }

    /// Characters that are parse errors in HTML text.
    @inline(__always)
    static func isForbidden(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 { return !(v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0C) }
        if v >= 0x7F && v <= 0x9F { return true }
        if v >= 0xFDD0 && v <= 0xFDEF { return true }
        return (v & 0xFFFE) == 0xFFFE
    }

    /// A JSON value for a `<script type="application/json">` block: `<`, `>` and `&` are written as
    /// `\u003c`, `\u003e`, `\u0026`, so that no text (not even `</script>` or `<!--`) can end the block.
    public static func scriptJSON(_ value: JSONValue) -> String {
        var bytes: [UInt8] = []
        JSONEncoding.append(value, to: &bytes)
        return scriptSafe(bytes)
    }

    /// A string as a JSON string literal, safe inside a script block (see `scriptJSON`).
    public static func scriptJSONString(_ s: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 64)
        JSONEncoding.appendString(s, to: &bytes)
        return scriptSafe(bytes)
    }

    static func scriptSafe(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "<"): out.append(contentsOf: lt)
            case UInt8(ascii: ">"): out.append(contentsOf: gt)
            case UInt8(ascii: "&"): out.append(contentsOf: amp)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029: valid in JSON, escaped anyway for older parsers.
                out.append(contentsOf: bytes[i + 2] == 0xA8 ? ls : ps)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let lt = Array("\\u003c".utf8), gt = Array("\\u003e".utf8), amp = Array("\\u0026".utf8)
    static let ls = Array("\\u2028".utf8), ps = Array("\\u2029".utf8)
}

/// Writes JSON values as compact UTF-8, one record a line: fast, with keys in record order.
public enum JSONEncoding {
    public static func encode(_ record: Record) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        appendObject(record.object, to: &out)
        return out
    }

    public static func append(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .string(let s): appendString(s, to: &out)
        case .int(let i): appendInt(i, to: &out)
        case .double(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { appendInt(Int(d), to: &out) }
            else if d.isFinite { out.append(contentsOf: "\(d)".utf8) }
            else { appendASCII("null", to: &out) }
        case .bool(let b): appendASCII(b ? "true" : "false", to: &out)
        case .null: appendASCII("null", to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            var first = true
            for item in items {
                if !first { out.append(0x2C); out.append(0x20) }
                first = false
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            appendObject(object, to: &out)
        }
    }

    /// An object, keys in order.
    public static func appendObject(_ object: JSONObject, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        let keys = object.keys, values = object.values
        for i in keys.indices {
            if i > 0 { out.append(0x2C); out.append(0x20) }
            appendString(keys[i], to: &out)
            out.append(0x3A); out.append(0x20)
            append(values[i], to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    @inline(__always) static func appendASCII(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Decimal digits of `i`, as `String(i)` writes them.
    static func appendInt(_ i: Int, to out: inout [UInt8]) {
        if i >= 0 && i < 10 { out.append(0x30 &+ UInt8(i)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = i.magnitude
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - n] = 0x30 &+ UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            if i < 0 { out.append(0x2D) }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(20 - n)...]))
        }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole.
            var runStart = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F { i += 1; continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                switch b {
                case UInt8(ascii: "\""): out.append(0x5C); out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                default:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                }
                i += 1
                runStart = i
            }
            if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

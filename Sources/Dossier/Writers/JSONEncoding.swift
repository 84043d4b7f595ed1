/// Writes JSON values as compact UTF-8, one record a line: fast, with keys in record order.
public enum JSONEncoding {
    public static func encode(_ record: Record) -> [UInt8] {
        var out: [UInt8] = []
        appending(to: &out) { $0.appendObject(record.object) }
        return out
    }

    public static func append(_ value: JSONValue, to out: inout [UInt8]) {
        appending(to: &out) { $0.appendValue(value) }
    }

    /// An object, keys in order.
    public static func appendObject(_ object: JSONObject, to out: inout [UInt8]) {
        appending(to: &out) { $0.appendObject(object) }
    }

    public static func appendString(_ s: String, to out: inout [UInt8]) {
        appending(to: &out) { $0.appendString(s) }
    }

    /// Records as JSON Lines: each record, then a newline.
    public static func appendLines(_ records: [Record], to out: inout [UInt8]) {
        var encoder = JSONLineEncoder()
        appending(to: &out) { buffer in
            for r in records { encoder.appendLine(r, to: &buffer) }
        }
    }

    /// Encodes into a scratch buffer, then appends its bytes to `out` at once.
    static func appending(to out: inout [UInt8], _ body: (inout JSONByteBuffer) -> Void) {
        var buffer = JSONByteBuffer(capacity: 256)
        body(&buffer)
        out.append(contentsOf: buffer.bytes)
        buffer.deallocate()
    }
}

extension JSONByteBuffer {
    mutating func appendValue(_ value: JSONValue) {
        switch value {
        case .string(let s): appendString(s)
        case .int(let i): appendInt(i)
        case .double(let d): appendDouble(d)
        case .bool(let b): append(b ? "true" : "false")
        case .null: append("null")
        case .array(let items): appendArray(items)
        case .object(let object): appendObject(object)
        }
    }

    /// Element `i` of `values`. Switched on in place: passing `values[i]` to `appendValue` would
    /// copy it (a retain and a release) first.
    @inline(__always) mutating func appendValue(of values: [JSONValue], at i: Int) {
        switch values[i] {
        case .string(let s): appendString(s)
        case .int(let n): appendInt(n)
        default: appendValue(values[i])
        }
    }

    /// An object, keys in order: `{"k": v, "k": v}`.
    mutating func appendObject(_ object: JSONObject) {
        reserve(1)
        put(UInt8(ascii: "{"))
        let keys = object.keys, values = object.values
        for i in 0..<Swift.min(keys.count, values.count) {
            if i > 0 { reserve(2); put(0x2C, 0x20) }
            appendString(keys[i], reservingAfter: 2)
            put(0x3A, 0x20)
            appendValue(of: values, at: i)
        }
        reserve(1)
        put(UInt8(ascii: "}"))
    }

    /// An array: `[v, v]`.
    mutating func appendArray(_ items: [JSONValue]) {
        reserve(1)
        put(UInt8(ascii: "["))
        for i in items.indices {
            if i > 0 { reserve(2); put(0x2C, 0x20) }
            appendValue(of: items, at: i)
        }
        reserve(1)
        put(UInt8(ascii: "]"))
    }

    /// Decimal digits of `i`, as `String(i)` writes them: counted by comparisons, then written two
    /// at a time from the end.
    mutating func appendInt(_ i: Int) {
        reserve(20)  // Int.min: a sign and 19 digits
        putInt(i)
    }

    /// `appendInt`, with room reserved for 20 bytes: numbers below 100,000 (offsets) inline.
    @inline(__always) mutating func putInt(_ i: Int) {
        if UInt(bitPattern: i) < 100_000 { putSmall(UInt(bitPattern: i)) } else { putLargeInt(i) }
    }

    /// `putInt` of any number, with room reserved.
    @inline(never) mutating func putLargeInt(_ i: Int) {
        var p = end
        if i < 0 { p[0] = UInt8(ascii: "-"); p += 1 }
        var v = UInt64(i.magnitude)
        var digits = 1
        var bound: UInt64 = 10
        while digits < 19 && v >= bound { digits &+= 1; bound &*= 10 }  // |Int.min| < 10^19
        p += digits
        advance(to: p)
        let pairs = JSONDigits.pairs.utf8Start
        while v >= 100 {
            let pair = Int(truncatingIfNeeded: v % 100) &* 2
            v /= 100
            p -= 2
            p[0] = pairs[pair]
            p[1] = pairs[pair &+ 1]
        }
        if v >= 10 {
            let pair = Int(truncatingIfNeeded: v) &* 2
            p[-2] = pairs[pair]
            p[-1] = pairs[pair &+ 1]
        } else {
            p[-1] = 0x30 &+ UInt8(truncatingIfNeeded: v)
        }
    }

    /// The digits of `v` (below 100,000: offsets, counts), with room reserved: the length found by
    /// comparisons, the digits written in pairs.
    @inline(__always) mutating func putSmall(_ v: UInt) {
        if v < 10 { return put(0x30 &+ UInt8(truncatingIfNeeded: v)) }
        let pairs = JSONDigits.pairs.utf8Start
        let p = end
        if v < 100 {
            p[0] = pairs[Int(v) &* 2]
            p[1] = pairs[Int(v) &* 2 &+ 1]
            return advance(to: p + 2)
        }
        let high = Int(v / 100) &* 2, low = Int(v % 100) &* 2
        var q = p
        if v < 1000 {
            q[0] = pairs[high &+ 1]
            q += 1
        } else if v < 10_000 {
            q[0] = pairs[high]
            q[1] = pairs[high &+ 1]
            q += 2
        } else {
            let top = high >> 1
            q[0] = 0x30 &+ UInt8(truncatingIfNeeded: top / 100)
            q[1] = pairs[(top % 100) &* 2]
            q[2] = pairs[(top % 100) &* 2 &+ 1]
            q += 3
        }
        q[0] = pairs[low]
        q[1] = pairs[low &+ 1]
        advance(to: q + 2)
    }

    /// Whole numbers below 10^15 as integers, other finite numbers as Swift prints them, else null.
    mutating func appendDouble(_ d: Double) {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 { appendInt(Int(d)) }
        else if d.isFinite { var text = "\(d)"; text.withUTF8 { append($0) } }
        else { append("null") }
    }

    /// A string literal, escaped, with room reserved for `extra` more bytes after it.
    mutating func appendString(_ s: String, reservingAfter extra: Int = 0) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { appendQuoted($0, reservingAfter: extra) }
        if done == nil {
            var native = s
            native.withUTF8 { appendQuoted($0, reservingAfter: extra) }
        }
    }

    /// UTF-8 bytes as a string literal. Eight bytes at a time: a word with nothing to escape (the
    /// common case) is copied whole, any other byte by byte.
    @inline(__always) mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, reservingAfter extra: Int) {
        reserve(bytes.count &* 6 &+ 10 &+ extra)  // at worst every byte becomes \u00XX; 8 for a padded word
        putQuoted(bytes)
    }

    /// `appendQuoted`, with room reserved for `6 * bytes.count + 10` bytes.
    @inline(__always) mutating func putQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        _ = quote(bytes, onlyASCII: false)
    }

    /// `putQuoted` if every byte is below 0x80, tested in the same pass; otherwise writes nothing
    /// and returns false.
    @inline(__always) mutating func putQuotedIfASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        quote(bytes, onlyASCII: true)
    }

    /// Writes `bytes` as a string literal, with room reserved; when `onlyASCII` (a constant where
    /// this is inlined) and a byte is 0x80 or above, it advances past none of them and returns false.
    @inline(__always) private mutating func quote(_ bytes: UnsafeBufferPointer<UInt8>, onlyASCII: Bool) -> Bool {
        let n = bytes.count
        var p = end
        p[0] = UInt8(ascii: "\"")
        p += 1
        var high: UInt64 = 0
        if var source = bytes.baseAddress {
            let stop = source + n
            while stop - source >= 8 {
                let word = UnsafeRawPointer(source).loadUnaligned(as: UInt64.self)
                if onlyASCII { high |= word }
                if JSONEscape.any(in: word) {
                    for k in 0..<8 { p = JSONEscape.put(source[k], at: p) }
                } else {
                    UnsafeMutableRawPointer(p).storeBytes(of: word, as: UInt64.self)
                    p += 8
                }
                source += 8
            }
            // The last 1 to 7 bytes, gathered into a word padded with spaces (which need no escape):
            // stored whole when clean, into the room reserved for the padding.
            let rest = stop - source
            if rest > 0 {
                let word = JSONEscape.spaces &<< (8 &* UInt64(rest)) | JSONEscape.load(source, count: rest)
                if onlyASCII { high |= word }
                if JSONEscape.any(in: word) {
                    for k in 0..<rest { p = JSONEscape.put(source[k], at: p) }
                } else {
                    UnsafeMutableRawPointer(p).storeBytes(of: word, as: UInt64.self)
                    p += rest
                }
            }
        }
        if onlyASCII && high & 0x8080_8080_8080_8080 != 0 { return false }
        p[0] = UInt8(ascii: "\"")
        advance(to: p + 1)
        return true
    }
}

/// The decimal digits of 0 to 99, two a number.
enum JSONDigits {
    static var pairs: StaticString { "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" }
}

/// Which bytes a JSON string escapes, and how: `"`, `\`, control bytes and DEL.
enum JSONEscape {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let spaces: UInt64 = 0x2020_2020_2020_2020

    /// Whether any byte of `word` needs an escape. Exact (the bit tricks can only misreport bytes
    /// after one that is a real hit): a byte below 0x20, or one equal to 0x22, 0x5C or 0x7F.
    @inline(__always) static func any(in word: UInt64) -> Bool {
        let control = (word &- ones &* 0x20) & ~word
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C), delete = word ^ (ones &* 0x7F)
        let equal = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((delete &- ones) & ~delete)
        return (control | equal) & highBits != 0
    }

    /// The `count` (1 to 7) bytes at `p` as the low bytes of a word, in at most three loads: two
    /// overlapping ones of four bytes, or the first, middle and last byte.
    @inline(__always) static func load(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        if count >= 4 {
            let raw = UnsafeRawPointer(p)
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            return low | high &<< (8 &* UInt64(count &- 4))
        }
        let middle = count >> 1, last = count &- 1
        return UInt64(p[0]) | UInt64(p[middle]) &<< (8 &* UInt64(middle)) | UInt64(p[last]) &<< (8 &* UInt64(last))
    }

    /// Writes `b` at `p`, escaped if need be; returns the byte after it.
    @inline(__always) static func put(_ b: UInt8, at p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F {
            p[0] = b
            return p + 1
        }
        p[0] = UInt8(ascii: "\\")
        switch b {
        case UInt8(ascii: "\""): p[1] = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): p[1] = UInt8(ascii: "\\")
        case 0x0A: p[1] = UInt8(ascii: "n")
        case 0x0D: p[1] = UInt8(ascii: "r")
        case 0x09: p[1] = UInt8(ascii: "t")
        default:
            p[1] = UInt8(ascii: "u")
            p[2] = UInt8(ascii: "0")
            p[3] = UInt8(ascii: "0")
            p[4] = hexDigit(b >> 4)
            p[5] = hexDigit(b & 15)
            return p + 6
        }
        return p + 2
    }

    @inline(__always) static func hexDigit(_ d: UInt8) -> UInt8 {
        d < 10 ? 0x30 &+ d : 0x57 &+ d  // 0x57 + 10 = "a"
    }
}

/// Tests on UTF-8 bytes. The reader's checks (`DocumentReader`) and the one-pass decoder
/// (`TextDecoding`) share the sequence table and the control test, so that both accept and count
/// exactly the same bytes; local ids ask whether a name is ASCII (`LocalIDs.isASCII`).
enum UTF8Bytes {
    /// Whether every byte is below 0x80: eight bytes a step, then one at a time.
    @inline(__always) static func areASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var high: UInt64 = 0
        var i = 0
        while n &- i >= 8 {
            high |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i &+= 8
        }
        while i < n {
            high |= UInt64(base[i])
            i &+= 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// For a byte at the start of a sequence: how many continuation bytes follow it (0 when the byte
    /// cannot lead a sequence), and the range the first of them must fall in. The ranges are those
    /// of well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF); the other
    /// continuation bytes are always 0x80...0xBF.
    @inline(__always) static func lead(_ b: UInt8) -> (need: Int, low: UInt8, high: UInt8) {
        switch b {
        case 0xC2...0xDF: return (1, 0x80, 0xBF)
        case 0xE0: return (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE, 0xEF: return (2, 0x80, 0xBF)
        case 0xED: return (2, 0x80, 0x9F)
        case 0xF0: return (3, 0x90, 0xBF)
        case 0xF1...0xF3: return (3, 0x80, 0xBF)
        case 0xF4: return (3, 0x80, 0x8F)
        default: return (0, 0, 0)
        }
    }

    /// A C0 control character other than tab, line feed, form feed and carriage return: the bytes
    /// whose share makes a file look binary.
    @inline(__always) static func isControl(_ b: UInt8) -> Bool {
        b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C
    }
}

internal import CICU
import Synchronization

/// Parses English number words ("seventeen", "three hundred and twelve", "twenty-one") with ICU's
/// spell-out rules, in strict mode.
public enum NumberWords {
    private static let formatter = Mutex<FormatterBox>(FormatterBox())

    /// The value of `words` (lowercase, hyphenated compounds), or nil when ICU cannot parse all of it.
    public static func value(of words: String) -> Double? {
        let units = Array(words.utf16)
        guard !units.isEmpty else { return nil }
        return formatter.withLock { box -> Double? in
            guard let f = box.handle else { return nil }
            var status = U_ZERO_ERROR
            var position: Int32 = 0
            let v = units.withUnsafeBufferPointer { buf in
                unum_parseDouble(f, buf.baseAddress, Int32(buf.count), &position, &status)
            }
            guard status.rawValue <= 0, Int(position) == units.count else { return nil }
            return v
        }
    }
}

private struct FormatterBox: ~Copyable {
    let handle: UnsafeMutablePointer<UNumberFormat?>?
    init() {
        var status = U_ZERO_ERROR
        let opened = unum_open(UNUM_SPELLOUT, nil, 0, "en", nil, &status)
        handle = status.rawValue > 0 ? nil : opened
    }
    deinit { if let h = handle { unum_close(h) } }
}

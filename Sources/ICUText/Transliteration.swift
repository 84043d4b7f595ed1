internal import CICU
import Synchronization

/// Folds text to lowercase ASCII (`Any-Latin; Latin-ASCII; Lower`): "Erdoğan" → "erdogan".
/// ICU's transliterator is slow (~3 MB/s), so callers should use it for non-ASCII text only.
public enum ASCIIFolding {
    private static let transliterator = Mutex<TransliteratorBox>(TransliteratorBox())

    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        var units = Array(text.utf16)
        let capacity = units.count * 4 + 16
        return transliterator.withLock { box -> String in
            guard let t = box.handle else { return text.lowercased() }
            var length = Int32(units.count)
            var limit = length
            var status = U_ZERO_ERROR
            units.append(contentsOf: repeatElement(0, count: capacity - units.count))
            units.withUnsafeMutableBufferPointer { buf in
                utrans_transUChars(t, buf.baseAddress, &length, Int32(capacity), 0, &limit, &status)
            }
            guard status.rawValue <= 0 else { return text.lowercased() }
            return String(decoding: units[0..<Int(length)], as: UTF16.self)
        }
    }
}

private struct TransliteratorBox: ~Copyable {
    let handle: UnsafeMutablePointer<UTransliterator?>?
    init() {
        let id = Array("Any-Latin; Latin-ASCII; Lower".utf16)
        var status = U_ZERO_ERROR
        let opened = id.withUnsafeBufferPointer { buf in
            utrans_openU(buf.baseAddress, Int32(buf.count), UTRANS_FORWARD, nil, 0, nil, &status)
        }
        handle = status.rawValue > 0 ? nil : opened
    }
    deinit { if let h = handle { utrans_close(h) } }
}

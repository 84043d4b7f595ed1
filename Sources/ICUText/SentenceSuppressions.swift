internal import CICU

/// The sentence-break suppressions of a locale ("no break after Mr."), read from ICU's own
/// break-iterator data (`exceptions/SentenceBreak` of the `brkitr` bundle) and applied as ICU's
/// filtered sentence iterator (`ss=standard`) applies them, quirks included:
///
/// - An abbreviation with a "." before its end ("U.S.", "Ph.D.") is *partial*: its head up to
///   the first "." ("U.", "Ph.") goes into the backward table as partial, and every abbreviation
///   that starts with such a head ("U.", "U.S.", "U.S.A.") goes only into the forward table.
///   Every other abbreviation goes into the backward table as a full match.
/// - At a boundary, one space before it is skipped (only U+0020), then the text is read
///   backwards while the backward table goes on; the longest abbreviation read decides. No
///   word boundary is asked for before it: "XMr. Smith" is suppressed too.
/// - A full match suppresses the boundary. A partial one reads the text forwards from the
///   head's start while the forward table goes on: the boundary is suppressed if that ends on
///   an abbreviation with no longer one after it, or on any abbreviation at the end of the text.
///   So "U.S. Army" is split (the walk goes on past "U.S." towards "U.S.A." and fails).
///
/// Within these rules the tables hold no line-end unit, so a check never looks across a line
/// end; `SentenceBreakTests` holds the whole to ICU's iterator.
final class SentenceSuppressions: Sendable {
    let backward: SuppressionTrie
    let forward: SuppressionTrie

    /// Values in `backward`.
    static let partial: UInt8 = 1
    static let match: UInt8 = 2

    /// The `en` suppressions, which `en@ss=standard` uses; nil if ICU's data could not be read
    /// or holds what the fast path does not model (then every line goes to ICU).
    static let english: SentenceSuppressions? = SentenceSuppressions(locale: "en")

    /// The abbreviations of `locale`'s `exceptions/SentenceBreak` list, as ICU ships them.
    static func abbreviations(locale: String) -> [[UInt16]]? {
        var status = U_ZERO_ERROR
        let bundle = ures_open(dossier_icu_brkitr_package(), locale, &status)
        defer { ures_close(bundle) }
        let exceptions = ures_getByKey(bundle, "exceptions", nil, &status)
        defer { ures_close(exceptions) }
        let list = ures_getByKey(exceptions, "SentenceBreak", nil, &status)
        defer { ures_close(list) }
        guard status.rawValue <= 0, status != U_USING_DEFAULT_WARNING else { return nil }
        var out: [[UInt16]] = []
        for i in 0..<ures_getSize(list) {
            var length: Int32 = 0
            guard let units = ures_getStringByIndex(list, i, &length, &status), status.rawValue <= 0 else { return nil }
            out.append(Array(UnsafeBufferPointer(start: units, count: Int(length))))
        }
        return out
    }

    init?(locale: String) {
        guard let list = Self.abbreviations(locale: locale) else { return nil }
        // ICU keeps the list as a set: duplicates count once.
        let abbreviations = Self.distinct(list)
        guard Self.modelsEveryUnit(of: abbreviations) else { return nil }
        let fullStop: UInt16 = 0x2E
        // The heads of partial abbreviations, up to and with their first ".".
        let heads = Self.distinct(abbreviations.compactMap { a in
            a.firstIndex(of: fullStop).flatMap { dot in dot + 1 == a.count ? nil : Array(a[...dot]) }
        })
        var backwardStrings: [[UInt16]] = heads.map { $0.reversed() }
        var backwardValues = [UInt8](repeating: Self.partial, count: heads.count)
        var forwardStrings: [[UInt16]] = []
        for a in abbreviations {
            if heads.contains(where: { a.starts(with: $0) }) {
                forwardStrings.append(a)
            } else {
                backwardStrings.append(a.reversed())
                backwardValues.append(Self.match)
            }
        }
        backward = SuppressionTrie(backwardStrings, values: backwardValues)
        forward = SuppressionTrie(forwardStrings, values: [UInt8](repeating: Self.match, count: forwardStrings.count))
    }

    /// `strings` sorted, each once.
    static func distinct(_ strings: [[UInt16]]) -> [[UInt16]] {
        var out: [[UInt16]] = []
        for s in strings.sorted(by: { $0.lexicographicallyPrecedes($1) }) where out.last != s { out.append(s) }
        return out
    }

    /// Whether the abbreviations are few and each is non-empty and made of units that no line
    /// end, surrogate or unmodelled class is among: then checks stay within a line and read
    /// units as ICU reads code points.
    static func modelsEveryUnit(of abbreviations: [[UInt16]]) -> Bool {
        // `SuppressionTrie` numbers nodes in 16 bits.
        abbreviations.reduce(0) { $0 + $1.count } < 0x8000 && abbreviations.allSatisfy { a in
            !a.isEmpty && a.allSatisfy { u in
                let c = SentenceBreakClass.of(scalar: UInt32(u))
                return !(0xD800..<0xE000).contains(u) && c != SentenceBreakClass.unmodelled
                    && c != SentenceBreakClass.carriageReturn && c != SentenceBreakClass.lineEnd
            }
        }
    }

    /// Whether ICU's filter drops the sentence boundary at `boundary` (0 < boundary < count).
    func suppresses(_ text: UnsafePointer<UInt16>, count: Int, at boundary: Int) -> Bool {
        if backward.isEmpty { return false }
        var i = boundary
        if text[i - 1] == 0x20 { i -= 1 }
        var node = 0
        var best = -1
        var bestValue: UInt8 = 0
        while i > 0 {
            i -= 1
            let step = backward.step(from: node, unit: text[i])
            if !step.exists { break }
            node = step.node
            if step.value != 0 {
                best = i
                bestValue = step.value
            }
            if !step.hasChildren { break }
        }
        if best < 0 { return false }
        if bestValue == Self.match { return true }
        if forward.isEmpty { return false }
        node = 0
        i = best
        var value: UInt8 = 0
        while i < count {
            let step = forward.step(from: node, unit: text[i])
            if !step.exists { return false }
            node = step.node
            value = step.value
            i += 1
            if !step.hasChildren { return true }
        }
        return value != 0
    }
}

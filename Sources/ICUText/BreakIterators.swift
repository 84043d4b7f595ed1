internal import CICU

/// The kind of a word-break segment, from ICU's rule status.
@frozen public enum WordSegmentKind: UInt8, Sendable {
    /// Spaces, punctuation and symbols (rule status 0–99).
    case other
    /// Numbers (rule status 100–199).
    case number
    /// Letters (rule status 200–299).
    case letter
    /// Kana (300–399).
    case kana
    /// Ideographs (400–499).
    case ideograph
}

/// One segment between two ICU word boundaries, in UTF-16 offsets.
@frozen public struct WordSegment: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var kind: WordSegmentKind
    @inlinable
    public init(start: Int, end: Int, kind: WordSegmentKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}

/// A prototype break iterator, opened once and cloned for each use: opening costs ~0.2 ms,
/// cloning ~0.2 µs. The prototype is never iterated, only cloned, which ICU allows concurrently.
private final class BreakPrototype: @unchecked Sendable {
    let handle: OpaquePointer?

    init(type: UBreakIteratorType, locale: String) {
        var status = U_ZERO_ERROR
        handle = ubrk_open(type, locale, nil, 0, &status)
        if status.rawValue > 0 { fatalError("ICU could not open a break iterator for \(locale): \(status.rawValue)") }
    }

    /// A fresh clone of the prototype, which the caller closes.
    func clone() -> OpaquePointer {
        var status = U_ZERO_ERROR
        guard let clone = ubrk_clone(handle, &status), status.rawValue <= 0 else {
            fatalError("ICU could not clone a break iterator: \(status.rawValue)")
        }
        return clone
    }

    /// Runs `body` with a fresh clone of the prototype set on `text`.
    func withIterator<R>(over text: UnsafeBufferPointer<UInt16>, _ body: (OpaquePointer) -> R) -> R {
        let iterator = clone()
        defer { ubrk_close(iterator) }
        var status = U_ZERO_ERROR
        ubrk_setText(iterator, text.baseAddress, Int32(text.count), &status)
        return body(iterator)
    }
}

private let wordPrototype = BreakPrototype(type: UBRK_WORD, locale: "en")
private let sentencePrototype = BreakPrototype(type: UBRK_SENTENCE, locale: "en@ss=standard")
/// ICU's sentence rules without its suppressions (`SentenceSuppressions` applies those): cheaper
/// to open, as ICU builds its suppression tables each time it opens a filtered iterator.
private let unfilteredSentencePrototype = BreakPrototype(type: UBRK_SENTENCE, locale: "en")

/// ICU's word breaks over one text, read one segment at a time with `next()`. Only valid inside
/// `TextSegmenter.withWordBreaks(in:_:)`, which owns the text and the ICU iterator.
///
/// Runs of lines made only of characters whose word-break class `WordBreakClasses` models (in
/// news, nearly all lines) are segmented by `LatinWordSegmenter`, which follows ICU's rules and
/// status tags without ICU's machinery; any other line goes to an ICU iterator set on that line
/// alone. ICU always breaks after a line end, so both give the segments ICU gives over the whole
/// text; `TextSegmenter.icuWordSegments(in:)` is ICU alone, for checking that.
@frozen public struct WordBreaks {
    @usableFromInline let text: UnsafePointer<UInt16>
    @usableFromInline let count: Int
    @usableFromInline let classes: UnsafePointer<UInt8>
    /// Where the next segment starts.
    @usableFromInline var position = 0
    /// Where the current run of lines starts and ends, and whether ICU segments it.
    @usableFromInline var runStart = 0
    @usableFromInline var runEnd = 0
    @usableFromInline var runIsICU = false
    /// The ICU iterator, cloned when a line first needs it; closed by `withWordBreaks`.
    @usableFromInline var iterator: OpaquePointer?

    init(text: UnsafePointer<UInt16>, count: Int, classes: UnsafePointer<UInt8>) {
        self.text = text
        self.count = count
        self.classes = classes
    }

    /// The next segment (spaces and punctuation included), or nil at the end of the text.
    @inlinable @inline(__always)
    public mutating func next() -> WordSegment? {
        nextNotingPlainness()?.segment
    }

    /// The next segment, or nil at the end of the text; `plain` when it is made only of ASCII
    /// letters and digits (no "." "'" "_" or other joiner), or is one ASCII unit other than "."
    /// and the spaces. A segment that ICU gives is never plain.
    @inlinable @inline(__always)
    public mutating func nextNotingPlainness() -> (segment: WordSegment, plain: Bool)? {
        if position >= runEnd {
            guard position < count else { return nil }
            startRun()
        }
        let start = position
        if runIsICU { return nextFromICU().map { ($0, false) } }
        let (end, kind, plain) = LatinWordSegmenter.segment(text, from: start, limit: runEnd, classes: classes)
        position = end
        return (WordSegment(start: start, end: end, kind: kind), plain)
    }

    /// Skips the next segment if it is one U+0020 space alone (the common gap between two
    /// words), which `next()` would return as a segment of its own; whether it did.
    @inlinable @inline(__always)
    public mutating func skipSingleSpace() -> Bool {
        let after = position &+ 1
        guard after < runEnd, text[position] == 0x20, !runIsICU,
              WordBreakClass.of(text[after], in: classes) != WordBreakClass.space else { return false }
        position = after
        return true
    }

    /// The next segment of a line that ICU segments.
    @usableFromInline
    mutating func nextFromICU() -> WordSegment? {
        guard let iterator else { return nil }
        let start = position
        // The iterator's text is the run, so its boundaries count from the run's start; it
        // reaches the run's end (its last boundary) before it could answer DONE.
        let end = ubrk_next(iterator)
        position = end == UBRK_DONE ? runEnd : runStart + Int(end)
        return WordSegment(start: start, end: position, kind: Self.kind(ruleStatus: ubrk_getRuleStatus(iterator)))
    }

    /// Chooses how the text from `position` is segmented: the modelled lines there, or else the
    /// one line there through ICU.
    @usableFromInline
    mutating func startRun() {
        let modelled = LatinWordSegmenter.modelledLines(text, from: position, count: count, classes: classes)
        runStart = position
        if modelled > position {
            runEnd = modelled
            runIsICU = false
            return
        }
        runEnd = LatinWordSegmenter.lineEnd(text, from: position, count: count, classes: classes)
        runIsICU = true
        if iterator == nil { iterator = wordPrototype.clone() }
        var status = U_ZERO_ERROR
        ubrk_setText(iterator, text + position, Int32(runEnd - position), &status)
        _ = ubrk_first(iterator)
    }

    /// The segment kind of an ICU word-break rule status.
    static func kind(ruleStatus status: Int32) -> WordSegmentKind {
        switch status {
        case 100..<200: return .number
        case 200..<300: return .letter
        case 300..<400: return .kana
        case 400..<500: return .ideograph
        default: return .other
        }
    }
}

/// ICU word and sentence segmentation over UTF-16 text.
public enum TextSegmenter {
    /// Runs `body` with the word breaks of `text` (nothing is run for empty text).
    public static func withWordBreaks(in text: UnsafeBufferPointer<UInt16>, _ body: (inout WordBreaks) -> Void) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        WordBreakClass.table.withUnsafeBufferPointer { classes in
            var breaks = WordBreaks(text: base, count: text.count, classes: classes.baseAddress!)
            body(&breaks)
            if let iterator = breaks.iterator { ubrk_close(iterator) }
        }
    }

    /// ICU's word segments of `text` from one ICU iterator over the whole text, without the
    /// fast path of `withWordBreaks`: the reference that tests compare it with.
    public static func icuWordSegments(in text: UnsafeBufferPointer<UInt16>) -> [WordSegment] {
        guard text.count > 0 else { return [] }
        return wordPrototype.withIterator(over: text) { it in
            var segments: [WordSegment] = []
            var start = Int(ubrk_first(it))
            while true {
                let end = ubrk_next(it)
                if end == UBRK_DONE { break }
                segments.append(WordSegment(start: start, end: Int(end), kind: WordBreaks.kind(ruleStatus: ubrk_getRuleStatus(it))))
                start = Int(end)
            }
            return segments
        }
    }

    /// Appends each sentence boundary of `text` to `out` (UTF-16 offsets, ascending, ending with
    /// `text.count`; nothing for empty text), as ICU's `en@ss=standard` sentence iterator gives
    /// them: UAX #29 with ICU's suppressions for common abbreviations ("Mr.").
    ///
    /// Runs of lines made only of characters whose sentence-break class `SentenceBreakClass`
    /// models (in news, nearly all lines) are segmented by `LatinSentenceSegmenter` and
    /// `SentenceSuppressions`, without ICU's iterator; any other line goes to an ICU iterator set
    /// on that line alone, whose breaks `SentenceSuppressions` then filters as ICU would. ICU
    /// always breaks after a line end (SB4) and no suppression reads across one, so both give
    /// the boundaries of one ICU iterator over the whole text; `icuSentenceBoundaries(in:)` is
    /// ICU alone, for checking that.
    public static func sentenceBoundaries(in text: UnsafeBufferPointer<UInt16>, into out: inout [Int]) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        guard let suppressions = SentenceSuppressions.english else {
            forEachICUSentenceBoundary(in: text) { out.append($0) }
            return
        }
        SentenceBreakClass.table.withUnsafeBufferPointer { table in
            var iterator: OpaquePointer?
            LatinSentenceSegmenter.boundaries(base, count: text.count, classes: table.baseAddress!,
                                              suppressions: suppressions, into: &out) { start, end, out in
                if iterator == nil { iterator = unfilteredSentencePrototype.clone() }
                var status = U_ZERO_ERROR
                ubrk_setText(iterator, base + start, Int32(end - start), &status)
                _ = ubrk_first(iterator)
                while true {
                    let b = ubrk_next(iterator)
                    if b == UBRK_DONE { break }
                    // ICU's filter checks every break but the end of its text: here the line's.
                    let boundary = start + Int(b)
                    if boundary == end || !suppressions.suppresses(base, count: text.count, at: boundary) { out.append(boundary) }
                }
            }
            if let iterator { ubrk_close(iterator) }
        }
    }

    /// The abbreviations after which ICU's `en@ss=standard` sentence iterator may suppress a
    /// break, as ICU's data lists them (empty if it cannot be read).
    public static var sentenceBreakSuppressions: [String] {
        (SentenceSuppressions.abbreviations(locale: "en") ?? []).map { String(decoding: $0, as: UTF16.self) }
    }

    /// ICU's sentence boundaries of `text` from one ICU iterator over the whole text, without
    /// the fast path of `sentenceBoundaries(in:into:)`: the reference that tests compare it with.
    public static func icuSentenceBoundaries(in text: UnsafeBufferPointer<UInt16>) -> [Int] {
        var out: [Int] = []
        forEachICUSentenceBoundary(in: text) { out.append($0) }
        return out
    }

    /// Calls `body` with each boundary of one ICU sentence iterator over the whole text.
    static func forEachICUSentenceBoundary(in text: UnsafeBufferPointer<UInt16>, _ body: (Int) -> Void) {
        guard text.count > 0 else { return }
        sentencePrototype.withIterator(over: text) { it in
            _ = ubrk_first(it)
            while true {
                let b = ubrk_next(it)
                if b == UBRK_DONE { break }
                body(Int(b))
            }
        }
    }
}

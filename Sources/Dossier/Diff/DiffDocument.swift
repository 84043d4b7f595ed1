/// The extractions of one document on one side of a diff, with the sentences of its text when the
/// text is known (an article extracted on the fly, or an extraction file whose documents can still
/// be read). Sentences only serve as context in reports; matching never looks at them or at offsets.
public struct DiffDocument: Sendable {
    /// The document id as the records carry it.
    public var id: String
    /// Every record of the document, in the order they were written.
    public var records: [Record]
    /// Sentence spans in code points, ascending.
    var sentences: [SentenceSpan] = []

    /// A sentence of the document text: code point span and its text on one line.
    struct SentenceSpan: Sendable {
        var start: Int
        var end: Int
        var text: String
    }

    /// A document known only by its records: no sentence context.
    public init(id: String, records: [Record]) {
        self.id = id
        self.records = records
    }

    /// A document whose text is known, with the sentences the pipeline found (UTF-16 spans).
    public init(document: Document, sentences: [Sentence], records: [Record]) {
        self.id = document.id
        self.records = records
        self.sentences = sentences.map {
            SentenceSpan(start: document.offsets.codePoint($0.start), end: document.offsets.codePoint($0.end),
                         text: DiffText.oneLine(document.slice($0.start, $0.end)))
        }
    }

    /// Records extracted from `document` by someone else: attaches its sentences if the records'
    /// spans agree with its text (so a changed file on disk is never used for context).
    public mutating func attachText(_ document: Document) {
        let scalars = Array(document.text.unicodeScalars)
        var checked = 0
        for r in records {
            guard let s = r.start, let e = r.end, let text = r.text else { continue }
            guard s >= 0, s <= e, e <= scalars.count else { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[s..<e])
            guard String(view) == text else { return }
            checked += 1
            if checked >= 64 { break }
        }
        guard checked > 0 else { return }
        let tokens = Tokenizer().tokenize(document.utf16)
        let found = SentenceSplitter().split(document.utf16, tokens: tokens)
        self = DiffDocument(document: document, sentences: found, records: records)
    }

    /// The sentence around code point offset `offset`, if the text is known.
    public func sentence(at offset: Int?) -> String? {
        guard let offset, !sentences.isEmpty else { return nil }
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < sentences.count, sentences[lo].start <= offset else { return nil }
        return sentences[lo].text
    }

    /// A diff item for `record`, with its sentence.
    func item(_ record: Record, count: Int? = nil) -> DiffItem {
        DiffItem(record: record, count: count, sentence: sentence(at: record.start))
    }
}

/// What tells the figure rules that a sentence may hold a number: a token that starts with an
/// ASCII digit, or a number word that is more than an article (`FigureLexicon.numberSignalKeys`).
/// A sentence without one has no figure, so the rules look at none of its tokens.
///
/// `FigureExtractor.firstNumberSignal` finds a sentence's first signal on its own; the quote
/// stage's pass over the same tokens (`QuoteScope.TokenIndex`) can find it on the way, and hands
/// the sentences that hold one to `FigureExtractor.extract(_:entities:signalled:)`.
struct NumberSignals: Sendable {
    /// The number words that are signals.
    let keys: KeySet
    /// The words that may start a number (`FigureLexicon.candidateKeys`: number words, multipliers
    /// and articles), which with the digits are the tokens the figure rules try.
    let candidateKeys: KeySet
    /// One byte a key slot (`slot(_:)`): `cueFlag` set when a key of the quote scan's own words
    /// (`QuoteLexicon.cueFirstWords`) has that slot, `numberFlag` when a signal word has it,
    /// `candidateFlag` when a candidate word has it. A clear flag says "certainly not", a set one
    /// "maybe": one load a token serves both stages.
    let flags: [UInt8]
    static let cueFlag: UInt8 = 1
    static let numberFlag: UInt8 = 2
    static let candidateFlag: UInt8 = 4

    /// The signals of `lexicon`, with flags for `cueWords` too.
    init(_ lexicon: FigureLexicon, alongside cueWords: KeySet) {
        keys = lexicon.numberSignalKeys
        candidateKeys = lexicon.candidateKeys
        var flags = [UInt8](repeating: 0, count: 4096)
        for key in cueWords { flags[Self.slot(key)] |= Self.cueFlag }
        for key in keys { flags[Self.slot(key)] |= Self.numberFlag }
        for key in candidateKeys { flags[Self.slot(key)] |= Self.candidateFlag }
        self.flags = flags
    }

    /// A key's slot in `flags`: its low twelve bits. (Token keys are FNV-1a hashes, whose low
    /// bits depend on every byte; taken as they are, they spare a multiply a token.)
    @inline(__always) static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key & 0xFFF) }
}

/// The searched sentences that hold a number signal, in order, with the tokens of each that may
/// start a number when the pass that found them listed those.
struct SignalledSentences: Equatable, Sendable {
    var sentences: [SignalledSentence] = []
    /// The tokens that may start a number (`FigureScan.mayStartNumber`), ascending, of every
    /// sentence that lists them: `SignalledSentence.starts` is a range of it.
    var starts: [Int32] = []
}

/// A searched sentence that holds a number signal: its tokens and its first signal.
struct SignalledSentence: Equatable, Sendable {
    let tokens: Range<Int>
    let firstSignal: Int
    /// Its tokens that may start a number, as a range of `SignalledSentences.starts`; nil when not
    /// listed (the rules then try every token from the first signal on).
    var starts: Range<Int>?
}

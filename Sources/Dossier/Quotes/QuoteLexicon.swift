import Foundation

/// The word lists behind quotation and claim extraction, loaded once from the bundled
/// `quotes_*.txt` data files: reporting cues, pronouns, descriptive-speaker head nouns and the
/// small words that open or interrupt a speaker's noun phrase.
public struct QuoteLexicon: Sendable {
    /// Reporting verbs and phrases ("said", "according to", "in a statement").
    public let cues: PhraseTrie<CueInfo>
    /// The first word of every cue: most tokens open none, and this answers that without a trie walk.
    let cueFirstWords: KeySet
    /// `cueFirstWords` summarised, to pass over most tokens without a probe.
    let cueFirstWordFilter: KeyPrefilter
    /// Cues of one word ("said"), for asking whether a word is a cue.
    let oneWordCues: KeySet
    /// Subject pronouns and what their antecedent must be.
    public let pronouns: KeyMap<PronounAgreement>
    /// Head nouns of descriptive speakers ("official", "people", "witnesses").
    public let speakerNouns: KeySet
    /// Words that open a descriptive speaker ("a", "the", "local" is not one: it is a content word).
    public let determiners: KeySet
    /// Adverbs and auxiliaries that may sit between a subject and its verb ("also", "has").
    public let skipWords: KeySet
    /// Words that may open a reported clause after a bare verb ("noted what …", "said although …").
    public let clauseOpeners: KeySet
    /// Phrases that mark the quotation after them as a term: "so-called", "labelled".
    public let scareMarkers: Set<[UInt64]>
    /// The last word of every scare marker: no marker ends with any other word.
    let scareMarkerLastWords: KeySet
    /// Function words (from the language data), which end a descriptive speaker.
    public let stopWords: KeySet

    /// The bundled English lists.
    public static let english: QuoteLexicon = {
        do { return try QuoteLexicon(directory: LanguageData.bundledDirectory(), stopWords: LanguageData.english.stopWords) } catch {
            fatalError("Dossier's quotation data is missing: \(error)")
        }
    }()

    /// The longest cue starting at token `start`, as `cues.longest` finds it.
    @inline(__always) func longestCue(in tokens: [Token], from start: Int, limit: Int) -> (end: Int, payload: CueInfo)? {
        guard start < limit, cueFirstWords.contains(tokens[start].key) else { return nil }
        return cues.longest(in: tokens, from: start, limit: limit)
    }

    /// Whether the word with this key is a cue on its own, as `cues.contains([key])` finds it.
    @inline(__always) func isOneWordCue(_ key: UInt64) -> Bool { oneWordCues.contains(key) }

    public init(directory: URL, stopWords: KeySet) throws {
        let lines = { (name: String) throws -> [Substring] in try DataFile.lines(directory.appendingPathComponent(name)) }
        var cues = PhraseTrie<CueInfo>()
        var firstWords = KeySet(), oneWord = KeySet()
        for line in try lines("quotes_cues.txt") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 2, let kind = CueKind(rawValue: String(f[1])) else { continue }
            var flags: CueFlags = []
            if f.count > 2 {
                for flag in f[2].split(separator: ",") {
                    switch flag {
                    case "quote": flags.insert(.quote)
                    case "that": flags.insert(.that)
                    case "clause": flags.insert(.clause)
                    case "object": flags.insert(.object)
                    case "noinv": flags.insert(.noInversion)
                    default: break
                    }
                }
            }
            let keys = PhraseWords.keys(f[0])
            cues.insert(keys, CueInfo(kind: kind, flags: flags))
            if let first = keys.first { firstWords.insert(first) }
            if keys.count == 1 { oneWord.insert(keys[0]) }
        }
        self.cues = cues
        cueFirstWords = firstWords
        cueFirstWordFilter = KeyPrefilter(firstWords)
        oneWordCues = oneWord
        var pronouns: KeyMap<PronounAgreement> = [:]
        for line in try lines("quotes_pronouns.txt") {
            let f = line.split(separator: "\t")
            guard f.count == 2, let a = PronounAgreement(rawValue: String(f[1])) else { continue }
            pronouns[TokenKey.of(f[0])] = a
        }
        self.pronouns = pronouns
        speakerNouns = KeySet(try lines("quotes_speaker_nouns.txt").map { TokenKey.of($0) })
        var determiners = KeySet(), skip = KeySet(), clause = KeySet(), scare = Set<[UInt64]>()
        for line in try lines("quotes_np_words.txt") {
            let f = line.split(separator: "\t")
            guard f.count == 2 else { continue }
            switch f[1] {
            case "determiner": determiners.insert(TokenKey.of(f[0]))
            case "clause": clause.insert(TokenKey.of(f[0]))
            case "scare": scare.insert(PhraseWords.keys(f[0]))
            default: skip.insert(TokenKey.of(f[0]))
            }
        }
        clauseOpeners = clause
        scareMarkers = scare
        scareMarkerLastWords = KeySet(scare.compactMap(\.last))
        self.determiners = determiners
        skipWords = skip
        self.stopWords = stopWords
    }
}

/// What kind of reporting cue a phrase is.
public enum CueKind: String, Sendable {
    /// A reporting verb: "said", "told", "denied".
    case verb
    /// "according to X": the speaker follows.
    case source
    /// "in a statement": a cue only when no verb attributes the quotation.
    case adjunct
}

/// What a cue can introduce.
public struct CueFlags: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Attributes quotations.
    public static let quote = CueFlags(rawValue: 1)
    /// Reports a claim with a that-clause.
    public static let that = CueFlags(rawValue: 2)
    /// Reports a claim with a bare clause ("said the …").
    public static let clause = CueFlags(rawValue: 4)
    /// Reports a claim with a noun phrase ("denied the charges").
    public static let object = CueFlags(rawValue: 8)
    /// The words after the cue are its addressee ("told reporters"), never its speaker.
    public static let noInversion = CueFlags(rawValue: 16)
}

/// A cue's entry in `quotes_cues.txt`.
public struct CueInfo: Sendable {
    public var kind: CueKind
    public var flags: CueFlags
}

/// What a subject pronoun's antecedent must be.
public enum PronounAgreement: String, Sendable {
    case male, female, plural, neuter
    /// "I", "we": the writer, kept as written.
    case `self`
}

/// The quotation word lists behind one reference: each document's `QuoteScope` holds this instead
/// of a copy of the lexicon (whose tables a copy would retain, and release with the scope).
final class SharedQuoteLexicon: Sendable {
    let lexicon: QuoteLexicon

    /// The bundled English lists.
    static let english = SharedQuoteLexicon(.english)

    init(_ lexicon: QuoteLexicon) {
        self.lexicon = lexicon
    }
}

import Foundation

/// The extraction pipeline: Document (text and zones) → tokens and sentences (ICU) → matchers
/// (gazetteers and rules) → resolvers → records. One instance serves many documents and threads.
public final class Pipeline: Sendable {
    public let language: LanguageData
    public let gazetteer: Gazetteer
    public let options: PipelineOptions
    let tokenizer = Tokenizer()
    let splitter: SentenceSplitter
    let zoner: ZoneDetector
    let recognizer: EntityRecognizer
    let resolver: AliasResolver
    let metonymy: MetonymyResolver
    let repeatedNames: RepeatedNameResolver
    let figureExtractor: FigureExtractor
    let quoteExtractor: QuoteExtractor
    /// `options.entityZones` as a short array: `Set<ZoneType>.contains` hashes the raw-value string
    /// of the type, and building the array once a document cost as much.
    let searchedZoneTypes: [ZoneType]

    public init(options: PipelineOptions = PipelineOptions(), gazetteer: Gazetteer? = nil) throws {
        language = .english
        self.options = options
        if let gazetteer {
            self.gazetteer = gazetteer
        } else if options.gazetteerDirectory == nil && options.extraGazetteers.isEmpty {
            self.gazetteer = try Pipeline.sharedGazetteer()
        } else {
            self.gazetteer = try Gazetteer(directory: options.gazetteerDirectory ?? GazetteerLocator.defaultDirectory(),
                                           extraFiles: options.extraGazetteers, language: language)
        }
        splitter = SentenceSplitter(language: language)
        zoner = ZoneDetector(language: language)
        recognizer = EntityRecognizer(language: language, gazetteer: self.gazetteer)
        resolver = AliasResolver(language: language, gazetteer: self.gazetteer)
        metonymy = MetonymyResolver(language: language, gazetteer: self.gazetteer)
        repeatedNames = RepeatedNameResolver(language: language, gazetteer: self.gazetteer)
        figureExtractor = FigureExtractor(language: language)
        quoteExtractor = QuoteExtractor(language: language, findingNumbersOf: figureExtractor)
        searchedZoneTypes = ZoneType.allCases.filter(options.entityZones.contains)
    }

    private static let cached: Result<Gazetteer, Error> = Result {
        try Gazetteer(directory: GazetteerLocator.defaultDirectory(), language: .english)
    }

    /// The bundled gazetteers, loaded once per process.
    public static func sharedGazetteer() throws -> Gazetteer { try cached.get() }

    /// Runs every stage on a document.
    public func analyse(_ input: Document) -> Analysis {
        var document = input
        let (zones, metadata) = zoner.detect(document, blocks: document.blocks)
        document.metadata = Self.withAuthorUnprefixed(consume metadata)
        let tokens = tokenizer.tokenize(document.utf16)
        let sentences = splitter.split(document.utf16, tokens: tokens)
        let searched = searchedSentences(sentences, zones: zones)
        let context = MatchContext(document: document, tokens: tokens, sentences: sentences, searched: searched)
        var mentions = recognizer.recognize(context)
        mentions += commenterMentions(zones, context: context)
        // Each resolver takes the only copy of the mentions, and so changes them in place.
        let resolved = repeatedNames.resolve(resolver.resolve(consume mentions, context: context), context: context)
        let entities = metonymy.resolve(consume resolved, context: context)
        var analysis = Analysis(document: document, zones: zones, tokens: tokens, sentences: sentences, entities: entities)
        // The quote stage's pass over the tokens finds the sentences that hold a number for the figure stage.
        var signalled: SignalledSentences?
        analysis.foundQuotes = quoteExtractor.extract(context, entities: entities, zones: zones, signalled: &signalled)
        analysis.foundFigures = figureExtractor.extract(context, entities: entities, signalled: signalled)
        return analysis
    }

    /// The sentences whose zone is searched for entities, in order.
    func searchedSentences(_ sentences: [Sentence], zones: ZoneMap) -> [Sentence] {
        Self.sentences(sentences, inZonesOf: searchedZoneTypes, zones: zones)
    }

    /// The sentences whose zone (`ZoneMap.zone(at:)` of their start) is one of `types`, in order.
    /// Sentences come in text order: a `ZoneCursor` finds their zones without a search each.
    static func sentences(_ sentences: [Sentence], inZonesOf types: [ZoneType], zones: ZoneMap) -> [Sentence] {
        var picked: [Sentence] = []
        picked.reserveCapacity(sentences.count)
        var cursor = ZoneCursor(zones)
        for s in sentences where types.contains(cursor.zone(at: s.start)) { picked.append(s) }
        return picked
    }

    /// `metadata` with its author as a person's name (`withoutByPrefix`), changed in place: the
    /// fields are copied only if something else shares them.
    static func withAuthorUnprefixed(_ metadata: consuming DocumentMetadata) -> DocumentMetadata {
        // Written only if it changes: a write copies fields the document still shares.
        if let author = metadata.author {
            let bare = withoutByPrefix(author)
            if bare != author { metadata.author = bare }
        }
        return metadata
    }

    /// An author as a person's name: "By Priya Raman" → "Priya Raman".
    static func withoutByPrefix(_ author: String) -> String {
        let trimmed = author.trimmingCharacters(in: " ")
        for prefix in ["By ", "by ", "BY "] where trimmed.hasPrefix(prefix) {
            return String(trimmed.dropFirst(prefix.count)).trimmingCharacters(in: " ")
        }
        return trimmed
    }

    /// Reader comments signed "NAME says:" name their authors as people.
    func commenterMentions(_ zones: ZoneMap, context: MatchContext) -> [EntityMention] {
        guard searchedZoneTypes.contains(.comments) else { return [] }
        var out: [EntityMention] = []
        for c in zones.comments {
            guard let span = c.authorSpan, let author = c.author, !language.anonymousNames.contains(TokenKey.of(author)),
                  zones.zone(at: span.lowerBound) == .comments else { continue }
            let first = context.tokens.partitionStart { Int($0.start) >= span.lowerBound }
            var last = first
            while last < context.tokens.count, Int(context.tokens[last].end) <= span.upperBound { last += 1 }
            guard last > first else { continue }
            out.append(EntityMention(tokens: first..<last, start: span.lowerBound, end: span.upperBound, type: .person,
                                     canonical: author, id: nil, source: .commenter))
        }
        return out
    }

    /// The records of a document; none for an empty (or blank) document.
    public func records(_ analysis: Analysis) -> [Record] {
        if analysis.document.utf16.allSatisfy(Tokenizer.isSpace) { return [] }
        return RecordBuilder(analysis: analysis).build(kinds: options.kinds)
    }

    /// Analyses one document and writes its records (those `extract` returns) to `writer`.
    public func extract(_ document: Document, to writer: JSONLinesWriter) {
        let analysis = analyse(document)
        if analysis.document.utf16.allSatisfy(Tokenizer.isSpace) { return }
        writer.write(analysis, kinds: options.kinds)
    }

    /// Reads, analyses and returns the records of one document.
    public func extract(_ document: Document) -> [Record] {
        records(analyse(document))
    }
}

/// Settings for a pipeline run.
public struct PipelineOptions: Sendable {
    /// Zones whose sentences are searched for entities.
    public var entityZones: Set<ZoneType> = [.title, .body, .caption, .comments]
    /// Record kinds to write; nil for all.
    public var kinds: Set<String>? = nil
    /// The gazetteer folder; nil to find the bundled one.
    public var gazetteerDirectory: URL? = nil
    /// The user's own gazetteer files, in the same TSV format.
    public var extraGazetteers: [URL] = []

    public init() {}
}

extension Array {
    /// The first index whose element satisfies `predicate`, for a predicate false then true along the array.
    func partitionStart(where predicate: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if predicate(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

/// Settles what a country name stands for from the document's context. A country or a capital-sized
/// city that acts ("North Korea fired", "South Korea says", "Moscow warned") is its government, an
/// organisation, unless a preposition puts it in another phrase ("officials in Georgia said"). In a sports report a
/// country that plays ("Sweden defeated South Korea", "a goal for Belgium") is its national team,
/// an organisation; where it is a location ("in Sochi, Russia", "at home in England") it stays a place.
/// Countries and their first-level divisions (ISO 3166 ids) can be sides; cities are left alone.
public struct MetonymyResolver: Sendable {
    let language: LanguageData
    /// Sports words a report needs, counting repeats, and distinct ones.
    static let minimumSportsWords = 8
    static let minimumDistinctSportsWords = 4

    let gazetteer: Gazetteer
    /// Cities this large stand for their governments when they act ("Moscow warned").
    static let governmentSeatPopulation = 1_000_000

    public init(language: LanguageData, gazetteer: Gazetteer) {
        self.language = language
        self.gazetteer = gazetteer
    }

    /// A country, or a city large enough to be a seat of government.
    /// (Mentions are read in their array, fields only: copying one copies its strings.)
    func canAct(_ k: Int, of mentions: [EntityMention]) -> Bool {
        guard mentions[k].type == .place else { return false }
        if idHasPrefix(k, of: mentions, "iso3166:") { return true }
        guard idHasPrefix(k, of: mentions, "geonames:"), let id = mentions[k].id, let canonical = mentions[k].canonical else { return false }
        return gazetteerPopulation(id: id, canonical: canonical) >= Self.governmentSeatPopulation
    }

    func gazetteerPopulation(id: String, canonical: String) -> Int {
        gazetteer.populationByID[id] ?? 0
    }

    /// `mentions[k].idHasPrefix(prefix)`, with the names read in place (a method called on the
    /// element copied the whole mention).
    func idHasPrefix(_ k: Int, of mentions: [EntityMention], _ prefix: StaticString) -> Bool {
        mentions.withUnsafeBufferPointer { $0[k].names.idHasPrefix(prefix) }
    }

    /// A country or a first-level division (ISO 3166 ids): what can be a side.
    func isCountryOrDivision(_ k: Int, of mentions: [EntityMention]) -> Bool {
        mentions[k].type == .place && idHasPrefix(k, of: mentions, "iso3166")
    }

    /// Takes the mentions (`consuming`): a caller that hands over its last copy spares copying them
    /// when one changes.
    public func resolve(_ mentions: consuming [EntityMention], context: MatchContext) -> [EntityMention] {
        // Mentions are changed in place: most documents change none.
        var out = consume mentions
        for k in out.indices where acts(k, of: out, context: context) {
            out[k].type = .organisation
        }
        // Only countries and their divisions can be sides, and only those that no preposition or
        // place before them makes a location: without one, the document need not be read for
        // sports words (a walk over every token).
        guard let first = out.indices.first(where: { isCountryOrDivision($0, of: out) && !isLocation($0, of: out, placeEnds: nil, context: context) }),
              isSportsReport(context) else { return out }
        var placeEnds = KeySet()
        for k in out.indices where out[k].type == .place { placeEnds.insert(UInt64(out[k].tokens.upperBound)) }
        for k in first..<out.count where isCountryOrDivision(k, of: out) {
            if isLocation(k, of: out, placeEnds: placeEnds, context: context) { continue }
            out[k].type = .organisation
        }
        return out
    }

    /// Whether a country stays a place in a sports report: after a preposition of place that is not
    /// one of sides ("in Russia", not "against Russia"), or after a comma that ends a place ("Sochi,
    /// Russia"). `placeEnds` are the token ends of the place mentions; nil: read from the mentions.
    func isLocation(_ k: Int, of mentions: [EntityMention], placeEnds: KeySet?, context: MatchContext) -> Bool {
        let before = mentions[k].tokens.lowerBound - 1
        guard before >= 0 else { return false }
        if language.locativeWords.contains(context.tokens[before].key), !isForAgainst(before, context: context) { return true }
        guard context.firstUnit(before) == 0x2C else { return false }
        if let placeEnds { return placeEnds.contains(UInt64(before)) }
        for j in mentions.indices where mentions[j].type == .place && mentions[j].tokens.upperBound == before { return true }
        return false
    }

    /// A country or a large city that acts, as its government: "Iraq says". The verb is in lowercase:
    /// in a title-case headline ("Iraq Says It Has…") words cannot be told apart.
    func acts(_ k: Int, of mentions: [EntityMention], context: MatchContext) -> Bool {
        let tokens = context.tokens
        let before = mentions[k].tokens.lowerBound - 1, next = mentions[k].tokens.upperBound
        // (Only a place can act: its type first, then the cheap tests on tokens, the population last.)
        return mentions[k].type == .place && next < tokens.count && tokens[next].shape == .lower
            && language.agentVerbs[tokens[next].key] != nil && (before < 0 || !language.prepositions.contains(tokens[before].key))
            && canAct(k, of: mentions)
    }

    func isForAgainst(_ i: Int, context: MatchContext) -> Bool {
        language.sidePrepositions.contains(context.tokens[i].key)
    }

    func isSportsReport(_ context: MatchContext) -> Bool {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.minimumDistinctSportsWords) { distinct in
            context.tokens.withUnsafeBufferPointer { tokens in
                language.sportsFirstWords.withBits { bits in
                    var count = SportsWordCount(distinct: distinct)
                    // Keys through the prefilter, nothing else read: most tokens are not let
                    // through, and the rest of the test is out of the loop.
                    for i in 0..<tokens.count {
                        let h = KeyPrefilter.bit(tokens[i].key)
                        if bits[h >> 6] >> UInt64(h & 63) & 1 != 0, countsAsReport(i, context: context, &count) { return true }
                    }
                    return false
                }
            }
        }
    }

    /// Sports words met so far, and the first distinct ones (their payloads), up to as many as a
    /// report needs: no more are counted, so a short list on the stack does instead of a hashed set.
    struct SportsWordCount {
        let distinct: UnsafeMutableBufferPointer<Int>
        var total = 0
        var distinctCount = 0
    }

    /// Counts the sports phrase that token `i` opens, if it is a word that opens one, and tells
    /// whether the document is now a sports report.
    @inline(never)
    func countsAsReport(_ i: Int, context: MatchContext, _ count: inout SportsWordCount) -> Bool {
        let tokens = context.tokens
        guard tokens[i].kind == .word, language.sportsWords.hasPhrase(startingWith: tokens[i].key),
              let found = language.sportsWords.longest(in: tokens, from: i, limit: min(tokens.count, i + 3)) else { return false }
        count.total += 1
        if count.distinctCount < count.distinct.count, !count.distinct[..<count.distinctCount].contains(found.payload) {
            count.distinct[count.distinctCount] = found.payload
            count.distinctCount += 1
        }
        return count.total >= Self.minimumSportsWords && count.distinctCount >= Self.minimumDistinctSportsWords
    }
}

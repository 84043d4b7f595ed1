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
    func canAct(_ m: EntityMention) -> Bool {
        guard m.type == .place, let id = m.id else { return false }
        if id.hasPrefix("iso3166:") { return true }
        guard id.hasPrefix("geonames:"), let canonical = m.canonical else { return false }
        return gazetteerPopulation(id: id, canonical: canonical) >= Self.governmentSeatPopulation
    }

    func gazetteerPopulation(id: String, canonical: String) -> Int {
        gazetteer.populationByID[id] ?? 0
    }

    public func resolve(_ mentions: [EntityMention], context: MatchContext) -> [EntityMention] {
        let acting = mentions.map { m -> EntityMention in
            // The verb in lowercase: in a title-case headline ("Iraq Says It Has…") words cannot be told apart.
            let before = m.tokens.lowerBound - 1
            guard canAct(m), m.tokens.upperBound < context.tokens.count,
                  before < 0 || !language.prepositions.contains(context.tokens[before].key),
                  context.tokens[m.tokens.upperBound].shape == .lower,
                  language.agentVerbs[context.tokens[m.tokens.upperBound].key] != nil else { return m }
            var government = m
            government.type = .organisation
            return government
        }
        // Only countries and their divisions can be sides: without one, there is nothing to settle.
        guard acting.contains(where: { $0.type == .place && $0.id?.hasPrefix("iso3166") == true }),
              isSportsReport(context) else { return acting }
        let mentions = acting
        let placeEnds = Set(mentions.filter { $0.type == .place }.map(\.tokens.upperBound))
        return mentions.map { m in
            guard m.type == .place, m.id?.hasPrefix("iso3166") == true else { return m }
            let before = m.tokens.lowerBound - 1
            if before >= 0, language.locativeWords.contains(context.tokens[before].key), !isForAgainst(before, context: context) { return m }
            if before >= 0, context.firstUnit(before) == 0x2C, placeEnds.contains(before) { return m }  // "Sochi, Russia"
            var team = m
            team.type = .organisation
            return team
        }
    }

    func isForAgainst(_ i: Int, context: MatchContext) -> Bool {
        language.sidePrepositions.contains(context.tokens[i].key)
    }


    func isSportsReport(_ context: MatchContext) -> Bool {
        var total = 0
        var distinct = Set<Int>()
        for (i, t) in context.tokens.enumerated() where t.kind == .word {
            if let found = language.sportsWords.longest(in: context.tokens, from: i, limit: min(context.tokens.count, i + 3)) {
                total += 1
                distinct.insert(found.payload)
            }
        }
        return total >= Self.minimumSportsWords && distinct.count >= Self.minimumDistinctSportsWords
    }
}

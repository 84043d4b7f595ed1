// The names records carry (entity types, mention sources, zones, figure types), written as JSON
// string literals instead of encoding their `rawValue` strings one by one.
// `AnalysisLineEncoderTests` (zones, figure types) and `WritingFastPathTests` (entity types, sources)
// hold them to the raw values.

extension JSONByteBuffer {
    /// An entity type as a JSON string, the bytes `appendString(type.rawValue)` writes.
    mutating func appendLiteral(_ type: EntityType) {
        switch type {
        case .person: append("\"person\"")
        case .place: append("\"place\"")
        case .organisation: append("\"organisation\"")
        }
    }

    /// A mention's source as a JSON string, the bytes `appendString(source.rawValue)` writes.
    mutating func appendLiteral(_ source: MentionSource) {
        switch source {
        case .gazetteer: append("\"gazetteer\"")
        case .title: append("\"title\"")
        case .givenName: append("\"givenName\"")
        case .pattern: append("\"pattern\"")
        case .acronym: append("\"acronym\"")
        case .alias: append("\"alias\"")
        case .commenter: append("\"commenter\"")
        case .repeated: append("\"repeated\"")
        }
    }

    /// A zone's name as a JSON string, the bytes `appendString(zone.rawValue)` writes.
    mutating func appendLiteral(_ zone: ZoneType) {
        switch zone {
        case .title: append("\"title\"")
        case .byline: append("\"byline\"")
        case .body: append("\"body\"")
        case .comments: append("\"comments\"")
        case .caption: append("\"caption\"")
        case .boilerplate: append("\"boilerplate\"")
        }
    }

    /// A figure type as a JSON string, the bytes `appendString(type.rawValue)` writes.
    mutating func appendLiteral(_ type: FigureType) {
        switch type {
        case .casualties: append("\"casualties\"")
        case .injured: append("\"injured\"")
        case .missing: append("\"missing\"")
        case .arrested: append("\"arrested\"")
        case .displaced: append("\"displaced\"")
        case .attacks: append("\"attacks\"")
        case .borderCrossings: append("\"border crossings\"")
        case .money: append("\"money\"")
        case .percent: append("\"percent\"")
        case .duration: append("\"duration\"")
        case .age: append("\"age\"")
        case .count: append("\"count\"")
        }
    }
}

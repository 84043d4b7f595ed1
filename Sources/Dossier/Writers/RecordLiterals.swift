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

    /// What follows the document id in an entity record up to its text, one literal a type:
    /// `, "kind": "entity", "type": ` and the type, then `, "text": `. With room reserved.
    @inline(__always) mutating func putEntityHead(_ type: EntityType) {
        switch type {
        case .person: putLiteral(", \"kind\": \"entity\", \"type\": \"person\", \"text\": ")
        case .place: putLiteral(", \"kind\": \"entity\", \"type\": \"place\", \"text\": ")
        case .organisation: putLiteral(", \"kind\": \"entity\", \"type\": \"organisation\", \"text\": ")
        }
    }

    /// `, "zone": ` and the zone's name, one literal a zone. With room reserved.
    @inline(__always) mutating func putZoneField(_ zone: ZoneType) {
        switch zone {
        case .title: putLiteral(", \"zone\": \"title\"")
        case .byline: putLiteral(", \"zone\": \"byline\"")
        case .body: putLiteral(", \"zone\": \"body\"")
        case .comments: putLiteral(", \"zone\": \"comments\"")
        case .caption: putLiteral(", \"zone\": \"caption\"")
        case .boilerplate: putLiteral(", \"zone\": \"boilerplate\"")
        }
    }

    /// The end of an entity record: `, "source": ` and the source's name, `}` and a newline, one
    /// literal a source. With room reserved.
    @inline(__always) mutating func putSourceTail(_ source: MentionSource) {
        switch source {
        case .gazetteer: putLiteral(", \"source\": \"gazetteer\"}\n")
        case .title: putLiteral(", \"source\": \"title\"}\n")
        case .givenName: putLiteral(", \"source\": \"givenName\"}\n")
        case .pattern: putLiteral(", \"source\": \"pattern\"}\n")
        case .acronym: putLiteral(", \"source\": \"acronym\"}\n")
        case .alias: putLiteral(", \"source\": \"alias\"}\n")
        case .commenter: putLiteral(", \"source\": \"commenter\"}\n")
        case .repeated: putLiteral(", \"source\": \"repeated\"}\n")
        }
    }
}

// The names entity records carry, written as JSON string literals instead of encoding `rawValue`
// strings one by one (as `appendLiteral(_: ZoneType)` does for zones).
// `AnalysisLineEncoderTests.testLiteralNamesAreTheEncodedRawValues` holds them to the raw values.

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
}

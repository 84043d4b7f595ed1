/// A figure found in a sentence, before it becomes a record: its token span, value, what it
/// counts and the context words that give it meaning.
struct Figure {
    /// Token indexes of the span written in the record.
    var start: Int
    var end: Int
    var value: Double
    var type: FigureType = .count
    var unit: String?
    var qualifier: String?
    var low: Double?
    var high: Double?
    var currency: String?
    var verb: String?
    var place: String?
    /// Token index of the number itself (for cue and place search).
    var numberStart: Int
    var numberEnd: Int
    /// Nothing follows the number that says what it counts.
    var bare: Bool
    /// The number was written as words ("seventeen"), not digits.
    var words: Bool
    /// The type was given by a unit or a rule (duration, money, age…), so cues must not change it.
    var typeFixed = false
    /// The multiplier applied to the number ("million").
    var factor: Double = 1
    /// A cue word ("killed") gave the type.
    var cued = false
    /// The unit was inherited from an earlier count ("three with Iran").
    var elliptical = false
    /// The number is the word "one" (often a pronoun).
    var isOne = false
    /// Vague plurals and fractions stand alone ("millions", "half").
    var standsAlone = false
}

/// The categories of the record contract.
enum FigureType: String {
    case casualties, injured, missing, arrested, displaced, attacks
    case borderCrossings = "border crossings"
    case money, percent, duration, age, count

    /// Types of counted things (which elliptical counts may inherit).
    var isCount: Bool {
        switch self {
        case .money, .percent, .duration, .age: return false
        default: return true
        }
    }
}

extension Figure {
    /// The record for this figure.
    func record(_ context: MatchContext, builder: RecordBuilder) -> Record {
        let tokens = context.tokens
        var r = builder.span(kind: "figure", type: type.rawValue, start: Int(tokens[start].start), end: Int(tokens[end - 1].end))
        r["value"] = Figure.json(value)
        r["unit"] = .optional(unit)
        if let qualifier { r["qualifier"] = .string(qualifier) }
        if let low, let high {
            r["low"] = Figure.json(low)
            r["high"] = Figure.json(high)
        }
        if let currency { r["currency"] = .string(currency) }
        if let verb { r["verb"] = .string(verb) }
        if let place { r["place"] = .string(place) }
        return r
    }

    /// A JSON number: an integer when the value is whole.
    static func json(_ v: Double) -> JSONValue {
        if v.rounded() == v, abs(v) < 9e15 { return .int(Int(v)) }
        return .double((v * 1e9).rounded() / 1e9)
    }
}

/// A figure found in a sentence, before it becomes a record: its token span, value, what it
/// counts and the context words that give it meaning.
struct Figure: Sendable {
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

extension Array where Element == Figure {
    /// Appends `figure`, moved in by a swap with a blank figure (which has no strings), so that
    /// its strings are not retained for the copy and released with the original.
    mutating func appendMoving(_ figure: inout Figure) {
        append(Figure(start: 0, end: 0, value: 0, numberStart: 0, numberEnd: 0, bare: true, words: false))
        swap(&self[count - 1], &figure)
    }
}

/// The categories of the record contract.
enum FigureType: String, CaseIterable {
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
    /// The record for this figure: the span fields, then its own, with the key array of its layout.
    /// (`AnalysisLineEncoder.appendFigure` writes the same bytes without building it.)
    func record(builder: RecordBuilder) -> Record {
        let tokens = builder.analysis.tokens
        var layout = 0
        if qualifier != nil { layout |= FigureRecordKeys.qualifier }
        if low != nil && high != nil { layout |= FigureRecordKeys.range }
        if currency != nil { layout |= FigureRecordKeys.currency }
        if verb != nil { layout |= FigureRecordKeys.verb }
        if place != nil { layout |= FigureRecordKeys.place }
        let keys = FigureRecordKeys.layouts[layout]
        var values = builder.spanValues(kind: "figure", type: type.rawValue, start: Int(tokens[start].start),
                                        end: Int(tokens[end - 1].end), withText: true, capacity: keys.count)
        values.append(Figure.json(value))
        values.append(.optional(unit))
        if let qualifier { values.append(.string(qualifier)) }
        if let low, let high {
            values.append(Figure.json(low))
            values.append(Figure.json(high))
        }
        if let currency { values.append(.string(currency)) }
        if let verb { values.append(.string(verb)) }
        if let place { values.append(.string(place)) }
        return Record(object: JSONObject(distinctKeys: keys, values: values))
    }

    /// A JSON number: an integer when the value is whole.
    static func json(_ v: Double) -> JSONValue {
        if v.rounded() == v, abs(v) < 9e15 { return .int(Int(v)) }
        return .double((v * 1e9).rounded() / 1e9)
    }
}

/// The keys of figure records, one array per layout (which optional fields a figure has), so that
/// all figures of a layout share it and a record is built without looking up its keys.
enum FigureRecordKeys {
    static let qualifier = 1, range = 2, currency = 4, verb = 8, place = 16

    /// Indexed by the sum of the optional fields present, in record order.
    static let layouts: [[String]] = (0..<32).map { layout in
        var keys = RecordKeys.span + ["value", "unit"]
        if layout & qualifier != 0 { keys.append("qualifier") }
        if layout & range != 0 { keys += ["low", "high"] }
        if layout & currency != 0 { keys.append("currency") }
        if layout & verb != 0 { keys.append("verb") }
        if layout & place != 0 { keys.append("place") }
        return keys
    }
}

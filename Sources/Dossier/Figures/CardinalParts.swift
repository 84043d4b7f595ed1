/// The parts of a spelled-out number as `FigureScan.readCardinal` collects them: each part's token
/// (or a stand-in for "and" and "one") and the token hyphenated to it, or -1. Most numbers have
/// one or two parts ("two", "two million"): those are kept inline, and an array is made only for
/// a third.
struct CardinalParts {
    typealias Part = (token: Int, joined: Int)

    private var first: Part = (0, -1)
    private var second: Part = (0, -1)
    private var more: [Part] = []
    private(set) var count = 0

    mutating func append(_ part: Part) {
        switch count {
        case 0: first = part
        case 1: second = part
        default: more.append(part)
        }
        count += 1
    }

    /// Joins token `j` to the last part (there is one).
    mutating func joinLast(_ j: Int) {
        switch count {
        case 1: first.joined = j
        case 2: second.joined = j
        default: more[more.count - 1].joined = j
        }
    }

    /// The parts in order.
    var all: [Part] {
        var out: [Part] = []
        out.reserveCapacity(count)
        if count > 0 { out.append(first) }
        if count > 1 { out.append(second) }
        out.append(contentsOf: more)
        return out
    }
}

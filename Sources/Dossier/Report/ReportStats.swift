/// Corpus-wide counts for the report's overview: entities by type and canonical name, speakers
/// with what they said, figures by category. One pass over the records; each row remembers the
/// document where it is most present, for the link to that document's view.
struct ReportStats {
    struct EntityRow {
        var type: String
        var name: String
        var mentions = 0
        var docs = 0
        var bestDoc = 0
        var bestCount = 0
    }

    struct Said {
        var doc: Int
        var kind: String
        var type: String
        var text: String
    }

    struct SpeakerRow {
        var name: String
        var quotes = 0
        var claims = 0
        var docs = 0
        var lastDoc = -1
        var firstDoc = 0
        var said: [Said] = []
        var total: Int { quotes + claims }
    }

    struct FigureRow {
        var type: String
        var count = 0
        var docs = 0
        var lastDoc = -1
        var low = Double.infinity
        var high = -Double.infinity
        var largest: (doc: Int, text: String, value: String)? = nil
    }

    var documents = 0
    var entities = 0
    var figures = 0
    var quotes = 0
    var claims = 0
    var errors = 0
    var entityRows: [String: EntityRow] = [:]
    var speakerRows: [String: SpeakerRow] = [:]
    var unattributed = SpeakerRow(name: "")
    var figureRows: [String: FigureRow] = [:]
    /// Quotes kept per speaker (the rest are counted only).
    let keepSaid: Int

    init(_ docs: [ReportDocument], keepSaid: Int) {
        self.keepSaid = keepSaid
        for (i, d) in docs.enumerated() { add(d, index: i) }
    }

    mutating func add(_ d: ReportDocument, index i: Int) {
        documents += 1
        var local: [String: Int] = [:]
        for r in d.records {
            switch r.kind {
            case "entity":
                entities += 1
                let key = (r.type ?? "other") + "\t" + (r.string("canonical") ?? r.text ?? "")
                local[key, default: 0] += 1
            case "figure":
                figures += 1
                let type = r.type ?? "other"
                var row = figureRows[type] ?? FigureRow(type: type)
                row.count += 1
                if row.lastDoc != i { row.docs += 1; row.lastDoc = i }
                if let v = r["value"]?.reportNumber ?? r["high"]?.reportNumber {
                    let lo = r["low"]?.reportNumber ?? v
                    row.low = min(row.low, lo)
                    if v > row.high || row.largest == nil {
                        row.largest = (i, r.text ?? "", ReportText.figureValue(r))
                    }
                    row.high = max(row.high, v)
                }
                figureRows[type] = row
            case "quote", "claim":
                if r.kind == "quote" { quotes += 1 } else { claims += 1 }
                let said = Said(doc: i, kind: r.kind, type: r.type ?? "", text: r.text ?? "")
                if let name = r.string("speaker") {
                    // In place: a copy of the row out of the dictionary would copy its `said` list
                    // on each append (quadratic for one speaker with many quotes in one document).
                    Self.count(&speakerRows[name, default: SpeakerRow(name: name, firstDoc: i)], said, doc: i, keep: keepSaid)
                } else {
                    Self.count(&unattributed, said, doc: i, keep: keepSaid)
                }
            case "error":
                errors += 1
            default:
                break
            }
        }
        for (key, n) in local {
            let parts = key.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            var row = entityRows[key] ?? EntityRow(type: String(parts[0]), name: parts.count > 1 ? String(parts[1]) : "")
            row.mentions += n
            row.docs += 1
            if n > row.bestCount { row.bestCount = n; row.bestDoc = i }
            entityRows[key] = row
        }
    }

    static func count(_ row: inout SpeakerRow, _ said: Said, doc: Int, keep: Int) {
        if said.kind == "quote" { row.quotes += 1 } else { row.claims += 1 }
        if row.lastDoc != doc { row.docs += 1; row.lastDoc = doc }
        if row.said.count < keep { row.said.append(said) }
    }

    /// The most mentioned entities of a type, most first (ties by name).
    func topEntities(_ type: String, _ n: Int) -> [EntityRow] {
        Array(entityRows.values.filter { $0.type == type }
            .sorted { ($1.mentions, $0.name) < ($0.mentions, $1.name) }.prefix(n))
    }

    /// Entity types other than the three main ones.
    var otherEntityTypes: [String] {
        Set(entityRows.values.map(\.type)).subtracting(["person", "place", "organisation"]).sorted()
    }

    /// Speakers by number of quotes and claims, most first.
    func topSpeakers(_ n: Int) -> [SpeakerRow] {
        Array(speakerRows.values.sorted { ($1.total, $0.name) < ($0.total, $1.name) }.prefix(n))
    }

    /// Figure categories by number of figures, most first.
    var figureCategories: [FigureRow] {
        figureRows.values.sorted { ($1.count, $0.type) < ($0.count, $1.type) }
    }
}

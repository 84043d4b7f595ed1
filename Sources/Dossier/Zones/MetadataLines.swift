/// Metadata written as lines of the page: "Tags:", "Category:", source notes ("Republished from …").
extension ZoneDetector {
    // MARK: Metadata lines

    func readMetadataLines(_ lines: [Line], into metadata: inout DocumentMetadata) {
        let markerPatterns = features.metadataMarkers
        for i in lines.indices where lines[i].isChrome || lines[i].words <= 40 {
            // Most lines hold no marker at all: skip them before building strings.
            guard markerPatterns.matches(lines[i].folded, present: lines[i].present)
                    || Self.mayHoldLabel(lines[i]) && Self.holdsLabel(lines[i].units, lines[i].start, lines[i].end) else { continue }
            let line = lines[i]
            let text = line.text
            for marker in Self.sourceMarkers where metadata.source == nil {
                if let markerEnd = line.folded.withUnsafeBufferPointer({ $0.endOfFirst(marker) }) {
                    // The folded line is one Character per scalar (no combining marks, no CR LF):
                    // its Character offset is its count of UTF-8 lead bytes.
                    let offset = line.folded.prefix(markerEnd).reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                    var rest = String(text.dropFirst(offset))
                    for stop in [" by permission", " with permission", " and is ", ".", ")", ","] {
                        if let s = rest.firstRange(ofASCII: stop) { rest = String(rest[..<s.lowerBound]) }
                    }
                    rest = Self.trimmingSpaces(rest[...])
                    if !rest.isEmpty { metadata.source = "\(text.dropFirst(offset - marker.count).prefix(marker.count).trimmingCharacters(in: " ").capitalisedFirst) \(rest)" }
                }
            }
            // Most lines hold no "•": then the line is the one part.
            let parts = line.units.withUnsafeBufferPointer({ $0.endOfFirst([0x2022], in: line.start..<line.end) }) != nil ? Self.bulletParts(text) : [text[...]]
            for part in parts {
                // A label found as Characters is found as UTF-8 bytes: search bytes first, as most parts hold none.
                // Labels hold no spaces, so the part holds one as its trimmed text does.
                guard Self.holdsLabel(part) else { continue }
                let p = Self.trimmingSpaces(part)
                if let r = p.firstRange(ofASCII: "Tags:") ?? p.firstRange(ofASCII: "Tagged:") {
                    metadata.tags += Self.commaFields(p[r.upperBound...])
                }
                if let r = p.firstRange(ofASCII: "Category:") ?? p.firstRange(ofASCII: "Categories:") {
                    metadata.categories += Self.commaFields(p[r.upperBound...])
                }
            }
        }
    }

    /// Lowercase markers of `readMetadataLines`, as bytes of the folded line.
    static let metadataMarkers: [[UInt8]] = ["republished from ", "originally published ", "first appeared ", "originally appeared "].map { Array($0.utf8) }
    /// The markers that name the source, in the order they are tried.
    static let sourceMarkers: [[UInt8]] = ["republished from ", "originally published in ", "originally published by ", "originally published at ",
                                           "first appeared in ", "first appeared on ", "originally appeared in ", "originally appeared on "].map { Array($0.utf8) }
    /// The labels of `readMetadataLines`, without their colon: every form below is made from these.
    static let labels = ["Tags", "Tagged", "Category", "Categories"]
    /// Labels of `readMetadataLines` without their final colon, as UTF-16.
    static let labelUnits: [[UInt16]] = labels.map { Array($0.utf16) }


    /// Whether a line may hold a label ("Tags:" …): a line folded whole holds one only if its
    /// folded bytes hold a colon after one of the labels' last four letters, lowercased. Most
    /// lines with a colon hold none: the folded bytes are searched by `memchr`, where
    /// `holdsLabel` compared every unit of the line.
    static func mayHoldLabel(_ line: Line) -> Bool {
        line.colonMayFollow(anyOf: labelEndings)
    }

    /// The last four letters of each label, lowercased: a line folded whole holds a label only
    /// if its folded bytes hold one of these before a colon.
    static let labelEndings: [UInt32] = labels.map { Line.ending($0.lowercased()) }

    /// Whether `units[start..<end]` holds a label ("Tags:", "Category:" …): one scan for colons,
    /// each checked for a label before it.
    static func holdsLabel(_ units: [UInt16], _ start: Int, _ end: Int) -> Bool {
        units.withUnsafeBufferPointer { u in
            for c in start..<end where u[c] == 0x3A {
                for label in labelUnits where c - label.count >= start {
                    var j = 0
                    while j < label.count, u[c - label.count + j] == label[j] { j += 1 }
                    if j == label.count { return true }
                }
            }
            return false
        }
    }

    /// Whether `text` holds a label ("Tags:", "Category:" …) among its UTF-8 bytes.
    static func holdsLabel(_ text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            labelBytes.contains { label in
                guard let first = label.first else { return false }
                for i in bytes.indices where bytes[i] == first && bytes.hasPrefix(label, at: i) { return true }
                return false
            }
        }
    }

    /// Labels of `readMetadataLines` with their colon, as UTF-8.
    static let labelBytes: [[UInt8]] = labels.map { Array(($0 + ":").utf8) }
}

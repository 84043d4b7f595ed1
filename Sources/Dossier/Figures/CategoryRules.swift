/// Category rules: the cue word near a figure that gives its type and verb ("killed over 300
/// people", "300 people were killed", "the death toll rose to 76"), ages ("aged 35", "Ali Hassan,
/// 35,"), and the place the sentence names ("in the Karada district").
extension FigureScan {
    /// Sets the type (unless a unit fixed it) and verb from the nearest cue within three words.
    func applyCue(_ f: inout Figure) {
        var best: (distance: Int, type: String, start: Int, end: Int)?
        // after: "300 people were killed"
        var y = f.end
        while y < min(hi, f.end + 4) {
            if let m = phrase(lexicon.cues, startingAt: y) {
                best = (y - f.end, m.payload, y, m.end)
                break
            }
            guard isWord(y) else { break }
            y += 1
        }
        // before: "killed over 300 people"
        var x = f.start
        while x > max(lo, f.start - 4) {
            if let m = phrase(lexicon.cues, lastWords: lexicon.cueLastWords, endingAt: x) {
                let d = f.start - x
                if best == nil || d < best!.distance { best = (d, m.payload, m.start, x) }
                break
            }
            guard isWord(x - 1) else { break }
            x -= 1
        }
        guard let cue = best, let type = FigureType(rawValue: cue.type) else { return }
        if !f.typeFixed {
            f.type = type
            f.cued = true
        }
        if f.type == type { f.verb = text(cue.start..<cue.end).lowercased() }
    }

    /// "aged 35", "age 35", and "Ali Hassan, 35, said": ages in years.
    func applyAge(_ f: inout Figure) {
        guard !f.typeFixed || f.type == .age, f.value > 0, f.value < 125 else { return }
        let before = has(f.start - 1, .age)
        var apposition = false
        if f.bare, isMark(f.start - 1, 0x2C), let m = mention(f.start - 2), m.type == .person,
           isMark(f.end, 0x2C) || isMark(f.end, 0x2E) || isMark(f.end, 0x29) {
            apposition = true
        }
        guard before || apposition else { return }
        setType(&f, .age)
        if f.bare || f.unit == nil { f.unit = "year" }
        f.bare = false
    }

    /// The place the figure happened in: a place mention after a preposition ("in", "near")
    /// within eight words after the figure, or one opening the sentence ("In Baghdad, …").
    func findPlace(_ f: Figure) -> String? {
        var j = f.end
        while j < min(hi, f.end + 8) {
            if let m = mention(j), m.tokens.lowerBound == j, m.type == .place {
                var p = j - 1
                var skipped = 0
                while p >= f.end, skipped < 3, isWord(p), !has(p, .placePreposition), tokens[p].shape == .lower {
                    p -= 1
                    skipped += 1
                }
                if p >= f.end, has(p, .placePreposition) { return placeName(m.index) }
            }
            if isMark(j, 0x3B) || isMark(j, 0x2C) || tokens[j].kind == .quote { break }
            j += 1
        }
        // "In Mosul, 30 people …"
        if has(lo, .placePreposition), let m = mention(lo + 1), m.type == .place, m.tokens.upperBound <= f.start {
            return placeName(m.index)
        }
        return nil
    }
}

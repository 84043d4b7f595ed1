/// Elliptical counts inherit what an earlier count counted: "four border crossings, three with
/// Iran and one with Turkey" → 3 and 1 border crossings; "17 border crossings, of which 16 are
/// with Iran" → 16. Bare numbers before a counted one share its unit: "two or three people",
/// "20 to 30 per cent".
extension FigureScan {
    /// Gives bare figures the unit of the next figure when only "or", "to", "and" or a dash
    /// stand between them; the figures from index `base` on (this sentence's).
    func inheritForward(_ figures: inout [Figure], from base: Int) {
        guard figures.count - base > 1 else { return }
        for k in stride(from: figures.count - 2, through: base, by: -1) {
            let a = figures[k], b = figures[k + 1]
            guard a.bare, !b.bare, b.start == a.end + 1, a.low == nil else { continue }
            guard tokens[a.end].kind == .dash || has(a.end, .rangeTo) || key(a.end) == FigureKeys.and
                    || key(a.end) == FigureKeys.or else { continue }
            var c = a
            c.unit = b.unit
            c.currency = b.currency
            if b.typeFixed || !c.cued { c.type = b.type; c.typeFixed = b.typeFixed }
            if c.factor == 1, b.factor > 1, c.value * b.factor <= b.value { c.value *= b.factor; c.factor = b.factor }
            c.bare = false
            figures[k] = c
        }
    }

    /// Gives bare figures after a counted figure its unit and type; the figures from index `base`
    /// on (this sentence's).
    func inheritElliptical(_ figures: inout [Figure], from base: Int) {
        // The index of the antecedent, which stays unchanged: only bare figures after it are written.
        var antecedent: Int?
        for k in base..<figures.count {
            if !figures[k].bare {
                if figures[k].type.isCount, figures[k].unit != nil, figures[k].low == nil { antecedent = k }
                continue
            }
            guard let ai = antecedent else { continue }
            var f = figures[k]
            let a = figures[ai]
            guard f.numberStart - a.end <= 30, f.value <= a.value || f.cued, f.low == nil,
                  f.end >= hi || has(f.end, .ellipsisLink) || !isWord(f.end) || f.cued else { continue }
            f.unit = a.unit
            if !f.cued && !f.typeFixed { f.type = a.type }
            f.bare = false
            f.elliptical = true
            // The span runs to the end of the clause: "three with Iran", "16 are with Iran".
            if f.cued { figures[k] = f; continue }
            var j = f.end
            while j < min(hi, f.end + 5), isWord(j), !has(j, .clauseBreak) {
                if let m = mentionTokens(j), m.upperBound > j + 1 { j = m.upperBound; continue }
                j += 1
            }
            while j > f.end, language.stopWords.contains(key(j - 1)) { j -= 1 }
            f.end = j
            figures[k] = f
        }
    }
}

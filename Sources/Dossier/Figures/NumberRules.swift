internal import ICUText

/// A number read from tokens: digits ("1,426", "3.5bn"), words ("three hundred and twelve"),
/// vague plurals ("hundreds of thousands"), fractions ("half", "two-thirds") or ordinals.
struct NumberSpan {
    /// How the number is written.
    enum Form { case digits, words, vague, fraction, ordinal }

    var start: Int
    var end: Int
    var value: Double
    var form: Form
    /// The multiplier applied ("million" in "2.5 million", "m" in "$6m").
    var factor: Double = 1
    /// Digit count of a plain integer ("2003" → 4); nil with separators, decimals or suffixes.
    var integerDigits: Int?
    var leadingZero = false
    /// A unit glued to the digits ("km" in "10km").
    var suffixUnit: String?
    /// The vague word ("millions"), written as the qualifier.
    var vagueWord: String?
    /// "5pm", "1990s": never figures.
    var isTimeOrDecade = false
    /// The multiplier suffix glued to the digits ("m" in "6m").
    var multiplierSuffix: String?
}

/// Number rules: digits with separators and glued multipliers, number words through ICU's
/// spell-out rules, multiplier words, vague plurals, fractions and ordinals.
extension FigureScan {
    /// Whether token `i` may start a number (cheap: a digit, or a number word's key).
    @inline(__always) func mayStartNumber(_ i: Int) -> Bool {
        isDigit(i) || (context.tokens[i].kind == .word && lexicon.candidateKeys.contains(context.tokens[i].key))
    }

    /// The number starting at token `i`, if any.
    func readNumber(at i: Int) -> NumberSpan? {
        if isDigit(i) { return readDigits(at: i) }
        guard context.tokens[i].kind == .word, let classes = lexicon.numberWords[key(i)] else { return nil }
        return readWords(at: i, classes: classes)
    }

    // MARK: digits

    func readDigits(at i: Int) -> NumberSpan? {
        let text = context.text(i)
        var digits = ""
        var groups: [Int] = [0]
        var commas = 0, dots = 0
        var suffixStart = text.utf8.endIndex
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            let c = text.utf8[index]
            if c >= 0x30 && c <= 0x39 {
                digits.append(Character(Unicode.Scalar(c)))
                groups[groups.count - 1] += 1
            } else if c == 0x2C, dots == 0 {
                commas += 1
                groups.append(0)
            } else if c == 0x2E, dots == 0 {
                dots += 1
                digits.append(".")
                groups.append(0)
            } else {
                suffixStart = index
                break
            }
            index = text.utf8.index(after: index)
        }
        // Separators: "1,426" has groups of three after the first; "3.5" one decimal point.
        if commas > 0 {
            let integerGroups = dots > 0 ? groups.dropLast() : groups[...]
            guard integerGroups.first.map({ $0 >= 1 && $0 <= 3 }) == true,
                  integerGroups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        if dots > 0, groups.last == 0 { return nil }
        guard var value = Double(digits) else { return nil }
        var span = NumberSpan(start: i, end: i + 1, value: value, form: .digits)
        span.leadingZero = digits.count > 1 && digits.first == "0" && dots == 0
        let suffix = String(text[suffixStart...]).lowercased()
        if suffix.isEmpty {
            if commas == 0 && dots == 0 { span.integerDigits = digits.count }
        } else if let f = lexicon.multiplierSuffixes[suffix] {
            value *= f
            span.factor = f
            span.multiplierSuffix = suffix
        } else if suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" {
            span.form = .ordinal
        } else if suffix == "s" || suffix == "'s" || lexicon.has(TokenKey.of(suffix), .time) {
            span.isTimeOrDecade = true
        } else if suffix.count <= 3, suffix.allSatisfy({ $0.isLetter }) {
            span.suffixUnit = suffix
        } else {
            return nil
        }
        span.value = value
        if span.factor == 1, span.form == .digits { applyMultiplierWord(&span) }
        return span
    }

    /// "2.5 million", "3 dozen": a multiplier word after the number.
    func applyMultiplierWord(_ span: inout NumberSpan) {
        let j = span.end
        guard isWord(j) else { return }
        if let f = lexicon.multiplierWords[key(j)] ?? lexicon.numberWord(key(j), .dozen) {
            span.value *= f
            span.factor *= f
            span.end = j + 1
            // "2.5 million" is done; "three hundred thousand" takes a second scale.
            if isWord(span.end), let g = lexicon.multiplierWords[key(span.end)], g > f {
                span.value *= g
                span.factor *= g
                span.end += 1
            }
        }
    }

    // MARK: words

    func readWords(at i: Int, classes: [FigureLexicon.NumberWord]) -> NumberSpan? {
        func cls(_ c: FigureLexicon.NumberClass) -> Double? { classes.first(where: { $0.cls == c })?.value }
        if cls(.digit) != nil || cls(.teen) != nil || cls(.tens) != nil { return readCardinal(at: i) }
        if cls(.article) != nil {
            // "a hundred", "a dozen", "a million"; "a third of", "a quarter of".
            if isWord(i + 1), lexicon.numberWord(key(i + 1), .scale) != nil || lexicon.numberWord(key(i + 1), .dozen) != nil {
                return readCardinal(at: i)
            }
            if isWord(i + 1), let f = lexicon.numberWord(key(i + 1), .fraction), isKey(i + 2, FigureKeys.of) {
                return NumberSpan(start: i, end: i + 2, value: f, form: .fraction)
            }
            return nil
        }
        if let v = cls(.vague) ?? cls(.vagueOf) {
            var span = NumberSpan(start: i, end: i + 1, value: v, form: .vague)
            span.vagueWord = lower(i)
            // "hundreds of thousands", "tens of millions"
            while isKey(span.end, FigureKeys.of), isWord(span.end + 1), let w = lexicon.numberWord(key(span.end + 1), .vague) {
                span.value *= w
                span.end += 2
                span.vagueWord = "\(span.vagueWord!) of \(lower(span.end - 1))"
            }
            if cls(.vague) == nil, span.end == i + 1, !isKey(i + 1, FigureKeys.of) { return nil }
            return span
        }
        if let f = cls(.fraction), key(i) == FigureKeys.half {
            // "half a million", "half of the population", "half the town"
            if has(i + 1, .determiner) || isKey(i + 1, FigureKeys.of) {
                if isKey(i + 1, FigureKeys.a) || isKey(i + 1, FigureKeys.an), isWord(i + 2),
                   let s = lexicon.numberWord(key(i + 2), .scale) {
                    return NumberSpan(start: i, end: i + 3, value: f * s, form: .words)
                }
                return NumberSpan(start: i, end: i + 1, value: f, form: .fraction)
            }
            return nil
        }
        if let v = cls(.ordinal) { return NumberSpan(start: i, end: i + 1, value: v, form: .ordinal) }
        return nil
    }

    /// A run of cardinal words: "seventeen", "twenty one", "three hundred and twelve", "a hundred",
    /// then "and a half", "-thirds", "dozen" and multiplier words.
    func readCardinal(at i: Int) -> NumberSpan? {
        var parts: [String] = []
        var last: FigureLexicon.NumberClass?
        var j = i
        var end = i
        var single: Double?
        while j < hi {
            if j > i, isJoiningDash(j), last == .tens, isWord(j + 1), lexicon.numberWord(key(j + 1), .digit) != nil {
                parts[parts.count - 1] += "-" + lower(j + 1)
                single = nil
                last = .digit
                j += 2
                end = j
                continue
            }
            if j > i, key(j) == FigureKeys.and, last == .scale, isWord(j + 1),
               lexicon.numberWord(key(j + 1), .digit) != nil || lexicon.numberWord(key(j + 1), .teen) != nil
                || lexicon.numberWord(key(j + 1), .tens) != nil {
                parts.append("and")
                j += 1
                continue
            }
            guard isWord(j), let words = lexicon.numberWords[key(j)] else { break }
            var c: FigureLexicon.NumberClass?
            var v = 0.0
            for w in words where [.digit, .teen, .tens, .scale].contains(w.cls) || (j == i && w.cls == .article) {
                c = w.cls
                v = w.value
                break
            }
            guard var cc = c else { break }
            if cc == .article { cc = .digit }
            if cc == .scale && last == nil { break }
            if let l = last, l != .scale, cc != .scale {
                if l == .tens && cc == .digit && !attached(j) {
                    // "twenty one": ICU reads it only hyphenated
                    parts[parts.count - 1] += "-" + lower(j)
                    single = nil
                    last = .digit
                    j += 1
                    end = j
                    continue
                }
                break
            }
            parts.append(c == .article ? "one" : lower(j))
            single = parts.count == 1 ? v : nil
            last = cc
            j += 1
            end = j
        }
        guard end > i else { return nil }
        let value: Double
        if let single, parts.count == 1 { value = single } else {
            let phrase = parts.joined(separator: " ")
            guard let v = NumberWords.value(of: phrase) ?? fallbackValue(parts) else { return nil }
            value = v
        }
        var span = NumberSpan(start: i, end: end, value: value, form: .words)
        // "two and a half"
        if isKey(end, FigureKeys.and), isKey(end + 1, FigureKeys.a), isKey(end + 2, FigureKeys.half) {
            span.value += 0.5
            span.end = end + 3
        }
        // "two-thirds", "three quarters"
        let f = span.end + (isJoiningDash(span.end) ? 1 : 0)
        if isWord(f), span.value < 10, let frac = lexicon.numberWord(key(f), .fraction), key(f) != FigureKeys.half,
           context.text(f).hasSuffix("s") || span.value == 1 {
            span.value *= frac
            span.end = f + 1
            span.form = .fraction
            return span
        }
        applyMultiplierWord(&span)
        return span
    }

    /// Adds up cardinal words when ICU cannot parse them.
    func fallbackValue(_ parts: [String]) -> Double? {
        var total = 0.0, current = 0.0
        for p in parts where p != "and" {
            for piece in p.split(separator: "-") {
                let k = TokenKey.of(piece)
                if let s = lexicon.numberWord(k, .scale) {
                    if s >= 1000 { total += max(current, 1) * s; current = 0 } else { current = max(current, 1) * s }
                } else if let v = lexicon.numberWord(k, .digit) ?? lexicon.numberWord(k, .teen) ?? lexicon.numberWord(k, .tens) {
                    current += v
                } else if piece == "one" || piece == "a" {
                    current += 1
                } else {
                    return nil
                }
            }
        }
        return total + current
    }
}

internal import ICUText
import Synchronization

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
    /// A unit is glued to the digits ("km" in "10km"): the token's text from `suffixStart`,
    /// lowercased (`FigureScan.suffixUnit`). Offsets, not strings, keep the span a plain value.
    var hasSuffixUnit = false
    /// UTF-16 offset of the first unit after the numeral in the first token.
    var suffixStart = 0
    /// "5pm", "1990s": never figures.
    var isTimeOrDecade = false
    /// The multiplier suffix glued to the digits is "m" ("6m"), which may also mean metres.
    var millionsAsM = false
}

/// Number rules: digits with separators and glued multipliers, number words through ICU's
/// spell-out rules, multiplier words, vague plurals, fractions and ordinals.
extension FigureScan {
    /// Whether token `i` may start a number (cheap: a digit, or a number word's key).
    @inline(__always) func mayStartNumber(_ i: Int) -> Bool {
        isDigit(i) || (tokens[i].kind == .word && lexicon.candidateFilter.mayContain(tokens[i].key)
                       && lexicon.candidateKeys.contains(tokens[i].key))
    }

    /// The number starting at token `i`, if any.
    func readNumber(at i: Int) -> NumberSpan? {
        if isDigit(i) { return readDigits(at: i) }
        guard tokens[i].kind == .word, let classes = lexicon.numberWords[key(i)] else { return nil }
        return readWords(at: i, classes: classes)
    }

    // MARK: digits

    func readDigits(at i: Int) -> NumberSpan? {
        // One pass over the UTF-16 units: digits, then at most one decimal point, with commas
        // between groups of the integer part; the suffix starts at the first other unit.
        let units = self.units
        let tokenStart = Int(tokens[i].start), tokenEnd = Int(tokens[i].end)
        var commas = 0, dots = 0
        var groupIndex = 0, group = 0
        var firstGroup = 0, laterGroupsOfThree = true
        var numeralLength = 0  // digits and the decimal point, commas left out
        var suffixStart = tokenEnd
        func closeIntegerGroup() {
            if groupIndex == 0 { firstGroup = group } else if group != 3 { laterGroupsOfThree = false }
            groupIndex += 1
            group = 0
        }
        var k = tokenStart
        while k < tokenEnd {
            let c = units[k]
            if c >= 0x30 && c <= 0x39 {
                numeralLength += 1
                group += 1
            } else if c == 0x2C, dots == 0 {
                commas += 1
                closeIntegerGroup()
            } else if c == 0x2E, dots == 0 {
                dots += 1
                numeralLength += 1
                closeIntegerGroup()
            } else {
                suffixStart = k
                break
            }
            k += 1
        }
        if dots == 0 { closeIntegerGroup() }
        // Separators: "1,426" has groups of three after the first; "3.5" one decimal point.
        if commas > 0 {
            guard firstGroup >= 1 && firstGroup <= 3, laterGroupsOfThree else { return nil }
        }
        if dots > 0, group == 0 { return nil }
        guard var value = Self.numeralValue(units, from: tokenStart, to: suffixStart, length: numeralLength, decimal: dots > 0) else {
            return nil
        }
        var span = NumberSpan(start: i, end: i + 1, value: value, form: .digits)
        span.suffixStart = suffixStart
        span.leadingZero = numeralLength > 1 && units[tokenStart] == 0x30 && dots == 0
        let suffix = suffixStart < tokenEnd ? slice(suffixStart, tokenEnd).lowercased() : ""
        if suffix.isEmpty {
            if commas == 0 && dots == 0 { span.integerDigits = numeralLength }
        } else if let f = lexicon.multiplierSuffixes[suffix] {
            value *= f
            span.factor = f
            span.millionsAsM = suffix == "m"
        } else if suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" {
            span.form = .ordinal
        } else if suffix == "s" || suffix == "'s" || lexicon.has(TokenKey.of(suffix), .time) {
            span.isTimeOrDecade = true
        } else if suffix.count <= 3, suffix.allSatisfy({ $0.isLetter }) {
            span.hasSuffixUnit = true
        } else {
            return nil
        }
        span.value = value
        if span.factor == 1, span.form == .digits { applyMultiplierWord(&span) }
        return span
    }

    /// The value of the digits (and decimal point) in `units[from..<to]`, commas left out;
    /// `length` counts the units that are not commas. Whole numbers of up to fifteen digits are
    /// added up exactly; others are parsed as text, as `Double("3.5")` reads them.
    static func numeralValue(_ units: UnsafeBufferPointer<UInt16>, from: Int, to: Int, length: Int, decimal: Bool) -> Double? {
        if !decimal, length <= 15 {
            var whole = 0
            for k in from..<to where units[k] != 0x2C { whole = whole &* 10 &+ Int(units[k] &- 0x30) }
            return Double(whole)
        }
        let digits = String(unsafeUninitializedCapacity: length) { out in
            var n = 0
            for k in from..<to where units[k] != 0x2C {
                out[n] = UInt8(truncatingIfNeeded: units[k])
                n += 1
            }
            return n
        }
        return Double(digits)
    }

    /// The unit glued to the digits of `n`, lowercased ("km" in "10km").
    func suffixUnit(_ n: NumberSpan) -> String? {
        guard n.hasSuffixUnit else { return nil }
        return slice(n.suffixStart, Int(tokens[n.start].end)).lowercased()
    }

    /// The vague words of `n` ("millions", "hundreds of thousands"), written as the qualifier.
    func vagueWord(_ n: NumberSpan) -> String? {
        guard n.form == .vague else { return nil }
        var text = lower(n.start)
        var k = n.start + 2
        while k < n.end {
            text += " of " + lower(k)
            k += 2
        }
        return text
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
            // "hundreds of thousands", "tens of millions"
            while isKey(span.end, FigureKeys.of), isWord(span.end + 1), let w = lexicon.numberWord(key(span.end + 1), .vague) {
                span.value *= w
                span.end += 2
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
        // The parts as token indexes, written out as text only for ICU: the token of each word
        // (`andPart`, `onePart` for "and" and an article read as "one") and the token joined to
        // it by a hyphen, or -1.
        var parts = CardinalParts()
        // The value and class of the first two parts, for `product(of:)`.
        var first = (value: 0.0, cls: FigureLexicon.NumberClass.digit), second = first
        var last: FigureLexicon.NumberClass?
        var j = i
        var end = i
        var single: Double?
        while j < hi {
            if j > i, isJoiningDash(j), last == .tens, isWord(j + 1), let d = lexicon.numberWord(key(j + 1), .digit) {
                parts.joinLast(j + 1)
                if parts.count == 1 { first.value += d } else { second.cls = .digit }
                single = nil
                last = .digit
                j += 2
                end = j
                continue
            }
            if j > i, key(j) == FigureKeys.and, last == .scale, isWord(j + 1),
               lexicon.numberWord(key(j + 1), .digit) != nil || lexicon.numberWord(key(j + 1), .teen) != nil
                || lexicon.numberWord(key(j + 1), .tens) != nil {
                parts.append((Self.andPart, -1))
                j += 1
                continue
            }
            guard isWord(j), let words = lexicon.numberWords[key(j)] else { break }
            var c: FigureLexicon.NumberClass?
            var v = 0.0
            for w in words where w.cls == .digit || w.cls == .teen || w.cls == .tens || w.cls == .scale
                || (j == i && w.cls == .article) {
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
                    parts.joinLast(j)
                    if parts.count == 1 { first.value += v } else { second.cls = .digit }
                    single = nil
                    last = .digit
                    j += 1
                    end = j
                    continue
                }
                break
            }
            parts.append((c == .article ? Self.onePart : j, -1))
            if parts.count == 1 { first = (v, cc) } else if parts.count == 2 { second = (v, cc) }
            single = parts.count == 1 ? v : nil
            last = cc
            j += 1
            end = j
        }
        guard end > i else { return nil }
        let value: Double
        if let single, parts.count == 1 {
            value = single
        } else if parts.count == 2, let product = Self.product(of: first, second) {
            value = product
        } else {
            let words = parts.all.map { part -> String in
                switch part.token {
                case Self.andPart: return "and"
                case Self.onePart: return "one"
                default: return part.joined >= 0 ? lower(part.token) + "-" + lower(part.joined) : lower(part.token)
                }
            }
            let phrase = words.joined(separator: " ")
            guard let v = Self.spelledValue(of: phrase) ?? fallbackValue(words) else { return nil }
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
           text(f).hasSuffix("s") || span.value == 1 {
            span.value *= frac
            span.end = f + 1
            span.form = .fraction
            return span
        }
        applyMultiplierWord(&span)
        return span
    }

    /// Token indexes that stand for the words "and" and "one" in the parts of `readCardinal`.
    static let andPart = -1, onePart = -2

    /// The value of a number and a scale ("two million", "twenty-one thousand", "a hundred"): what
    /// ICU's parse and `fallbackValue` both give, without asking ICU. Nil for any other phrase.
    static func product(of number: (value: Double, cls: FigureLexicon.NumberClass),
                        _ scale: (value: Double, cls: FigureLexicon.NumberClass)) -> Double? {
        guard number.cls != .scale, scale.cls == .scale, number.value >= 1, number.value < 100,
              scale.value >= 1000 || number.value < 10 else { return nil }
        return number.value * scale.value
    }

    /// ICU's value of a phrase of number words, remembered: a parse costs ~200,000 instructions and
    /// documents repeat the same few phrases ("a thousand", "one million").
    static func spelledValue(of phrase: String) -> Double? {
        if let known = spelledValues.withLock({ $0[phrase] }) { return known }
        let value = NumberWords.value(of: phrase)
        spelledValues.withLock { memo in
            if memo.count >= Self.spelledValuesLimit { memo.removeAll() }
            memo[phrase] = .some(value)
        }
        return value
    }

    /// Parsed phrases by text (nil inside: ICU could not parse it).
    private static let spelledValues = Mutex<[String: Double?]>([:])
    private static let spelledValuesLimit = 4096

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

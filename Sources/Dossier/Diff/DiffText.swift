/// Text helpers for matching by content: word lists, normalised keys and similarity.
enum DiffText {
    /// Lowercased runs of letters and digits ("Isis's" → "isis", "s"); punctuation, quotation
    /// marks and dashes are ignored, so "gains," and "gains." are the same word.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.properties.isAlphabetic || u.properties.numericType != nil {
                current.append(u)
            } else if !current.isEmpty {
                out.append(String(current).lowercased())
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current).lowercased()) }
        return out
    }

    /// The words of `s` joined by single spaces: the key for "the same text".
    static func key(_ s: String?) -> String {
        words(s ?? "").joined(separator: " ")
    }

    /// Dice similarity of two word multisets: 1 for the same words, 0 for none in common.
    static func similarity(_ a: [String], _ b: [String]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        var counts: [String: Int] = [:]
        for w in a { counts[w, default: 0] += 1 }
        var common = 0
        for w in b where counts[w, default: 0] > 0 {
            counts[w]! -= 1
            common += 1
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }

    /// `s` on one line, runs of white space collapsed.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A short display form of a JSON value.
    static func display(_ v: JSONValue?) -> String {
        switch v {
        case nil, .null?: return "–"
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .double(let d)?: return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b)?: return b ? "true" : "false"
        case .array(let items)?: return items.map { display($0) }.joined(separator: ", ")
        case .object(let o)?:
            if case .string(let t)? = o["text"] { return t }
            return o.keys.map { "\($0)=\(display(o[$0]))" }.joined(separator: " ")
        }
    }
}

/// Field comparison between records matched by content.
enum DiffFields {
    /// Whether two values are the same for a diff: absent equals null, numbers compare by value, and
    /// objects (cue, speaker_mention) compare by their text only, since their offsets may shift.
    static func same(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a ?? .null, b ?? .null) {
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.object(let x), .object(let y)):
            if x["text"] != nil || y["text"] != nil { return same(x["text"], y["text"]) }
            return x == y
        case (let x, let y): return x == y
        }
    }

    /// The keys among `keys` whose values differ between `old` and `new`.
    static func differing(_ old: Record, _ new: Record, _ keys: [String]) -> [String] {
        keys.filter { !same(old[$0], new[$0]) }
    }
}

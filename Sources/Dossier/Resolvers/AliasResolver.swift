/// Resolves entity mentions across a document, as GATE's orthomatcher does:
/// - a surname after a full name resolves to it ("Mr Araji", "Araji" → "Qasim al-Araji"), and so does a
///   given name that only one person of the document bears ("Ahmed" → "Ahmed Mohamed");
/// - an acronym defined in the text resolves to its expansion ("Kurdistan Regional Government (KRG)");
/// - later bare mentions of a resolved surname or acronym become mentions too, with its type;
/// - every mention gets one canonical name and a stable id (the gazetteer's, or `local:<slug>`).
public struct AliasResolver: Sendable {
    let language: LanguageData
    let gazetteer: Gazetteer

    public init(language: LanguageData, gazetteer: Gazetteer) {
        self.language = language
        self.gazetteer = gazetteer
    }

    /// A name a key stands for: the mention that defines it (whose canonical name and id it takes) and where.
    struct Alias {
        var type: EntityType
        var mention: Int
        var position: Int
    }

    /// Takes the mentions (`consuming`): a caller that hands over its last copy spares copying them.
    public func resolve(_ input: consuming [EntityMention], context: MatchContext) -> [EntityMention] {
        let tokens = context.tokens, units = context.document.utf16
        var mentions = consume input
        mentions.sortByStart()
        // Keys are people's surnames and given names, and the rare acronym: the tables are sized by
        // the people (they grow if need be), the pools by all mentions. (Fields are read in the
        // array: a closure over the mentions would copy each one.)
        var people = 0
        for k in mentions.indices where mentions[k].type == .person { people += 1 }
        let aliases = AliasLists(capacity: mentions.count, keys: 2 * people + 2)
        let firstNames = AliasLists(capacity: people, keys: people)
        // Full names first: give rule-found names their own text as canonical, and index surnames.
        for k in mentions.indices {
            var words = 0, firstWord = -1, lastWord = -1
            for i in mentions[k].tokens where tokens[i].kind == .word {
                words += 1
                if firstWord < 0 { firstWord = i }
                lastWord = i
            }
            if !mentions[k].hasCanonical, words >= 2 || mentions[k].type != .person {
                mentions[k].canonical = Self.normalisedName(mentions[k].tokens, tokens: tokens, units: units)
            }
            if mentions[k].type == .person, mentions[k].hasCanonical, words >= 2 {
                let alias = Alias(type: .person, mention: k, position: mentions[k].start)
                aliases.append(alias, to: tokens[lastWord].key)
                firstNames.append(alias, to: tokens[firstWord].key)
            }
        }
        // A given name alone ("Ahmed") stands for the one person of the document who bears it.
        for n in 0..<firstNames.keyCount {
            let key = firstNames.key(at: n)
            guard !aliases.contains(key) && gazetteer.givenNames.contains(key) else { continue }
            let people = firstNames.aliases(of: key)
            var first = people.makeIterator()
            guard let names = first.next().map({ mentions[$0.mention].names }) else { continue }
            if people.allSatisfy({ mentions[$0.mention].names.hasSameCanonical(as: names) }) {
                for person in people { aliases.append(person, to: key) }
            }
        }
        // Acronyms defined in parentheses right after a name.
        var added: [EntityMention] = []
        for k in mentions.indices where mentions[k].type != .person {
            let after = mentions[k].tokens.upperBound
            guard after + 2 < tokens.count, context.firstUnit(after) == 0x28, tokens[after + 1].shape == .upper,
                  context.firstUnit(after + 2) == 0x29, mentions[k].hasCanonical else { continue }
            let acronym = tokens[after + 1]
            aliases.append(Alias(type: mentions[k].type, mention: k, position: mentions[k].start), to: acronym.key)
            if mentions.contains(where: { $0.start == Int(acronym.start) }) { continue }
            added.append(EntityMention(tokens: (after + 1)..<(after + 2), start: Int(acronym.start), end: Int(acronym.end),
                                       type: mentions[k].type, names: mentions[k].names, source: .acronym))
        }
        // Single-word people ("Mr Araji") resolve to the nearest full name before them, else any.
        for k in mentions.indices where !mentions[k].hasCanonical {
            let name = mentions[k].tokens
            if let word = name.last(where: { tokens[$0].kind == .word }),
               let found = aliases.best(for: tokens[word].key, before: mentions[k].start) {
                mentions[k].names = mentions[found.mention].names
            } else {
                mentions[k].canonical = Self.normalisedName(name, tokens: tokens, units: units)
            }
        }
        mentions += added
        // Bare later mentions of a surname or acronym.
        // 1 for a token inside a mention (bytes, so that the test below needs no branch).
        let covered = CoveredTokens(count: tokens.count, mentions: mentions)
        defer { covered.deallocate() }
        var capitalised = TokenListCursor(context.capitalisedWords)
        for sentence in context.searched where !aliases.isEmpty {
            for p in capitalised.positions(in: sentence.tokens) where covered[Int(capitalised.indexes[p])] == 0 {
                let i = Int(capitalised.indexes[p])
                let t = tokens[i]
                guard aliases.contains(t.key), !language.stopWords.contains(t.key),
                      let found = aliases.best(for: t.key, before: Int(t.start)) else { continue }
                if i > sentence.tokens.lowerBound, tokens[i - 1].kind == .word, tokens[i - 1].isCapitalised, covered[i - 1] == 0 { continue }
                if i + 1 < sentence.tokens.upperBound, tokens[i + 1].kind == .word, tokens[i + 1].isCapitalised, covered[i + 1] == 0 { continue }
                mentions.append(EntityMention(tokens: i..<(i + 1), start: Int(t.start), end: Int(t.end), type: found.type,
                                              names: mentions[found.mention].names, source: .alias))
            }
        }
        mentions.sortByStart()
        var withoutID = 0
        for k in mentions.indices where !mentions[k].hasID { withoutID += 1 }
        var localIDs = LocalIDs(capacity: withoutID)
        for k in mentions.indices where !mentions[k].hasID {
            // The local id is kept as the name it is made from (`MentionNames.local`): no string.
            if let canonical = mentions[k].canonical {
                mentions[k].names = localIDs.names(for: canonical)
            } else {
                mentions[k].id = localIDs.id(for: "")
            }
        }
        return mentions
    }

    /// A name with its spaces collapsed, line breaks removed.
    static func normalisedName(_ s: String) -> String {
        if isNormalised(s) { return s }
        return s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    /// `normalisedName(context.text(r))` of the document's `units`: the text's units are checked
    /// first, so that a text already normalised, nearly every one, is made into a string once and
    /// not read again.
    static func normalisedName(_ r: Range<Int>, tokens: [Token], units: [UInt16]) -> String {
        let start = Int(tokens[r.lowerBound].start), end = Int(tokens[r.upperBound - 1].end)
        return units.withUnsafeBufferPointer { all in
            let name = UnsafeBufferPointer(rebasing: all[start..<end])
            let text = Document.string(name)
            return isNormalised(name) ? text : normalisedName(text)
        }
    }

    /// No line break or tab, no space at either end or after another, in UTF-8 or UTF-16 code
    /// units alike: the units up to the space are the same in both, and every other unit (a
    /// surrogate too) is above it.
    @inline(__always)
    static func isNormalised<Unit: FixedWidthInteger>(_ units: UnsafeBufferPointer<Unit>) -> Bool {
        var previousSpace = true
        for u in units {
            // Most units are above the space: one test each.
            if u > 0x20 { previousSpace = false; continue }
            let space = u == 0x20
            if u == 0x0A || u == 0x0D || u == 0x09 || (space && previousSpace) { return false }
            previousSpace = space
        }
        return units.last != 0x20
    }

    /// `isNormalised` of a string's UTF-8.
    static func isNormalised(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { isNormalised($0) }
            ?? Array(s.utf8).withUnsafeBufferPointer { isNormalised($0) }
    }

    /// A lowercase ASCII slug: "Qasim al-Araji" → "qasim-al-araji".
    public static func slug(_ s: String) -> String {
        slugged(s, prefix: "")
    }

    /// The document-local id of a name: "local:" and its slug.
    static func localID(_ name: String) -> String {
        slugged(name, prefix: "local:")
    }

    /// `prefix` (ASCII) and the slug of `s`, made in one string.
    static func slugged(_ s: String, prefix: StaticString) -> String {
        let body = { (bytes: UnsafeBufferPointer<UInt8>) -> String in
            String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + bytes.count) { out in
                var n = 0
                prefix.withUTF8Buffer { p in
                    for b in p { out[n] = b; n += 1 }
                }
                guard let base = out.baseAddress else { return n }
                return n + Slug.write(bytes, to: base + n)
            }
        }
        return s.utf8.withContiguousStorageIfAvailable(body) ?? Array(s.utf8).withUnsafeBufferPointer(body)
    }
}

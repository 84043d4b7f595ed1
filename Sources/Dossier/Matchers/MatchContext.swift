/// What every matcher reads: the document, its tokens and sentences, and which sentences to search.
public struct MatchContext {
    public let document: Document
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// Sentences whose zone is searched for entities.
    public let searched: [Sentence]
    /// Keys of the words written in lowercase somewhere in the document: a capitalised word that
    /// also appears in lowercase ("turkey", "south") is an everyday word there.
    public let lowercaseWords: LowercaseWordSet
    /// The indexes of the capitalised words (`Token.notCapitalisedWord` zero), in order: for the
    /// passes that look at capitalised words only.
    let capitalisedWords: [Int32]

    public init(document: Document, tokens: [Token], sentences: [Sentence], searched: [Sentence]) {
        self.document = document
        self.tokens = tokens
        self.sentences = sentences
        self.searched = searched
        var lower: LowercaseWordSet?
        capitalisedWords = tokens.withUnsafeBufferPointer { tokens in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: tokens.count) { keys in
                [Int32](unsafeUninitializedCapacity: tokens.count) { capitalised, found in
                    let (n, c) = Self.sortWords(tokens, lowercaseKeys: keys, capitalised: capitalised)
                    found = c
                    lower = LowercaseWordSet(UnsafeBufferPointer(rebasing: keys[..<n]))
                }
            }
        }
        lowercaseWords = lower!
    }

    /// Writes the keys of the lowercase words of `tokens` to `lowercaseKeys` and the indexes of
    /// the capitalised words to `capitalised`, in order; how many of each. Both outputs have room
    /// for every token.
    ///
    /// Every key and index is written; each count moves on only for a word of its kind. The
    /// tests are arithmetic, not branches (kinds and shapes follow no pattern a predictor
    /// learns), on a token's kind and shape read as one 16-bit word (`Token.Packed`'s flags):
    /// a lowercase word is `.word` and `.lower`, a capitalised word `.word` and `.capitalised`
    /// or `.upper` (the shapes 2 and 3, equal once their low bit is set).
    @inline(__always)
    static func sortWords(_ tokens: UnsafeBufferPointer<Token>, lowercaseKeys keys: UnsafeMutableBufferPointer<UInt64>,
                          capitalised: UnsafeMutableBufferPointer<Int32>) -> (lowercase: Int, capitalised: Int) {
        guard let base = tokens.baseAddress, let keyOut = keys.baseAddress, let indexOut = capitalised.baseAddress
        else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        let stride = MemoryLayout<Token>.stride
        let lowercaseWord = UInt16(Token.Packed.flags(kind: .word, shape: .lower))
        let capitalisedWord = UInt16(Token.Packed.flags(kind: .word, shape: .upper))
        // The low bit of the shape's byte: the flags of `.lower` less those of `.none`.
        let shapeLowBit = UInt16(Token.Packed.flags(kind: .word, shape: .lower) ^ Token.Packed.flags(kind: .word, shape: .none))
        // Write cursors: each moves on by one element for a word of its kind, by none otherwise.
        var keyAt = keyOut, indexAt = indexOut
        for i in 0..<tokens.count {
            let token = raw + i &* stride
            let flags = token.load(fromByteOffset: Token.Packed.flagsOffset, as: UInt16.self)
            keyAt.pointee = token.load(fromByteOffset: Token.Packed.keyOffset, as: UInt64.self)
            // A difference of 16 bits less one has its top bit set only when it is zero.
            keyAt += Int(truncatingIfNeeded: (UInt32(flags ^ lowercaseWord) &- 1) &>> 31)
            indexAt.pointee = Int32(truncatingIfNeeded: i)
            indexAt += Int(truncatingIfNeeded: (UInt32((flags | shapeLowBit) ^ capitalisedWord) &- 1) &>> 31)
        }
        return (keyAt - keyOut, indexAt - indexOut)
    }

    /// The capitalised words of a sentence, by token index, in order.
    func capitalisedWords(in sentence: Sentence) -> ArraySlice<Int32> {
        var cursor = TokenListCursor(capitalisedWords)
        return cursor.tokens(in: sentence)
    }

    /// The text of a token range.
    public func text(_ r: Range<Int>) -> String {
        document.slice(Int(tokens[r.lowerBound].start), Int(tokens[r.upperBound - 1].end))
    }

    /// The text of one token.
    public func text(_ i: Int) -> String {
        document.slice(Int(tokens[i].start), Int(tokens[i].end))
    }

    /// The first UTF-16 unit of a token.
    public func firstUnit(_ i: Int) -> UInt16 { document.utf16[Int(tokens[i].start)] }
}

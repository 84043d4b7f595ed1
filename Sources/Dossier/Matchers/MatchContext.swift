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
                    // Every key and index is written; each count moves on only for a word of its
                    // kind. The tests are arithmetic, not branches: kinds and shapes follow no
                    // pattern a predictor learns.
                    let word = UInt16(TokenKind.word.rawValue), lowercase = UInt16(TokenShape.lower.rawValue)
                    var n = 0, c = 0
                    for i in 0..<tokens.count {
                        let t = tokens[i]
                        keys[n] = t.key
                        let differs = (UInt16(t.kind.rawValue) ^ word) | (UInt16(t.shape.rawValue) ^ lowercase)
                        n &+= Int((differs &- 1) >> 15)
                        capitalised[c] = Int32(truncatingIfNeeded: i)
                        c &+= Int((UInt16(t.notCapitalisedWord) &- 1) >> 15)
                    }
                    found = c
                    lower = LowercaseWordSet(UnsafeBufferPointer(rebasing: keys[..<n]))
                }
            }
        }
        lowercaseWords = lower!
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

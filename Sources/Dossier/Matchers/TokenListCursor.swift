/// Hands out the entries of an ascending list of token indexes (the capitalised words, the signal
/// tokens of a `MatchContext`) that fall in sentence after sentence: for sentences in order it
/// walks the list once, instead of searching it for each; a sentence that starts before the last
/// one ended is found by a binary search, so that any order gives the right tokens.
struct TokenListCursor {
    let indexes: [Int32]
    /// Every index before it is before the last sentence's end.
    var position = 0

    init(_ indexes: [Int32]) { self.indexes = indexes }

    /// The listed tokens of `sentence`, by token index, in order.
    mutating func tokens(in sentence: Sentence) -> ArraySlice<Int32> {
        tokens(in: sentence.tokens)
    }

    /// The listed tokens of `range`, in order.
    mutating func tokens(in range: Range<Int>) -> ArraySlice<Int32> {
        indexes[positions(in: range)]
    }

    /// Where the listed tokens of `range` are in `indexes`: for a loop that reads them without
    /// taking a slice (and a reference to the list) a sentence.
    mutating func positions(in range: Range<Int>) -> Range<Int> {
        if position > 0, Int(indexes[position - 1]) >= range.lowerBound {
            position = indexes.partitionStart { Int($0) >= range.lowerBound }
        }
        while position < indexes.count, Int(indexes[position]) < range.lowerBound { position += 1 }
        let from = position
        while position < indexes.count, Int(indexes[position]) < range.upperBound { position += 1 }
        return from..<position
    }
}


/// Hands out the capitalised words of sentence after sentence: for sentences in order it walks
/// the list once, instead of searching it for each; a sentence that starts before the last one
/// ended is found by a binary search, so that any order gives the right words.
struct CapitalisedWordCursor {
    let words: [Int32]
    /// Every word before it is before the last sentence's end.
    var position = 0

    init(words: [Int32]) { self.words = words }

    /// The capitalised words of `sentence`, by token index, in order.
    mutating func words(in sentence: Sentence) -> ArraySlice<Int32> {
        let range = sentence.tokens
        if position > 0, Int(words[position - 1]) >= range.lowerBound {
            position = words.partitionStart { Int($0) >= range.lowerBound }
        }
        while position < words.count, Int(words[position]) < range.lowerBound { position += 1 }
        let from = position
        while position < words.count, Int(words[position]) < range.upperBound { position += 1 }
        return words[from..<position]
    }
}

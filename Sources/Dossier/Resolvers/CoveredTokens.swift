/// One byte a token of a document, 1 for a token inside one of the mentions: the resolvers' passes
/// over capitalised words test it without a branch. Raw storage of its own, freed by `deallocate()`
/// (a byte array looked up its storage type's metadata at every document).
struct CoveredTokens {
    private let bytes: UnsafeMutableBufferPointer<UInt8>

    /// `count` tokens, those of `mentions` covered (each mention's tokens, if any, must lie among them).
    init(count: Int, mentions: borrowing [EntityMention]) {
        bytes = .allocate(capacity: Swift.max(count, 1))
        bytes.initialize(repeating: 0)
        for k in mentions.indices {
            let r = mentions[k].tokens
            if r.isEmpty { continue }
            precondition(r.lowerBound >= 0 && r.upperBound <= count, "a mention outside the document's tokens")
            for i in r { bytes[i] = 1 }
        }
    }

    /// 1 if token `i` (one of the `count`) is inside a mention, else 0.
    @inline(__always) subscript(i: Int) -> UInt8 {
        precondition(i >= 0 && i < bytes.count)
        return bytes[i]
    }

    func deallocate() { bytes.deallocate() }
}

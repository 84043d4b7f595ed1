/// A blocked Bloom filter over a `PhraseTrie`'s edge hashes: eight bits a table slot (a few
/// hundred KB for the gazetteer, small enough to stay in L2), two bits an edge, both in one
/// 64-bit word. An edge whose bits are not both set is certainly absent, so that most probes
/// for edges that do not exist never touch the (much larger) edge table.
struct EdgeFilter: Sendable {
    private var words: [UInt64]
    /// 64 minus the number of bits that pick a word.
    private let shift: UInt64

    /// An empty filter sized for an edge table of `slots` slots.
    init(slots: Int) {
        var wordBits = 1
        while (1 << wordBits) * 8 < slots { wordBits += 1 }
        words = [UInt64](repeating: 0, count: 1 << wordBits)
        shift = UInt64(64 - wordBits)
    }

    /// The word and the mask of the two bits of an edge hash.
    @inline(__always) private func position(_ edge: UInt64) -> (word: Int, mask: UInt64) {
        Self.position(edge, shift)
    }

    @inline(__always) private static func position(_ edge: UInt64, _ shift: UInt64) -> (word: Int, mask: UInt64) {
        let h = edge &* 0xD6E8_FEB8_6659_FD93
        // The top bits pick the word, bits in the middle the two bits.
        let word = Int(truncatingIfNeeded: h &>> shift)
        let mask = (1 as UInt64) << ((h >> 20) & 63) | (1 as UInt64) << ((h >> 26) & 63)
        return (word, mask)
    }

    mutating func insert(_ edge: UInt64) {
        let (word, mask) = position(edge)
        words[word] |= mask
    }

    /// Runs `body` with a function that inserts an edge as `insert` does, but writes the words
    /// through one pointer (no uniqueness check an edge): the form for filling a whole table.
    mutating func insertingEdges<R>(_ body: (_ insert: (UInt64) -> Void) -> R) -> R {
        let shift = self.shift
        return words.withUnsafeMutableBufferPointer { words in
            body { edge in
                let (word, mask) = Self.position(edge, shift)
                words[word] |= mask
            }
        }
    }

    /// False when the edge is certainly absent; true when it may be present.
    @inline(__always) func mayContain(_ edge: UInt64) -> Bool {
        let (word, mask) = position(edge)
        return words.withUnsafeBufferPointer { $0[word] & mask == mask }
    }
}

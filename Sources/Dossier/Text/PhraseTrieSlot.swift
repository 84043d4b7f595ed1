/// One slot of a `PhraseTrie`'s edge table: an edge and what a walk needs of the node it leads
/// to, in 16 bytes, so that following an edge touches one cache line and no per-node array.
/// A slot with edge 0 is empty.
struct PhraseTrieSlot: Sendable, BitwiseCopyable, Equatable {
    /// The edge hash (`PhraseTrie.edge`), 0 for an empty slot.
    var edge: UInt64
    /// The node the edge leads to (low 24 bits), and a signature of the keys of its children (top
    /// 8 bits: `childBit` of each), 0 if it has none.
    var target: UInt32
    /// The index of the node's first payload, or -1.
    var firstPayload: Int32

    /// Nodes a trie may have: node numbers take the low 24 bits of `target`.
    static let maxNodes = 1 << 24
    static let nodeMask: UInt32 = (1 << 24) - 1
    static let empty = PhraseTrieSlot(edge: 0, target: 0, firstPayload: -1)

    init(edge: UInt64, target: UInt32, firstPayload: Int32) {
        (self.edge, self.target, self.firstPayload) = (edge, target, firstPayload)
    }

    /// The node the edge leads to: only hashed into its children's edges, never an index.
    @inline(__always) var node: Int { Int(target & Self.nodeMask) }

    /// Whether some phrase goes on past the node: if not, a walk ends there without a probe.
    @inline(__always) var hasChildren: Bool { target > Self.nodeMask }

    /// The signature bit of a child's token key: one of the top 8 bits, by the top 3 bits of a product.
    @inline(__always) static func childBit(_ key: UInt64) -> UInt32 {
        1 << (24 + UInt32(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 61))
    }

    /// False if the node certainly has no child along `key`, so that a walk stops without a
    /// probe of the filter or the table; true if it may have one.
    @inline(__always) func mayHaveChild(along key: UInt64) -> Bool { target & Self.childBit(key) != 0 }
}

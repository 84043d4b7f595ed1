/// One slot of a `PhraseTrie`'s edge table: an edge and what a walk needs of the node it leads
/// to, in 16 bytes, so that following an edge touches one cache line and no per-node array.
/// A slot with edge 0 is empty.
struct PhraseTrieSlot: Sendable, BitwiseCopyable, Equatable {
    /// The edge hash (`PhraseTrie.edge`), 0 for an empty slot.
    var edge: UInt64
    /// The node the edge leads to (low 31 bits), and whether that node has children (top bit).
    var target: UInt32
    /// The index of the node's first payload, or -1.
    var firstPayload: Int32

    static let hasChildrenBit: UInt32 = 1 << 31
    static let empty = PhraseTrieSlot(edge: 0, target: 0, firstPayload: -1)

    init(edge: UInt64, target: UInt32, firstPayload: Int32) {
        (self.edge, self.target, self.firstPayload) = (edge, target, firstPayload)
    }

    /// The node the edge leads to: only hashed into its children's edges, never an index.
    @inline(__always) var node: Int { Int(target & ~Self.hasChildrenBit) }

    /// Whether some phrase goes on past the node: if not, a walk ends there without a probe.
    @inline(__always) var hasChildren: Bool { target & Self.hasChildrenBit != 0 }
}

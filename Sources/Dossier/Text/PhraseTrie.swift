/// A trie over token keys that finds the longest phrase starting at a token: the compiled form of
/// gazetteers and word lists. Attached hyphens inside a phrase are skipped, so that "al-Araji",
/// "al Araji" and "Al Araji" all match the phrase "al Araji".
///
/// The trie lives in flat arrays, so that it can be saved and loaded in bulk (`Tables`): an
/// open-addressing table of edges keyed by a hash of (node, token key), whose slots also hold what
/// a walk needs of the node reached (its first payload, a signature of its children's keys; see
/// `PhraseTrieSlot`), and the payloads in one array, each node's chained in insertion order, each
/// beside the link to the next (`PhraseTriePayloadCell`), so that a chain is read in one place. A
/// Bloom filter over the edges (`EdgeFilter`) answers most probes for absent edges without
/// touching the table.
public struct PhraseTrie<Payload: Sendable>: Sendable {
    /// Edge slots; a power of two of them, at most three quarters full.
    private var slots: [PhraseTrieSlot] = []
    private var filter = EdgeFilter(slots: 0)
    private var edgeCount = 0
    /// Nodes, the root (node 0) included.
    public private(set) var nodeCount = 1
    /// The payloads, each with the index of the next payload of the same node.
    private var cells: [PhraseTriePayloadCell<Payload>] = []
    /// The longest phrase, in tokens.
    public private(set) var maxLength = 0

    public init() {}

    /// Room for this many phrases, to insert without rehashing.
    public mutating func reserveCapacity(_ phrases: Int) {
        growSlots(toHold: phrases * 3 / 2)
        cells.reserveCapacity(phrases)
    }

    /// The slot key of the edge from `node` along `key`; never 0, which marks an empty slot.
    @inline(__always)
    static func edge(_ node: Int, _ key: UInt64) -> UInt64 {
        let h = (key ^ (UInt64(truncatingIfNeeded: node) &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return h == 0 ? 1 : h
    }

    /// The slot where a probe for `edge` starts.
    @inline(__always)
    static func home(_ edge: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: edge &* 0x9E37_79B9_7F4A_7C15) & mask
    }

    /// The slot of the edge from `node` along `key`, or nil.
    @inline(__always)
    private func child(_ node: Int, _ key: UInt64) -> PhraseTrieSlot? {
        let e = Self.edge(node, key)
        guard filter.mayContain(e) else { return nil }
        return slots.withUnsafeBufferPointer { table -> PhraseTrieSlot? in
            let mask = table.count &- 1
            guard mask >= 0 else { return nil }
            var i = Self.home(e, mask: mask)
            while true {
                let s = table[i]
                if s.edge == e { return s }
                if s.edge == 0 { return nil }
                i = (i &+ 1) & mask
            }
        }
    }

    /// The index of the slot of the edge from `node` along `key`, or nil (for building).
    private func slotIndex(_ node: Int, _ key: UInt64) -> Int? {
        let e = Self.edge(node, key)
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = Self.home(e, mask: mask)
        while slots[i].edge != 0 {
            if slots[i].edge == e { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Adds a phrase given as token keys.
    public mutating func insert(_ keys: [UInt64], _ payload: Payload) {
        guard !keys.isEmpty else { return }
        // Room for every edge the phrase may add, so that slot indices stay valid below.
        growSlots(toHold: edgeCount + keys.count)
        var node = 0
        var slot = -1
        for k in keys {
            if let found = slotIndex(node, k) {
                slot = found
            } else {
                if slot >= 0 { slots[slot].target |= PhraseTrieSlot.childBit(k) }
                let next = nodeCount
                precondition(next < PhraseTrieSlot.maxNodes, "too many trie nodes")
                nodeCount += 1
                let e = Self.edge(node, k)
                slot = place(PhraseTrieSlot(edge: e, target: UInt32(next), firstPayload: -1))
                filter.insert(e)
                edgeCount += 1
            }
            node = slots[slot].node
        }
        let index = Int32(cells.count)
        cells.append(PhraseTriePayloadCell(payload: payload, next: -1))
        var last = Int(slots[slot].firstPayload)
        if last < 0 {
            slots[slot].firstPayload = index
        } else {
            while cells[last].next >= 0 { last = Int(cells[last].next) }
            cells[last].next = index
        }
        maxLength = max(maxLength, keys.count)
    }

    /// Puts `slot` in the first free slot from its home, and returns where.
    @discardableResult
    private mutating func place(_ slot: PhraseTrieSlot) -> Int {
        let mask = slots.count - 1
        var i = Self.home(slot.edge, mask: mask)
        while slots[i].edge != 0 { i = (i + 1) & mask }
        slots[i] = slot
        return i
    }

    /// Rehashes into a table with room for `count` edges at a load factor of at most three quarters
    /// (linear probes stay short, and the table is half the size at one half).
    private mutating func growSlots(toHold count: Int) {
        var capacity = max(slots.count, 8)
        while count * 4 > capacity * 3 { capacity *= 2 }
        guard capacity > slots.count else { return }
        let old = slots
        slots = [PhraseTrieSlot](repeating: .empty, count: capacity)
        for s in old where s.edge != 0 { place(s) }
        filter = Self.filter(over: slots)
    }

    /// The filter of the edges in `slots`.
    private static func filter(over slots: [PhraseTrieSlot]) -> EdgeFilter {
        var filter = EdgeFilter(slots: slots.count)
        for s in slots where s.edge != 0 { filter.insert(s.edge) }
        return filter
    }

    /// Walks the trie along the tokens from `start`, skipping attached hyphens, and calls `visit`
    /// with the index one past each matched token and the first payload of the node reached
    /// there, for nodes that have payloads.
    @inline(__always)
    private func walk(_ tokens: [Token], from start: Int, limit: Int, _ visit: (Int, Int) -> Void) {
        guard start < limit, let first = child(0, tokens[start].key) else { return }
        walk(tokens, from: start, reached: first, limit: limit, visit)
    }

    /// Goes on with a walk from `start` at `first`, the slot of the root's edge along the token at `start`.
    @inline(__always)
    private func walk(_ tokens: [Token], from start: Int, reached first: PhraseTrieSlot, limit: Int, _ visit: (Int, Int) -> Void) {
        var at = first
        var i = start + 1
        if at.firstPayload >= 0 { visit(i, Int(at.firstPayload)) }
        while at.hasChildren, i < limit {
            let t = tokens[i]
            if t.kind == .dash, !t.spaceBefore, i + 1 < limit, !tokens[i + 1].spaceBefore {
                i += 1
                continue
            }
            guard at.mayHaveChild(along: t.key), let next = child(at.node, t.key) else { break }
            at = next
            i += 1
            if at.firstPayload >= 0 { visit(i, Int(at.firstPayload)) }
        }
    }

    /// Every phrase starting at token `start` and ending before `limit`, longest first, with the
    /// index one past its last token. `accept` filters payloads (e.g. on letter case).
    public func matches(in tokens: [Token], from start: Int, limit: Int,
                        accept: (Payload, Range<Int>) -> Bool = { _, _ in true }) -> [(end: Int, payload: Payload)] {
        var found: [(end: Int, payload: Payload)] = []
        walk(tokens, from: start, limit: limit) { end, first in
            var p = first
            while p >= 0 {
                if accept(cells[p].payload, start..<end) { found.append((end, cells[p].payload)) }
                p = Int(cells[p].next)
            }
        }
        found.reverse()
        return found
    }

    /// The payload of the longest phrase at `start`, or nil (the first accepted payload of it).
    public func longest(in tokens: [Token], from start: Int, limit: Int,
                        accept: (Payload, Range<Int>) -> Bool = { _, _ in true }) -> (end: Int, payload: Payload)? {
        var best: (end: Int, payload: Payload)?
        walk(tokens, from: start, limit: limit) { end, first in
            var p = first
            while p >= 0 {
                if accept(cells[p].payload, start..<end) {
                    best = (end, cells[p].payload)
                    break
                }
                p = Int(cells[p].next)
            }
        }
        return best
    }

    /// Where a phrase starting with the token key `key` leads first (the slot of the root's edge
    /// along it), or nil if no phrase starts with it: `hasPhrase(startingWith:)` that keeps the
    /// place to walk on from.
    @inline(__always)
    func firstNode(startingWith key: UInt64) -> PhraseTrieSlot? {
        child(0, key)
    }

    /// The longest phrase starting at `start` with a payload that `accept` takes, with the index one
    /// past its last token, and of its accepted payloads the one `isBetter` ranks first (of equals,
    /// the last inserted). Shorter phrases are tried only if no longer one has an accepted payload.
    /// A payload that the best accepted one so far beats is passed over without asking `accept`
    /// (for an `accept` that costs more than `isBetter`; the result is the same), so `accept` must
    /// not have side effects. The walk starts from `first`, the `firstNode` of the token at `start`
    /// (`start < limit`), without looking it up again. Allocates nothing.
    func bestOfLongestRankedFirst(in tokens: [Token], from start: Int, reached first: PhraseTrieSlot, limit: Int,
                                  accept: (Payload, Range<Int>) -> Bool,
                                  isBetter: (Payload, Payload) -> Bool) -> (end: Int, payload: Payload)? {
        guard maxLength > 0, start < limit else { return nil }
        return withUnsafeTemporaryAllocation(of: (end: Int, first: Int).self, capacity: maxLength) { found in
            // The nodes with payloads along the walk, shortest first.
            var count = 0
            walk(tokens, from: start, reached: first, limit: limit) { end, first in
                guard count < found.count else { return }
                found[count] = (end, first)
                count += 1
            }
            while count > 0 {
                count -= 1
                let (end, first) = found[count]
                var best: Payload?
                var p = first
                while p >= 0 {
                    let cell = cells[p]
                    if let current = best, isBetter(current, cell.payload) {
                        // Kept whether accepted or not.
                    } else if accept(cell.payload, start..<end) {
                        best = cell.payload
                    }
                    p = Int(cell.next)
                }
                if let best { return (end, best) }
            }
            return nil
        }
    }

    /// The end (one past the last token) of the longest phrase at `start`, or nil: `longest(...)?.end`
    /// without reading its payload.
    public func longestEnd(in tokens: [Token], from start: Int, limit: Int) -> Int? {
        var end: Int?
        walk(tokens, from: start, limit: limit) { found, _ in end = found }
        return end
    }

    /// Whether some phrase starts with the token key `key`: a cheap test before a walk.
    @inline(__always)
    public func hasPhrase(startingWith key: UInt64) -> Bool {
        child(0, key) != nil
    }

    /// Whether the exact phrase given as keys is present.
    public func contains(_ keys: [UInt64]) -> Bool {
        var node = 0
        var reached: PhraseTrieSlot?
        for k in keys {
            guard reached?.mayHaveChild(along: k) ?? true, let next = child(node, k) else { return false }
            reached = next
            node = next.node
        }
        return (reached?.firstPayload ?? -1) >= 0
    }

    /// Changes every payload in place (for values known only once all phrases are in).
    mutating func updatePayloads(_ update: (inout Payload) -> Void) {
        for p in cells.indices { update(&cells[p].payload) }
    }
}

/// A payload of a `PhraseTrie` and the index of the next payload of the same node, or -1
/// (always a later index).
struct PhraseTriePayloadCell<Payload> {
    var payload: Payload
    var next: Int32
}

extension PhraseTriePayloadCell: Sendable where Payload: Sendable {}
extension PhraseTriePayloadCell: BitwiseCopyable where Payload: BitwiseCopyable {}

extension PhraseTrie {
    /// The arrays a trie is made of, to save it in a binary cache and load it back in bulk
    /// instead of inserting its phrases one by one.
    struct Tables {
        var slots: [PhraseTrieSlot]
        /// The payloads with their chain links, as the trie holds them.
        var cells: [PhraseTriePayloadCell<Payload>]
        var maxLength: Int
        var nodeCount: Int
        /// An empty slot, which ends every probe: the index of the first, or 0 if there are no slots.
        var emptySlot: Int

        /// The payloads, in insertion order.
        var payloads: [Payload] { cells.map(\.payload) }

        /// Per payload: the index of the next payload of the same node, or -1.
        var nextPayload: [Int32] {
            get { cells.map(\.next) }
            set { for i in cells.indices where i < newValue.count { cells[i].next = newValue[i] } }
        }
    }

    var tables: Tables {
        Tables(slots: slots, cells: cells, maxLength: maxLength, nodeCount: nodeCount, emptySlot: slots.firstIndex { $0.edge == 0 } ?? 0)
    }

    /// A trie made of `tables`, or nil if they are inconsistent: every lookup in the result ends
    /// and stays in bounds, whatever the tables held. (A slot's node is only hashed, never used
    /// as an index, so that it needs no check.)
    init?(tables t: Tables) {
        let slotCount = t.slots.count, count = t.cells.count
        guard slotCount == 0 || slotCount.nonzeroBitCount == 1, t.nodeCount >= 1, t.nodeCount <= PhraseTrieSlot.maxNodes,
              count <= Int(Int32.max), t.maxLength >= 0, t.maxLength < t.nodeCount,
              slotCount == 0 || (t.emptySlot >= 0 && t.emptySlot < slotCount && t.slots[t.emptySlot].edge == 0) else { return nil }
        // Payload chains stay in bounds and only move forward, so they end.
        // One pass over the slots checks them, counts the edges and fills the filter.
        var badPayloads = 0
        var edges = 0
        var edgeFilter = EdgeFilter(slots: slotCount)
        t.slots.withUnsafeBufferPointer { slots in
            edgeFilter.insertingEdges { insert in
                for s in slots {
                    badPayloads |= UInt32(bitPattern: s.firstPayload &+ 1) > UInt32(count) ? 1 : 0
                    if s.edge != 0 {
                        edges += 1
                        insert(s.edge)
                    }
                }
            }
        }
        t.cells.withUnsafeBufferPointer { cells in
            for i in 0..<cells.count {
                // -1, or after i and before the end: next - (i + 1) wraps unless in 0..<count - (i + 1).
                let p = Int(cells[i].next)
                badPayloads |= p != -1 && UInt(bitPattern: p &- i &- 1) >= UInt(bitPattern: count &- i &- 1) ? 1 : 0
            }
        }
        guard badPayloads == 0 else { return nil }
        (slots, edgeCount, nodeCount, filter, maxLength, cells) = (t.slots, edges, t.nodeCount, edgeFilter, t.maxLength, t.cells)
    }
}

/// Splits a phrase from a data file into words the way ICU splits text: on spaces and hyphens,
/// with a final dot after a word as a token of its own ("U.S." → "U.S", "."), a possessive
/// "'s" split off, and commas, brackets and slashes as tokens. Works on UTF-8 bytes.
public enum PhraseWords {
    public static func split(_ phrase: some StringProtocol) -> [Substring] {
        let s = Substring(phrase)
        let u = s.utf8
        var out: [Substring] = []
        var wordStart: String.Index?
        func close(_ end: String.Index) {
            guard let ws = wordStart else { return }
            wordStart = nil
            let bytes = u[ws..<end]
            let count = bytes.count
            if count > 1, bytes.last == 0x2E {
                let cut = u.index(before: end)
                out.append(s[ws..<cut])
                out.append(s[cut..<end])
            } else if count > 2, let p = possessiveStart(u, ws, end) {
                out.append(s[ws..<p])
                out.append(s[p..<end])
            } else {
                out.append(s[ws..<end])
            }
        }
        var i = u.startIndex
        while i < u.endIndex {
            let b = u[i]
            if b == 0x20 || b == 0x09 || b == 0x2D {
                close(i)
            } else if b == 0xE2, let next = dashEnd(u, i) {
                close(i)
                i = next
                continue
            } else if b == 0x2C || b == 0x28 || b == 0x29 || b == 0x3A || b == 0x3B || b == 0x2F || b == 0x26 {
                close(i)
                out.append(s[i..<u.index(after: i)])
            } else if wordStart == nil {
                wordStart = i
            }
            i = u.index(after: i)
        }
        close(u.endIndex)
        return out
    }

    /// "‐", "–", "—" (E2 80 90 / 93 / 94): the index after the dash, or nil.
    static func dashEnd(_ u: Substring.UTF8View, _ i: String.Index) -> String.Index? {
        guard u.distance(from: i, to: u.endIndex) >= 3 else { return nil }
        let b1 = u[u.index(i, offsetBy: 1)], b2 = u[u.index(i, offsetBy: 2)]
        return b1 == 0x80 && (b2 == 0x90 || b2 == 0x93 || b2 == 0x94) ? u.index(i, offsetBy: 3) : nil
    }

    /// Where a final "'s" or "’s" starts, if the word ends with one.
    static func possessiveStart(_ u: Substring.UTF8View, _ start: String.Index, _ end: String.Index) -> String.Index? {
        let last = u.index(before: end)
        guard u[last] == 0x73 || u[last] == 0x53 else { return nil }
        let quote = u.index(before: last)
        if u[quote] == 0x27, quote > start { return quote }
        // ’ is E2 80 99
        if u[quote] == 0x99, u.distance(from: start, to: quote) >= 3 {
            let q0 = u.index(quote, offsetBy: -2)
            if u[q0] == 0xE2, u[u.index(after: q0)] == 0x80, q0 > start { return q0 }
        }
        return nil
    }

    /// The token keys of a phrase.
    public static func keys(_ phrase: some StringProtocol) -> [UInt64] {
        split(phrase).map { TokenKey.of($0) }
    }
}

/// A read-only trie over UTF-16 strings, each with a nonzero value, walked one unit at a time:
/// the form in which `SentenceSuppressions` keeps ICU's abbreviations (reversed for the
/// backward walk, as written for the forward one).
///
/// Nodes are numbered from 0 (the root). The edges are one open-addressing table keyed by node
/// and unit, each slot also holding what a walk needs of the node it leads to (its value and
/// whether edges leave it): a step reads one slot, mostly one cache line, where the "." node
/// has forty edges. The table is at most half full.
struct SuppressionTrie: Sendable {
    /// What one step of a walk reached: nothing, or a node with its value and whether a longer
    /// string goes on from it.
    struct Step {
        let bits: UInt32
        var exists: Bool { bits != 0 }
        var node: Int { Int(bits & 0xFFFF) }
        var value: UInt8 { UInt8(truncatingIfNeeded: bits >> 16) }
        var hasChildren: Bool { bits >> 24 != 0 }
    }

    /// `(node << 16 | unit) << 32 | step bits` of each slot's edge, or `emptySlot`.
    private var slots: [UInt64]
    private var hashShift: UInt64
    /// Whether the trie holds no string.
    let isEmpty: Bool

    private static let emptySlot = UInt64.max

    /// The trie of `strings` (none empty, none twice, fewer than 0x8000 units in all), the
    /// string at each index with the value at that index.
    init(_ strings: [[UInt16]], values stringValues: [UInt8]) {
        // Built in place: first each slot's key and target node, then the target's step bits.
        var bits: UInt64 = 4
        while 1 << bits < 2 * strings.reduce(0, { $0 + $1.count }) { bits += 1 }
        hashShift = 64 - bits
        slots = Array(repeating: Self.emptySlot, count: 1 << bits)
        var values: [UInt8] = [0]
        var branches: [UInt8] = [0]
        for (index, string) in strings.enumerated() {
            var node = 0
            for u in string {
                let key = UInt64(node) << 16 | UInt64(u)
                var slot = Self.slot(of: UInt32(key), shift: hashShift)
                while slots[slot] != Self.emptySlot && slots[slot] >> 32 != key { slot = (slot + 1) & (slots.count - 1) }
                if slots[slot] == Self.emptySlot {
                    slots[slot] = key << 32 | UInt64(values.count)
                    branches[node] = 1
                    values.append(0)
                    branches.append(0)
                }
                node = Int(slots[slot] & 0xFFFF)
            }
            values[node] = stringValues[index]
        }
        isEmpty = values.count == 1
        for slot in slots.indices where slots[slot] != Self.emptySlot {
            let target = Int(slots[slot] & 0xFFFF)
            slots[slot] |= UInt64(values[target]) << 16 | UInt64(branches[target]) << 24
        }
    }

    private static func slot(of key: UInt32, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The step from `node` by `unit`: `exists` is false if no string goes on that way.
    func step(from node: Int, unit: UInt16) -> Step {
        let key = UInt32(truncatingIfNeeded: node) << 16 | UInt32(unit)
        var slot = Self.slot(of: key, shift: hashShift)
        while true {
            let s = slots[slot]
            if s >> 32 == UInt64(key) { return Step(bits: UInt32(truncatingIfNeeded: s)) }
            if s == Self.emptySlot { return Step(bits: 0) }
            slot = (slot + 1) & (slots.count - 1)
        }
    }
}

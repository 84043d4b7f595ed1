/// A read-only trie over UTF-16 strings, each with a nonzero value, walked one unit at a time:
/// the form in which `SentenceSuppressions` keeps ICU's abbreviations (reversed for the
/// backward walk, as written for the forward one).
///
/// Nodes are numbered from 0 (the root). The edges are one open-addressing table keyed by node
/// and unit (a multiply and a probe or two a step, where the "." node has forty edges).
struct SuppressionTrie: Sendable {
    /// `node << 16 | unit` of each slot's edge, or `emptySlot`.
    private var slotKeys: [UInt32]
    private var slotTargets: [Int32]
    private var hashShift: UInt32
    /// Each node's value (0 if no string ends there) and whether an edge leaves it.
    private(set) var values: [UInt8]
    private var branches: [Bool]

    private static let emptySlot = UInt32.max

    /// The trie of `strings` (none empty, none twice), each with its value.
    init(_ strings: [(units: [UInt16], value: UInt8)]) {
        // A table at most a quarter full: no more edges than units.
        let units = strings.reduce(0) { $0 + $1.units.count }
        var bits: UInt32 = 4
        while 1 << bits < 4 * units { bits += 1 }
        hashShift = 32 - bits
        slotKeys = Array(repeating: Self.emptySlot, count: 1 << bits)
        slotTargets = Array(repeating: 0, count: 1 << bits)
        values = [0]
        branches = [false]
        for (string, value) in strings {
            var node = 0
            for u in string {
                let key = UInt32(node) << 16 | UInt32(u)
                var slot = Self.slot(of: key, shift: hashShift)
                while slotKeys[slot] != Self.emptySlot && slotKeys[slot] != key { slot = (slot + 1) & (slotKeys.count - 1) }
                if slotKeys[slot] == Self.emptySlot {
                    slotKeys[slot] = key
                    slotTargets[slot] = Int32(values.count)
                    branches[node] = true
                    values.append(0)
                    branches.append(false)
                }
                node = Int(slotTargets[slot])
            }
            values[node] = value
        }
    }

    private static func slot(of key: UInt32, shift: UInt32) -> Int {
        Int((key &* 0x9E37_79B1) >> shift)
    }

    /// The node reached from `node` by `unit`, or nil if no string goes on that way.
    func child(of node: Int, unit: UInt16) -> Int? {
        let key = UInt32(truncatingIfNeeded: node) << 16 | UInt32(unit)
        var slot = Self.slot(of: key, shift: hashShift)
        while true {
            let k = slotKeys[slot]
            if k == key { return Int(slotTargets[slot]) }
            if k == Self.emptySlot { return nil }
            slot = (slot + 1) & (slotKeys.count - 1)
        }
    }

    /// Whether a longer string goes on from `node`.
    func hasChildren(_ node: Int) -> Bool {
        branches[node]
    }

    /// Whether the trie holds no string.
    var isEmpty: Bool { values.count == 1 }
}

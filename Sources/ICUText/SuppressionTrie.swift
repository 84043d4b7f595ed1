/// A read-only trie over UTF-16 strings, each with a nonzero value, walked one unit at a time:
/// the form in which `SentenceSuppressions` keeps ICU's abbreviations (reversed for the
/// backward walk, as written for the forward one).
///
/// Nodes are numbered from 0 (the root); node `n`'s edges are `edgeUnits[edgeStart[n]..<edgeStart[n + 1]]`
/// with the matching `edgeTargets`. A node's value is 0 if no string ends there.
struct SuppressionTrie: Sendable {
    private var edgeStart: [Int32] = []
    private var edgeUnits: [UInt16] = []
    private var edgeTargets: [Int32] = []
    private(set) var values: [UInt8] = []

    /// The trie of `strings` (none empty, none twice), each with its value.
    init(_ strings: [(units: [UInt16], value: UInt8)]) {
        // Built with a dictionary of edges a node, then laid out flat.
        var edges: [[UInt16: Int]] = [[:]]
        var nodeValues: [UInt8] = [0]
        for (units, value) in strings {
            var node = 0
            for u in units {
                if let next = edges[node][u] {
                    node = next
                } else {
                    edges.append([:])
                    nodeValues.append(0)
                    edges[node][u] = edges.count - 1
                    node = edges.count - 1
                }
            }
            nodeValues[node] = value
        }
        values = nodeValues
        for nodeEdges in edges {
            edgeStart.append(Int32(edgeUnits.count))
            for (u, target) in nodeEdges.sorted(by: { $0.key < $1.key }) {
                edgeUnits.append(u)
                edgeTargets.append(Int32(target))
            }
        }
        edgeStart.append(Int32(edgeUnits.count))
    }

    /// The node reached from `node` by `unit`, or nil if no string goes on that way.
    func child(of node: Int, unit: UInt16) -> Int? {
        var e = Int(edgeStart[node])
        let end = Int(edgeStart[node + 1])
        while e < end {
            if edgeUnits[e] == unit { return Int(edgeTargets[e]) }
            e += 1
        }
        return nil
    }

    /// Whether a longer string goes on from `node`.
    func hasChildren(_ node: Int) -> Bool {
        edgeStart[node + 1] > edgeStart[node]
    }

    /// Whether the trie holds no string.
    var isEmpty: Bool { values.count == 1 }
}

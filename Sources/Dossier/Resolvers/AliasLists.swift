/// The aliases of each token key, in the order they were added, chained through one pool: no
/// array per key, and nothing to retain but the pool.
struct AliasLists {
    /// Per key: the pool indexes of its first and last alias.
    private var ends = KeyMap<Ends>()
    private var pool: [AliasResolver.Alias] = []
    /// Per alias: the pool index of the next alias of its key, or -1.
    private var next: [Int32] = []

    /// Room for `count` aliases without growing.
    init(capacity count: Int) {
        ends.reserveCapacity(count)
        pool.reserveCapacity(count)
        next.reserveCapacity(count)
    }

    var isEmpty: Bool { ends.isEmpty }
    /// The keys with aliases, in the order of their first alias.
    var keys: [UInt64] { ends.keys }

    func contains(_ key: UInt64) -> Bool { ends.contains(key) }

    mutating func append(_ alias: AliasResolver.Alias, to key: UInt64) {
        let index = Int32(pool.count)
        pool.append(alias)
        next.append(-1)
        // One probe of the key table: (-1, -1) stands for a key not seen yet.
        let last = Self.chain(index, to: &ends[key, default: Ends(first: -1, last: -1)])
        if last >= 0 { next[Int(last)] = index }
    }

    /// Makes alias `index` the last of a key's chain `ends`, and returns the alias it follows, or -1.
    private static func chain(_ index: Int32, to ends: inout Ends) -> Int32 {
        let last = ends.last
        if last < 0 { ends.first = index }
        ends.last = index
        return last
    }

    /// The aliases of `key`, in the order added.
    func aliases(of key: UInt64) -> Chain {
        Chain(pool: pool, links: next, index: ends[key].map { Int($0.first) } ?? -1)
    }

    /// The alias of `key` defined nearest before `position` (or at it), else its first one.
    func best(for key: UInt64, before position: Int) -> AliasResolver.Alias? {
        guard let first = ends[key]?.first else { return nil }
        var found = Int(first)
        var p = found
        while p >= 0 {
            if pool[p].position <= position { found = p }
            p = Int(next[p])
        }
        return pool[found]
    }

    /// The pool indexes of a key's first and last alias (a struct, not a tuple: its type needs
    /// no metadata made at run time).
    struct Ends {
        var first: Int32
        var last: Int32
    }

    /// One key's aliases.
    struct Chain: Sequence, IteratorProtocol {
        let pool: [AliasResolver.Alias]
        let links: [Int32]
        var index: Int

        mutating func next() -> AliasResolver.Alias? {
            guard index >= 0 else { return nil }
            defer { index = Int(links[index]) }
            return pool[index]
        }
    }
}

/// A set of token keys (`TokenKey` hashes), for the word lists every token is looked up in.
///
/// Swift's `Set` hashes each key with SipHash; token keys are already well-mixed 64-bit hashes,
/// so this open-addressing table spreads them with one multiply and probes linearly. The load
/// factor stays at or below one half. Iteration follows insertion order, so it is deterministic.
public struct KeySet: Sendable, Sequence, ExpressibleByArrayLiteral {
    /// Slot table: 0 marks an empty slot (the key 0 itself is tracked by `hasZero`).
    private var slots: [UInt64]
    private var shift: UInt64
    private var hasZero = false
    /// The members in insertion order.
    private var members: [UInt64] = []

    /// An empty set; its table is allocated on the first insertion.
    public init() {
        slots = []
        shift = 62
    }

    public init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        self.init()
        // Keys held in one buffer (an array: the gazetteer's name lists) go in through pointers,
        // without a uniqueness check and a room check a key; the same members in the same order.
        let inserted: Void? = keys.withContiguousStorageIfAvailable { insert(contentsOf: $0) }
        if inserted != nil { return }
        reserveCapacity(keys.underestimatedCount)
        for k in keys { insert(k) }
    }

    /// Room for `n` members without growing the table.
    public mutating func reserveCapacity(_ n: Int) {
        members.reserveCapacity(n)
        reserveSlots(n)
    }

    /// A slot table for `n` members, the members so far placed in it.
    private mutating func reserveSlots(_ n: Int) {
        guard (n + 1) * 2 > slots.count else { return }
        var capacity = 8
        var shift: UInt64 = 61
        while (n + 1) * 2 > capacity {
            capacity *= 2
            shift -= 1
        }
        self.shift = shift
        slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for key in members where key != 0 {
            var i = KeySlot.home(key, shift)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = key
        }
    }

    public init(arrayLiteral elements: UInt64...) { self.init(elements) }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    @inline(__always) public func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        if slots.isEmpty { return false }
        return slots.withUnsafeBufferPointer { table in table[KeySlot.find(key, shift, in: table)] != 0 }
    }

    @discardableResult
    public mutating func insert(_ key: UInt64) -> (inserted: Bool, memberAfterInsert: UInt64) {
        if key == 0 {
            if hasZero { return (false, 0) }
            hasZero = true
            members.append(0)
            return (true, 0)
        }
        if (members.count + 1) * 2 > slots.count { grow() }
        let shift = self.shift
        let added = slots.withUnsafeMutableBufferPointer { table -> Bool in
            let mask = table.count &- 1
            var i = KeySlot.home(key, shift)
            while true {
                let s = table[i]
                if s == key { return false }
                if s == 0 { break }
                i = (i &+ 1) & mask
            }
            table[i] = key
            return true
        }
        if added { members.append(key) }
        return (added, key)
    }

    public mutating func formUnion<S: Sequence>(_ other: S) where S.Element == UInt64 {
        for k in other { insert(k) }
    }

    /// Inserts `candidates`, as `insert` would one by one, but with room made once for all of
    /// them and the tables written through pointers: the form for a set built from a whole
    /// document's tokens.
    mutating func insert(contentsOf candidates: UnsafeBufferPointer<UInt64>) {
        guard !candidates.isEmpty else { return }
        // An empty set takes the new members' array as its own (no room made and no copy).
        let fresh = members.isEmpty
        if fresh { reserveSlots(candidates.count) } else { reserveCapacity(members.count + candidates.count) }
        let shift = self.shift
        var zero = hasZero
        // `reserveCapacity` made room for every candidate, so the slot table does not grow here.
        let appended = [UInt64](unsafeUninitializedCapacity: candidates.count) { out, n in
            var added = 0
            slots.withUnsafeMutableBufferPointer { table in
                for key in candidates {
                    if key == 0 {
                        if !zero { zero = true; out[added] = 0; added &+= 1 }
                        continue
                    }
                    // One branch a key, which most keys leave at their home slot: a key seen
                    // before (about half of a document's words) is written over itself, and the
                    // count of members moves on only for a new one.
                    let i = KeySlot.find(key, shift, in: UnsafeBufferPointer(table))
                    let s = table[i]
                    table[i] = key
                    out[added] = key
                    added &+= s == 0 ? 1 : 0
                }
            }
            n = added
        }
        hasZero = zero
        if fresh { members = appended } else { members.append(contentsOf: appended) }
    }

    public func union<S: Sequence>(_ other: S) -> KeySet where S.Element == UInt64 {
        var out = self
        out.formUnion(other)
        return out
    }

    public func makeIterator() -> IndexingIterator<[UInt64]> { members.makeIterator() }

    private mutating func grow() { reserveCapacity(members.count + 1) }
}

/// A dictionary from token keys to values, with `KeySet`'s hashing: one multiply, linear probing,
/// insertion-ordered iteration. Entries are never removed.
public struct KeyMap<Value>: Sequence, ExpressibleByDictionaryLiteral {
    /// Slot table of keys (0: empty, the key 0 lives in `zeroIndex`) and their entry indices.
    private var slotKeys: [UInt64]
    private var slotEntries: [Int32]
    private var shift: UInt64
    private var zeroIndex: Int32 = -1
    /// Keys and values in insertion order.
    public private(set) var keys: [UInt64] = []
    public private(set) var values: [Value] = []

    /// An empty map; its table is allocated on the first insertion.
    public init() {
        slotKeys = []
        slotEntries = []
        shift = 64
    }

    public init(dictionaryLiteral elements: (UInt64, Value)...) {
        self.init()
        for (k, v) in elements { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Room for `n` entries without growing the table.
    public mutating func reserveCapacity(_ n: Int) {
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
        guard n * 2 > slotKeys.count else { return }
        var capacity = Swift.max(slotKeys.count, 4)
        shift = 64 - UInt64(capacity.trailingZeroBitCount)
        while n * 2 > capacity {
            capacity *= 2
            shift -= 1
        }
        slotKeys = [UInt64](repeating: 0, count: capacity)
        slotEntries = [Int32](repeating: -1, count: capacity)
        for (i, key) in keys.enumerated() where key != 0 { place(key, Int32(i)) }
    }

    /// The entry index of `key`, or -1.
    @inline(__always) private func entry(_ key: UInt64) -> Int {
        if key == 0 { return Int(zeroIndex) }
        if slotKeys.isEmpty { return -1 }
        let slot: Int = slotKeys.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var i = KeySlot.home(key, shift)
            while true {
                let s = table[i]
                if s == key { return i }
                if s == 0 { return -1 }
                i = (i + 1) & mask
            }
        }
        return slot < 0 ? -1 : Int(slotEntries[slot])
    }

    /// Adds a new key with its value and returns its entry index.
    private mutating func add(_ key: UInt64, _ value: Value) -> Int {
        let index = keys.count
        keys.append(key)
        values.append(value)
        if key == 0 {
            zeroIndex = Int32(index)
            return index
        }
        if keys.count * 2 > slotKeys.count { grow() } else { place(key, Int32(index)) }
        return index
    }

    private mutating func place(_ key: UInt64, _ index: Int32) {
        let shift = self.shift
        let slot = slotKeys.withUnsafeMutableBufferPointer { table -> Int in
            let mask = table.count &- 1
            var i = KeySlot.home(key, shift)
            while table[i] != 0 { i = (i &+ 1) & mask }
            table[i] = key
            return i
        }
        slotEntries[slot] = index
    }

    private mutating func grow() { reserveCapacity(Swift.max(4, slotKeys.count)) }

    @inline(__always) public func contains(_ key: UInt64) -> Bool { entry(key) >= 0 }

    /// The value of `key`; setting adds or replaces (setting nil is not supported: entries stay).
    public subscript(key: UInt64) -> Value? {
        @inline(__always) get {
            let e = entry(key)
            return e >= 0 ? values[e] : nil
        }
        set {
            guard let newValue else { preconditionFailure("KeyMap entries cannot be removed") }
            let e = entry(key)
            if e >= 0 { values[e] = newValue } else { _ = add(key, newValue) }
        }
    }

    public subscript(key: UInt64, default defaultValue: @autoclosure () -> Value) -> Value {
        get {
            let e = entry(key)
            return e >= 0 ? values[e] : defaultValue()
        }
        _modify {
            var e = entry(key)
            if e < 0 { e = add(key, defaultValue()) }
            yield &values[e]
        }
    }

    public struct Iterator: IteratorProtocol {
        fileprivate let map: KeyMap<Value>
        fileprivate var index = 0
        public mutating func next() -> (key: UInt64, value: Value)? {
            guard index < map.keys.count else { return nil }
            defer { index += 1 }
            return (map.keys[index], map.values[index])
        }
    }

    public func makeIterator() -> Iterator { Iterator(map: self) }
}

extension KeyMap: Sendable where Value: Sendable {}

/// The home slot of a key: Fibonacci hashing of the (already hashed) token key.
enum KeySlot {
    @inline(__always) static func home(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot that holds `key`, or the empty slot where it would go: linear probing from its home
    /// slot, in a table of a power-of-two size that is never full (0 marks an empty slot, so the
    /// key 0 is kept apart by every table).
    @inline(__always) static func find(_ key: UInt64, _ shift: UInt64, in table: UnsafeBufferPointer<UInt64>) -> Int {
        let mask = table.count &- 1
        var i = home(key, shift)
        while true {
            let s = table[i]
            if s == key || s == 0 { return i }
            i = (i &+ 1) & mask
        }
    }
}

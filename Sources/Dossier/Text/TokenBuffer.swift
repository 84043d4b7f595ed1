/// A growable buffer of tokens without Array's per-append uniqueness check, for the tokenizer's
/// hot loop. The owner calls `deallocate()` once, after `array()` has copied the tokens out.
struct TokenBuffer {
    private var base: UnsafeMutablePointer<Token>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ token: Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// The tokens, copied into an array of exactly their count.
    func array() -> [Token] {
        [Token](unsafeUninitializedCapacity: count) { out, n in
            _ = out.initialize(fromContentsOf: UnsafeBufferPointer(start: base, count: count))
            n = count
        }
    }

    func deallocate() { base.deallocate() }
}

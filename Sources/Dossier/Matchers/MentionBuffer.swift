/// Entity mentions as the recognizer finds them: each built straight into storage of the
/// buffer's own, then all moved into an array at once. (`Array.append` of a new mention built it
/// in a temporary, copied it and destroyed the temporary: two switches over its names, a retain
/// and a release a mention.)
///
/// A plain struct over raw storage: whoever makes one calls `moveToArray()` once, and a copy of
/// it must not be used after that or after a `append` through another copy.
struct MentionBuffer {
    private var base: UnsafeMutablePointer<EntityMention>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 8)
        base = .allocate(capacity: self.capacity)
    }

    /// Appends the mention `make` builds, built in place once there is room for it.
    @inline(__always) mutating func append(_ make: @autoclosure () -> EntityMention) {
        if count == capacity { grow() }
        (base + count).initialize(to: make())
        count &+= 1
    }

    /// The end of the last mention's tokens (read in place); there must be one.
    var lastTokenEnd: Int {
        precondition(count > 0, "no mention appended")
        return base[count &- 1].tokens.upperBound
    }

    @inline(never) private mutating func grow() {
        let larger = UnsafeMutablePointer<EntityMention>.allocate(capacity: capacity &* 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity &*= 2
    }

    /// The mentions, in the order appended, moved out (no copies, no retains); the storage is
    /// freed and the buffer must not be used again.
    consuming func moveToArray() -> [EntityMention] {
        let n = count, source = base
        let mentions = [EntityMention](unsafeUninitializedCapacity: n) { out, initialized in
            if n > 0 { out.baseAddress!.moveInitialize(from: source, count: n) }
            initialized = n
        }
        source.deallocate()
        return mentions
    }
}

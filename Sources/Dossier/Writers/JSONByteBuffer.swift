/// A growable byte buffer that the JSON encoder writes through a raw pointer. Each writer reserves
/// room for the most bytes its value can take once, then stores without further checks: no
/// uniqueness or capacity check a byte, as appending to `[UInt8]` costs.
///
/// The buffer owns its storage but is a plain struct: whoever creates one calls `deallocate()`, and
/// a copy must not outlive a `reserve` made through another copy.
struct JSONByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the storage. The buffer (and every copy of it) is unusable afterwards.
    func deallocate() { base.deallocate() }

    /// The bytes written so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Forgets the bytes written, keeping the storage.
    mutating func removeAll() { count = 0 }

    /// Makes room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if count &+ n > capacity { grow(toAtLeast: count + n) }
    }

    @inline(never) mutating func grow(toAtLeast needed: Int) {
        var newCapacity = capacity &* 2
        while newCapacity < needed { newCapacity &*= 2 }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        storage.initialize(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = newCapacity
    }

    /// The first free byte; write at most the reserved number of bytes, then call `advance(to:)`.
    @inline(__always) var end: UnsafeMutablePointer<UInt8> { base + count }

    /// Marks the bytes up to `p` (from `end`, within the reserved room) as written.
    @inline(__always) mutating func advance(to p: UnsafeMutablePointer<UInt8>) { count = p - base }

    /// Appends one byte, with room reserved.
    @inline(__always) mutating func put(_ b: UInt8) {
        base[count] = b
        count &+= 1
    }

    /// Appends `", "` or `": "`-like pairs of bytes, with room reserved.
    @inline(__always) mutating func put(_ a: UInt8, _ b: UInt8) {
        base[count] = a
        base[count &+ 1] = b
        count &+= 2
    }

    /// Appends bytes, reserving room for them.
    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count &+= bytes.count
    }

    /// Bytes that `appendPadded` may read past the end of its source.
    static let padding = 16

    /// Appends `count` bytes from `source`, which must be followed by `padding` readable bytes:
    /// copied eight at a time, inline, as short runs (keys) are faster copied so than by `memcpy`.
    @inline(__always) mutating func appendPadded(_ source: UnsafePointer<UInt8>, count n: Int) {
        reserve(n &+ Self.padding)
        putPadded(source, count: n)
    }

    /// `appendPadded`, with room reserved for `count + padding` bytes. Runs of up to 16 bytes (keys,
    /// most values) take two stores.
    @inline(__always) mutating func putPadded(_ source: UnsafePointer<UInt8>, count n: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(base + count)
        to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
        var i = 16
        while i < n {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
            i &+= 8
        }
        count &+= n
    }

    /// Appends ASCII text, reserving room for it. A literal's length is known where this is inlined:
    /// up to 32 bytes are copied with overlapping word loads and stores, without calling `memcpy`.
    @inline(__always) mutating func append(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        guard n >= 4, n <= 32 else { return s.withUTF8Buffer { append($0) } }
        reserve(n)
        putShort(UnsafeRawPointer(s.utf8Start), count: n)
    }

    /// Appends ASCII text (a literal of 4 to 64 bytes; others take `memcpy`), with room reserved:
    /// copied as overlapping words, which unroll where the literal's length is known.
    @inline(__always) mutating func putLiteral(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        let from = UnsafeRawPointer(s.utf8Start)
        if n >= 4 && n <= 32 { return putShort(from, count: n) }
        guard n > 32, n <= 64 else {
            (base + count).initialize(from: s.utf8Start, count: n)
            count &+= n
            return
        }
        let to = UnsafeMutableRawPointer(base + count)
        var i = 0
        while i < n &- 8 {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
            i &+= 8
        }
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self), toByteOffset: n &- 8, as: UInt64.self)
        count &+= n
    }

    /// Appends `count` (4 to 32) bytes from `source`, with room reserved: each word read and stored
    /// lies within the `count` bytes (the last ones overlap the first).
    @inline(__always) mutating func putShort(_ source: UnsafeRawPointer, count n: Int) {
        let to = UnsafeMutableRawPointer(base + count)
        if n < 8 {
            to.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
            to.storeBytes(of: source.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self), toByteOffset: n &- 4, as: UInt32.self)
        } else if n <= 16 {
            to.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            to.storeBytes(of: source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self), toByteOffset: n &- 8, as: UInt64.self)
        } else {
            to.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            to.storeBytes(of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
            to.storeBytes(of: source.loadUnaligned(fromByteOffset: n &- 16, as: UInt64.self), toByteOffset: n &- 16, as: UInt64.self)
            to.storeBytes(of: source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self), toByteOffset: n &- 8, as: UInt64.self)
        }
        count &+= n
    }
}

/// A writer of tokens into the uninitialised storage of an array being made, for the
/// tokenizer's hot loop: no per-append uniqueness or capacity check (the writer asks
/// `hasRoom(for:)` first) and no copy afterwards. `count` is the number of tokens written.
struct TokenBuffer {
    private let storage: UnsafeMutableBufferPointer<Token>
    private(set) var count = 0

    init(_ storage: UnsafeMutableBufferPointer<Token>) {
        self.storage = storage
    }

    /// Whether `n` more tokens fit.
    @inline(__always)
    func hasRoom(for n: Int) -> Bool { count &+ n <= storage.count }

    /// How many more tokens fit.
    @inline(__always)
    var room: Int { storage.count &- count }

    /// Writes a token; the caller has checked `hasRoom(for:)`.
    @inline(__always)
    mutating func append(_ token: Token) {
        storage.initializeElement(at: count, to: token)
        count &+= 1
    }

    /// Writes a token given as `Token.Packed`'s three words, in three stores instead of one a
    /// field; the caller has checked `hasRoom(for:)`.
    @inline(__always)
    mutating func append(span: UInt64, flags: UInt32, key: UInt64) {
        // `storage` holds `count` tokens and room for more (checked by the caller), and a Token is
        // a trivial type, so its bytes may be written straight (layout: `Token.Packed`).
        let slot = UnsafeMutableRawPointer(storage.baseAddress.unsafelyUnwrapped + count)
        slot.storeBytes(of: span, toByteOffset: Token.Packed.spanOffset, as: UInt64.self)
        slot.storeBytes(of: flags, toByteOffset: Token.Packed.flagsOffset, as: UInt32.self)
        slot.storeBytes(of: key, toByteOffset: Token.Packed.keyOffset, as: UInt64.self)
        count &+= 1
    }
}

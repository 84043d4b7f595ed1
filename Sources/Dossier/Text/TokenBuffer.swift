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

    /// Writes a token; the caller has checked `hasRoom(for:)`.
    @inline(__always)
    mutating func append(_ token: Token) {
        storage.initializeElement(at: count, to: token)
        count &+= 1
    }
}

/// The slug of a name, as local ids spell it ("Qasim al-Araji" → "qasim-al-araji"): ASCII letters
/// lowered and digits kept, one dash for each run of other characters between them (a UTF-8
/// continuation byte adds none), none at either end. Written straight into a buffer, so that the
/// resolvers and the record writer share one loop and neither needs a string for it.
enum Slug {
    /// Writes the slug of the UTF-8 `bytes` at `out`, which has room for `bytes.count` bytes (a slug
    /// is never longer than its name), and returns its length.
    @inline(__always)
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        var dash = false
        for b in bytes {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                out[n] = b; n &+= 1
                dash = false
            } else if b >= 0x41 && b <= 0x5A {
                out[n] = b &+ 0x20; n &+= 1
                dash = false
            } else if n > 0, !dash, b < 0x80 || b >= 0xC0 {
                out[n] = 0x2D; n &+= 1
                dash = true
            }
        }
        // At most one dash ends it: a dash is never written after another.
        if dash { n &-= 1 }
        return n
    }
}

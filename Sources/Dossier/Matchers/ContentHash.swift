/// A fast 64-bit checksum of byte buffers: Fletcher-style sums of 8-byte words in eight lanes
/// (a plain sum and a sum of the running sums, so that moved bytes change it too), finished with
/// a mixing step. The key of the gazetteer cache (over the source files) and the checksum of a
/// cache file; not cryptographic. The same sequence of `add` calls always gives the same value.
struct ContentHash {
    private var sums: SIMD8<UInt64>
    private var runningSums: SIMD8<UInt64>

    init(seed: UInt64) {
        sums = SIMD8(0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89,
                     0x4528_21E6_38D0_1377, 0xBE54_66CF_34E9_0C6C, 0xC0AC_29B7_C97C_50DD, 0x3F84_D5B5_B547_0917) ^ SIMD8(repeating: seed)
        runningSums = SIMD8(repeating: seed)
    }

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        let n = raw.count
        var s = sums, r = runningSums
        var i = 0
        if let base = raw.baseAddress {
            while n &- i >= 64 {
                s &+= base.loadUnaligned(fromByteOffset: i, as: SIMD8<UInt64>.self)
                r &+= s
                i &+= 64
            }
        }
        // The last bytes, zero-padded, and the length.
        var last = SIMD8<UInt64>(repeating: 0)
        if i < n {
            withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[i...])) }
        }
        s &+= last
        r &+= s
        s &+= SIMD8(UInt64(n), 1, 2, 3, 4, 5, 6, 7)
        r &+= s
        (sums, runningSums) = (s, r)
    }

    mutating func add(_ string: String) {
        var s = string
        s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    var value: UInt64 {
        var h: UInt64 = 0
        for lane in 0..<8 {
            h = Self.mix(h ^ sums[lane])
            h = Self.mix(h ^ runningSums[lane])
        }
        return h
    }

    /// The finaliser of MurmurHash3.
    private static func mix(_ x: UInt64) -> UInt64 {
        var h = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}

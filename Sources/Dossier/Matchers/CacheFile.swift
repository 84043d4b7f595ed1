import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds a gazetteer cache file: arrays of plain values (integers, or structs of them stored as
/// their bytes), whose sizes in bytes go in the header and whose elements follow it back to back (see `GazetteerCache` for the layout).
struct CacheFileWriter {
    private var sizes: [UInt64] = []
    private var body: [UInt8] = []

    mutating func put<T: BitwiseCopyable>(_ array: [T]) {
        sizes.append(UInt64(array.count * MemoryLayout<T>.stride))
        array.withUnsafeBytes { body.append(contentsOf: $0) }
    }

    /// The whole file, with its header. The checksum adds the arrays one by one, as the reader does.
    func file(hash: UInt64) -> [UInt8] {
        var checksum = ContentHash(seed: GazetteerCache.formatVersion)
        sizes.withUnsafeBytes { checksum.add($0) }
        body.withUnsafeBytes { raw in
            var start = 0
            for size in sizes {
                checksum.add(UnsafeRawBufferPointer(rebasing: raw[start..<(start + Int(size))]))
                start += Int(size)
            }
        }
        let head: [UInt64] = [UInt64(GazetteerCache.magic) | GazetteerCache.formatVersion << 32, hash, checksum.value, UInt64(sizes.count)]
        var out: [UInt8] = []
        out.reserveCapacity((head.count + sizes.count) * 8 + body.count)
        head.withUnsafeBytes { out.append(contentsOf: $0) }
        sizes.withUnsafeBytes { out.append(contentsOf: $0) }
        out.append(contentsOf: body)
        return out
    }
}

/// Reads a gazetteer cache file's arrays in the order they were written, each straight from the
/// file into the array's storage, checksumming them on the way. Every read is checked against
/// the header, and the header against the file's size: a short, long or damaged file gives nil,
/// never a crash.
struct CacheFileReader {
    private let file: Int32
    private var sizes: [UInt64] = []
    private var next = 0
    private var checksum = ContentHash(seed: GazetteerCache.formatVersion)
    private var expectedChecksum: UInt64 = 0
    private var failed = false

    /// Opens the file and checks its header: magic, version, source hash, and that the arrays
    /// it announces fill the rest of the file exactly.
    init?(_ url: URL, expecting hash: UInt64, arrays: Int) {
        file = open(url.path, O_RDONLY)
        guard file >= 0 else { return nil }
        var info = stat()
        var head = [UInt64](repeating: 0, count: 4)
        guard fstat(file, &info) == 0, Self.read(file, into: &head),
              head[0] == UInt64(GazetteerCache.magic) | GazetteerCache.formatVersion << 32, head[1] == hash, head[3] == UInt64(arrays) else {
            close()
            return nil
        }
        expectedChecksum = head[2]
        sizes = [UInt64](repeating: 0, count: arrays)
        guard Self.read(file, into: &sizes) else {
            close()
            return nil
        }
        sizes.withUnsafeBytes { checksum.add($0) }
        // The arrays must fill the rest of the file exactly (each is at most that, so the sum cannot overflow).
        let fileSize = Int64(info.st_size), headerSize = Int64(8 * (head.count + arrays))
        let available = fileSize >= headerSize ? UInt64(fileSize - headerSize) : 0
        var total: UInt64 = 0
        for size in sizes where size <= available { total += size }
        guard fileSize >= headerSize, sizes.allSatisfy({ $0 <= available }), total == available else {
            close()
            return nil
        }
    }

    func close() {
        #if canImport(Glibc)
        _ = Glibc.close(file)
        #elseif canImport(Darwin)
        _ = Darwin.close(file)
        #endif
    }

    /// Whether every array has been read.
    var isAtEnd: Bool { !failed && next == sizes.count }

    /// Whether the arrays read so far, and the header's sizes, have the checksum the header gives.
    var checksumMatches: Bool { !failed && checksum.value == expectedChecksum }

    /// The next array, or nil if it does not hold whole elements of `T` or cannot be read.
    /// `T` is an integer type, or a struct whose bytes the caller checks (see `GazetteerCache`).
    mutating func array<T: BitwiseCopyable>(_: T.Type) -> [T]? {
        guard !failed, next < sizes.count, sizes[next] % UInt64(MemoryLayout<T>.stride) == 0 else {
            failed = true
            return nil
        }
        let count = Int(sizes[next]) / MemoryLayout<T>.stride
        next += 1
        var complete = false
        let out = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            complete = Self.read(file, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = complete ? count : 0
        }
        guard complete else {
            failed = true
            return nil
        }
        out.withUnsafeBytes { checksum.add($0) }
        return out
    }

    /// Fills `array` from the file; false if the file ends first or cannot be read.
    private static func read<T: BitwiseCopyable>(_ file: Int32, into array: inout [T]) -> Bool {
        array.withUnsafeMutableBytes { read(file, into: $0) }
    }

    /// Fills `buffer` from the file; false if the file ends first or cannot be read.
    private static func read(_ file: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var done = 0
        while done < buffer.count {
            let n = unistdRead(file, buffer.baseAddress! + done, buffer.count - done)
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}

#if canImport(Glibc)
private let unistdRead = Glibc.read
#elseif canImport(Darwin)
private let unistdRead = Darwin.read
#endif

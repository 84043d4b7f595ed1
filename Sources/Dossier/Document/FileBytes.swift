import Foundation

/// Reads a whole file, or standard input for "-", refusing files over a size limit before reading them.
enum FileBytes {
    enum Failure: Error {
        case tooLarge(Int)
        case system(String)
    }

    static func read(path: String, limit: Int) throws(Failure) -> [UInt8] {
        if path == "-" { return try readBounded(FileHandle.standardInput, limit: limit) }
        // POSIX calls: FileManager's attributes cost ~40 µs a file (owner and group names are looked up).
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            switch errno {
            case ENOENT, ENOTDIR: throw .system("no such file")
            case EACCES, EPERM: throw .system("permission denied")
            default: throw .system(String(cString: strerror(errno)))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system("cannot stat") }
        if info.st_mode & S_IFMT == S_IFDIR { throw .system("is a directory") }
        let size = Int(info.st_size)
        if size > limit { throw .tooLarge(size) }
        // Read to the end (the size may be wrong for devices and growing files), at most limit + 1
        // bytes. The first buffer is not zeroed first: the read fills it.
        let cap = limit < Int.max ? limit + 1 : limit
        var count = 0, atEnd = false
        var failure: String?
        var bytes = [UInt8](unsafeUninitializedCapacity: Swift.min(Swift.max(size, 4096) + 1, cap)) { buffer, initialized in
            (count, atEnd, failure) = fill(UnsafeMutableRawBufferPointer(buffer), from: fd)
            initialized = count
        }
        if let failure { throw .system(failure) }
        while !atEnd {
            // The file outgrew its reported size: grow (zeroed) and read on.
            if count > limit { throw .tooLarge(count) }
            bytes.append(contentsOf: repeatElement(0, count: Swift.min(Swift.max(count, 4096), cap - count)))
            let (n, end, error) = bytes.withUnsafeMutableBytes { fill(UnsafeMutableRawBufferPointer(rebasing: $0[count...]), from: fd) }
            if let error { throw .system(error) }
            count += n
            atEnd = end
        }
        if count > limit { throw .tooLarge(count) }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Reads from `fd` into `buffer` until it is full or the file ends: the bytes read, whether the
    /// file ended, and the reason of a failure.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from fd: Int32) -> (count: Int, atEnd: Bool, failure: String?) {
        var count = 0
        while count < buffer.count {
            let n = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
            if n < 0 {
                if errno == EINTR { continue }
                return (count, false, String(cString: strerror(errno)))
            }
            if n == 0 { return (count, true, nil) }
            count += n
        }
        return (count, false, nil)
    }

    /// Reads to the end, but never more than `limit` + 1 bytes: a pipe, a device (/dev/zero) or a
    /// file growing while read reports no size, or a wrong one, and would otherwise be read whole.
    /// Over the limit, the error gives the bytes read so far (at least `limit` + 1).
    static func readBounded(_ handle: FileHandle, limit: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - bytes.count))
            } catch {
                throw .system(error.localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { return bytes }
            bytes.append(contentsOf: chunk)
            if bytes.count > limit { throw .tooLarge(bytes.count) }
        }
    }
}

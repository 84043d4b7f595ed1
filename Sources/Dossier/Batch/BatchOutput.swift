import Foundation

/// Where a batch run writes: a file or standard output, written one document per `write` call
/// with no buffering in between, so that each document is out of the process as soon as it is done.
final class BatchOutput {
    let fd: Int32
    let path: String
    private let owns: Bool
    /// Bytes in the file (for a file output).
    private(set) var size: Int

    /// Standard output.
    init() {
        fd = STDOUT_FILENO
        path = "-"
        owns = false
        size = 0
    }

    /// Opens (or creates) `path` for writing without changing it; `truncate(to:)` then sets where writing starts.
    init(path: String) throws(BatchError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .output("\(path): cannot open for writing: \(Self.lastError())") }
        fd = descriptor
        self.path = path
        owns = true
        size = 0
    }

    /// Cuts a file output to `length` bytes (what a progress file committed) and writes on from there.
    func truncate(to length: Int) throws(BatchError) {
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG {
            guard ftruncate(fd, off_t(length)) == 0 else { throw .output("\(path): cannot truncate: \(Self.lastError())") }
            guard lseek(fd, off_t(length), SEEK_SET) >= 0 else { throw .output("\(path): cannot seek: \(Self.lastError())") }
        }
        size = length
    }

    deinit { if owns { close(fd) } }

    /// Writes all of `bytes`, retrying short writes.
    func write(_ bytes: [UInt8]) throws(BatchError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .output("\(path): cannot write: \(Self.lastError())")
            }
            done += n
        }
        size += bytes.count
    }

    /// Asks the system to put the written bytes on disk (ignored for pipes and terminals).
    func sync() throws(BatchError) {
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
            throw .output("\(path): cannot sync: \(Self.lastError())")
        }
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

import Foundation

/// Reads lines from a file descriptor in chunks without holding more than one line (up to a
/// limit): longer lines are skipped and reported by their length.
final class LineReader {
    /// What `next()` finds.
    enum Line {
        case line([UInt8])
        case tooLong(Int)
        case readError(String)
    }

    let fd: Int32
    let ownsDescriptor: Bool
    let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private(set) var lineNumber = 0

    init(fd: Int32, ownsDescriptor: Bool, limit: Int) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
        self.limit = limit
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// The next line without its newline (a final line without one counts), or nil at the end.
    func next() -> Line? {
        var skipped = 0
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                defer { start = nl + 1 }
                if skipped > 0 { return .tooLong(skipped + nl - start) }
                return .line(Array(buffer[start..<nl]))
            }
            if atEnd {
                guard start < buffer.count || skipped > 0 else { return nil }
                lineNumber += 1
                defer { buffer.removeAll(); start = 0 }
                if skipped > 0 { return .tooLong(skipped + buffer.count - start) }
                return .line(Array(buffer[start...]))
            }
            if buffer.count - start > limit {
                skipped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if start > 0 && start * 2 >= buffer.count {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            if let error = fill() { return .readError(error) }
        }
    }

    private func fill() -> String? {
        let chunk = 1 << 16
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, chunk) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                buffer.removeSubrange(old...)
                atEnd = true
                return String(cString: strerror(errno))
            }
            buffer.removeSubrange((old + n)...)
            if n == 0 { atEnd = true }
            return nil
        }
    }
}

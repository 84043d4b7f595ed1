import Foundation

/// The state of a run after its last whole document: how many documents are in the output, the
/// output's length then, the totals so far and a hash of the last document's id.
public struct BatchProgress: Sendable, Equatable {
    public var documents = 0
    public var outputBytes = 0
    public var records = 0
    public var errors = 0
    public var inputBytes = 0
    public var lastIDHash: UInt64 = 0

    public init() {}
}

/// The progress file `OUTPUT.progress` beside a batch output: the unit of commit is one document.
/// After each document's records are written, the writer records the new `BatchProgress` here;
/// `--resume` truncates the output to the committed length (dropping a partly written document)
/// and skips the committed documents. The file is a 128-byte header (format and the run's
/// fingerprint) and two 128-byte slots written alternately, each with a checksum, so a write torn
/// by a crash leaves the other slot intact. It is removed when the run completes.
final class BatchCheckpoint {
    static let slotSize = 128
    static let magic = "dossier-batch-progress 1"

    let path: String
    let fingerprint: UInt64
    private let fd: Int32

    /// Creates (or empties) the progress file with zero documents done.
    init(creating path: String, fingerprint: UInt64) throws(BatchError) {
        self.path = path
        self.fingerprint = fingerprint
        fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .output("\(path): cannot create: \(BatchOutput.lastError())") }
        var header = Self.padded("\(Self.magic) \(Self.hex(fingerprint))")
        header += Self.slot(BatchProgress())
        header += Self.slot(BatchProgress())
        try write(header, at: 0)
    }

    /// Opens an existing progress file for `--resume`: returns nil when there is none.
    init?(resuming path: String, fingerprint: UInt64) throws(BatchError) {
        self.path = path
        self.fingerprint = fingerprint
        fd = open(path, O_RDWR | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .output("\(path): cannot open: \(BatchOutput.lastError())")
        }
    }

    deinit { close(fd) }

    /// The committed progress: the valid slot with more documents (zero if neither is valid,
    /// which only a crash while creating the file leaves). Throws when the file belongs to another run.
    func read() throws(BatchError) -> BatchProgress {
        var bytes = [UInt8](repeating: 0, count: Self.slotSize * 3)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        guard n >= 0 else { throw .output("\(path): cannot read: \(BatchOutput.lastError())") }
        bytes.removeSubrange(max(0, n)...)
        if bytes.count < Self.slotSize { return BatchProgress() }
        let header = String(decoding: bytes[0..<Self.slotSize], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard header.hasPrefix(Self.magic) else { throw .resumeMismatch("\(path) is not a dossier batch progress file") }
        guard header == "\(Self.magic) \(Self.hex(fingerprint))" else {
            throw .resumeMismatch("\(path) belongs to a run with other inputs or options; run without --resume to start again")
        }
        var best = BatchProgress()
        for k in 0..<2 {
            let from = Self.slotSize * (k + 1)
            guard bytes.count >= from + Self.slotSize,
                  let p = Self.parse(String(decoding: bytes[from..<from + Self.slotSize], as: UTF8.self)) else { continue }
            if p.documents > best.documents { best = p }
        }
        return best
    }

    /// Records `progress` (after the output holds its documents).
    func commit(_ progress: BatchProgress) throws(BatchError) {
        try write(Self.slot(progress), at: Self.slotSize * (1 + progress.documents % 2))
    }

    /// Removes the file: the run is complete.
    func remove() {
        unlink(path)
    }

    private func write(_ bytes: [UInt8], at offset: Int) throws(BatchError) {
        let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, off_t(offset)) }
        guard n == bytes.count else { throw .output("\(path): cannot write: \(BatchOutput.lastError())") }
    }

    // MARK: Format

    static func slot(_ p: BatchProgress) -> [UInt8] {
        let body = "n=\(p.documents) out=\(p.outputBytes) rec=\(p.records) err=\(p.errors) in=\(p.inputBytes) last=\(hex(p.lastIDHash))"
        return padded("\(body) sum=\(hex(fnv1a(Array(body.utf8))))")
    }

    static func parse(_ text: String) -> BatchProgress? {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let sumRange = line.range(of: " sum=") else { return nil }
        let body = String(line[..<sumRange.lowerBound])
        guard String(line[sumRange.upperBound...]) == hex(fnv1a(Array(body.utf8))) else { return nil }
        var fields: [String: String] = [:]
        for part in body.split(separator: " ") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { fields[String(kv[0])] = String(kv[1]) }
        }
        guard let n = fields["n"].flatMap(Int.init), let out = fields["out"].flatMap(Int.init),
              let rec = fields["rec"].flatMap(Int.init), let err = fields["err"].flatMap(Int.init),
              let inBytes = fields["in"].flatMap(Int.init), let last = fields["last"].flatMap({ UInt64($0, radix: 16) }) else { return nil }
        var p = BatchProgress()
        p.documents = n; p.outputBytes = out; p.records = rec; p.errors = err; p.inputBytes = inBytes; p.lastIDHash = last
        return p
    }

    static func padded(_ s: String) -> [UInt8] {
        var bytes = Array(s.utf8.prefix(slotSize - 1))
        bytes += repeatElement(UInt8(ascii: " "), count: slotSize - 1 - bytes.count)
        bytes.append(0x0A)
        return bytes
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// FNV-1a, 64 bits: stable across runs and platforms, unlike `Hasher`.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}

import Foundation

/// Lists the documents of a run's inputs in order, lazily: one folder listing and one JSON line at
/// a time, so that a corpus of millions never sits in memory. Used by one thread at a time.
public final class BatchEnumerator {
    let inputs: [BatchInput]
    let lineLimit: Int
    private var inputIndex = 0
    private var walker: FolderWalker?
    private var lines: LineReader?
    private var linesName = ""
    private var index = 0

    /// `maxDocBytes` bounds the JSON lines kept in memory (a line may escape its text up to 6 times).
    public init(inputs: [BatchInput], maxDocBytes: Int) {
        self.inputs = inputs
        let (product, overflow) = maxDocBytes.multipliedReportingOverflow(by: 6)
        lineLimit = overflow ? Int.max / 2 : product + 4096
    }

    /// How many items have been handed out.
    public var count: Int { index }

    /// The next document, or nil when every input is done.
    public func next() -> BatchItem? {
        guard let item = nextItem() else { return nil }
        index += 1
        return item
    }

    /// Skips `n` documents (for `--resume`) and returns the last one skipped, if any.
    public func skip(_ n: Int) -> BatchItem? {
        var last: BatchItem?
        while index < n, let item = next() { last = item }
        return last
    }

    private func nextItem() -> BatchItem? {
        while true {
            if walker != nil {
                switch walker!.next() {
                case .document(let path, let id, let size)?:
                    return BatchItem(index: index, knownID: id, source: .file(path: path), size: size)
                case .unreadable(let path, let id, let reason)?:
                    return BatchItem(index: index, knownID: id, source: .failure(message: "\(path): \(reason)"), size: 0)
                case nil:
                    walker = nil
                }
            }
            if let reader = lines {
                switch reader.next() {
                case .line(let bytes)?:
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    return BatchItem(index: index, knownID: nil,
                                     source: .jsonLine(bytes: bytes, origin: "\(linesName):\(reader.lineNumber)"), size: bytes.count + 1)
                case .tooLong(let length)?:
                    let origin = "\(linesName):\(reader.lineNumber)"
                    return BatchItem(index: index, knownID: origin,
                                     source: .failure(message: "\(origin): a JSON line of \(length) bytes is over the limit of \(lineLimit) bytes (see --max-doc-bytes)"),
                                     size: length + 1)
                case .readError(let reason)?:
                    let origin = "\(linesName):\(reader.lineNumber + 1)"
                    return BatchItem(index: index, knownID: origin, source: .failure(message: "\(linesName): cannot read: \(reason)"), size: 0)
                case nil:
                    lines = nil
                }
            }
            guard inputIndex < inputs.count else { return nil }
            let input = inputs[inputIndex]
            inputIndex += 1
            switch input {
            case .folder(let path):
                walker = FolderWalker(root: path)
            case .file(let path):
                let size = FileIdentity.info(path)?.size ?? 0
                return BatchItem(index: index, knownID: path, source: .file(path: path), size: size)
            case .jsonLines(let path):
                let fd = open(path, O_RDONLY)
                if fd < 0 {
                    return BatchItem(index: index, knownID: path,
                                     source: .failure(message: "\(path): cannot read: \(String(cString: strerror(errno)))"), size: 0)
                }
                lines = LineReader(fd: fd, ownsDescriptor: true, limit: lineLimit)
                linesName = path
            case .standardInput:
                lines = LineReader(fd: STDIN_FILENO, ownsDescriptor: false, limit: lineLimit)
                linesName = "-"
            }
        }
    }

    /// What the inputs hold, for a progress bar's ETA: document count (nil when JSON Lines make it
    /// unknown without reading them) and bytes (nil with standard input). Walks folders without reading files.
    public static func estimate(_ inputs: [BatchInput]) -> (documents: Int?, bytes: Int?) {
        var documents: Int? = 0
        var bytes: Int? = 0
        for input in inputs {
            switch input {
            case .folder(let path):
                var walker = FolderWalker(root: path)
                while let entry = walker.next() {
                    documents? += 1
                    if case .document(_, _, let size) = entry { bytes? += size }
                }
            case .file(let path):
                documents? += 1
                bytes? += FileIdentity.info(path)?.size ?? 0
            case .jsonLines(let path):
                documents = nil
                bytes? += FileIdentity.info(path)?.size ?? 0
            case .standardInput:
                documents = nil
                bytes = nil
            }
        }
        return (documents, bytes)
    }
}

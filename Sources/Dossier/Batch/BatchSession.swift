import Foundation

/// How a batch run behaves beyond its inputs and output.
public struct BatchSettings: Sendable {
    /// Resume a run that was stopped: keep its committed documents, drop a partial one, go on.
    public var resume = false
    /// `fsync` the output after every document (safe against power loss, not only a killed process).
    public var sync = false
    /// Everything besides the inputs that changes the output (options, version): a resumed run
    /// must have the same.
    public var fingerprint = ""

    public init(resume: Bool = false, sync: Bool = false, fingerprint: String = "") {
        self.resume = resume
        self.sync = sync
        self.fingerprint = fingerprint
    }
}

/// Counts of a batch run, reported after every document and at the end.
public struct BatchStatistics: Sendable {
    /// Documents, records, errors and input bytes of this run (not counting resumed ones).
    public var documents = 0
    public var records = 0
    public var errors = 0
    public var inputBytes = 0
    /// Totals over the whole output, including documents committed before a `--resume`.
    public var total = BatchProgress()
    /// Documents an earlier run had committed.
    public var resumedAfter = 0
    /// `--resume` found a finished output (no progress file): nothing was done.
    public var alreadyComplete = false
    /// Seconds since the run started.
    public var elapsed: Double = 0

    /// Input megabytes (10^6 bytes) a second in this run.
    public var megabytesPerSecond: Double { elapsed > 0 ? Double(inputBytes) / 1e6 / elapsed : 0 }
}

/// One `dossier batch` run: inputs → `BatchRunner` → output in input order, with a progress file
/// committing one document at a time so that `--resume` can finish a killed run exactly.
public final class BatchSession {
    public let runner: BatchRunner
    public let inputs: [BatchInput]
    /// A file path, or "-" for standard output (no progress file, no resume).
    public let output: String
    public let settings: BatchSettings

    public init(runner: BatchRunner, inputs: [BatchInput], output: String, settings: BatchSettings = BatchSettings()) {
        self.runner = runner
        self.inputs = inputs
        self.output = output
        self.settings = settings
    }

    /// The progress file of an output path.
    public static func progressPath(for output: String) -> String { output + ".progress" }

    /// Runs to the end. `onDocument` is called on the calling thread after each document is written.
    public func run(onDocument: (BatchStatistics) -> Void = { _ in }) throws(BatchError) -> BatchStatistics {
        let started = Date()
        var stats = BatchStatistics()
        let enumerator = BatchEnumerator(inputs: inputs, maxDocBytes: runner.processor.reader.maxBytes)
        let out: BatchOutput
        var checkpoint: BatchCheckpoint?
        if output == "-" {
            if settings.resume { throw .usage("--resume needs an output file, not standard output") }
            out = BatchOutput()
        } else if let info = FileIdentity.info(output), !info.isRegular {
            // A device or a pipe (/dev/null, a FIFO): a stream, with no progress file.
            if settings.resume { throw .usage("--resume needs an output file, not \(output)") }
            out = try BatchOutput(path: output)
        } else {
            let fingerprint = BatchCheckpoint.fnv1a(Array(settings.fingerprint.utf8))
            let progressPath = Self.progressPath(for: output)
            if settings.resume, let existing = try BatchCheckpoint(resuming: progressPath, fingerprint: fingerprint) {
                let committed = try existing.read()
                let size = FileIdentity.info(output)?.size ?? 0
                guard size >= committed.outputBytes else {
                    throw .resumeMismatch("\(output) is shorter (\(size) bytes) than its progress file says (\(committed.outputBytes)); run without --resume to start again")
                }
                if committed.documents > 0 {
                    let last = enumerator.skip(committed.documents)
                    guard let last, BatchCheckpoint.fnv1a(Array(last.resolvedID().utf8)) == committed.lastIDHash else {
                        throw .resumeMismatch("the inputs are not those of the run being resumed (document \(committed.documents) differs); run without --resume to start again")
                    }
                }
                out = try BatchOutput(path: output)
                try out.truncate(to: committed.outputBytes)
                checkpoint = existing
                stats.total = committed
                stats.resumedAfter = committed.documents
            } else {
                if settings.resume, (FileIdentity.info(output)?.size ?? 0) > 0 {
                    stats.alreadyComplete = true
                    stats.total.outputBytes = FileIdentity.info(output)?.size ?? 0
                    return stats
                }
                // The progress file before the output is emptied: a crash in between leaves zero
                // committed documents, never a progress file from an earlier run with an empty output.
                out = try BatchOutput(path: output)
                checkpoint = try BatchCheckpoint(creating: progressPath, fingerprint: fingerprint)
                try out.truncate(to: 0)
            }
        }

        let sync = settings.sync
        try runner.run(enumerator) { (result: BatchResult) throws(BatchError) in
            try out.write(result.bytes)
            if sync { try out.sync() }
            stats.documents += 1
            stats.records += result.records
            stats.inputBytes += result.inputBytes
            if result.failed { stats.errors += 1 }
            stats.total.documents += 1
            stats.total.records += result.records
            stats.total.inputBytes += result.inputBytes
            if result.failed { stats.total.errors += 1 }
            stats.total.outputBytes = out.size
            stats.total.lastIDHash = BatchCheckpoint.fnv1a(Array(result.id.utf8))
            try checkpoint?.commit(stats.total)
            stats.elapsed = Date().timeIntervalSince(started)
            onDocument(stats)
        }
        if sync { try out.sync() }
        checkpoint?.remove()
        stats.elapsed = Date().timeIntervalSince(started)
        return stats
    }
}

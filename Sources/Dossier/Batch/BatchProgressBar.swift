import Foundation

/// A one-line progress bar on standard error for `dossier batch`: documents, MB/s and, once a
/// background walk of the inputs has sized them, a bar and an ETA. Redrawn at most 5 times a second.
public final class BatchProgressBar {
    private let totals = Totals()
    private var lastDraw: Double = -1
    private var drawn = false

    /// Starts sizing `inputs` on a background thread (standard input cannot be sized).
    public init(inputs: [BatchInput]) {
        let totals = self.totals
        let thread = Thread {
            let estimate = BatchEnumerator.estimate(inputs)
            totals.set(documents: estimate.documents, bytes: estimate.bytes)
        }
        thread.name = "dossier-batch-size"
        thread.start()
    }

    /// Redraws after a document, if enough time has passed.
    public func update(_ stats: BatchStatistics) {
        if drawn && stats.elapsed - lastDraw < 0.2 { return }
        lastDraw = stats.elapsed
        drawn = true
        let (documents, bytes) = totals.get()
        let line = Self.render(stats, totalDocuments: documents, totalBytes: bytes)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    /// Erases the bar.
    public func clear() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    /// The text of the bar: `[#####-----]  42%  1200/2841 docs  3.1 MB/s  ETA 0:41`.
    public static func render(_ s: BatchStatistics, totalDocuments: Int?, totalBytes: Int?) -> String {
        var parts: [String] = []
        var fraction: Double?
        if let totalBytes, totalBytes > 0 { fraction = min(1, Double(s.total.inputBytes) / Double(totalBytes)) }
        if let fraction {
            let width = 24
            let filled = Int(fraction * Double(width))
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]")
            parts.append(String(format: "%3.0f%%", fraction * 100))
        }
        parts.append(totalDocuments.map { "\(s.total.documents)/\($0) docs" } ?? "\(s.total.documents) docs")
        if s.total.errors > 0 { parts.append("\(s.total.errors) errors") }
        parts.append(String(format: "%.1f MB/s", s.megabytesPerSecond))
        if let totalBytes, s.inputBytes > 0, s.elapsed > 0.5 {
            let rate = Double(s.inputBytes) / s.elapsed
            let left = max(0, Double(totalBytes - s.total.inputBytes) / rate)
            parts.append("ETA " + duration(left))
        }
        return parts.joined(separator: "  ")
    }

    static func duration(_ seconds: Double) -> String {
        let t = Int(seconds.rounded())
        return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%d:%02d", t / 60, t % 60)
    }

    /// The sizes found by the background walk.
    private final class Totals: @unchecked Sendable {
        // Guarded by `lock`.
        private let lock = NSLock()
        private var documents: Int?
        private var bytes: Int?

        func set(documents: Int?, bytes: Int?) {
            lock.lock(); self.documents = documents; self.bytes = bytes; lock.unlock()
        }

        func get() -> (Int?, Int?) {
            lock.lock(); defer { lock.unlock() }; return (documents, bytes)
        }
    }
}

import Foundation

/// Writes records as JSON Lines to a file handle, buffering and flushing per document.
public final class JSONLinesWriter {
    let handle: FileHandle
    var buffer: JSONByteBuffer
    /// Nil only while `write` runs.
    var encoder: JSONLineEncoder? = JSONLineEncoder()
    /// The buffer is written out once it holds this many bytes.
    static let flushSize = 1 << 16

    public init(handle: FileHandle = .standardOutput) {
        self.handle = handle
        buffer = JSONByteBuffer(capacity: Self.flushSize + 4096)
    }

    deinit { buffer.deallocate() }

    public func write(_ records: [Record]) {
        // Works on local copies, moved out of the class and back (one owner at a time, so that the
        // encoder's tables are not copied on write), and the loop does not go through the class's
        // stored properties.
        var out = buffer
        var lines = encoder ?? JSONLineEncoder()
        encoder = nil
        for r in records {
            lines.appendLine(r, to: &out)
            if out.count >= Self.flushSize {
                emit(out)
                out.removeAll()
            }
        }
        buffer = out
        encoder = lines
    }

    /// The records of `analysis` (those of `kinds`; all for nil), as `write(_:)` writes the ones
    /// `RecordBuilder.build(kinds:)` makes, without building most of them.
    public func write(_ analysis: Analysis, kinds: Set<String>?) {
        var out = buffer
        var lines = encoder ?? JSONLineEncoder()
        encoder = nil
        AnalysisLineEncoder(analysis: analysis, kinds: kinds).append(lines: &lines, to: &out, flushAt: Self.flushSize) { out in
            emit(out)
            out.removeAll()
        }
        buffer = out
        encoder = lines
    }

    public func flush() {
        guard buffer.count > 0 else { return }
        emit(buffer)
        buffer.removeAll()
    }

    /// Writes the bytes of `out` to the handle, which is done with them when it returns: they are
    /// lent to it, not copied.
    func emit(_ out: JSONByteBuffer) {
        handle.write(Data(bytesNoCopy: out.base, count: out.count, deallocator: .none))
    }
}

/// Formats records as an aligned table for people to read (`--pretty`).
public enum TableWriter {
    public static func render(_ records: [Record]) -> String {
        var rows: [[String]] = [["KIND", "TYPE", "TEXT", "START", "END", "ZONE", "DETAIL"]]
        for r in records where r.kind != "document" && r.kind != "zone" && r.kind != "comment" {
            var detail: [String] = []
            for key in ["canonical", "title", "value", "unit", "speaker"] {
                if let v = r.object[key] {
                    switch v {
                    case .string(let s): detail.append("\(key)=\(s)")
                    case .int(let i): detail.append("\(key)=\(i)")
                    case .double(let d): detail.append("\(key)=\(d)")
                    default: break
                    }
                }
            }
            rows.append([r.kind, r.type ?? "", clip(r.text ?? "", 48), r.start.map(String.init) ?? "", r.end.map(String.init) ?? "",
                         r.string("zone") ?? "", detail.joined(separator: " ")])
        }
        return table(rows)
    }

    public static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func clip(_ s: String, _ n: Int) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }
}

import Foundation

/// Writes records as JSON Lines to a file handle, buffering and flushing per document.
public final class JSONLinesWriter {
    let handle: FileHandle
    var buffer: [UInt8] = []

    public init(handle: FileHandle = .standardOutput) {
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ records: [Record]) {
        for r in records {
            JSONEncoding.appendObject(r.object, to: &buffer)
            buffer.append(0x0A)
            if buffer.count >= 1 << 16 { flush() }
        }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
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

import Dossier
import Foundation

/// The fuzzing callback. Each input is read as a document (the first byte picks plain text,
/// HTML or sniffing, the rest are the document's bytes) and run through the whole pipeline. It checks:
/// - nothing crashes (libFuzzer reports any trap or signal);
/// - every span record's offsets lie inside the document and its `text` equals the document's code
///   points between `start` and `end`;
/// - the output is deterministic: a second run on a fresh decode gives the same records.
/// A broken check traps, so libFuzzer saves the input as `crash-*`.

nonisolated(unsafe) private var pipeline: Pipeline?

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if pipeline == nil {
        do { pipeline = try Pipeline() } catch { fatalError("fuzz: cannot load the pipeline: \(error)") }
    }
    guard let pipeline else { return 0 }
    FuzzChecks.check(bytes, pipeline: pipeline)
    return 0
}

enum FuzzChecks {
    static func check(_ input: [UInt8], pipeline: Pipeline) {
        let format: DocumentFormat?
        switch input[0] % 3 {
        case 0: format = .text
        case 1: format = .html
        default: format = nil
        }
        let body = Array(input.dropFirst())
        let reader = DocumentReader(maxBytes: 1 << 20)
        guard let doc = try? reader.decode(body, id: "fuzz", format: format) else { return }
        let records = pipeline.extract(doc)
        let scalars = Array(doc.text.unicodeScalars)
        for r in records {
            guard let start = r.start, let end = r.end else { continue }
            guard 0 <= start, start <= end, end <= scalars.count else {
                fatalError("fuzz: \(r.kind) span \(start)..<\(end) outside a document of \(scalars.count) code points")
            }
            // Compared scalar by scalar: String's == would accept a canonically equivalent text.
            if let text = r.text, !text.unicodeScalars.elementsEqual(scalars[start..<end]) {
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: scalars[start..<end])
                fatalError("fuzz: \(r.kind) text \(text.debugDescription) is not the document's \(start)..<\(end): \(String(slice).debugDescription)")
            }
        }
        guard let again = try? reader.decode(body, id: "fuzz", format: format) else {
            fatalError("fuzz: the second decode failed")
        }
        // Compared as the JSON bytes written, for the same reason.
        guard pipeline.extract(again).map(JSONEncoding.encode) == records.map(JSONEncoding.encode) else {
            fatalError("fuzz: the output differs between two runs")
        }
    }
}

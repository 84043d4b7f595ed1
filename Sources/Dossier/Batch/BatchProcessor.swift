/// The records of one document, encoded as JSON Lines and ready to be written in one go.
public struct BatchResult: Sendable {
    /// The document's position in the input order.
    public var index: Int
    public var id: String
    /// The document's records, one JSON object a line, each ending with a newline.
    public var bytes: [UInt8]
    public var records: Int
    /// Whether the document failed and `bytes` holds its error record.
    public var failed: Bool
    /// Input bytes of the document.
    public var inputBytes: Int
}

/// Turns a `BatchItem` into its records: reads, decodes, runs the pipeline, encodes. A document
/// that cannot be read becomes one `{"doc", "kind": "error", "error"}` record. Runs on worker threads.
public struct BatchProcessor: Sendable {
    public let pipeline: Pipeline
    public let reader: DocumentReader

    public init(pipeline: Pipeline, reader: DocumentReader) {
        self.pipeline = pipeline
        self.reader = reader
    }

    public func process(_ item: BatchItem) -> BatchResult {
        let document: Document
        let id: String
        do throws(DocumentError) {
            switch item.source {
            case .file(let path):
                id = item.knownID ?? path
                document = try reader.read(path: path, id: id)
            case .jsonLine(let bytes, let origin):
                let line: JSONDocumentLine
                do {
                    line = try JSONDocumentLine.parse(bytes, origin: origin)
                } catch {
                    return failure(item, id: error.id ?? origin, message: error.message)
                }
                id = line.id
                document = try reader.decode(line.bytes, id: id, format: line.format)
            case .failure(let message):
                return failure(item, id: item.knownID ?? "", message: message)
            }
        } catch {
            return failure(item, id: item.resolvedID(), message: error.description)
        }
        let records = pipeline.extract(document)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(records.count * 200)
        JSONEncoding.appendLines(records, to: &bytes)
        return BatchResult(index: item.index, id: id, bytes: bytes, records: records.count, failed: false, inputBytes: item.size)
    }

    /// The error record of a document.
    public static func errorRecord(doc: String, message: String) -> Record {
        var record = Record(doc: doc, kind: "error")
        record["error"] = .string(message)
        return record
    }

    func failure(_ item: BatchItem, id: String, message: String) -> BatchResult {
        var bytes = JSONEncoding.encode(Self.errorRecord(doc: id, message: message))
        bytes.append(0x0A)
        return BatchResult(index: item.index, id: id, bytes: bytes, records: 1, failed: true, inputBytes: item.size)
    }
}

import Foundation

/// A document given as one JSON Lines object: `{"id": "…", "text": "…"}` or `{"id": …, "html": "…"}`.
struct JSONDocumentLine {
    var id: String
    var bytes: [UInt8]
    var format: DocumentFormat

    /// Parses a line; `origin` ("FILE:LINE") is the id when the line has none, and names the line in errors.
    static func parse(_ line: [UInt8], origin: String) throws(BatchLineError) -> JSONDocumentLine {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            throw BatchLineError(message: "\(origin): not a valid JSON line")
        }
        guard let dict = object as? [String: Any] else { throw BatchLineError(message: "\(origin): a JSON line must be an object") }
        let id: String
        switch dict["id"] {
        case let s as String: id = s
        case let n as NSNumber: id = n.stringValue
        default: id = origin
        }
        if let text = dict["text"] as? String { return JSONDocumentLine(id: id, bytes: Array(text.utf8), format: .text) }
        if let html = dict["html"] as? String { return JSONDocumentLine(id: id, bytes: Array(html.utf8), format: .html) }
        throw BatchLineError(message: "\(origin): no \"text\" or \"html\" string in the JSON line", id: id)
    }
}

/// Why a JSON line is not a document.
struct BatchLineError: Error {
    var message: String
    /// The line's id, when it has one.
    var id: String? = nil
}

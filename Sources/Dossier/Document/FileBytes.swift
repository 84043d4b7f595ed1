import Foundation

/// Reads a whole file, or standard input for "-", refusing files over a size limit before reading them.
enum FileBytes {
    enum Failure: Error {
        case tooLarge(Int)
        case system(String)
    }

    static func read(path: String, limit: Int) throws(Failure) -> [UInt8] {
        if path == "-" { return try readBounded(FileHandle.standardInput, limit: limit) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .system("no such file") }
        if isDirectory.boolValue { throw .system("is a directory") }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { throw .system("cannot stat") }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > limit { throw .tooLarge(size) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .system("permission denied") }
        defer { try? handle.close() }
        return try readBounded(handle, limit: limit)
    }

    /// Reads to the end, but never more than `limit` + 1 bytes: a pipe, a device (/dev/zero) or a
    /// file growing while read reports no size, or a wrong one, and would otherwise be read whole.
    /// Over the limit, the error gives the bytes read so far (at least `limit` + 1).
    static func readBounded(_ handle: FileHandle, limit: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - bytes.count))
            } catch {
                throw .system(error.localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { return bytes }
            bytes.append(contentsOf: chunk)
            if bytes.count > limit { throw .tooLarge(bytes.count) }
        }
    }
}

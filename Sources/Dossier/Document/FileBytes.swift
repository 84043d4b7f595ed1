import Foundation

/// Reads a whole file, or standard input for "-", refusing files over a size limit before reading them.
enum FileBytes {
    enum Failure: Error {
        case tooLarge(Int)
        case system(String)
    }

    static func read(path: String, limit: Int) throws(Failure) -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            if data.count > limit { throw .tooLarge(data.count) }
            return [UInt8](data)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .system("no such file") }
        if isDirectory.boolValue { throw .system("is a directory") }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { throw .system("cannot stat") }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > limit { throw .tooLarge(size) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .system("permission denied") }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            if data.count > limit { throw Failure.tooLarge(data.count) }
            return [UInt8](data)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .system(error.localizedDescription)
        }
    }
}

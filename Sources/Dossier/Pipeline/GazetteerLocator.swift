import Foundation

/// Finds the `Gazetteers/` folder: `$DOSSIER_GAZETTEERS`, else beside or above the executable
/// (a build folder inside the checkout), else the checkout this library was built from.
public enum GazetteerLocator {
    public static func defaultDirectory() -> URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["DOSSIER_GAZETTEERS"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var candidates: [URL] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Gazetteers"))
            candidates.append(dir.appendingPathComponent("share/dossier/Gazetteers"))
            dir.deleteLastPathComponent()
        }
        // Sources/Dossier/Pipeline/GazetteerLocator.swift → the checkout's root.
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Gazetteers"))
        var isDirectory: ObjCBool = false
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("places").path, isDirectory: &isDirectory) && isDirectory.boolValue }
    }
}

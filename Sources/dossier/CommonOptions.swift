import ArgumentParser
import Dossier
import Foundation

/// Options shared by the commands that run the pipeline.
struct PipelineArguments: ParsableArguments {
    @Option(name: .customLong("gazetteer"), help: ArgumentHelp("An extra gazetteer file (TSV: id, type, canonical, aliases, flags). Repeatable.", valueName: "FILE"))
    var gazetteers: [String] = []

    @Option(name: .customLong("gazetteer-dir"), help: ArgumentHelp("Use this gazetteer folder instead of the bundled one.", valueName: "DIR"))
    var gazetteerDirectory: String?

    @Option(help: ArgumentHelp("Zones searched for entities, comma-separated (title, byline, body, caption, comments, boilerplate), or 'all'.", valueName: "ZONES"))
    var zones: String = "title,body,caption,comments"

    @Option(help: ArgumentHelp("Refuse documents larger than this many bytes.", valueName: "BYTES"))
    var maxDocBytes: Int = DocumentReader.defaultMaxBytes

    func options(kinds: Set<String>? = nil) throws -> PipelineOptions {
        var o = PipelineOptions()
        o.kinds = kinds
        o.extraGazetteers = gazetteers.map { URL(fileURLWithPath: $0) }
        o.gazetteerDirectory = gazetteerDirectory.map { URL(fileURLWithPath: $0) }
        if zones == "all" {
            o.entityZones = Set(ZoneType.allCases)
        } else {
            var set = Set<ZoneType>()
            for name in zones.split(separator: ",") {
                guard let z = ZoneType(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("unknown zone '\(name)'; zones are \(ZoneType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                set.insert(z)
            }
            o.entityZones = set
        }
        return o
    }

    func makePipeline(kinds: Set<String>? = nil) throws -> Pipeline {
        do {
            return try Pipeline(options: options(kinds: kinds))
        } catch let e as ValidationError {
            throw e
        } catch {
            throw CleanExit.message("dossier: cannot load gazetteers: \(error)")
        }
    }
}

/// Reads each input and reports failures on stderr; the caller decides the exit status.
struct InputRunner {
    let reader: DocumentReader
    var failures = 0

    init(maxBytes: Int) {
        reader = DocumentReader(maxBytes: maxBytes)
    }

    mutating func forEachDocument(_ paths: [String], _ body: (Document) -> Void) {
        for path in paths {
            do {
                body(try reader.read(path: path))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            }
        }
    }
}

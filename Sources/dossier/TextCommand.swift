import ArgumentParser
import Dossier
import Foundation

/// `dossier text`: the text that record offsets index, whole or one zone.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the text of a document as Dossier indexes it, or only one zone.",
        discussion: "For HTML this is the text extracted from the page; with --zone body, only the article body's spans, joined by blank lines."
    )

    @Argument(help: ArgumentHelp("A text or HTML file, or '-'.", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("Print only this zone: title, byline, body, caption, comments or boilerplate.", valueName: "ZONE"))
    var zone: String?

    @OptionGroup var pipelineArguments: PipelineArguments

    func run() throws {
        var runner = InputRunner(maxBytes: pipelineArguments.maxDocBytes)
        let wanted = try zone.map { name -> ZoneType in
            guard let z = ZoneType(rawValue: name) else { throw ValidationError("unknown zone '\(name)'") }
            return z
        }
        runner.forEachDocument([file]) { doc in
            guard let wanted else {
                print(doc.text, terminator: doc.text.hasSuffix("\n") || doc.text.isEmpty ? "" : "\n")
                return
            }
            let (zones, _) = ZoneDetector().detect(doc, blocks: doc.blocks)
            let parts = zones.spans(of: wanted).map { doc.slice($0.start, $0.end) }
            if !parts.isEmpty { print(parts.joined(separator: "\n\n")) }
        }
        if runner.failures > 0 { throw ExitCode(1) }
    }
}

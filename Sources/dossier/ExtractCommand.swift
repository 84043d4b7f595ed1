import ArgumentParser
import Dossier
import Foundation

/// `dossier extract`: records of one or more articles as JSON Lines.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract records from articles and write them as JSON Lines.",
        discussion: """
        Each input is a text or HTML file, or '-' for standard input. Records follow the record
        contract: every record has doc, kind and, for spans, type, text, start, end (Unicode code
        point offsets into the document text) and zone. Kinds: document, zone, comment, entity.
        """
    )

    @Argument(help: ArgumentHelp("Text or HTML files, or '-' for standard input.", valueName: "FILE"))
    var files: [String] = ["-"]

    @Option(help: ArgumentHelp("Only these record kinds, comma-separated (e.g. entity,zone).", valueName: "KINDS"))
    var kinds: String?

    @Flag(help: "Print a table for people to read instead of JSON Lines.")
    var pretty = false

    @OptionGroup var pipelineArguments: PipelineArguments

    func run() throws {
        let kindSet = kinds.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let pipeline = try pipelineArguments.makePipeline(kinds: kindSet)
        var runner = InputRunner(maxBytes: pipelineArguments.maxDocBytes)
        let writer = JSONLinesWriter()
        runner.forEachDocument(files) { doc in
            if pretty {
                writer.flush()
                print("== \(doc.id)")
                print(TableWriter.render(pipeline.extract(doc)), terminator: "")
            } else {
                pipeline.extract(doc, to: writer)
            }
        }
        writer.flush()
        if runner.failures > 0 { throw ExitCode(1) }
    }
}

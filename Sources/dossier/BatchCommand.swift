import ArgumentParser
import Dossier
import Foundation

/// `dossier batch`: a whole corpus on every core, in input order, resumable, and usable as a
/// streaming filter (`dossier batch - --output -`) under Spark, Hadoop Streaming or GNU parallel.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Extract records from a whole corpus on every core, resumably.",
        discussion: """
        Each INPUT is a folder (read recursively for .txt, .html and .htm files, in sorted order;
        ids are paths relative to the folder), a single document (id: the path as given), a .jsonl
        file of documents {"id": …, "text": …} or {"id": …, "html": …}, or '-' for JSONL documents on
        standard input. Records come out in input order whatever --jobs is. A document that cannot
        be read becomes a record {"doc": …, "kind": "error", "error": …} and the run goes on.

        With an output file, OUTPUT.progress records each document as it is written; if the run is
        killed, run the same command with --resume to finish it. '--output -' writes to standard
        output, flushing after every document:
          dossier batch corpus/ --output records.jsonl
          dossier batch corpus/ --output records.jsonl --resume
          cat docs.jsonl | dossier batch - --output - > records.jsonl
        """
    )

    @Argument(help: ArgumentHelp("Folders, documents, .jsonl files of documents, or '-' (JSONL on standard input).", valueName: "INPUT"))
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the records here ('-' for standard output).", valueName: "FILE"))
    var output: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Documents processed at once (default: every core).", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Finish a run that was stopped: keep what it wrote, go on from there.")
    var resume = false

    @Flag(help: "Print no progress bar and no summary.")
    var quiet = false

    @Flag(help: "Sync the output to disk after every document (slower; survives power loss).")
    var sync = false

    @Option(help: ArgumentHelp("Only these record kinds, comma-separated (e.g. entity,zone).", valueName: "KINDS"))
    var kinds: String?

    @OptionGroup var pipelineArguments: PipelineArguments

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if resume && output == "-" { throw ValidationError("--resume needs an output file, not standard output") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' can be given only once") }
        if output != "-" && inputs.contains(output) { throw ValidationError("the output \(output) is also an input") }
    }

    func run() throws {
        let parsed: [BatchInput]
        do {
            parsed = try inputs.map { arg throws(BatchError) in try BatchInput(argument: arg) }
        } catch {
            throw ValidationError(error.description)
        }
        let kindSet = kinds.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let pipeline = try pipelineArguments.makePipeline(kinds: kindSet)
        let reader = DocumentReader(maxBytes: pipelineArguments.maxDocBytes)
        let runner = BatchRunner(processor: BatchProcessor(pipeline: pipeline, reader: reader), jobs: jobs)
        let settings = BatchSettings(resume: resume, sync: sync, fingerprint: fingerprint())
        let session = BatchSession(runner: runner, inputs: parsed, output: output, settings: settings)

        let bar = (!quiet && isatty(STDERR_FILENO) == 1) ? BatchProgressBar(inputs: parsed) : nil
        let stats: BatchStatistics
        do {
            stats = try session.run { bar?.update($0) }
        } catch {
            bar?.clear()
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            if case .usage = error { throw ExitCode.validationFailure }
            throw ExitCode.failure
        }
        bar?.clear()
        if !quiet { FileHandle.standardError.write(Data((Self.summary(stats, output: output) + "\n").utf8)) }
    }

    /// What must not change between a run and its `--resume`: every option that changes the output.
    func fingerprint() -> String {
        let p = pipelineArguments
        return ["dossier \(DossierVersion.string)", "inputs=\(inputs.joined(separator: "\u{1F}"))", "kinds=\(kinds ?? "")",
                "zones=\(p.zones)", "gazetteer=\(p.gazetteers.joined(separator: "\u{1F}"))", "gazetteer-dir=\(p.gazetteerDirectory ?? "")",
                "max-doc-bytes=\(p.maxDocBytes)"].joined(separator: "\n")
    }

    static func summary(_ s: BatchStatistics, output: String) -> String {
        if s.alreadyComplete {
            return "dossier batch: \(output) is already complete (no \(BatchSession.progressPath(for: output))); nothing to resume"
        }
        var line = "dossier batch: \(s.documents) documents, \(s.records) records, \(s.errors) errors"
        line += String(format: ", %.2f MB in %.1f s (%.1f MB/s)", Double(s.inputBytes) / 1e6, s.elapsed, s.megabytesPerSecond)
        if s.resumedAfter > 0 {
            line += "; resumed after \(s.resumedAfter) documents: \(s.total.documents) documents, \(s.total.records) records, \(s.total.errors) errors in all"
        }
        if s.errors > 0 { line += " (see the records of kind \"error\")" }
        return line
    }
}

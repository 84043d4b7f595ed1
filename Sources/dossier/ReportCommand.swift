import ArgumentParser
import Dossier
import Foundation

/// `dossier report`: one self-contained HTML page to look at: an article with its marks, who said
/// what, a corpus overview, or a diff side by side.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of articles, an extraction run, or a diff.",
        discussion: """
        INPUT is any number of:
          articles (text or HTML files, folders of them, or '-'), extracted on the fly;
          extraction files (JSON Lines from 'dossier extract' or 'dossier batch'): the text of each
            document is taken from articles or a folder given alongside, or from the path in 'doc'
            if it still exists and still matches the records; otherwise the records are shown alone;
          diffs: the rows of 'dossier diff --json'.
        With --diff and two inputs, they are compared as by 'dossier diff OLD NEW'.

        The page has no external resources (CSS and JS inline) and opens at once for large corpora:
        the overview is summarised, the document list is paginated, and each document's view is
        built only when it is opened.

        Examples:
          dossier report article.txt -o article.html
          dossier batch corpus/ -o run.jsonl && dossier report run.jsonl corpus/ -o corpus.html
          dossier diff --json old.txt new.txt > d.jsonl; dossier report d.jsonl -o diff.html
          dossier report --diff old.txt new.txt -o diff.html
        """
    )

    @Argument(help: ArgumentHelp("Articles, folders, extraction files (.jsonl) or diff rows; '-' for standard input.", valueName: "INPUT"))
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the HTML ('-' for standard output).", valueName: "FILE"))
    var output: String = "report.html"

    @Flag(help: "The inputs are a diff: the rows of 'dossier diff --json', or two inputs to compare.")
    var diff = false

    @Option(help: ArgumentHelp("The page's title.", valueName: "TITLE"))
    var title: String = "Dossier report"

    @Option(help: ArgumentHelp("Documents a page of the document list.", valueName: "N"))
    var pageSize: Int = 50

    @Option(name: .customLong("texts"), help: ArgumentHelp("A folder where the documents of extraction files are (ids relative to it). Repeatable.", valueName: "DIR"))
    var textRoots: [String] = []

    @Flag(help: "Do not look for the text of extraction files' documents on disk (records only).")
    var noTexts = false

    @OptionGroup var pipelineArguments: PipelineArguments

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one INPUT: an article, a folder, an extraction file or a diff") }
        if pageSize < 1 { throw ValidationError("--page-size must be at least 1") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("only one INPUT can be standard input") }
    }

    func run() throws {
        let arguments = pipelineArguments
        let loader = ReportLoader(reader: DocumentReader(maxBytes: arguments.maxDocBytes)) {
            try arguments.makePipeline()
        }
        loader.textRoots = textRoots
        loader.findTexts = !noTexts
        var warnings = 0
        loader.warn = { message in
            warnings += 1
            FileHandle.standardError.write(Data("dossier report: \(message)\n".utf8))
        }
        let content: ReportContent
        do {
            content = try loader.load(inputs, diff: diff)
        } catch let e as CleanExit {
            throw e
        } catch {
            FileHandle.standardError.write(Data("dossier report: \(error)\n".utf8))
            throw ExitCode(2)
        }
        var options = ReportOptions()
        options.title = title
        options.pageSize = pageSize
        let html: String
        switch content {
        case .documents(let docs):
            if docs.isEmpty {
                FileHandle.standardError.write(Data("dossier report: no documents to show\n".utf8))
                throw ExitCode(2)
            }
            html = HTMLReport.render(docs, options: options)
        case .diff(let d):
            html = HTMLReport.render(diff: d, options: options)
        }
        if output == "-" {
            FileHandle.standardOutput.write(Data(html.utf8))
        } else {
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                FileHandle.standardError.write(Data("dossier report: cannot write \(output): \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        }
        if warnings > 0 { throw ExitCode(1) }
    }
}

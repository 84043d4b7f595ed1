import ArgumentParser
import Foundation

/// The `dossier` command line: extraction of people, places, organisations, figures and quotes
/// from news articles, written as JSON Lines.
@main
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Extract people, places, organisations, figures and quotations from news articles.",
        discussion: """
        Dossier reads news articles (plain text or HTML, including scraped pages with navigation and
        comments), finds the article body, and writes what it extracts as JSON Lines, one record a line.

        Examples:
          dossier extract article.txt                 all records of one article
          dossier extract --pretty article.html       a table for people to read
          dossier extract --kinds entity,zone a.txt   only entities and zones
          dossier entities article.txt                entities with counts
          dossier text --zone body page.html          the article text alone
        """,
        version: DossierVersion.string,
        subcommands: [ExtractCommand.self, EntitiesCommand.self, TextCommand.self, QuotesCommand.self, BatchCommand.self, DiffCommand.self, ReportCommand.self]
    )
}

extension DossierCommand {
    /// Runs the command line. `dossier diff` follows diff(1) and exits 2 on any trouble, usage
    /// errors included; the other commands keep the usual usage status (64).
    static func main() {
        var command: ParsableCommand
        let compaction = PathListCompaction(Array(CommandLine.arguments.dropFirst()))
        do {
            command = try parseAsRoot(compaction.arguments)
            if var listing = command as? any PathListCommand {
                listing.paths = compaction.expand(listing.paths)
                try listing.validate()
                command = listing
            }
        } catch {
            let code = exitCode(for: error)
            if CommandLine.arguments.dropFirst().first == "diff", code != .success {
                let message = fullMessage(for: error)
                if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

enum DossierVersion {
    static let string = "0.1.0"
}

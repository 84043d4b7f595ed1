import ArgumentParser

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
        subcommands: [ExtractCommand.self, EntitiesCommand.self, TextCommand.self, QuotesCommand.self, DiffCommand.self]
    )
}

enum DossierVersion {
    static let string = "0.1.0"
}

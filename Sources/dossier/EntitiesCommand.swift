import ArgumentParser
import Dossier
import Foundation

/// `dossier entities`: a table of the entities of articles, with counts and canonical names.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the people, places and organisations of articles with their counts.",
        discussion: "Mentions are grouped by canonical name: 'Mr Araji' and 'Qasim al-Araji' count together. --json writes the entity records instead."
    )

    @Argument(help: ArgumentHelp("Text or HTML files, or '-'.", valueName: "FILE"))
    var files: [String] = ["-"]

    @Flag(help: "Write the entity records as JSON Lines.")
    var json = false

    @Option(help: ArgumentHelp("Only this type: person, place or organisation.", valueName: "TYPE"))
    var type: String?

    @OptionGroup var pipelineArguments: PipelineArguments

    func run() throws {
        let pipeline = try pipelineArguments.makePipeline(kinds: ["entity"])
        var runner = InputRunner(maxBytes: pipelineArguments.maxDocBytes)
        let writer = JSONLinesWriter()
        struct Row { var type: String; var canonical: String; var id: String; var count: Int; var forms: [String: Int] }
        var rows: [String: Row] = [:]
        var order: [String] = []
        runner.forEachDocument(files) { doc in
            let records = pipeline.extract(doc).filter { type == nil || $0.type == type }
            if json { writer.write(records); return }
            for r in records {
                let canonical = r.string("canonical") ?? r.text ?? ""
                let key = (r.type ?? "") + "\t" + canonical
                if rows[key] == nil { rows[key] = Row(type: r.type ?? "", canonical: canonical, id: r.string("id") ?? "", count: 0, forms: [:]); order.append(key) }
                rows[key]!.count += 1
                rows[key]!.forms[r.text ?? "", default: 0] += 1
            }
        }
        writer.flush()
        if !json {
            let sorted = order.compactMap { rows[$0] }.sorted { ($0.type, -$0.count, $0.canonical) < ($1.type, -$1.count, $1.canonical) }
            var table: [[String]] = [["TYPE", "COUNT", "CANONICAL", "ID", "AS WRITTEN"]]
            for r in sorted {
                let forms = r.forms.sorted { $0.value > $1.value }.map { $0.value > 1 ? "\($0.key) ×\($0.value)" : $0.key }
                table.append([r.type, String(r.count), r.canonical, r.id, forms.joined(separator: ", ")])
            }
            print(TableWriter.table(table), terminator: "")
        }
        if runner.failures > 0 { throw ExitCode(1) }
    }
}

import ArgumentParser
import Dossier
import Foundation

/// `dossier diff`: what changed between two versions of an article, or two extraction runs,
/// matched by content (never by offsets). Exit status as in diff(1).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of an article, or of a corpus run.",
        discussion: """
        OLD and NEW are each an article (text or HTML, extracted on the fly), an extraction file
        (JSON Lines as written by 'dossier extract' or 'dossier batch', grouped by doc), or a folder of
        articles (compared document by document, by path relative to the folder). Any side may be
        compared with any other; documents are paired by id (see the README).

        Extractions are matched by content, never by offsets: entities by type and canonical name,
        figures by type, unit and place (then by their order among those), quotes and claims by
        speaker and wording. So text moved or inserted elsewhere changes nothing, a revised casualty
        count is one changed figure, a reworded quote is one changed quote with both wordings, and a
        name swapped is one entity removed and one added.

        Exit status: 0 when nothing differs (nothing is printed), 1 when something does, 2 on trouble.
        """
    )

    @Argument(help: ArgumentHelp("OLD then NEW: each an article, an extraction file (.jsonl), a folder, or '-'.", valueName: "OLD NEW"))
    var paths: [String] = []

    @Flag(help: "Write the changes as JSON Lines: {\"doc\", \"change\", \"kind\", \"type\", \"fields\", \"old\", \"new\"}, then a summary row.")
    var json = false

    @Option(help: ArgumentHelp("Compare only these kinds, comma-separated (document, entity, figure, quote, claim).", valueName: "KINDS"))
    var kinds: String?

    @Flag(help: "Also report entities whose number of mentions changed.")
    var counts = false

    @Flag(help: "Do not look up sentences for context (faster on large runs).")
    var noContext = false

    @OptionGroup var pipelineArguments: PipelineArguments

    func run() throws {
        let status = compare()
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs the diff and returns the exit status: 0 same, 1 different, 2 trouble.
    func compare() -> Int32 {
        guard paths.count == 2 else {
            return fail("expected two arguments, OLD and NEW, got \(paths.count)\nUsage: dossier diff OLD NEW [--json] [--kinds KINDS] [--counts]")
        }
        let old = paths[0], new = paths[1]
        guard old != "-" || new != "-" else { return fail("only one of OLD and NEW can be standard input") }
        var options = DiffOptions()
        options.countMentions = counts
        options.kinds = kinds.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let arguments = pipelineArguments
        let loader = DiffLoader(reader: DocumentReader(maxBytes: arguments.maxDocBytes)) {
            do {
                return try Pipeline(options: arguments.options())
            } catch let e as ValidationError {
                throw DiffError(e.message)
            } catch {
                throw DiffError("cannot load gazetteers: \(error)")
            }
        }
        loader.wantsContext = !noContext
        let oldSide: DiffSide, newSide: DiffSide
        do {
            oldSide = try loader.side(old)
            newSide = try loader.side(new)
        } catch {
            return fail(error.message)
        }
        let writer = JSONLinesWriter()
        var printed = false
        let summary = DiffRun(options: options).run(oldSide, newSide, loader: loader, report: { o, n, changes in
            guard !changes.isEmpty else { return }
            if json {
                writer.write(changes.map { var r = Record(doc: "", kind: ""); r.object = DiffRows.row($0); return r })
            } else {
                if printed { print() }
                print(DiffReport.document(old: o, new: n, changes: changes), terminator: "")
            }
            printed = true
        }, trouble: { t in
            FileHandle.standardError.write(Data("dossier diff: \(t.doc): \(t.message)\n".utf8))
        })
        if summary.total > 0 || summary.troubles > 0 {
            if json {
                var r = Record(doc: "", kind: "")
                r.object = DiffRows.summary(summary)
                writer.write([r])
                writer.flush()
            } else {
                if printed { print() }
                print(DiffReport.summary(summary), terminator: "")
            }
        }
        writer.flush()
        if summary.troubles > 0 { return 2 }
        return summary.total > 0 ? 1 : 0
    }

    func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("dossier diff: \(message)\n".utf8))
        return 2
    }
}

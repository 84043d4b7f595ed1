import ArgumentParser
import Dossier
import Foundation

/// `dossier quotes`: who said what in articles — quotations and reported claims grouped by
/// speaker, with their cues and counts.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List the quotations and reported claims of articles, grouped by speaker.",
        discussion: """
        Each speaker is shown with the number of quotations and claims attributed to them, then one
        line per item: the cue ("said", "according to") and the quoted or reported words. Scare
        quotes and other quotations nobody is reported as saying come last, under "(no speaker)".
        --json writes the quote and claim records instead.
        """
    )

    @Argument(help: ArgumentHelp("Text or HTML files, or '-'.", valueName: "FILE"))
    var files: [String] = ["-"]

    @Flag(help: "Write the quote and claim records as JSON Lines.")
    var json = false

    @Flag(help: "Leave out claims (reported speech without quotation marks).")
    var noClaims = false

    @Flag(help: "Leave out quotations with no speaker (scare quotes, titles).")
    var attributedOnly = false

    @OptionGroup var pipelineArguments: PipelineArguments

    func run() throws {
        let kinds: Set<String> = noClaims ? ["quote"] : ["quote", "claim"]
        let pipeline = try pipelineArguments.makePipeline(kinds: kinds)
        var runner = InputRunner(maxBytes: pipelineArguments.maxDocBytes)
        let writer = JSONLinesWriter()
        var first = true
        runner.forEachDocument(files) { doc in
            var records = pipeline.extract(doc).filter { kinds.contains($0.kind) }
            if attributedOnly { records = records.filter { $0.string("speaker") != nil } }
            if json { writer.write(records); return }
            if !first { print() }
            first = false
            print(Self.render(records, title: doc.id), terminator: "")
        }
        writer.flush()
        if runner.failures > 0 { throw ExitCode(1) }
    }

    /// The records of one document grouped by speaker, most quoted first.
    static func render(_ records: [Record], title: String) -> String {
        var groups: [String: [Record]] = [:]
        var order: [String] = []
        let none = "(no speaker)"
        for r in records {
            let speaker = r.string("speaker") ?? none
            if groups[speaker] == nil { order.append(speaker) }
            groups[speaker, default: []].append(r)
        }
        let sorted = order.sorted { a, b in
            if (a == none) != (b == none) { return b == none }
            let ca = groups[a]!.count, cb = groups[b]!.count
            return ca != cb ? ca > cb : a < b
        }
        var out = "== \(title): \(records.count) quotations and claims\n"
        for speaker in sorted {
            let items = groups[speaker]!
            let quotes = items.filter { $0.kind == "quote" }.count
            let claims = items.count - quotes
            var counts: [String] = []
            if quotes > 0 { counts.append("\(quotes) quote\(quotes == 1 ? "" : "s")") }
            if claims > 0 { counts.append("\(claims) claim\(claims == 1 ? "" : "s")") }
            out += "\n\(speaker) (\(counts.joined(separator: ", ")))\n"
            for r in items {
                var cue = ""
                if case .object(let c)? = r["cue"], case .string(let t)? = c["text"] { cue = t }
                if cue.isEmpty { cue = r.type == "scare" ? "scare" : (r.string("attribution") ?? "") }
                var mention = ""
                if case .object(let m)? = r["speaker_mention"], case .string(let t)? = m["text"], t != speaker { mention = " [\(t)]" }
                let text = oneLine(r.text ?? "")
                let shown = r.kind == "quote" ? "“\(text)”" : "claim: \(text)"
                out += "  \(cue.padding(toLength: max(cue.count, 12), withPad: " ", startingAt: 0)) \(shown)\(mention)\n"
            }
        }
        return out
    }

    static func oneLine(_ s: String) -> String {
        let flat = s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ¶ ")
        return flat.count > 200 ? String(flat.prefix(197)) + "…" : flat
    }
}

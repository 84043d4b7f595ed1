import ArgumentParser

/// Keeps long path lists out of swift-argument-parser, whose parsing of a repeated positional
/// argument is quadratic in the number of values: `dossier extract corpus/*.txt` over 3,400 files
/// spent 3.2 billion instructions (≈0.3 s) parsing, and 30,000 files would take half a minute.
///
/// Before parsing, every run of consecutive plain arguments (not starting with "-") keeps its first
/// member, which may be an option's value, and its other members are replaced by one placeholder.
/// Those others can only be positional paths, since an option takes at most one value. After
/// parsing, `expand` puts the paths back in place of their placeholder.
struct PathListCompaction {
    /// The arguments to parse.
    private(set) var arguments: [String] = []
    /// The paths each placeholder stands for.
    private var runs: [[String]] = []

    /// Subcommands whose one positional argument is a list of paths.
    static let listCommands: Set<String> = ["extract", "entities", "quotes", "batch", "report"]
    /// Lists shorter than this are parsed as they are.
    static let threshold = 64
    static let prefix = "\u{1}dossier-paths-"

    /// `arguments` without the program name.
    init(_ input: [String]) {
        guard let command = input.first, Self.listCommands.contains(command), input.count > Self.threshold else {
            arguments = input
            return
        }
        var i = 0
        while i < input.count {
            let isPlain = !input[i].hasPrefix("-") || input[i] == "-"
            guard i > 0, isPlain else {
                arguments.append(input[i])
                i += 1
                continue
            }
            arguments.append(input[i])
            var j = i + 1
            while j < input.count, !input[j].hasPrefix("-") || input[j] == "-" { j += 1 }
            if j > i + 1 {
                arguments.append(Self.prefix + String(runs.count))
                runs.append(Array(input[(i + 1)..<j]))
            }
            i = j
        }
    }

    /// The parsed path list with each placeholder replaced by its paths.
    func expand(_ paths: [String]) -> [String] {
        guard !runs.isEmpty else { return paths }
        var out: [String] = []
        out.reserveCapacity(paths.count + runs.reduce(0) { $0 + $1.count })
        for p in paths {
            if p.hasPrefix(Self.prefix), let n = Int(p.dropFirst(Self.prefix.count)), n < runs.count {
                out += runs[n]
            } else {
                out.append(p)
            }
        }
        return out
    }
}

/// A command whose positional argument is a list of paths, which `PathListCompaction` restores.
protocol PathListCommand: ParsableCommand {
    var paths: [String] { get set }
}

extension ExtractCommand: PathListCommand {
    var paths: [String] { get { files } set { files = newValue } }
}

extension EntitiesCommand: PathListCommand {
    var paths: [String] { get { files } set { files = newValue } }
}

extension QuotesCommand: PathListCommand {
    var paths: [String] { get { files } set { files = newValue } }
}

extension BatchCommand: PathListCommand {
    var paths: [String] { get { inputs } set { inputs = newValue } }
}

extension ReportCommand: PathListCommand {
    var paths: [String] { get { inputs } set { inputs = newValue } }
}

import BriefModel

/// Errors of the public API, each with a message meant for a person.
public enum QualityBriefError: Error, CustomStringConvertible {
    /// The register has errors: the diagnostics say where (a very large register lists the
    /// first of each kind), `errorCount` how many there are in all.
    case invalidData([Diagnostic], errorCount: Int)
    /// A report definition could not be read.
    case badDefinition(file: String, message: String)
    /// A report definition (YAML, flags or Swift) has values out of range or malformed, each
    /// located where known.
    case invalidDefinition([DefinitionProblem])
    /// Masthead or memo fields are missing or still the template's placeholders, and the
    /// definition is not a draft.
    case unfinishedDefinition([DefinitionProblem])
    /// The output cannot be written where asked (an input of the run, a device, a directory…).
    case unsafeOutput(String)
    /// A filter left no records.
    case emptySelection(String)
    /// Fonts, layout or rendering failed.
    case renderFailed(String)
    /// A resource folder (Reports/, Fonts/) was not found.
    case missingResource(String)

    /// The message.
    public var description: String {
        switch self {
        case let .invalidData(d, count):
            let first = d.first { $0.severity == .error }
            return "the register has \(count) error\(count == 1 ? "" : "s"); run `qbrief validate` to see them all"
                + (first.map { "\nfirst: \($0)" } ?? "")
        case let .badDefinition(file, message):
            return Diagnostic.oneLine("\(file): error: \(message)")
        case .emptySelection(let what):
            return "no records left after filtering (\(what))"
        case .invalidDefinition(let problems):
            return problems.map(\.description).joined(separator: "\n")
        case .unfinishedDefinition(let problems):
            return problems.map(\.description).joined(separator: "\n")
                + "\n(a briefing with placeholders can be previewed with --draft, or `draft: true`: every page is then marked 草稿)"
        case .unsafeOutput(let m):
            return m
        case .renderFailed(let m):
            return m
        case .missingResource(let m):
            return m
        }
    }
}

import BriefDocument
import BriefModel
import Foundation

/// Every error the public API throws, by cause, each with a message meant for a person
/// (`description`, also `errorDescription` for `LocalizedError`).
///
/// Loading, composing and rendering throw nothing else: errors of the layout, the renderer
/// and the Word writer are turned into ``layout(what:page:needed:available:)``,
/// ``render(path:message:)`` and ``io(path:reason:)``. Messages name files, keys and values,
/// never command-line flags: a program adds its own advice.
public enum QualityBriefError: Error, LocalizedError, CustomStringConvertible, Sendable, Equatable {
    /// A file the caller named (register, report definition, programmes file) does not exist.
    case fileNotFound(path: String)
    /// The register has errors: the diagnostics say where (a very large register lists the
    /// first of each kind), `errorCount` how many there are in all.
    case invalidData([Diagnostic], errorCount: Int)
    /// A report definition or programmes file could not be read.
    case badDefinition(file: String, message: String)
    /// A report definition (YAML, flags or Swift) has values out of range or malformed, each
    /// located where known.
    case invalidDefinition([DefinitionProblem])
    /// Masthead or memo fields are missing or still the template's placeholders, and the
    /// definition is not a draft.
    case unfinishedDefinition([DefinitionProblem])
    /// Charts or tables of a `Document` that cannot be drawn as given (negative values, a
    /// series shorter than its categories, a row wider than its table; see
    /// `Document.specProblems()`).
    case invalidSpec([SpecProblem])
    /// The output cannot be written where asked (an input of the run, a device, a directory…).
    case unsafeOutput(String)
    /// A filter left no records; the filter in words.
    case emptySelection(String)
    /// A block does not fit on an empty page: what it is, the page, the height it needs and
    /// the height of the type block, in points.
    case layout(what: String, page: Int, needed: Double, available: Double)
    /// Fonts could not be set up, or cairo failed drawing `path` (nil: before any output).
    case render(path: String?, message: String)
    /// Writing `path` failed (cannot create it, disk full, rename failed).
    case io(path: String, reason: String)
    /// A resource folder (Reports/, Fonts/) was not found.
    case missingResource(String)

    /// The message: one line, or one line per problem.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case let .invalidData(d, count):
            let first = d.first { $0.severity == .error }
            return "the register has \(count) error\(count == 1 ? "" : "s")" + (first.map { "\nfirst: \($0)" } ?? "")
        case let .badDefinition(file, message):
            return Diagnostic.oneLine("\(file): error: \(message)")
        case .emptySelection(let what):
            return "no records left after filtering (\(what))"
        case .invalidDefinition(let problems), .unfinishedDefinition(let problems):
            return problems.map(\.description).joined(separator: "\n")
        case .invalidSpec(let problems):
            return problems.map(\.description).joined(separator: "\n")
        case let .layout(what, page, needed, available):
            return "layout: \(what) is too large on page \(page): needs \(Int(needed.rounded())) pt, "
                + "the type block has \(Int(available.rounded())) pt"
        case let .render(path, message):
            return path.map { "cannot write \($0): \(message)" } ?? message
        case let .io(path, reason):
            return "cannot write \(path): \(reason)"
        case .unsafeOutput(let m), .missingResource(let m):
            return m
        }
    }

    /// `description`, for `LocalizedError`.
    public var errorDescription: String? { description }
}

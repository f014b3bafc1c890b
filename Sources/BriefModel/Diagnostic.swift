/// How bad a diagnostic is.
public enum Severity: String, Sendable, Codable {
    /// The row (or file) was not accepted.
    case error
    /// Accepted, but worth a look.
    case warning
}

/// What a diagnostic is about, for summaries ("3 region, 1 duplicate").
public enum DiagnosticKind: String, Sendable, Codable, CaseIterable {
    /// The file as a whole: unreadable, empty, too large, not a register.
    case file
    /// Text encoding or binary content.
    case encoding
    /// The header row: unknown, repeated or missing columns.
    case header
    /// A row's shape: extra fields, unterminated quotes.
    case row
    case id, recipient
    case recipientType = "recipient_type"
    case programme, level, year, sector, region
    case creditCode = "credit_code"
    case note
    /// The same recipient, programme, level and year twice.
    case duplicate
    /// Names that differ only in form, or one credit code under two names.
    case possibleDuplicate = "possible_duplicate"
}

/// A located problem found while reading a register, printed in the compiler style
/// `FILE:LINE:COLUMN: error: message`.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Where the problem is.
    public let location: SourceLocation
    /// Error or warning.
    public let severity: Severity
    /// What is wrong and what was expected, quoting the bad value.
    public let message: String
    /// What it is about.
    public let kind: DiagnosticKind

    /// Creates a diagnostic.
    public init(location: SourceLocation, severity: Severity, message: String, kind: DiagnosticKind = .file) {
        self.location = location
        self.severity = severity
        self.message = message
        self.kind = kind
    }

    /// `FILE:LINE:COLUMN: severity: message`, with the file path as given.
    public var description: String {
        "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

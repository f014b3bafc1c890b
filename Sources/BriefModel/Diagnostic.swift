/// How bad a diagnostic is.
public enum Severity: String, Sendable, Codable {
    /// The row (or file) was not accepted.
    case error
    /// Accepted, but worth a look.
    case warning
}

/// A located problem found while reading a register, printed in the compiler style
/// `FILE:LINE:COLUMN: error: message`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is.
    public let location: SourceLocation
    /// Error or warning.
    public let severity: Severity
    /// What is wrong and what was expected, quoting the bad value.
    public let message: String

    /// Creates a diagnostic.
    public init(location: SourceLocation, severity: Severity, message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// `FILE:LINE:COLUMN: severity: message`, with the file path as given.
    public var description: String {
        "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

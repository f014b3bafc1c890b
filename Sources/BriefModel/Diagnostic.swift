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

    /// `FILE:LINE:COLUMN: severity: message`, with the file path as given, always one line:
    /// line breaks and other control characters in the path or message (a quoted value with a
    /// newline, say) are written as escapes (\n, \r, \t, \u{1B}).
    public var description: String {
        "\(Self.oneLine(location.file)):\(location.line):\(location.column): \(severity.rawValue): \(Self.oneLine(message))"
    }

    /// `text` with control characters and Unicode line separators escaped (also for the
    /// messages of report definitions, in QualityBrief).
    package static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            switch u {
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case _ where u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u == "\u{2028}" || u == "\u{2029}":
                out.append(contentsOf: "\\u{\(String(u.value, radix: 16, uppercase: true))}".unicodeScalars)
            default: out.append(u)
            }
        }
        return String(out)
    }
}

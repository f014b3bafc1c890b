/// One CSV record: its fields and the physical line where it starts.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based physical line of the record's first character.
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A hand-written RFC 4180 reader: comma-separated fields, optional double quotes, doubled
/// quotes inside quoted fields, newlines inside quoted fields, LF or CRLF line ends. Lines
/// are counted physically, so a record after a multi-line field still reports its own line.
public enum CSVReader {
    /// A problem that stops a record from being read as written.
    public struct Problem: Sendable, Equatable {
        /// Line where the problem starts.
        public var line: Int
        /// What is wrong.
        public var message: String
    }

    /// Splits `text` into records. Empty physical lines are skipped. An unterminated quoted
    /// field is reported as a problem at the line where it opened; the text read so far is
    /// still returned as the last field.
    public static func parse(_ text: String) -> (records: [CSVRecord], problems: [Problem]) {
        var records: [CSVRecord] = []
        var problems: [Problem] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var fieldWasQuoted = false
        var recordHasContent = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if recordHasContent || fields.count > 1 || !(fields.first ?? "").isEmpty {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
            recordHasContent = false
        }

        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    let n = next()
                    if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                } else {
                    if c == "\n" { line += 1 }
                    else if c == "\r" {
                        let n = next()
                        line += 1
                        if n == "\n" { field.append("\r"); field.append("\n"); continue }
                        pending = n
                    }
                    field.append(c)
                }
                continue
            }
            switch c {
            case ",":
                recordHasContent = true
                endField()
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                recordHasContent = true
                quoteLine = line
            case "\r", "\n":
                if c == "\r" {
                    let n = next()
                    if n != "\n" { pending = n }
                }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes {
            problems.append(Problem(line: quoteLine, message: "quoted field is never closed; expected a closing \" before the end of the file"))
        }
        if !field.isEmpty || !fields.isEmpty || recordHasContent { endRecord() }
        return (records, problems)
    }
}

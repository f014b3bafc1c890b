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

extension CSVReader {
    /// One field of a record seen by `scan`: a byte range of the input, or, for a quoted
    /// field that needed unescaping, a range of the scanner's scratch buffer.
    public struct FieldRef: Sendable {
        /// Start offset.
        public var start: Int
        /// End offset (exclusive).
        public var end: Int
        /// Whether the range is in `scratch` rather than the input.
        public var inScratch: Bool
    }

    /// The same grammar as `parse(_:)` over raw UTF-8 bytes, without building strings: calls
    /// `body(line, fields, scratch)` for each record (empty physical lines skipped); `body`
    /// returns false to stop. Returns the problems (an unterminated quote).
    public static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1,
        _ body: (_ line: Int, _ fields: UnsafeBufferPointer<FieldRef>, _ scratch: UnsafeBufferPointer<UInt8>) -> Bool
    ) -> [Problem] {
        var fields: [FieldRef] = []
        fields.reserveCapacity(16)
        var scratch: [UInt8] = []
        let n = bytes.count
        var i = 0
        var line = firstLine
        var problems: [Problem] = []
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        recordLoop: while i < n {
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            scratch.removeAll(keepingCapacity: true)
            var recordHasContent = false
            var ended = false
            // One field per iteration.
            fieldLoop: while true {
                if i < n && bytes[i] == quote {
                    // Quoted field: unescape into scratch; text after the closing quote is appended.
                    recordHasContent = true
                    let quoteLine = line
                    let s = scratch.count
                    i += 1
                    var closed = false
                    while i < n {
                        let c = bytes[i]
                        if c == quote {
                            if i + 1 < n && bytes[i + 1] == quote { scratch.append(quote); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if c == lf { line += 1 } else if c == cr {
                            line += 1
                            if i + 1 < n && bytes[i + 1] == lf { scratch.append(cr); scratch.append(lf); i += 2; continue }
                        }
                        scratch.append(c)
                        i += 1
                    }
                    if !closed {
                        problems.append(Problem(line: quoteLine, message: "quoted field is never closed; expected a closing \" before the end of the file"))
                    }
                    // Unquoted remainder up to the delimiter.
                    while i < n {
                        let c = bytes[i]
                        if c == comma || c == cr || c == lf { break }
                        scratch.append(c)
                        i += 1
                    }
                    fields.append(FieldRef(start: s, end: scratch.count, inScratch: true))
                } else {
                    let s = i
                    while i < n {
                        let c = bytes[i]
                        if c == comma || c == cr || c == lf { break }
                        i += 1
                    }
                    fields.append(FieldRef(start: s, end: i, inScratch: false))
                }
                if i >= n { break fieldLoop }
                let c = bytes[i]
                if c == comma {
                    recordHasContent = true
                    i += 1
                    if i >= n { fields.append(FieldRef(start: i, end: i, inScratch: false)); break fieldLoop }
                    continue fieldLoop
                }
                // Line end.
                i += 1
                if c == cr && i < n && bytes[i] == lf { i += 1 }
                ended = true
                break fieldLoop
            }
            let f0 = fields[0]
            if recordHasContent || fields.count > 1 || f0.end > f0.start {
                let more = fields.withUnsafeBufferPointer { fb in scratch.withUnsafeBufferPointer { sb in body(recordLine, fb, sb) } }
                if !more { break recordLoop }
            }
            if ended { line += 1 }
        }
        return problems
    }
}

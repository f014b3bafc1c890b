/// One CSV record: its fields and the physical line where it starts.
package struct CSVRecord: Sendable, Equatable {
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
package enum CSVReader {
    /// A problem that stops a record from being read as written.
    public struct Problem: Sendable, Equatable {
        /// Line where the problem starts.
        public var line: Int
        /// What is wrong.
        public var message: String
        /// Column (in characters) where the problem starts.
        public var column: Int = 1
        /// Whether the records were still read (a doubtful quote), rather than lost.
        public var isWarning: Bool = false

        /// A quoted field that ran over lines holding commas: they read like records.
        static func swallowed(line: Int, column: Int, to last: Int) -> Problem {
            let taken = last == line + 1 ? "line \(last)" : "lines \(line + 1)–\(last)"
            return Problem(line: line, message: "quoted field opened here runs to line \(last) and takes \(taken) into one field, though they hold commas and read like records; check for a stray \" (those lines were not read as records)", column: column, isWarning: true)
        }
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
        var column = 1
        var quoteColumn = 1
        // Inside quotes: whether a line after the first held a comma (it reads like a record).
        var swallowedComma = false
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
            column += 1
            if inQuotes {
                if c == "\"" {
                    let n = next()
                    if n == "\"" { field.append("\""); column += 1 } else {
                        inQuotes = false
                        pending = n
                        if swallowedComma { problems.append(.swallowed(line: quoteLine, column: quoteColumn, to: line)) }
                    }
                } else {
                    if c == "," && line > quoteLine { swallowedComma = true }
                    if c == "\n" { line += 1; column = 1 }
                    else if c == "\r" {
                        let n = next()
                        line += 1
                        column = 1
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
                quoteColumn = column - 1
                swallowedComma = false
            case "\r", "\n":
                if c == "\r" {
                    let n = next()
                    if n != "\n" { pending = n }
                }
                endRecord()
                line += 1
                column = 1
                recordLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes {
            let taken = line > quoteLine ? " (it took lines \(quoteLine + 1)–\(line) into one field)" : ""
            problems.append(Problem(line: quoteLine, message: "quoted field is never closed; expected a closing \" before the end of the file\(taken)", column: quoteColumn))
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
        scan(bytes, from: 0, firstLine: firstLine, body).problems
    }

    /// High bit set in each zero byte of `w` (and possibly in bytes above the first zero: only
    /// the lowest flag is exact).
    @inline(__always) static func zeroBytes(_ w: UInt64) -> UInt64 {
        (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
    }

    /// Where `scan(_:from:firstLine:_:)` stopped.
    public struct ScanEnd: Sendable {
        /// Offset just past the last record read (and its line end).
        public var offset: Int
        /// Line of the next record.
        public var line: Int
        /// Whether `offset` is the start of a record: the last record read ended with a line end
        /// outside quotes (or nothing was read). A chunk of a file that ends this way at its
        /// last byte parses exactly as it would inside the whole file.
        public var atRecordStart: Bool
        /// Unterminated quotes.
        public var problems: [Problem]
    }

    /// `scan(_:firstLine:_:)` from byte `start`, reporting where it stopped (at the end, or
    /// just after the record for which `body` returned false).
    ///
    /// With `atFileEnd` false the bytes are a window of a longer file: a last record whose line
    /// end is not in the window (or may be a CR whose LF follows) is not read; the scan stops
    /// at its start, without its problems, so the next window can begin there.
    public static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, firstLine: Int = 1, atFileEnd: Bool = true,
        _ body: (_ line: Int, _ fields: UnsafeBufferPointer<FieldRef>, _ scratch: UnsafeBufferPointer<UInt8>) -> Bool
    ) -> ScanEnd {
        var fields: [FieldRef] = []
        fields.reserveCapacity(16)
        var scratch: [UInt8] = []
        let n = bytes.count
        var i = start
        var line = firstLine
        var problems: [Problem] = []
        var atRecordStart = true
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        recordLoop: while i < n {
            let recordLine = line
            let recordStart = i, problemCount = problems.count
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
                    let quoteAt = i
                    let s = scratch.count
                    i += 1
                    var closed = false
                    var swallowedComma = false
                    while i < n {
                        let c = bytes[i]
                        if c == quote {
                            if i + 1 < n && bytes[i + 1] == quote { scratch.append(quote); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if c == comma && line > quoteLine { swallowedComma = true }
                        if c == lf { line += 1 } else if c == cr {
                            line += 1
                            if i + 1 < n && bytes[i + 1] == lf { scratch.append(cr); scratch.append(lf); i += 2; continue }
                        }
                        scratch.append(c)
                        i += 1
                    }
                    if !closed || swallowedComma {
                        // The quote's column in characters, counted back to its line start.
                        var k = quoteAt, column = 1
                        while k > 0 && bytes[k - 1] != lf && bytes[k - 1] != cr { k -= 1; if bytes[k] & 0xC0 != 0x80 { column += 1 } }
                        if !closed {
                            let taken = line > quoteLine ? " (it took lines \(quoteLine + 1)–\(line) into one field)" : ""
                            problems.append(Problem(line: quoteLine, message: "quoted field is never closed; expected a closing \" before the end of the file\(taken)", column: column))
                        } else {
                            problems.append(.swallowed(line: quoteLine, column: column, to: line))
                        }
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
                    // Eight bytes at a time to the first comma, CR or LF (the lowest flagged
                    // byte of a has-zero test is exact), then byte by byte.
                    if let base = bytes.baseAddress {
                        let raw = UnsafeRawPointer(base)
                        while i + 8 <= n {
                            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                            let m = CSVReader.zeroBytes(w ^ 0x2C2C_2C2C_2C2C_2C2C) | CSVReader.zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)
                                | CSVReader.zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D)
                            if m != 0 { i += m.trailingZeroBitCount >> 3; break }
                            i += 8
                        }
                    }
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
            if !atFileEnd && (!ended || (i == n && bytes[n - 1] == cr)) {
                // Cut by the window's end: left for the next window.
                problems.removeSubrange(problemCount...)
                i = recordStart
                line = recordLine
                break recordLoop
            }
            atRecordStart = ended
            if ended { line += 1 }
            let f0 = fields[0]
            if recordHasContent || fields.count > 1 || f0.end > f0.start {
                let more = fields.withUnsafeBufferPointer { fb in scratch.withUnsafeBufferPointer { sb in body(recordLine, fb, sb) } }
                if !more { break recordLoop }
            }
        }
        return ScanEnd(offset: i, line: line, atRecordStart: atRecordStart, problems: problems)
    }
}

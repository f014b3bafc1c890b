import Foundation

/// Reads award registers (CSV, XLSX, XLS or JSON) into a `Dataset`. It never throws: every
/// problem, from an unreadable file to a bad year, becomes a located diagnostic.
package enum DatasetLoader {
    /// Loads every file in order with default options (encoding detected, first sheet).
    /// Rows with an error are reported and left out; rows with only warnings are kept.
    /// Duplicates (same recipient, programme, year and level) are reported against their
    /// first occurrence, across files too; near-duplicates (names differing only in
    /// 有限公司 / 有限责任公司, parentheses or spaces, or one credit code under two names) are
    /// reported as possible duplicates.
    public static func load(_ urls: [URL]) -> Dataset {
        load(urls, options: LoadOptions())
    }

    /// Loads every file in order with the given encoding, sheet and column mapping.
    public static func load(_ urls: [URL], options: LoadOptions) -> Dataset {
        load(urls, options: options, validator: RecordValidator(homeProvinceCode: options.homeProvinceCode, programmes: options.programmes))
    }

    static func load(_ urls: [URL], validator: RecordValidator) -> Dataset {
        load(urls, options: LoadOptions(), validator: validator)
    }

    static func load(_ urls: [URL], options: LoadOptions, validator: RecordValidator) -> Dataset {
        var dataset = Dataset()
        // Duplicates are found by the columnar reader's passes over the accepted records (one
        // engine for both readers), with every finding listed.
        var duplicates = ColumnarLoader(validator: validator, options: options, cap: .max)
        var files: [String] = []
        for (fileIndex, url) in urls.enumerated() {
            let file = url.isFileURL ? url.relativePath : url.absoluteString
            files.append(file)
            var read = readRecords(url, file: file, options: options, validator: validator)
            dataset.rowsRead += read.rowsRead
            dataset.diagnostics += read.diagnostics
            dataset.records += read.records
            read.diagnostics = []
            duplicates.addFile(file)
            duplicates.absorb(read, fileIndex: fileIndex)
        }
        dataset.diagnostics += duplicates.finish().diagnostics
        dataset.diagnostics = Diagnostic.inFileOrder(dataset.diagnostics, files: files)
        return dataset
    }

    /// What the record reader made of one file: accepted records, the diagnostics of the file
    /// and its rows (duplicates not yet looked for), and where the recipient and credit-code
    /// columns are (1-based; 1 when absent).
    struct RecordRead {
        var records: [AwardRecord] = []
        var diagnostics: [Diagnostic] = []
        var rowsRead = 0
        var recipientColumn = 1
        var creditColumn = 1
    }

    /// Reads and validates one file's rows.
    static func readRecords(_ url: URL, file: String, options: LoadOptions, validator: RecordValidator) -> RecordRead {
        var read = RecordRead()
        let (rows, diags) = readRows(url, file: file, options: options)
        read.diagnostics = diags
        if let first = rows.first {
            read.recipientColumn = first.fields[.recipient]?.column ?? 1
            read.creditColumn = first.fields[.creditCode]?.column ?? 1
        }
        for raw in rows {
            read.rowsRead += 1
            let (record, rowDiags) = validator.validate(raw)
            read.diagnostics += rowDiags
            if let record { read.records.append(record) }
        }
        return read
    }

    static func fileError(_ file: String, _ message: String, _ severity: Severity = .error,
                          kind: DiagnosticKind = .file, line: Int = 1) -> Diagnostic {
        Diagnostic(location: SourceLocation(file: file, line: line, column: 1), severity: severity, message: message, kind: kind)
    }

    /// Reads one file into raw rows plus file-level diagnostics.
    private static func readRows(_ url: URL, file: String, options: LoadOptions) -> ([RawRecord], [Diagnostic]) {
        if url.isFileURL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return ([], [fileError(file, "is a directory; expected a .csv, .xlsx or .json register")])
            }
            if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber,
               size.intValue > options.maxFileSize {
                return ([], [fileError(file, "file is \(megabytes(size.intValue)), above the \(megabytes(options.maxFileSize)) limit for one register; it was not read (split it, or check it is the right file)")])
            }
        }
        let data: Data
        do {
            // An empty regular file is not read (Foundation's reader keeps a 4 KB buffer then).
            let empty = url.isFileURL && ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue == 0
                && (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType == .typeRegular
            data = empty ? Data() : try Data(contentsOf: url)
        } catch {
            return ([], [fileError(file, "cannot read file: \(error.localizedDescription)")])
        }
        if data.count > options.maxFileSize {
            return ([], [fileError(file, "file is \(megabytes(data.count)), above the \(megabytes(options.maxFileSize)) limit for one register; it was not read")])
        }
        switch url.pathExtension.lowercased() {
        case "csv", "txt":
            return csvRows(data, file: file, options: options)
        case "xlsx", "xlsm", "xls", "et":
            // .xls and WPS's .et are OLE2 compound files with a BIFF8 workbook (an .xls that is
            // really a ZIP is read as .xlsx).
            let binary = ["xls", "et"].contains(url.pathExtension.lowercased()) && !data.starts(with: [0x50, 0x4B])
            let (records, diags, sheets) = binary ? XLSReader.read(data, file: file, sheet: options.sheet)
                : XLSXReader.read(data, file: file, sheet: options.sheet)
            if diags.contains(where: { $0.severity == .error && $0.kind == .file }) { return ([], diags) }
            let others = sheets.dropFirst().map { "“\($0)”" }
            let hint = others.isEmpty ? "" : " (sheet “\(sheets[0])”; the workbook also has \(others.joined(separator: ", ")): choose one with --sheet)"
            let (rows, more) = tableRows(records, file: file, options: options, hint: hint)
            return (rows, diags + more)
        case "json":
            return JSONRecordReader.read(data, file: file)
        default:
            return ([], [fileError(file, "unsupported file type “.\(url.pathExtension)”; expected .csv, .xlsx, .xls or .json")])
        }
    }

    private static func megabytes(_ n: Int) -> String {
        n >= 1 << 30 ? String(format: "%.1f GB", Double(n) / Double(1 << 30))
            : n >= 1 << 20 ? "\(n >> 20) MB" : "\(n) bytes"
    }

    /// Decodes a CSV file and reads its records.
    static func csvRows(_ data: Data, file: String, options: LoadOptions) -> ([RawRecord], [Diagnostic]) {
        if data.isEmpty {
            return ([], [fileError(file, "file is empty; expected a header row such as 获奖单位,奖项,年度,地区 or recipient,programme,year,region_code")])
        }
        let decoded: TextDecoding.Decoded
        switch TextDecoding.decode(data, forced: options.encoding) {
        case .success(let d): decoded = d
        case .failure(let f):
            return ([], [Diagnostic(location: SourceLocation(file: file, line: f.line, column: f.column), severity: .error, message: f.message, kind: .encoding)])
        }
        var (rows, diags) = csvRows(decoded.text, file: file, options: options)
        if decoded.guessed {
            let message = decoded.encoding == .gb18030
                ? "file is not valid UTF-8 and was read as GBK (GB 18030); pass --encoding gbk to confirm, or save it as UTF-8"
                : "file has no byte-order mark and was read as \(decoded.encoding.displayName); pass --encoding to confirm"
            diags.insert(fileError(file, message, .warning, kind: .encoding), at: 0)
        }
        return (rows, diags)
    }

    /// Parses CSV text, then maps the header.
    static func csvRows(_ text: String, file: String, options: LoadOptions = LoadOptions()) -> ([RawRecord], [Diagnostic]) {
        let (records, problems) = CSVReader.parse(text)
        let diags = problems.map {
            Diagnostic(location: SourceLocation(file: file, line: $0.line, column: $0.column), severity: $0.isWarning ? .warning : .error, message: $0.message, kind: .row)
        }
        let (rows, more) = tableRows(records, file: file, options: options)
        return (rows, diags + more)
    }

    /// Finds the header (`RegisterHeader`), then turns each later record into a raw row keyed
    /// by column.
    static func tableRows(_ records: [CSVRecord], file: String, options: LoadOptions, hint: String = "") -> ([RawRecord], [Diagnostic]) {
        guard !records.isEmpty else {
            return ([], [fileError(file, "file has no rows; expected a header row such as 获奖单位,奖项,年度,地区 or recipient,programme,year,region_code")])
        }
        let header = RegisterHeader.find(records.prefix(RegisterHeader.searchDepth).map { ($0.line, $0.fields) }, file: file, options: options, hint: hint)
        var diags = header.diagnostics
        guard header.isUsable else { return ([], diags) }
        var rows: [RawRecord] = []
        let width = header.width
        for record in records[(header.index + 1)...] {
            if record.fields.allSatisfy({ TextNormalizer.trim($0).isEmpty }) { continue }
            if record.fields.count > width, record.fields[width...].contains(where: { !TextNormalizer.trim($0).isEmpty }) {
                diags.append(header.extraFields(record.fields.count, line: record.line, file: file))
            }
            var fields: [RecordColumn: (value: String, column: Int)] = [:]
            for (c, i) in header.columns {
                fields[c] = (i < record.fields.count ? record.fields[i] : "", i + 1)
            }
            rows.append(RawRecord(file: file, line: record.line, fields: fields))
        }
        return (rows, diags)
    }
}

extension Diagnostic {
    /// `diagnostics` in the order both readers list them: by file (in load order) and line;
    /// on a line, file and header findings first, then the row's and its fields' by column (the
    /// row's first), then duplicates and possible duplicates; otherwise as found.
    static func inFileOrder(_ diagnostics: [Diagnostic], files: [String]) -> [Diagnostic] {
        var fileIndex: [String: Int] = [:]
        for (i, f) in files.enumerated() where fileIndex[f] == nil { fileIndex[f] = i }
        func rank(_ k: DiagnosticKind) -> Int {
            switch k {
            case .file, .encoding, .header: return 0
            case .duplicate: return 2
            case .possibleDuplicate: return 3
            default: return 1
            }
        }
        return diagnostics.enumerated().map { (i, d) in
            let r = rank(d.kind)
            return (key: [fileIndex[d.location.file] ?? files.count, d.location.line, r, r == 1 ? d.location.column : 0, d.kind == .row ? 0 : 1, i], d: d)
        }.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.d)
    }
}

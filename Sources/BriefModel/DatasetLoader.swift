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
        var duplicates = DuplicateTracker()
        for url in urls {
            let file = url.isFileURL ? url.relativePath : url.absoluteString
            let (rows, diags) = readRows(url, file: file, options: options)
            dataset.diagnostics += diags
            for raw in rows {
                dataset.rowsRead += 1
                let (record, rowDiags) = validator.validate(raw)
                dataset.diagnostics += rowDiags
                guard let record else { continue }
                dataset.diagnostics += duplicates.check(record, raw)
                dataset.records.append(record)
            }
        }
        return dataset
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

    /// Finds the header (the first of the first ten records naming two known columns, one
    /// of them required: title rows above it are skipped), then turns each later record
    /// into a raw row keyed by column.
    static func tableRows(_ records: [CSVRecord], file: String, options: LoadOptions, hint: String = "") -> ([RawRecord], [Diagnostic]) {
        var diags: [Diagnostic] = []
        func at(_ line: Int, _ column: Int, _ severity: Severity, _ message: String, _ kind: DiagnosticKind = .header) {
            diags.append(Diagnostic(location: SourceLocation(file: file, line: line, column: column), severity: severity, message: message, kind: kind))
        }
        guard !records.isEmpty else {
            diags.append(fileError(file, "file has no rows; expected a header row such as 获奖单位,奖项,年度,地区 or recipient,programme,year,region_code"))
            return ([], diags)
        }
        let mapping = options.columnMapping
        func known(_ r: CSVRecord) -> Set<RecordColumn> {
            Set(r.fields.prefix(200).compactMap { RecordColumn.from(header: $0, mapping: mapping) })
        }
        let headerIndex = records.prefix(10).firstIndex { r in
            let k = known(r)
            return k.count >= 2 && !k.isDisjoint(with: RecordColumn.required)
        } ?? 0
        let header = records[headerIndex]
        if headerIndex > 0 {
            at(records[0].line, 1, .warning, "\(headerIndex) row\(headerIndex > 1 ? "s" : "") above the header (line \(header.line)) skipped as titles")
        }
        var columns: [RecordColumn: Int] = [:]
        var unknown: [(name: String, column: Int)] = []
        // Columns named by the mapping are taken first, so a mapping overrides an alias.
        var mapped: Set<Int> = []
        if !mapping.isEmpty {
            for (i, cell) in header.fields.enumerated() {
                let k = RecordColumn.headerKey(cell)
                if let c = mapping.first(where: { RecordColumn.headerKey($0.key) == k })?.value, columns[c] == nil {
                    columns[c] = i
                    mapped.insert(i)
                }
            }
        }
        for (i, cell) in header.fields.enumerated() where !mapped.contains(i) {
            if TextNormalizer.trim(cell).isEmpty { continue }
            guard let c = RecordColumn.from(header: cell, mapping: mapping) else {
                unknown.append((cell, i + 1))
                continue
            }
            if let first = columns[c] {
                at(header.line, i + 1, .warning, "column “\(cell)” repeats \(c.rawValue) (column \(first + 1)); the first one is used")
                continue
            }
            columns[c] = i
        }
        // Unknown cells are worth a warning only in a row that is a header at all.
        if !columns.isEmpty, let first = unknown.first {
            let names = unknown.prefix(8).map { "“\($0.name)”" }.joined(separator: ", ")
            let more = unknown.count > 8 ? " and \(unknown.count - 8) more" : ""
            at(header.line, first.column, .warning,
               "unknown column\(unknown.count > 1 ? "s" : "") \(names)\(more) not used; map \(unknown.count > 1 ? "them" : "it") with --columns HEADER=COLUMN if \(unknown.count > 1 ? "they hold" : "it holds") register data")
        }
        let missing = RecordColumn.required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "“\($0.rawValue)”" }.joined(separator: ", ")
            let cells = header.fields.prefix(6).map { "“\(TextNormalizer.trim($0))”" }.joined(separator: ", ")
            diags.append(Diagnostic(location: SourceLocation(file: file, line: header.line, column: 1), severity: .error,
                                    message: "missing required column\(missing.count > 1 ? "s" : "") \(names); the header must name the recipient (获奖单位), programme (奖项) and year (年度), or map them with --columns; line \(header.line) reads \(cells)\(hint)",
                                    kind: .header))
            return ([], diags)
        }
        if columns[.region] == nil {
            at(header.line, 1, .warning, "no region column (地区); every record is counted under 未知地区")
        }
        var rows: [RawRecord] = []
        let width = header.fields.count
        for record in records[(headerIndex + 1)...] {
            if record.fields.allSatisfy({ TextNormalizer.trim($0).isEmpty }) { continue }
            if record.fields.count > width, record.fields[width...].contains(where: { !TextNormalizer.trim($0).isEmpty }) {
                at(record.line, width + 1, .warning,
                   "row has \(record.fields.count) fields but the header has \(width); extra fields ignored", .row)
            }
            var fields: [RecordColumn: (value: String, column: Int)] = [:]
            for (c, i) in columns {
                fields[c] = (i < record.fields.count ? record.fields[i] : "", i + 1)
            }
            rows.append(RawRecord(file: file, line: record.line, fields: fields))
        }
        return (rows, diags)
    }
}

/// Finds repeated records and near-duplicate names across everything loaded.
struct DuplicateTracker {
    private var exact: [String: SourceLocation] = [:]
    private var byLooseName: [String: (name: String, key: String, location: SourceLocation)] = [:]
    private var byCredit: [String: (name: String, key: String, location: SourceLocation)] = [:]
    private var reported: Set<String> = []

    /// A name reduced further than `comparisonKey`: parentheses dropped and 有限责任公司 read
    /// as 有限公司, so names that differ only in those forms meet.
    static func looseKey(_ name: String) -> String {
        looseKey(comparisonKey: TextNormalizer.comparisonKey(name))
    }

    private static let ignored = Set("（）()【】[]·.,，、-—_“”\"'".unicodeScalars)
    private static let longForm = Array("有限责任公司".unicodeScalars)
    private static let shortForm = Array("有限公司".unicodeScalars)

    /// `looseKey(_:)` of a name whose `comparisonKey` is already known.
    static func looseKey(comparisonKey key: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(key.unicodeScalars.count)
        for u in key.unicodeScalars where !ignored.contains(u) { scalars.append(u) }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == longForm[0], i + longForm.count <= scalars.count, Array(scalars[i..<(i + longForm.count)]) == longForm {
                out.append(contentsOf: shortForm)
                i += longForm.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    private static func place(_ l: SourceLocation, from file: String) -> String {
        l.file == file ? "line \(l.line)" : "\(l.file):\(l.line)"
    }

    mutating func check(_ record: AwardRecord, _ raw: RawRecord) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let key = TextNormalizer.comparisonKey(record.recipient)
        let here = SourceLocation(file: raw.file, line: raw.line, column: 1)
        let exactKey = [key, record.programme.id, String(record.year), record.level.rawValue].joined(separator: "\u{1F}")
        if let first = exact[exactKey] {
            out.append(raw.diagnostic(.recipient, .warning,
                "duplicate of \(Self.place(first, from: raw.file)): “\(record.recipient)” already has \(record.programme.name) \(record.year) (\(record.level.rawValue))").with(kind: .duplicate))
        } else {
            exact[exactKey] = here
        }
        let loose = Self.looseKey(comparisonKey: key)
        if let first = byLooseName[loose] {
            if first.key != key, reported.insert("n\u{1F}\(first.key)\u{1F}\(key)").inserted {
                out.append(raw.diagnostic(.recipient, .warning,
                    "possible duplicate of \(Self.place(first.location, from: raw.file)): “\(record.recipient)” and “\(first.name)” differ only in 有限公司/有限责任公司, parentheses or spaces").with(kind: .possibleDuplicate))
            }
        } else {
            byLooseName[loose] = (record.recipient, key, here)
        }
        if let code = record.creditCode {
            if let first = byCredit[code] {
                if first.key != key, Self.looseKey(comparisonKey: first.key) != loose, reported.insert("c\u{1F}\(code)\u{1F}\(key)").inserted {
                    out.append(raw.diagnostic(.creditCode, .warning,
                        "possible duplicate of \(Self.place(first.location, from: raw.file)): credit code \(code) is registered to both “\(first.name)” and “\(record.recipient)”").with(kind: .possibleDuplicate))
                }
            } else {
                byCredit[code] = (record.recipient, key, here)
            }
        }
        return out
    }
}

extension Diagnostic {
    /// The same diagnostic with another kind.
    func with(kind: DiagnosticKind) -> Diagnostic {
        Diagnostic(location: location, severity: severity, message: message, kind: kind)
    }
}

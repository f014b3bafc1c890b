import Foundation

/// Reads award registers (CSV or JSON) into a `Dataset`. It never throws: every problem,
/// from an unreadable file to a bad year, becomes a located diagnostic.
public enum DatasetLoader {
    /// Loads every file in order. Rows with an error are reported and left out; rows with
    /// only warnings are kept. Duplicates (same recipient, programme, year and level) are
    /// reported against their first occurrence, across files too.
    public static func load(_ urls: [URL]) -> Dataset {
        load(urls, validator: RecordValidator())
    }

    static func load(_ urls: [URL], validator: RecordValidator) -> Dataset {
        var dataset = Dataset()
        var seen: [String: SourceLocation] = [:]
        for url in urls {
            let file = url.isFileURL ? url.relativePath : url.absoluteString
            let (rows, diags) = readRows(url, file: file)
            dataset.diagnostics += diags
            for raw in rows {
                dataset.rowsRead += 1
                let (record, rowDiags) = validator.validate(raw)
                dataset.diagnostics += rowDiags
                guard let record else { continue }
                let key = [TextNormalizer.comparisonKey(record.recipient), record.programme.id,
                           String(record.year), record.level.rawValue].joined(separator: "\u{1F}")
                if let first = seen[key] {
                    let whereText = first.file == file ? "line \(first.line)" : "\(first.file):\(first.line)"
                    dataset.diagnostics.append(Diagnostic(
                        location: raw.location(.recipient), severity: .warning,
                        message: "duplicate of \(whereText): “\(record.recipient)” already has \(record.programme.name) \(record.year) (\(record.level.rawValue))"))
                } else {
                    seen[key] = SourceLocation(file: file, line: raw.line, column: 1)
                }
                dataset.records.append(record)
            }
        }
        return dataset
    }

    private static func fileError(_ file: String, _ message: String, _ severity: Severity = .error) -> Diagnostic {
        Diagnostic(location: SourceLocation(file: file, line: 1, column: 1), severity: severity, message: message)
    }

    /// Reads one file into raw rows plus file-level diagnostics.
    private static func readRows(_ url: URL, file: String) -> ([RawRecord], [Diagnostic]) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return ([], [fileError(file, "cannot read file: \(error.localizedDescription)")])
        }
        switch url.pathExtension.lowercased() {
        case "csv", "txt":
            guard let (text, source) = TextDecoding.decode(data) else {
                return ([], [fileError(file, "file is neither UTF-8 nor GBK/GB 18030 text; expected a UTF-8 CSV")])
            }
            var (rows, diags) = csvRows(text, file: file)
            if source == .gb18030 {
                diags.insert(fileError(file, "file is not valid UTF-8 and was read as GBK (GB 18030); save it as UTF-8 to be sure", .warning), at: 0)
            }
            return (rows, diags)
        case "json":
            return JSONRecordReader.read(data, file: file)
        default:
            return ([], [fileError(file, "unsupported file type “.\(url.pathExtension)”; expected .csv or .json")])
        }
    }

    /// Maps the header, then turns each record into a raw row keyed by column.
    static func csvRows(_ text: String, file: String) -> ([RawRecord], [Diagnostic]) {
        let (records, problems) = CSVReader.parse(text)
        var diags = problems.map {
            Diagnostic(location: SourceLocation(file: file, line: $0.line, column: 1), severity: .error, message: $0.message)
        }
        guard let header = records.first else {
            diags.append(fileError(file, "file is empty; expected a header row such as recipient,programme,year,region_code"))
            return ([], diags)
        }
        var columns: [RecordColumn: Int] = [:]
        for (i, cell) in header.fields.enumerated() {
            guard let c = RecordColumn.from(header: cell) else {
                diags.append(Diagnostic(location: SourceLocation(file: file, line: header.line, column: i + 1), severity: .warning,
                                        message: "unknown column “\(cell)” ignored"))
                continue
            }
            if columns[c] != nil {
                diags.append(Diagnostic(location: SourceLocation(file: file, line: header.line, column: i + 1), severity: .warning,
                                        message: "column “\(cell)” repeats \(c.rawValue); the first one is used"))
                continue
            }
            columns[c] = i
        }
        let missing = RecordColumn.required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "“\($0.rawValue)”" }.joined(separator: ", ")
            diags.append(fileError(file, "missing required column\(missing.count > 1 ? "s" : "") \(names); the header must name recipient, programme, year and region_code"))
            return ([], diags)
        }
        var rows: [RawRecord] = []
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ TextNormalizer.trim($0).isEmpty }) { continue }
            if record.fields.count > header.fields.count {
                diags.append(Diagnostic(location: SourceLocation(file: file, line: record.line, column: header.fields.count + 1), severity: .warning,
                                        message: "row has \(record.fields.count) fields but the header has \(header.fields.count); extra fields ignored"))
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

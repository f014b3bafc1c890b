/// Where a table register's header is and which column holds what, found the same way by
/// every reader (CSV records, XLSX and XLS rows, the columnar CSV reader): the first of the
/// first `searchDepth` records naming two known columns, one of them required, is the header
/// (title rows above it are skipped with a warning); `LoadOptions.columnMapping` names are
/// taken before the built-in aliases.
struct RegisterHeader {
    /// Index of the header among the records searched.
    var index: Int
    /// Line of the header.
    var line: Int
    /// Cells in the header row.
    var width: Int
    /// Column of each known field (0-based).
    var columns: [RecordColumn: Int]
    /// Title rows skipped, unknown and repeated columns, no region column; a missing required
    /// column (then `isUsable` is false).
    var diagnostics: [Diagnostic]
    /// Whether every required column is there.
    var isUsable: Bool

    /// How many records from the top may hold the header.
    static let searchDepth = 10

    /// The header of `records` (at least one; only the first `searchDepth` are looked at).
    /// `hint` ends the missing-column message (e.g. the workbook's other sheets).
    static func find(_ records: [(line: Int, fields: [String])], file: String, options: LoadOptions, hint: String = "") -> RegisterHeader {
        var diags: [Diagnostic] = []
        func at(_ line: Int, _ column: Int, _ severity: Severity, _ message: String) {
            diags.append(Diagnostic(location: SourceLocation(file: file, line: line, column: column), severity: severity, message: message, kind: .header))
        }
        let mapping = options.columnMapping
        func known(_ fields: [String]) -> Set<RecordColumn> {
            Set(fields.prefix(200).compactMap { RecordColumn.from(header: $0, mapping: mapping) })
        }
        let headerIndex = records.prefix(searchDepth).firstIndex { r in
            let k = known(r.fields)
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
            at(header.line, 1, .error,
               "missing required column\(missing.count > 1 ? "s" : "") \(names); the header must name the recipient (获奖单位), programme (奖项) and year (年度), or map them with --columns; line \(header.line) reads \(cells)\(hint)")
        } else if columns[.region] == nil {
            at(header.line, 1, .warning, "no region column (地区); every record is counted under 未知地区")
        }
        return RegisterHeader(index: headerIndex, line: header.line, width: header.fields.count, columns: columns,
                              diagnostics: diags, isUsable: missing.isEmpty)
    }

    /// The warning for a row with `count` fields, more than the header's, when any field
    /// beyond the header holds text (trailing empty fields are fine).
    func extraFields(_ count: Int, line: Int, file: String) -> Diagnostic {
        Diagnostic(location: SourceLocation(file: file, line: line, column: width + 1), severity: .warning,
                   message: "row has \(count) fields but the header has \(width); extra fields ignored", kind: .row)
    }
}

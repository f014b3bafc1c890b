import Foundation

/// What `qbrief validate` reports about a set of registers, read the ordinary way or, for a
/// plain UTF-8 CSV above `LoadOptions.maxFileSize`, straight into columns
/// (`DatasetLoader.loadColumns`), where only the first `DatasetLoader.diagnosticCapPerKind`
/// findings of each kind are listed and the rest are counted.
package struct RegisterCheck: Sendable {
    /// The findings listed, in file order (all of them unless `notListed` > 0).
    public var diagnostics: [Diagnostic]
    /// Data rows read, and rows accepted (no error).
    public var rowsRead: Int
    public var accepted: Int
    /// All errors and warnings found, listed or not.
    public var errorCount: Int
    public var warningCount: Int
    /// Totals by kind: `DiagnosticKind` names for the ordinary path, finer kinds of message for
    /// the columnar one (e.g. "credit code check character mismatch").
    public var byKind: [String: Int]
    /// Findings counted but not listed (columnar path only), by kind.
    public var notListed: [String: Int]
    /// Whether the files were read into columns (large plain CSV).
    public var columnar: Bool

    /// Checks `urls`. Files too large for the record path that are plain CSV (UTF-8, no
    /// encoding, sheet or column mapping asked for) are read into columns; a large file that
    /// turns out not to be UTF-8 is still refused by the record path with its message.
    public static func run(_ urls: [URL], options: LoadOptions = LoadOptions()) -> RegisterCheck {
        if readsAsColumns(urls, options) {
            let c = DatasetLoader.loadColumns(urls, homeProvinceCode: options.homeProvinceCode)
            return RegisterCheck(diagnostics: c.diagnostics, rowsRead: c.rowsRead, accepted: c.count, errorCount: c.errorCount,
                                 warningCount: c.warningCount, byKind: c.totals, notListed: c.suppressed, columnar: true)
        }
        let ds = DatasetLoader.load(urls, options: options)
        var byKind: [String: Int] = [:]
        for d in ds.diagnostics { byKind[d.kind.rawValue, default: 0] += 1 }
        let errors = ds.diagnostics.filter { $0.severity == .error }.count
        return RegisterCheck(diagnostics: ds.diagnostics, rowsRead: ds.rowsRead, accepted: ds.records.count, errorCount: errors,
                             warningCount: ds.diagnostics.count - errors, byKind: byKind, notListed: [:], columnar: false)
    }

    /// Whether any file is above the size limit and all are CSV read with default options.
    static func readsAsColumns(_ urls: [URL], _ options: LoadOptions) -> Bool {
        guard options.encoding == nil || options.encoding == .utf8, options.sheet == nil, options.columnMapping.isEmpty else { return false }
        var large = false
        for u in urls {
            guard u.isFileURL, ["csv", "txt"].contains(u.pathExtension.lowercased()) else { return false }
            let size = ((try? FileManager.default.attributesOfItem(atPath: u.path))?[.size] as? NSNumber)?.intValue ?? 0
            if size > options.maxFileSize { large = true }
        }
        return large
    }

    /// Total findings not listed.
    public var notListedCount: Int { notListed.values.reduce(0, +) }
}

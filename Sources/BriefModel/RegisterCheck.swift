import Foundation

/// What `qbrief validate` reports about a set of registers, read record by record or, for a
/// large plain CSV register (`LoadOptions.readsAsColumns`), straight into columns
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
    /// Totals by `DiagnosticKind` name, listed or not.
    public var byKind: [String: Int]
    /// Findings counted but not listed (columnar path only), by kind.
    public var notListed: [String: Int]
    /// Whether the files were read into columns (large plain CSV).
    public var columnar: Bool

    /// Checks `urls`, read by the reader `options` chooses (`LoadOptions.readsAsColumns`).
    public static func run(_ urls: [URL], options: LoadOptions = LoadOptions()) -> RegisterCheck {
        if options.readsAsColumns(urls) {
            let c = DatasetLoader.loadColumns(urls, options: options)
            return RegisterCheck(diagnostics: c.diagnostics, rowsRead: c.rowsRead, accepted: c.count, errorCount: c.errorCount,
                                 warningCount: c.warningCount, byKind: c.totalsByKind, notListed: c.suppressed, columnar: true)
        }
        let ds = DatasetLoader.load(urls, options: options)
        var byKind: [String: Int] = [:]
        for d in ds.diagnostics { byKind[d.kind.rawValue, default: 0] += 1 }
        let errors = ds.diagnostics.filter { $0.severity == .error }.count
        return RegisterCheck(diagnostics: ds.diagnostics, rowsRead: ds.rowsRead, accepted: ds.records.count, errorCount: errors,
                             warningCount: ds.diagnostics.count - errors, byKind: byKind, notListed: [:], columnar: false)
    }

    /// Total findings not listed.
    public var notListedCount: Int { notListed.values.reduce(0, +) }
}

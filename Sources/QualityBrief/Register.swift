import BriefAnalytics
import BriefModel
import Foundation

/// A loaded register: the counting table, the diagnostics found while reading, and the
/// records (built on demand for the rows a briefing lists).
///
/// Small registers are read record by record (`DatasetLoader.load`), with every diagnostic
/// listed. Plain CSV of `LoadOptions.columnarThreshold` bytes or more is read straight into
/// columns (`DatasetLoader.loadColumns`; see `LoadOptions.readsAsColumns`): the same records and
/// checks, but only the first `DatasetLoader.diagnosticCapPerKind` findings of each kind are
/// listed; the rest are counted in `problemSummary`.
public struct Register: Sendable {
    /// Columnar store for counting.
    public let table: AwardTable
    /// Diagnostics as read (for a large register, the first of each kind).
    public let diagnostics: [Diagnostic]
    /// Accepted records.
    public let recordCount: Int
    /// Data rows read, accepted or not.
    public let rowsRead: Int
    /// Errors in all, listed or not.
    public let errorCount: Int
    /// Warnings in all, listed or not.
    public let warningCount: Int
    /// "N errors, M warnings", plus how many were counted but not listed.
    public let problemSummary: String
    /// The files read (empty for a register built from a dataset or columns): a render never
    /// writes over one of them (`OutputTarget`).
    public internal(set) var sources: [URL] = []
    private let storage: Storage

    private enum Storage: Sendable {
        case records([AwardRecord])
        case columns(ColumnarRegister)
    }

    /// Wraps records read by `DatasetLoader.load`.
    package init(dataset: Dataset) {
        table = AwardTable(dataset.records)
        diagnostics = dataset.diagnostics
        recordCount = dataset.records.count
        rowsRead = dataset.rowsRead
        errorCount = dataset.diagnostics.filter { $0.severity == .error }.count
        warningCount = dataset.diagnostics.count - errorCount
        problemSummary = "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")"
        storage = .records(dataset.records)
    }

    /// Wraps a register read by `DatasetLoader.loadColumns`.
    package init(columns: ColumnarRegister) {
        table = AwardTable(columns)
        diagnostics = columns.diagnostics
        recordCount = columns.count
        rowsRead = columns.rowsRead
        errorCount = columns.errorCount
        warningCount = columns.warningCount
        problemSummary = columns.summary
        storage = .columns(columns)
    }

    /// Whether any row has an error.
    public var hasErrors: Bool { errorCount > 0 }

    /// The accepted records that `filter` selects, in register order. For a columnar register
    /// the filter is applied to the columns, and records are built only for the rows it keeps.
    public func records(matching filter: RecordFilter = RecordFilter()) -> [AwardRecord] {
        switch storage {
        case .records(let all):
            return filter.isEmpty ? all : all.filter { filter.matches($0) }
        case .columns(let c):
            return table.rows(matching: filter).map { c.record(at: $0) }
        }
    }

    /// Reads CSV, XLSX and JSON files; throws `QualityBriefError.fileNotFound` for a file that
    /// does not exist and `QualityBriefError.invalidData` if any row has an error (warnings are
    /// kept in `diagnostics`; `loadLeniently` keeps the records of a register with errors).
    public static func load(_ paths: [String], options: LoadOptions = LoadOptions()) throws -> Register {
        try load(urls: paths.map { URL(fileURLWithPath: $0) }, options: options)
    }

    /// Reads files from URLs; see `load(_:options:)`.
    public static func load(urls: [URL], options: LoadOptions = LoadOptions()) throws -> Register {
        for url in urls where !FileManager.default.fileExists(atPath: url.path) { throw QualityBriefError.fileNotFound(path: url.path) }
        let register = loadLeniently(urls: urls, options: options)
        if register.hasErrors { throw QualityBriefError.invalidData(register.diagnostics, errorCount: register.errorCount) }
        return register
    }

    /// Reads files and keeps every record that loaded, errors or not.
    public static func loadLeniently(urls: [URL], options: LoadOptions = LoadOptions()) -> Register {
        var register = options.readsAsColumns(urls)
            ? Register(columns: DatasetLoader.loadColumns(urls, options: options))
            : Register(dataset: DatasetLoader.load(urls, options: options))
        register.sources = urls
        return register
    }
}

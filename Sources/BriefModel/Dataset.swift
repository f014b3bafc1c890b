/// What the loader read: accepted records, every diagnostic, and how many data rows it saw.
package struct Dataset: Sendable {
    /// Rows without errors, in file and line order.
    public var records: [AwardRecord]
    /// Errors and warnings, by file (in load order), line and column.
    public var diagnostics: [Diagnostic]
    /// Data rows read (header and blank lines not counted), accepted or not.
    public var rowsRead: Int

    /// Creates a dataset.
    public init(records: [AwardRecord] = [], diagnostics: [Diagnostic] = [], rowsRead: Int = 0) {
        self.records = records
        self.diagnostics = diagnostics
        self.rowsRead = rowsRead
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

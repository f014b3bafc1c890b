/// Counts broken down by two dimensions at once: a matrix with row and column totals.
public struct CrossTab: Sendable, Equatable {
    /// What the rows are.
    public var rowDimension: Dimension
    /// What the columns are.
    public var columnDimension: Dimension
    /// Row keys, in display order.
    public var rowKeys: [String]
    /// Row labels, aligned with `rowKeys`.
    public var rowLabels: [String]
    /// Column keys, in display order.
    public var columnKeys: [String]
    /// Column labels, aligned with `columnKeys`.
    public var columnLabels: [String]
    /// `counts[row][column]`.
    public var counts: [[Int]]
    /// Sum of each row.
    public var rowTotals: [Int]
    /// Sum of each column.
    public var columnTotals: [Int]
    /// Sum of all cells.
    public var total: Int

    /// Creates a cross-tab; totals are computed from `counts`.
    public init(rowDimension: Dimension, columnDimension: Dimension, rowKeys: [String], rowLabels: [String],
                columnKeys: [String], columnLabels: [String], counts: [[Int]]) {
        self.rowDimension = rowDimension
        self.columnDimension = columnDimension
        self.rowKeys = rowKeys
        self.rowLabels = rowLabels
        self.columnKeys = columnKeys
        self.columnLabels = columnLabels
        self.counts = counts
        rowTotals = counts.map { $0.reduce(0, +) }
        columnTotals = columnKeys.indices.map { c in counts.reduce(0) { $0 + $1[c] } }
        total = rowTotals.reduce(0, +)
    }

    /// The cross-tab without the rows whose total is 0 (the others keep their order): what a
    /// chart whose series are the rows draws, so its legend names no series without data.
    package func droppingEmptyRows() -> CrossTab {
        let keep = rowKeys.indices.filter { rowTotals[$0] != 0 }
        guard keep.count < rowKeys.count else { return self }
        var t = self
        t.rowKeys = keep.map { rowKeys[$0] }
        t.rowLabels = keep.map { rowLabels[$0] }
        t.counts = keep.map { counts[$0] }
        t.rowTotals = keep.map { rowTotals[$0] }
        return t
    }

    /// The cell for a row key and a column key, 0 if either is absent.
    public func count(row: String, column: String) -> Int {
        guard let r = rowKeys.firstIndex(of: row), let c = columnKeys.firstIndex(of: column) else { return 0 }
        return counts[r][c]
    }
}

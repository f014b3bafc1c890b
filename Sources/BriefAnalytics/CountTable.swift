/// One category of a breakdown: its key, its display label and how many records fall in it.
public struct CountRow: Sendable, Equatable {
    /// Stable key: programme id, level raw value, year, section letter, city code; "" for
    /// the unclassified / unknown row.
    public var key: String
    /// Chinese display label.
    public var label: String
    /// Number of records.
    public var count: Int

    /// Creates a row.
    public init(key: String, label: String, count: Int) {
        self.key = key
        self.label = label
        self.count = count
    }
}

/// Counts of records broken down by one dimension, rows in the dimension's display order.
public struct CountTable: Sendable, Equatable {
    /// What the rows are.
    public var dimension: Dimension
    /// The rows, in display order.
    public var rows: [CountRow]
    /// Sum of the counts.
    public var total: Int

    /// Creates a table; the total is the sum of the row counts.
    public init(dimension: Dimension, rows: [CountRow]) {
        self.dimension = dimension
        self.rows = rows
        self.total = rows.reduce(0) { $0 + $1.count }
    }

    /// The count for `key`, 0 if there is no such row.
    public func count(_ key: String) -> Int {
        rows.first { $0.key == key }?.count ?? 0
    }

    /// Rows by descending count; equal counts keep display order.
    public var sortedByCount: [CountRow] {
        rows.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
    }

    /// Percentages aligned with `rows`, rounded to `digits` decimals by the largest-remainder
    /// method so they add up to exactly 100 when `total > 0` (all 0 when it is 0). Ties in
    /// the remainder go to the earlier row: counts 1, 1, 1 give 33.4, 33.3, 33.3.
    public func shares(digits: Int) -> [Double] {
        LargestRemainder.percentages(rows.map(\.count), digits: digits)
    }

    /// The `n` largest non-empty rows by count (ties in display order), in that order, plus one
    /// row keyed "*other*" and labelled `otherLabel` summing the rest; the other row is left
    /// out when it would be 0. Rows with count 0 are dropped.
    public func top(_ n: Int, otherLabel: String) -> CountTable {
        let ranked = sortedByCount.filter { $0.count > 0 }
        var kept = Array(ranked.prefix(max(0, n)))
        let rest = ranked.dropFirst(max(0, n)).reduce(0) { $0 + $1.count }
        if rest > 0 { kept.append(CountRow(key: CountTable.otherKey, label: otherLabel, count: rest)) }
        return CountTable(dimension: dimension, rows: kept)
    }

    /// Key of the row `top(_:otherLabel:)` adds for everything else.
    public static let otherKey = "*other*"
}

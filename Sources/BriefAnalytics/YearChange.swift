/// How the latest year compares with the year before it.
public struct YearChange: Sendable, Equatable {
    /// The latest year with records.
    public var year: Int
    /// Records in `year`.
    public var count: Int
    /// The year before (`year − 1`).
    public var previousYear: Int
    /// Records in `previousYear` (may be 0).
    public var previousCount: Int
    /// `count − previousCount`.
    public var change: Int
    /// `change / previousCount`, nil when `previousCount` is 0.
    public var rate: Double?

    /// Creates a comparison; change and rate are derived.
    public init(year: Int, count: Int, previousYear: Int, previousCount: Int) {
        self.year = year
        self.count = count
        self.previousYear = previousYear
        self.previousCount = previousCount
        change = count - previousCount
        rate = previousCount == 0 ? nil : Double(count - previousCount) / Double(previousCount)
    }
}

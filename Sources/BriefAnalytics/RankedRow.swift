/// A category with its competition rank (1, 2, 2, 4…) by descending count.
public struct RankedRow: Sendable, Equatable {
    /// The category key.
    public var key: String
    /// The display label.
    public var label: String
    /// Number of records.
    public var count: Int
    /// 1 + the number of categories with a strictly larger count.
    public var rank: Int

    /// Creates a ranked row.
    public init(key: String, label: String, count: Int, rank: Int) {
        self.key = key
        self.label = label
        self.count = count
        self.rank = rank
    }
}

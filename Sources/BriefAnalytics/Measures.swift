import BriefModel
import Foundation

/// What a count counts.
public enum Measure: String, Sendable, CaseIterable, Codable {
    /// Award records.
    case awards
    /// Distinct recipients (names compared after normalisation): a company with three
    /// awards in a group counts once in that group.
    case recipients
}

extension AwardTable {
    /// Counts by one dimension, of awards or of distinct recipients; same rows and order as
    /// `counts(by:filter:)` (a year dimension lists every year between the first and last).
    public func counts(by dimension: Dimension, filter: RecordFilter = RecordFilter(), measure: Measure) -> CountTable {
        let col = column(dimension)
        let m = mask(filter)
        let tallies = measure == .awards ? tally(col.codes, size: col.keys.count, mask: m) : distinctTally(col.codes, size: col.keys.count, mask: m)
        let shown = shownCodes(col, totals: tallies, fillYears: dimension == .year)
        var t = CountTable(dimension: dimension, rows: shown.map { CountRow(key: col.keys[$0], label: col.labels[$0], count: tallies[$0]) })
        if measure == .recipients { t.total = distinctRecipients(filter: filter) }
        return t
    }

    /// Cross-tab of awards or of distinct recipients (see `crossTab(rows:columns:filter:)`).
    /// For recipients the margins are distinct counts too, so they need not be the sums of
    /// their cells (one company in two sectors counts once in its region's total).
    public func crossTab(rows: Dimension, columns: Dimension, filter: RecordFilter = RecordFilter(), measure: Measure) -> CrossTab {
        crossTab(rows: rows, columns: columns, r: column(rows), c: column(columns), filter: filter, measure: measure)
    }

    /// `crossTab(rows:columns:filter:measure:)` over given columns (a region axis may be regrouped).
    func crossTab(rows: Dimension, columns: Dimension, r: EncodedColumn, c: EncodedColumn, filter: RecordFilter, measure: Measure) -> CrossTab {
        var tab = crossTab(rows: rows, columns: columns, r: r, c: c, filter: filter)
        guard measure == .recipients else { return tab }
        let width = c.keys.count
        let combined = zip(r.codes, c.codes).map { Int32(Int($0) * width + Int($1)) }
        let cells = distinctTally(combined, size: r.keys.count * width, mask: mask(filter))
        let rowT = distinctTally(r.codes, size: r.keys.count, mask: mask(filter))
        let colT = distinctTally(c.codes, size: width, mask: mask(filter))
        let rowIndex = Dictionary(uniqueKeysWithValues: r.keys.enumerated().map { ($1, $0) })
        let colIndex = Dictionary(uniqueKeysWithValues: c.keys.enumerated().map { ($1, $0) })
        tab.counts = tab.rowKeys.map { rk in tab.columnKeys.map { ck in cells[rowIndex[rk]! * width + colIndex[ck]!] } }
        tab.rowTotals = tab.rowKeys.map { rowT[rowIndex[$0]!] }
        tab.columnTotals = tab.columnKeys.map { colT[colIndex[$0]!] }
        tab.total = distinctRecipients(filter: filter)
        return tab
    }

    /// Distinct recipients per code: sorts (code, recipient) pairs once.
    func distinctTally(_ codes: [Int32], size: Int, mask: [Bool]?) -> [Int] {
        var pairs: [UInt64] = []
        pairs.reserveCapacity(codes.count)
        for i in 0..<codes.count where mask?[i] ?? true {
            pairs.append(UInt64(UInt32(bitPattern: codes[i])) << 32 | UInt64(UInt32(bitPattern: recipientIDs[i])))
        }
        pairs.sort()
        var out = [Int](repeating: 0, count: size)
        var last = UInt64.max
        for p in pairs where p != last {
            out[Int(p >> 32)] += 1
            last = p
        }
        return out
    }

    /// Awards (or recipients) per year, every year from the first to the last with records,
    /// with cumulative totals and year-over-year change. Empty when nothing matches.
    public func timeSeries(filter: RecordFilter = RecordFilter(), measure: Measure = .awards) -> TimeSeries {
        let t = measure == .awards ? yearSeries(filter: filter) : counts(by: .year, filter: filter, measure: .recipients)
        return TimeSeries(years: t.rows.compactMap { Int($0.key) }, counts: t.rows.map(\.count))
    }

    /// How concentrated the counts by `dimension` are: the share of the `top` largest groups
    /// and the Herfindahl index. Nil when the filter leaves nothing.
    public func concentration(by dimension: Dimension, top: Int = 3, filter: RecordFilter = RecordFilter()) -> Concentration? {
        Concentration(counts(by: dimension, filter: filter), top: top)
    }

    /// Counts by `dimension` in two periods (e.g. this edition against the last), same rows
    /// for both, in display order; a row shown in either period is shown in both.
    public func compare(by dimension: Dimension, current: ClosedRange<Int>, previous: ClosedRange<Int>,
                        filter: RecordFilter = RecordFilter(), measure: Measure = .awards) -> PeriodComparison {
        compare(by: dimension, col: column(dimension), current: current, previous: previous, filter: filter, measure: measure)
    }

    /// `compare(by:current:previous:filter:measure:)` over a given column (a region axis may be regrouped).
    func compare(by dimension: Dimension, col: EncodedColumn, current: ClosedRange<Int>, previous: ClosedRange<Int>,
                 filter: RecordFilter, measure: Measure) -> PeriodComparison {
        var a = filter, b = filter
        a.years = AwardTable.intersect(filter.years, current)
        b.years = AwardTable.intersect(filter.years, previous)
        let ta = measure == .awards ? tally(col.codes, size: col.keys.count, mask: mask(a)) : distinctTally(col.codes, size: col.keys.count, mask: mask(a))
        let tb = measure == .awards ? tally(col.codes, size: col.keys.count, mask: mask(b)) : distinctTally(col.codes, size: col.keys.count, mask: mask(b))
        let both = zip(ta, tb).map { $0 + $1 }
        let shown = shownCodes(col, totals: both, fillYears: false)
        let rows = shown.map { PeriodComparison.Row(key: col.keys[$0], label: col.labels[$0], current: ta[$0], previous: tb[$0]) }
        let totalA = measure == .awards ? ta.reduce(0, +) : distinctRecipients(filter: a)
        let totalB = measure == .awards ? tb.reduce(0, +) : distinctRecipients(filter: b)
        return PeriodComparison(dimension: dimension, current: current, previous: previous, rows: rows,
                                total: PeriodComparison.Row(key: "", label: "合计", current: totalA, previous: totalB))
    }

    /// Awards per region against a denominator per region code (enterprises, residents…),
    /// scaled `per` units (10 000 → awards per 10 000 enterprises). Regions in display order;
    /// a region without a denominator (or a zero one) has no density.
    public func density(by level: RegionLevel = .city, denominators: [String: Double], per: Double = 10_000,
                        filter: RecordFilter = RecordFilter()) -> DensityTable {
        density(of: counts(by: .region(level), filter: filter), denominators: denominators, per: per)
    }

    /// The rows of `t` against their denominators (see `density(by:denominators:per:filter:)`).
    func density(of t: CountTable, denominators: [String: Double], per: Double) -> DensityTable {
        DensityTable(per: per, rows: t.rows.map { row in
            let d = denominators[row.key]
            return DensityTable.Row(key: row.key, label: row.label, count: row.count, denominator: d,
                                    density: d.flatMap { $0 > 0 ? Double(row.count) / $0 * per : nil })
        })
    }

    static func intersect(_ a: ClosedRange<Int>?, _ b: ClosedRange<Int>) -> ClosedRange<Int> {
        guard let a else { return b }
        let lo = max(a.lowerBound, b.lowerBound), hi = min(a.upperBound, b.upperBound)
        return lo <= hi ? lo...hi : Int.max...Int.max  // disjoint: a range no edition falls in
    }
}

/// Counts per year (ascending, consecutive) with derived cumulative totals and growth.
public struct TimeSeries: Sendable, Equatable {
    /// The years, ascending, consecutive.
    public var years: [Int]
    /// Count per year, aligned with `years`.
    public var counts: [Int]

    /// Creates a series.
    public init(years: [Int], counts: [Int]) {
        self.years = years
        self.counts = counts
    }

    /// Whether there are no years.
    public var isEmpty: Bool { years.isEmpty }
    /// Sum of the counts.
    public var total: Int { counts.reduce(0, +) }

    /// Running totals: cumulative[i] = counts[0] + … + counts[i].
    public var cumulative: [Int] {
        var s = 0
        return counts.map { s += $0; return s }
    }

    /// Change on the year before, aligned with `years`; nil for the first year.
    public var changes: [Int?] { counts.indices.map { $0 == 0 ? nil : counts[$0] - counts[$0 - 1] } }

    /// Growth rate on the year before (0.25 = +25 %), aligned with `years`; nil for the first
    /// year and after a year with 0.
    public var growthRates: [Double?] {
        counts.indices.map { i in i == 0 || counts[i - 1] == 0 ? nil : Double(counts[i] - counts[i - 1]) / Double(counts[i - 1]) }
    }

    /// The count of `year`, 0 outside the series.
    public func count(_ year: Int) -> Int {
        guard let i = years.firstIndex(of: year) else { return 0 }
        return counts[i]
    }

    /// Growth from `start` to `end` (0.5 = +50 %); nil when `start` has 0.
    public func growth(from start: Int, to end: Int) -> Double? {
        let a = count(start), b = count(end)
        return a == 0 ? nil : Double(b - a) / Double(a)
    }

    /// Compound annual growth rate from `start` to `end`: (end / start)^(1 / years) − 1; nil
    /// when `start` has 0, `end` is not after `start`, or `end` has 0 (the rate would be −100 %
    /// only by rounding away the meaning, so it is left out).
    public func cagr(from start: Int, to end: Int) -> Double? {
        let a = count(start), b = count(end)
        guard end > start, a > 0, b > 0 else { return nil }
        return pow(Double(b) / Double(a), 1 / Double(end - start)) - 1
    }
}

/// How concentrated a breakdown is.
public struct Concentration: Sendable, Equatable {
    /// How many top groups `topShare` covers.
    public var top: Int
    /// Keys of those groups, largest first (ties in display order).
    public var topKeys: [String]
    /// Their share of the total, 0…1.
    public var topShare: Double
    /// Herfindahl index Σ sᵢ² over the groups' shares (0…1; 1 when one group has everything;
    /// ×10 000 gives the points used in competition analysis).
    public var herfindahl: Double
    /// Groups with at least one record.
    public var groups: Int
    /// Total count.
    public var total: Int

    /// The concentration of `table`; nil when its total is 0.
    public init?(_ table: CountTable, top: Int) {
        guard table.total > 0 else { return nil }
        let sorted = table.sortedByCount.filter { $0.count > 0 }
        let t = Double(table.total)
        self.top = top
        topKeys = sorted.prefix(max(0, top)).map(\.key)
        topShare = Double(sorted.prefix(max(0, top)).reduce(0) { $0 + $1.count }) / t
        herfindahl = sorted.reduce(0) { $0 + (Double($1.count) / t) * (Double($1.count) / t) }
        groups = sorted.count
        total = table.total
    }
}

/// Counts in two periods side by side.
public struct PeriodComparison: Sendable, Equatable {
    /// One group in both periods.
    public struct Row: Sendable, Equatable {
        /// Group key.
        public var key: String
        /// Display label.
        public var label: String
        /// Count in the current period.
        public var current: Int
        /// Count in the previous period.
        public var previous: Int
        /// current − previous.
        public var change: Int { current - previous }
        /// change / previous; nil when previous is 0.
        public var rate: Double? { previous == 0 ? nil : Double(current - previous) / Double(previous) }
    }
    /// What the rows are.
    public var dimension: Dimension
    /// The current period's years.
    public var current: ClosedRange<Int>
    /// The previous period's years.
    public var previous: ClosedRange<Int>
    /// The groups, in display order.
    public var rows: [Row]
    /// Both periods' totals.
    public var total: Row
}

/// Counts per region against a denominator.
public struct DensityTable: Sendable, Equatable {
    /// One region.
    public struct Row: Sendable, Equatable {
        /// Region code ("" for 未知地区).
        public var key: String
        /// Region name.
        public var label: String
        /// Awards.
        public var count: Int
        /// The denominator, when given.
        public var denominator: Double?
        /// count / denominator × per; nil without a (positive) denominator.
        public var density: Double?
    }
    /// Units the density is per (10 000 → per 10 000).
    public var per: Double
    /// Regions in display order.
    public var rows: [Row]

    /// A denominator file with errors; `diagnostics` locates each one.
    public struct DenominatorError: Error, CustomStringConvertible {
        /// The file's findings, errors and warnings.
        public var diagnostics: [Diagnostic]
        /// One finding a line.
        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }

    /// Reads a denominator file (see `DenominatorFile`): CSV `code,value`, a header row whose
    /// value is not a number skipped, codes trimmed, full-width digits read as ASCII. Throws a
    /// `DenominatorError` when any row is wrong (NaN, negative, text, a code given twice).
    public static func denominators(csvAt url: URL) throws -> [String: Double] {
        let (values, diagnostics) = DenominatorFile.read(url)
        if diagnostics.contains(where: { $0.severity == .error }) { throw DenominatorError(diagnostics: diagnostics) }
        return values
    }
}

extension CountTable {
    /// The `n` largest groups plus 其他 for the rest (see `top(_:otherLabel:)`).
    public func top(_ n: Int) -> CountTable { top(n, otherLabel: "其他") }
}

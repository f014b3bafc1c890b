import BriefModel

/// How registered region codes are gathered into the rows of a breakdown by city, seen from
/// a home province: its prefecture-level cities (or a chosen few), then 省外 (any place in
/// another province), then the records coded only as the home province itself (仅注明江苏省),
/// then 未注明地区 (blank or unknown codes). The briefing and `qbrief stats --by region` both
/// group this way, so they print the same rows.
public struct RegionGrouping: Sendable, Equatable {
    /// The province whose cities are listed.
    public let home: Region
    /// The cities listed, in code order: all of the home province's, or those chosen.
    public let cities: [Region]

    /// Key of the 省外 row.
    public static let outsideKey = "*outside*"
    /// Label of the 省外 row.
    public static let outsideLabel = "省外"
    /// Label of the row of records with a blank or unknown region.
    public static let unknownLabel = "未注明地区"

    /// Groups by the cities of `home`, or only by `cityCodes` when some are given (codes that
    /// are not cities are ignored).
    public init(home: Region, cityCodes: Set<String>? = nil) {
        self.home = home
        if let cityCodes, !cityCodes.isEmpty {
            cities = cityCodes.sorted().compactMap { RegionCatalog.region(code: $0) }.filter { $0.level == 2 }
        } else {
            cities = RegionCatalog.prefectures.filter { $0.parentCode == home.code }
        }
    }

    /// Label of the row of records coded only as the home province: 仅注明江苏省.
    public var provinceOnlyLabel: String { "仅注明" + home.name }

    /// The row key of a registered code: its city's code when that city is listed,
    /// `outsideKey` for a place in another province, the home province's code for a record
    /// coded only as the home province, "" otherwise (blank, unknown, or a home-province place
    /// whose city is not listed).
    public func key(of code: String) -> String {
        guard !code.isEmpty, let region = RegionCatalog.region(code: code) else { return "" }
        if let city = RegionCatalog.prefecture(of: region.code), cities.contains(where: { $0.code == city.code }) {
            return city.code
        }
        if region.code.prefix(2) != home.code.prefix(2) { return Self.outsideKey }
        if region.code == home.code { return home.code }
        return ""
    }

    /// Every row key in display order, with labels: the cities, 省外, 仅注明…, 未注明地区.
    public var rows: [(key: String, label: String)] {
        cities.map { ($0.code, $0.name) } + [(Self.outsideKey, Self.outsideLabel), (home.code, provinceOnlyLabel), ("", Self.unknownLabel)]
    }
}

extension AwardTable {
    /// Counts by city as `grouping` gathers them (see `RegionGrouping`), of awards or of
    /// distinct recipients: every listed city (zeros included), then 省外, 仅注明… and 未注明地区
    /// when non-zero. The dimension is `.region`.
    public func counts(by grouping: RegionGrouping, filter: RecordFilter = RecordFilter(), measure: Measure = .awards) -> CountTable {
        let col = regionColumn(grouping)
        let m = mask(filter)
        let tallies = measure == .awards ? tally(col.codes, size: col.keys.count, mask: m) : distinctTally(col.codes, size: col.keys.count, mask: m)
        let shown = shownCodes(col, totals: tallies, fillYears: false)
        var t = CountTable(dimension: .region, rows: shown.map { CountRow(key: col.keys[$0], label: col.labels[$0], count: tallies[$0]) })
        if measure == .recipients { t.total = distinctRecipients(filter: filter) }
        return t
    }

    /// Cross-tab of awards or distinct recipients (see `crossTab(rows:columns:filter:measure:)`)
    /// in which a `.region` axis lists `grouping`'s rows instead of the region dimension's.
    public func crossTab(rows: Dimension, columns: Dimension, grouping: RegionGrouping,
                         filter: RecordFilter = RecordFilter(), measure: Measure = .awards) -> CrossTab {
        func col(_ d: Dimension) -> EncodedColumn { d == .region ? regionColumn(grouping) : column(d) }
        return crossTab(rows: rows, columns: columns, r: col(rows), c: col(columns), filter: filter, measure: measure)
    }

    /// Counts in two periods (see `compare(by:current:previous:filter:measure:)`) by city as
    /// `grouping` gathers them: the rows of `counts(by:filter:measure:)` with a grouping.
    public func compare(by grouping: RegionGrouping, current: ClosedRange<Int>, previous: ClosedRange<Int>,
                        filter: RecordFilter = RecordFilter(), measure: Measure = .awards) -> PeriodComparison {
        compare(by: .region, col: regionColumn(grouping), current: current, previous: previous, filter: filter, measure: measure)
    }

    /// Awards per city against a denominator per city code (see `density(by:denominators:per:filter:)`),
    /// on the rows `grouping` gathers; 省外, 仅注明… and 未注明地区 have no denominator (not even
    /// the home province's own line of the file: it is the whole province's, not theirs).
    public func density(by grouping: RegionGrouping, denominators: [String: Double], per: Double = 10_000,
                        filter: RecordFilter = RecordFilter()) -> DensityTable {
        let cities = Set(grouping.cities.map(\.code))
        return density(of: counts(by: grouping, filter: filter), denominators: denominators.filter { cities.contains($0.key) }, per: per)
    }

    /// The registered codes (as the county column keys them) re-encoded as `grouping`'s rows,
    /// in one pass over the records.
    func regionColumn(_ grouping: RegionGrouping) -> EncodedColumn {
        let rows = grouping.rows
        let keys = registeredRegion.values.map { grouping.key(of: AwardTable.countyKey($0)) }
        return EncodedColumn(keys: rows.map(\.key), labels: rows.map(\.label), alwaysShown: grouping.cities.count,
                             coded: CodedColumn(codes: registeredRegion.codes, values: keys))
    }
}

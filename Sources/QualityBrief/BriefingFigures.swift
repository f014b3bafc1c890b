import BriefAnalytics
import BriefModel

/// Every figure a briefing quotes, computed once from a register, a filter and the home
/// province, before any sentence is written (`BriefingWording` words them; tests check them
/// without rendering).
///
/// Shares follow one rounding policy (see the README, "How the briefing words its figures"):
/// a share is its count divided by the stated base, rounded half up to one decimal; a share of
/// several groups together is computed from their summed count, never by adding rounded shares.
/// Below `BriefingFigures.minimumForPercentages` records no percentage is given, only counts.
public struct BriefingFigures: Sendable, Equatable {
    /// One group of a breakdown: a city, a county, a programme, a sector or a year.
    public struct Group: Sendable, Equatable {
        /// Stable key: region code, programme id, section letter, year.
        public var key: String
        /// Full label used in text and tables (苏州市, 制造业, 2024).
        public var label: String
        /// Short label for chart axes (苏州, 制造业).
        public var shortLabel: String
        /// Records in the group.
        public var count: Int

        /// Creates a group.
        public init(key: String, label: String, shortLabel: String? = nil, count: Int) {
            self.key = key
            self.label = label
            self.shortLabel = shortLabel ?? label
            self.count = count
        }
    }

    /// What the region breakdown lists.
    public enum RegionScope: Sendable, Equatable {
        /// The home province's prefecture-level cities (the usual briefing).
        case province(Region)
        /// One city, broken down by its counties and districts.
        case city(Region)
        /// Several selected cities, and only those.
        case cities([Region])
    }

    /// Where the selected records are, as far as the register says.
    public struct RegionFigures: Sendable, Equatable {
        /// What `groups` are.
        public var scope: RegionScope
        /// The home province.
        public var home: Region
        /// Cities of the home province (province scope, all of them, zeros included), the
        /// selected cities, or the city's counties and districts (catalog's current units, plus
        /// statistical or retired codes present), then — for one city — the records coded at
        /// city level only (key = the city's code, label 市本级/未注明区县) when there are any.
        public var groups: [Group]
        /// Records whose region lies outside the home province (省外).
        public var outside: Int
        /// Distinct provinces of the out-of-province records.
        public var outsideProvinces: Int
        /// Records that name no city: region blank, or only the home province itself.
        public var unknown: Int
        /// Of `unknown`, the records coded only as the home province (320000 江苏省): they say
        /// where they are, but not in which city (仅注明江苏省、未注明设区市).
        public var provinceOnly: Int = 0
        /// Of `unknown`, the records with a blank (or unknown) region.
        public var blank: Int { unknown - provinceOnly }
        /// For a briefing of chosen cities: records its other criteria select whose region names
        /// no city (blank, or only the home province). The choice of cities cannot take them in,
        /// though some may belong to the chosen cities, so the briefing says how many there are.
        public var unplacedOutsideSelection: Int = 0
        /// Programme ids with their out-of-province counts, in rank order (non-zero only).
        public var outsideByProgramme: [Group]
        /// Programme columns of the region table: (id, name), rank order, non-empty ones.
        public var programmes: [Group]
        /// Counts by group key (and "*outside*", the home province's code for records coded only
        /// as the province, "" for blanks) and programme id, for the region table.
        public var byProgramme: [String: [String: Int]]

        /// Records placed in one of `groups`.
        public var placed: Int { groups.reduce(0) { $0 + $1.count } }
        /// Records of a one-city briefing coded at city level only (0 otherwise).
        public var cityLevelOnly: Int {
            guard case .city(let c) = scope else { return 0 }
            return groups.first { $0.key == c.code }?.count ?? 0
        }
        /// Whether a group with no record may be said to have none: no record of unknown
        /// place (or, for one city, coded at city level only, or left out of the selection for
        /// naming no city) could belong to it.
        public var zeroIsKnown: Bool { unknown == 0 && cityLevelOnly == 0 && unplacedOutsideSelection == 0 }
    }

    /// What the register says about sectors for the selected records.
    public struct SectorFigures: Sendable, Equatable {
        /// GB/T 4754-2017 sections with records, by descending count (ties in code order).
        public var groups: [Group]
        /// Records without a sector.
        public var unclassified: Int
        /// Records with a sector.
        public var classified: Int { groups.reduce(0) { $0 + $1.count } }
    }

    /// Below this many records in a base, shares are not given as percentages.
    public static let minimumForPercentages = 20
    /// An unknown part at least this share of a breakdown is stated before the ranking.
    public static let notableUnknownShare = 0.2

    /// Selected records.
    public var total: Int
    /// Of which nominations (提名奖).
    public var nominations: Int
    /// Distinct organisations (names compared after normalisation).
    public var organizations: Int
    /// Distinct individuals (names compared after normalisation).
    public var individuals: Int
    /// Programmes with records, in rank order.
    public var programmes: [Group]
    /// Every year from the first to the last with records, zeros included, ascending.
    public var years: [Group]
    /// Latest year against the year before; nil for a single-year selection.
    public var change: YearChange?
    /// Where the records are.
    public var region: RegionFigures
    /// Which sectors they are in.
    public var sector: SectorFigures

    /// Whether shares of the whole selection are given as percentages.
    public var showsPercentages: Bool { total >= Self.minimumForPercentages }

    /// The share of `part` in `whole` in percent, rounded half up to one decimal (0 when
    /// `whole` is 0); computed in integers, so 61 of 183 is 33.3 and 1 of 8 is 12.5.
    public static func percent(_ part: Int, of whole: Int) -> Double {
        guard whole > 0 else { return 0 }
        let tenths = (part * 2000 + whole) / (2 * whole)
        return Double(tenths) / 10
    }

    /// Computes the figures of the records of `table` that `filter` selects; `home` is the
    /// province whose cities are listed (default 江苏省, 320000).
    public init(table: AwardTable, filter: RecordFilter, home: Region = BriefingFigures.jiangsu) {
        let levels = table.counts(by: .level, filter: filter)
        total = levels.total
        nominations = levels.count(AwardLevel.nomination.rawValue)
        var orgFilter = filter
        orgFilter.recipientTypes = [.organization]
        var indFilter = filter
        indFilter.recipientTypes = [.individual]
        organizations = table.distinctRecipients(filter: orgFilter)
        individuals = table.distinctRecipients(filter: indFilter)
        programmes = table.counts(by: .programme, filter: filter).rows.filter { $0.count > 0 }
            .map { Group(key: $0.key, label: $0.label, count: $0.count) }
        let series = table.yearSeries(filter: filter)
        years = series.rows.map { Group(key: $0.key, label: $0.label, count: $0.count) }
        change = years.count >= 2 ? table.yearChange(filter: filter) : nil
        region = Self.regionFigures(table: table, filter: filter, home: home)
        let sectors = table.counts(by: .sector, filter: filter)
        sector = SectorFigures(
            groups: sectors.sortedByCount.filter { !$0.key.isEmpty && $0.count > 0 }
                .map { Group(key: $0.key, label: $0.label, shortLabel: SectorShortName.label(key: $0.key, fallback: $0.label), count: $0.count) },
            unclassified: sectors.count(""))
    }

    /// 江苏省, the default home province.
    public static let jiangsu = Region(code: "320000", name: "江苏省", parentCode: nil, level: 1)

    /// The scope a filter implies: its cities when it names some, else the home province.
    static func scope(_ filter: RecordFilter, home: Region) -> RegionScope {
        guard let codes = filter.cityCodes, !codes.isEmpty else { return .province(home) }
        let cities = codes.sorted().compactMap { RegionCatalog.region(code: $0) }
        if cities.count == 1 { return .city(cities[0]) }
        return .cities(cities)
    }

    static let outsideKey = RegionGrouping.outsideKey

    private static func regionFigures(table: AwardTable, filter: RecordFilter, home: Region) -> RegionFigures {
        let scope = scope(filter, home: home)
        let cross = table.crossTab(rows: .county, columns: .programme, filter: filter)
        let grouping = RegionGrouping(home: home, cityCodes: filter.cityCodes)
        var groups: [Group]
        switch scope {
        case .province:
            groups = RegionCatalog.prefectures.filter { $0.parentCode == home.code }
                .map { Group(key: $0.code, label: $0.name, shortLabel: $0.shortName, count: 0) }
        case .cities(let cs):
            groups = cs.map { Group(key: $0.code, label: $0.name, shortLabel: $0.shortName, count: 0) }
        case .city(let c):
            groups = RegionCatalog.counties.filter { $0.parentCode == c.code }
                .map { Group(key: $0.code, label: $0.name, shortLabel: $0.name, count: 0) }
        }
        var index: [String: Int] = [:]
        for (i, g) in groups.enumerated() { index[g.key] = i }
        var outside = 0, unknown = 0, provinceOnly = 0
        var provinces: Set<String> = []
        var byProgramme: [String: [String: Int]] = [:]
        var extra: [Group] = []
        var cityLevel = 0
        for (i, code) in cross.rowKeys.enumerated() {
            let n = cross.rowTotals[i]
            guard n > 0 else { continue }
            let region = code.isEmpty ? nil : RegionCatalog.region(code: code)
            let key: String
            if let region, case .city(let c) = scope {
                if region.code == c.code {
                    key = c.code
                    cityLevel += n
                } else {
                    key = region.code
                    if index[key] == nil {
                        index[key] = groups.count + extra.count
                        extra.append(Group(key: key, label: region.name, shortLabel: region.name, count: 0))
                    }
                }
            } else {
                key = grouping.key(of: code)
                if key == outsideKey {
                    outside += n
                    provinces.insert(String(code.prefix(2)))
                } else if key == home.code {
                    unknown += n
                    provinceOnly += n
                } else if index[key] == nil {
                    unknown += n
                }
            }
            for (j, p) in cross.columnKeys.enumerated() where cross.counts[i][j] > 0 {
                byProgramme[key, default: [:]][p, default: 0] += cross.counts[i][j]
            }
            if let at = index[key] {
                if at < groups.count { groups[at].count += n } else { extra[at - groups.count].count += n }
            }
        }
        groups += extra.sorted { $0.key < $1.key }
        if case .city(let c) = scope, cityLevel > 0 {
            groups.append(Group(key: c.code, label: "市本级/未注明区县", count: cityLevel))
        }
        let outsideByProgramme = cross.columnKeys.enumerated().compactMap { j, p -> Group? in
            let n = byProgramme[outsideKey]?[p] ?? 0
            return n > 0 ? Group(key: p, label: cross.columnLabels[j], count: n) : nil
        }
        let programmes = cross.columnKeys.enumerated().compactMap { j, p -> Group? in
            cross.columnTotals[j] > 0 ? Group(key: p, label: cross.columnLabels[j], count: cross.columnTotals[j]) : nil
        }
        var figures = RegionFigures(scope: scope, home: home, groups: groups, outside: outside, outsideProvinces: provinces.count,
                                    unknown: unknown, provinceOnly: provinceOnly, outsideByProgramme: outsideByProgramme,
                                    programmes: programmes, byProgramme: byProgramme)
        if filter.cityCodes?.isEmpty == false {
            var wide = filter
            wide.cityCodes = nil
            wide.regionCodes = nil
            // Blank, or the home province alone (省外 records are not the cities' either way).
            let rows = table.counts(by: RegionGrouping(home: home, cityCodes: nil), filter: wide).rows
            figures.unplacedOutsideSelection = rows.filter { $0.key.isEmpty || $0.key == home.code }.reduce(0) { $0 + $1.count }
        }
        return figures
    }
}

import BriefModel

/// A columnar, dictionary-encoded copy of a register, built once and counted many times.
///
/// Each dimension is stored as an array of `Int32` codes (one per record) plus a small
/// dictionary of keys and labels in display order, so counting is one pass over integers
/// with no per-record string hashing.
public struct AwardTable: Sendable {
    /// Number of records.
    public let count: Int
    let programme: EncodedColumn
    let level: EncodedColumn
    let year: EncodedColumn
    let sector: EncodedColumn
    let region: EncodedColumn
    let recipientType: EncodedColumn
    /// First year of the year column's code range (code 0).
    let firstYear: Int
    /// Distinct-recipient id per record.
    let recipientIDs: [Int32]
    /// Number of distinct normalised recipient names.
    let recipientNameCount: Int

    /// Encodes `records`.
    public init(_ records: [AwardRecord]) {
        count = records.count

        var extraProgrammes: [String: Programme] = [:]
        let standardIDs = Set(Programme.all.map(\.id))
        for r in records where !standardIDs.contains(r.programme.id) { extraProgrammes[r.programme.id] = r.programme }
        let programmes = Programme.all + extraProgrammes.values.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
        let programmeIDs = programmes.map(\.id)
        programme = EncodedColumn(
            keys: programmeIDs, labels: programmes.map(\.name), alwaysShown: Programme.all.count,
            codes: records.map { r in Int32(programmeIDs.firstIndex(of: r.programme.id) ?? 0) })

        let levels = AwardLevel.allCases
        level = EncodedColumn(keys: levels.map(\.rawValue), labels: levels.map(AwardTable.label), alwaysShown: levels.count,
                              codes: records.map { $0.level == .award ? 0 : 1 })
        let types = RecipientType.allCases
        recipientType = EncodedColumn(keys: types.map(\.rawValue), labels: types.map(AwardTable.label), alwaysShown: types.count,
                                      codes: records.map { $0.recipientType == .organization ? 0 : 1 })

        let years = records.map(\.year)
        let lo = years.min() ?? 0
        let hi = years.max() ?? -1
        firstYear = lo
        let yearKeys = lo <= hi ? (lo...hi).map(String.init) : []
        year = EncodedColumn(keys: yearKeys, labels: yearKeys, alwaysShown: 0, codes: years.map { Int32($0 - lo) }, isTimeAxis: true)

        let sections = SectorCatalog.sections
        let knownSections = Set(sections.map(\.code))
        let extraSections = Set(records.compactMap(\.sectionCode)).subtracting(knownSections).sorted()
        sector = EncodedColumn(
            keys: sections.map(\.code) + extraSections + [""],
            labels: sections.map(\.name) + extraSections + ["未分类"], alwaysShown: sections.count,
            values: records.lazy.map { $0.sectionCode ?? "" })

        let cities = RegionCatalog.jiangsuCities
        let jiangsu = Set(cities.map(\.code))
        let others = Set(records.compactMap(\.cityCode)).subtracting(jiangsu).subtracting([""]).sorted()
        region = EncodedColumn(
            keys: cities.map(\.code) + others + [""],
            labels: cities.map(\.name) + others.map { RegionCatalog.region(code: $0)?.name ?? $0 } + ["未知地区"],
            alwaysShown: cities.count, values: records.lazy.map { $0.cityCode ?? "" })

        // Normalise each distinct spelling once; most registers repeat names.
        var nameIDs: [String: Int32] = [:]
        var spellingIDs: [String: Int32] = [:]
        recipientIDs = records.map { r in
            if let id = spellingIDs[r.recipient] { return id }
            let key = TextNormalizer.comparisonKey(r.recipient)
            let id = nameIDs[key] ?? Int32(nameIDs.count)
            nameIDs[key] = id
            spellingIDs[r.recipient] = id
            return id
        }
        recipientNameCount = nameIDs.count
    }

    /// The encoded column for a dimension.
    func column(_ d: Dimension) -> EncodedColumn {
        switch d {
        case .programme: return programme
        case .level: return level
        case .year: return year
        case .sector: return sector
        case .region: return region
        case .recipientType: return recipientType
        }
    }

    static func label(_ level: AwardLevel) -> String { level == .award ? "获奖" : "提名奖" }
    static func label(_ type: RecipientType) -> String { type == .organization ? "组织" : "个人" }
}

/// One dimension in dictionary encoding: a code per record indexing `keys` and `labels`,
/// which are in display order. Codes below `alwaysShown` are listed even when empty; a time
/// axis (years, one code per consecutive year) can be listed with its gaps filled.
struct EncodedColumn: Sendable {
    let keys: [String]
    let labels: [String]
    let alwaysShown: Int
    let codes: [Int32]
    let isTimeAxis: Bool

    init(keys: [String], labels: [String], alwaysShown: Int, codes: [Int32], isTimeAxis: Bool = false) {
        self.keys = keys
        self.labels = labels
        self.alwaysShown = alwaysShown
        self.codes = codes
        self.isTimeAxis = isTimeAxis
    }

    /// Encodes string values (each must be one of `keys`) once, at build time.
    init<S: Sequence>(keys: [String], labels: [String], alwaysShown: Int, values: S) where S.Element == String {
        var index: [String: Int32] = [:]
        for (i, k) in keys.enumerated() { index[k] = Int32(i) }
        self.init(keys: keys, labels: labels, alwaysShown: alwaysShown, codes: values.map { index[$0] ?? Int32(keys.count - 1) })
    }

    /// A per-code mask of keys that satisfy `accept`.
    func allowed(_ accept: (String) -> Bool) -> [Bool] { keys.map(accept) }
}

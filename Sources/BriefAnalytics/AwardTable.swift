import BriefModel
import Foundation

/// A columnar, dictionary-encoded copy of a register, built once and counted many times.
///
/// Each dimension is stored as an array of `Int32` codes (one per record) plus a small
/// dictionary of keys and labels in display order, so counting is one pass over integers
/// with no per-record string hashing.
public struct AwardTable: Sendable {
    /// Number of records.
    public let count: Int
    let programme: EncodedColumn
    let programmeLevel: EncodedColumn
    let level: EncodedColumn
    let year: EncodedColumn
    let sector: EncodedColumn
    let division: EncodedColumn
    let group: EncodedColumn
    let sectorClass: EncodedColumn
    let region: EncodedColumn
    let county: EncodedColumn
    let province: EncodedColumn
    /// The registered region codes as read (first-seen order), from which `county`,
    /// `province` and a `RegionGrouping`'s rows are worked out.
    let registeredRegion: CodedColumn
    let recipientType: EncodedColumn
    /// First year of the year column's code range (code 0).
    let firstYear: Int
    /// Distinct-recipient id per record.
    let recipientIDs: [Int32]
    /// Number of distinct normalised recipient names (ids are below it).
    let recipientNameCount: Int

    /// Encodes `records`.
    public init(_ records: [AwardRecord]) {
        var extraProgrammes: [String: Programme] = [:]
        let standardIDs = Set(Programme.all.map(\.id))
        for r in records where !standardIDs.contains(r.programme.id) { extraProgrammes[r.programme.id] = r.programme }
        let programmes = Programme.all + extraProgrammes.values.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
        var programmeIndex: [String: Int32] = [:]
        for (i, p) in programmes.enumerated() { programmeIndex[p.id] = Int32(i) }

        func coded(_ values: (AwardRecord) -> String) -> CodedColumn {
            var dict: [String: Int32] = [:]
            var col = CodedColumn()
            col.codes = records.map { r in
                let v = values(r)
                if let c = dict[v] { return c }
                let c = Int32(col.values.count)
                dict[v] = c
                col.values.append(v)
                return c
            }
            return col
        }
        // Normalise each distinct spelling once; most registers repeat names.
        var nameIDs: [String: Int32] = [:]
        var spellingIDs: [String: Int32] = [:]
        let ids = records.map { r in
            if let id = spellingIDs[r.recipient] { return id }
            let key = TextNormalizer.comparisonKey(r.recipient)
            let id = nameIDs[key] ?? Int32(nameIDs.count)
            nameIDs[key] = id
            spellingIDs[r.recipient] = id
            return id
        }
        self.init(
            count: records.count, programmes: programmes,
            programmeCodes: records.map { programmeIndex[$0.programme.id]! },
            levelCodes: records.map { $0.level == .award ? 0 : 1 },
            typeCodes: records.map { $0.recipientType == .organization ? 0 : 1 },
            years: records.map(\.year),
            section: coded { $0.sectionCode ?? "" }, division: coded { $0.classCode ?? $0.groupCode ?? $0.divisionCode ?? "" },
            regionCodes: coded { $0.regionCode ?? "" }, city: coded { $0.cityCode ?? "" },
            recipientIDs: ids, recipientNameCount: nameIDs.count)
    }

    /// Encodes a register read straight into columns (`DatasetLoader.loadColumns`), without
    /// an `AwardRecord` per row; counts agree with `init(_:)` on the same rows. The columns are
    /// converted side by side on the available cores when there are many rows.
    package init(_ columns: ColumnarRegister) {
        let n = columns.count
        let minYear = Int(columns.year.min() ?? 0)
        final class Converted: @unchecked Sendable {
            var recipientIDs: [Int32] = [], programme: [Int32] = [], level: [Int32] = [], type: [Int32] = [], year: [Int32] = []
        }
        let c = Converted()
        AwardTable.parallel(n, 5) { task in
            switch task {
            case 0:
                c.recipientIDs = columns.recipient.withUnsafeBufferPointer { sp in
                    columns.recipientNameID.withUnsafeBufferPointer { names in
                        AwardTable.codes(n) { names[Int(sp[$0])] }
                    }
                }
            case 1: c.programme = columns.programme.withUnsafeBufferPointer { p in AwardTable.codes(n) { Int32(p[$0]) } }
            case 2: c.level = columns.level.withUnsafeBufferPointer { p in AwardTable.codes(n) { Int32(p[$0]) } }
            case 3: c.type = columns.recipientType.withUnsafeBufferPointer { p in AwardTable.codes(n) { Int32(p[$0]) } }
            default: c.year = columns.year.withUnsafeBufferPointer { p in AwardTable.codes(n) { Int32(Int(p[$0]) - minYear) } }
            }
        }
        self.init(
            count: n, programmes: columns.programmes,
            programmeCodes: c.programme, levelCodes: c.level, typeCodes: c.type,
            yearCodes: c.year, minYear: minYear, maxYear: Int(columns.year.max() ?? -1),
            section: columns.section, division: columns.division, regionCodes: columns.region, city: columns.city,
            recipientIDs: c.recipientIDs, recipientNameCount: columns.recipientNameCount)
    }

    /// Runs `tasks` tasks, side by side when there are at least 65 536 rows.
    static func parallel(_ rows: Int, _ tasks: Int, _ body: @Sendable (Int) -> Void) {
        if rows >= 1 << 16 && ProcessInfo.processInfo.activeProcessorCount > 1 {
            DispatchQueue.concurrentPerform(iterations: tasks, execute: body)
        } else {
            for t in 0..<tasks { body(t) }
        }
    }

    /// `n` codes, `code(i)` each, written once (no zero fill first).
    @inline(__always) static func codes(_ n: Int, _ code: (Int) -> Int32) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for i in 0..<n { buffer[i] = code(i) }
            count = n
        }
    }

    init(count: Int, programmes: [Programme], programmeCodes: [Int32], levelCodes: [Int32], typeCodes: [Int32], years: [Int],
         section: CodedColumn, division: CodedColumn, regionCodes: CodedColumn, city: CodedColumn,
         recipientIDs: [Int32], recipientNameCount: Int) {
        let lo = years.min() ?? 0
        self.init(count: count, programmes: programmes, programmeCodes: programmeCodes, levelCodes: levelCodes, typeCodes: typeCodes,
                  yearCodes: years.map { Int32($0 - lo) }, minYear: lo, maxYear: years.max() ?? -1,
                  section: section, division: division, regionCodes: regionCodes, city: city,
                  recipientIDs: recipientIDs, recipientNameCount: recipientNameCount)
    }

    init(count: Int, programmes: [Programme], programmeCodes: [Int32], levelCodes: [Int32], typeCodes: [Int32],
         yearCodes: [Int32], minYear lo: Int, maxYear hi: Int,
         section: CodedColumn, division: CodedColumn, regionCodes: CodedColumn, city: CodedColumn,
         recipientIDs: [Int32], recipientNameCount: Int) {
        self.count = count
        programme = EncodedColumn(keys: programmes.map(\.id), labels: programmes.map(\.name), alwaysShown: Programme.all.count, codes: programmeCodes)
        // National, provincial and city always; county when present.
        let levelsOfProgrammes = programmes.map { Int32(ProgrammeLevel.allCases.firstIndex(of: $0.level)!) }
        programmeLevel = EncodedColumn(
            keys: ProgrammeLevel.allCases.map(\.rawValue), labels: ProgrammeLevel.allCases.map(\.label), alwaysShown: 3,
            codes: programmeCodes.map { levelsOfProgrammes[Int($0)] })
        let levels = AwardLevel.allCases
        level = EncodedColumn(keys: levels.map(\.rawValue), labels: levels.map(AwardTable.label), alwaysShown: levels.count, codes: levelCodes)
        let types = RecipientType.allCases
        recipientType = EncodedColumn(keys: types.map(\.rawValue), labels: types.map(AwardTable.label), alwaysShown: types.count, codes: typeCodes)

        firstYear = lo
        let yearKeys = lo <= hi ? (lo...hi).map(String.init) : []
        year = EncodedColumn(keys: yearKeys, labels: yearKeys, alwaysShown: 0, codes: yearCodes, isTimeAxis: true)

        // Sections A–T always, other letters, then 未分类.
        let sections = SectorCatalog.sections
        let knownSections = Set(sections.map(\.code))
        let extraSections = Set(section.values).subtracting(knownSections).subtracting([""]).sorted()
        let sectorKeys = sections.map(\.code) + extraSections + [""]
        // Divisions, groups and classes present, by code, then 未细分 (`division` holds the
        // finest code below the section, whose prefixes are the coarser codes).
        func finer(_ digits: Int) -> (keys: [String], labels: [String], column: CodedColumn) {
            let of = division.values.map { $0.count >= digits ? String($0.prefix(digits)) : "" }
            let present = Set(of).subtracting([""]).sorted()
            return (present + [""], present.map { SectorCatalog.sector(code: $0)?.name ?? $0 } + ["未细分"],
                    CodedColumn(codes: division.codes, values: of))
        }
        let divisionLevel = finer(2), groupLevel = finer(3), classLevel = finer(4)
        let divisionKeys = divisionLevel.keys
        // Cities: Jiangsu's 13 always, other cities present by code, then 未知地区.
        let cities = RegionCatalog.jiangsuCities
        let jiangsu = Set(cities.map(\.code))
        let others = Set(city.values).subtracting(jiangsu).subtracting([""]).sorted()
        let regionKeys = cities.map(\.code) + others + [""]
        // The three columns are re-encoded side by side (when there are many rows).
        final class Remapped: @unchecked Sendable { var sector: [Int32] = [], division: [Int32] = [], region: [Int32] = [] }
        let r = Remapped()
        AwardTable.parallel(count, 3) { task in
            switch task {
            case 0: r.sector = EncodedColumn.remap(section, to: sectorKeys)
            case 1: r.division = EncodedColumn.remap(divisionLevel.column, to: divisionKeys)
            default: r.region = EncodedColumn.remap(city, to: regionKeys)
            }
        }
        self.sector = EncodedColumn(
            keys: sectorKeys, labels: sections.map(\.name) + extraSections + ["未分类"], alwaysShown: sections.count, codes: r.sector)
        self.division = EncodedColumn(keys: divisionKeys, labels: divisionLevel.labels, alwaysShown: 0, codes: r.division)
        group = EncodedColumn(keys: groupLevel.keys, labels: groupLevel.labels, alwaysShown: 0, coded: groupLevel.column)
        sectorClass = EncodedColumn(keys: classLevel.keys, labels: classLevel.labels, alwaysShown: 0, coded: classLevel.column)
        region = EncodedColumn(
            keys: regionKeys,
            labels: cities.map(\.name) + others.map { RegionCatalog.region(code: $0)?.name ?? $0 } + ["未知地区"],
            alwaysShown: cities.count, codes: r.region)

        // Counties: the registered code when it is county level; a record registered at city
        // level stays at its city (labelled 市本级); by code, then 未知地区.
        let countyOf: [String] = regionCodes.values.map { AwardTable.countyKey($0) }
        let countyKeys = Set(countyOf).subtracting([""]).sorted()
        county = EncodedColumn(
            keys: countyKeys + [""], labels: countyKeys.map(AwardTable.countyLabel) + ["未知地区"],
            alwaysShown: 0, coded: CodedColumn(codes: regionCodes.codes, values: countyOf))

        // Provinces: the province of the registered code, by code, then 未知地区.
        let provinceOf: [String] = regionCodes.values.map { AwardTable.provinceKey($0) }
        let provinceKeys = Set(provinceOf).subtracting([""]).sorted()
        province = EncodedColumn(
            keys: provinceKeys + [""], labels: provinceKeys.map { RegionCatalog.region(code: $0)?.name ?? $0 } + ["未知地区"],
            alwaysShown: 0, coded: CodedColumn(codes: regionCodes.codes, values: provinceOf))

        registeredRegion = regionCodes
        self.recipientIDs = recipientIDs
        self.recipientNameCount = recipientNameCount
    }

    /// The county-level key of a registered code: itself when county level (or a statistical
    /// or retired county code), the code when it names a city or province; "" when unknown.
    static func countyKey(_ code: String) -> String {
        guard !code.isEmpty else { return "" }
        return code
    }

    static func countyLabel(_ code: String) -> String {
        guard let r = RegionCatalog.region(code: code) else { return code }
        return r.level == 3 ? r.name : r.name + "（本级）"
    }

    static func provinceKey(_ code: String) -> String {
        guard code.count == 6, code.allSatisfy(\.isASCII) else { return "" }
        return String(code.prefix(2)) + "0000"
    }

    /// The encoded column for a dimension.
    func column(_ d: Dimension) -> EncodedColumn {
        switch d {
        case .programme: return programme
        case .programmeLevel: return programmeLevel
        case .level: return level
        case .year: return year
        case .sector: return sector
        case .division: return division
        case .group: return group
        case .sectorClass: return sectorClass
        case .region: return region
        case .county: return county
        case .province: return province
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
    let isTimeAxis: Bool
    private let storage: Codes

    /// A code per record, indexing `keys`.
    var codes: [Int32] { storage.codes }

    init(keys: [String], labels: [String], alwaysShown: Int, codes: [Int32], isTimeAxis: Bool = false) {
        self.keys = keys
        self.labels = labels
        self.alwaysShown = alwaysShown
        self.storage = Codes(codes)
        self.isTimeAxis = isTimeAxis
    }

    /// Re-encodes a column in first-seen order into display order (`keys`); values not among
    /// `keys` go to the last key. The codes are worked out on first use: most reports never
    /// ask for a dimension such as the sector class or the province.
    init(keys: [String], labels: [String], alwaysShown: Int, coded: CodedColumn) {
        self.keys = keys
        self.labels = labels
        self.alwaysShown = alwaysShown
        self.storage = Codes { EncodedColumn.remap(coded, to: keys) }
        self.isTimeAxis = false
    }

    /// A column's codes, or how to work them out on first use (once, whichever thread asks).
    final class Codes: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [Int32]?
        private var make: (@Sendable () -> [Int32])?

        init(_ codes: [Int32]) { made = codes }
        init(_ make: @escaping @Sendable () -> [Int32]) { self.make = make }

        var codes: [Int32] {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let c = make!()
            made = c
            make = nil
            return c
        }
    }

    /// The codes of a column in first-seen order re-encoded as indices into `keys`; values
    /// not among `keys` go to the last key.
    static func remap(_ coded: CodedColumn, to keys: [String]) -> [Int32] {
        var index: [String: Int32] = [:]
        for (i, k) in keys.enumerated() where index[k] == nil { index[k] = Int32(i) }
        let remap = coded.values.map { index[$0] ?? Int32(keys.count - 1) }
        return coded.codes.withUnsafeBufferPointer { src in
            remap.withUnsafeBufferPointer { rm in AwardTable.codes(src.count) { rm[Int(src[$0])] } }
        }
    }

    /// A per-code mask of keys that satisfy `accept`.
    func allowed(_ accept: (String) -> Bool) -> [Bool] { keys.map(accept) }
}

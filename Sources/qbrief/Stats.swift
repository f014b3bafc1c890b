import ArgumentParser
import BriefAnalytics
import Foundation
import QualityBrief

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count awards (or distinct recipients) by one or two dimensions.",
        discussion: """
        Dimensions: region (city; counties rolled into their city), county, province, sector \
        (GB/T 4754 section), division, group (中类), class (小类), programme, programme_level \
        (国家级/省级/市级/县级), year, level, type \
        (recipient type). \
        Two dimensions give a cross-tab with row and column totals. Measures: --growth (by year), \
        --compare two periods, --concentration, --per (density against a denominator file).

        Examples:
          qbrief stats --data awards.csv --by region
          qbrief stats --data awards.csv --by region,sector --format csv --excel > region-sector.csv
          qbrief stats --data awards.csv --by year --measure recipients --programme 中国质量奖 --format json
          qbrief stats --data awards.csv --by county --in 320500
          qbrief stats --data awards.csv --by year --growth
          qbrief stats --data awards.csv --by region --compare 2021-2024:2017-2020
          qbrief stats --data awards.csv --by region --concentration --top 3
          qbrief stats --data awards.csv --by region --per enterprises.csv
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var input: DataOptions
    @Option(name: .long, help: ArgumentHelp("One dimension, or two separated by a comma (rows,columns).", valueName: "dim[,dim]"))
    var by: String
    @Option(name: .long, help: "awards | recipients (distinct recipients, names compared after normalisation).")
    var measure: Measure = .awards
    @Option(name: .long, help: "table | csv | json.")
    var format: Format = .table
    @Flag(name: .long, help: "Start CSV output with a UTF-8 byte-order mark so Excel reads the Chinese text correctly.")
    var excel = false
    @Option(name: .long, parsing: .unconditional, help: "Keep the N largest rows and gather the rest as 其他 (one dimension only).")
    var top: Int?
    @OptionGroup(title: "Measures") var measures: MeasureOptions
    @OptionGroup var filters: FilterOptions
    @Option(name: .long, help: "Only this sector: a GB/T 4754 section (C), division (17), group (651) or class (7020), by code or name.")
    var sector: [String] = []
    @Option(name: .long, help: "Only this recipient type: organization | individual.")
    var type: RecipientType?
    @Option(name: .customLong("in"), help: "Only this region subtree, at any level: a province, city or county code or name.")
    var within: [String] = []

    var dimensions: [BriefAnalytics.Dimension] {
        get throws {
            let parts = by.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard (1...2).contains(parts.count) else { throw ValidationError("--by takes one dimension or two separated by a comma") }
            return try parts.map { p in
                switch p {
                case "city": return .region
                case "type", "recipient_type", "recipienttype": return .recipientType
                case "section": return .sector
                case "class", "sector_class", "小类": return .sectorClass
                case "中类": return .group
                case "programme_level", "programmelevel": return .programmeLevel
                default:
                    guard let d = BriefAnalytics.Dimension.allCases.first(where: { $0.rawValue.lowercased() == p }) else {
                        throw ValidationError("unknown dimension “\(p)”; expected region, county, province, sector, division, group, class, programme, programme_level, year, level or type")
                    }
                    return d
                }
            }
        }
    }

    func validate() throws {
        let dims = try dimensions
        if top != nil && dims.count > 1 { throw ValidationError("--top works with one dimension") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if excel && format != .csv { throw ValidationError("--excel applies to --format csv") }
        try measures.validate(dimensions: dims)
    }

    func filter() throws -> RecordFilter {
        var f = try filters.filter(programmes: try input.loadOptions().programmes)
        for s in sector {
            guard let c = SectorCatalog.category(s) else {
                throw ValidationError("unknown sector “\(s)”; expected a GB/T 4754-2017 section (C), division (17), group (651) or class (7020), by code or name")
            }
            switch c.level {
            case .section: f.sections = (f.sections ?? []).union([c.code])
            case .division: f.divisions = (f.divisions ?? []).union([c.code])
            case .group: f.groups = (f.groups ?? []).union([c.code])
            case .sectorClass: f.classes = (f.classes ?? []).union([c.code])
            }
        }
        if let type { f.recipientTypes = [type] }
        for w in within {
            switch RegionCatalog.resolve(w) {
            case .found(let r): f.regionCodes = (f.regionCodes ?? []).union([r.code])
            case .ambiguous(let rs): throw ValidationError("“\(w)” is ambiguous: " + rs.map { "\($0.code) \($0.name)" }.joined(separator: ", "))
            case .notFound: throw ValidationError("unknown region “\(w)”")
            }
        }
        return f
    }

    func run() throws {
        let dims = try dimensions
        let filter = try self.filter()
        let table = try loadTable()
        // A filter that leaves nothing: say so, and do not print shares of zero.
        if table.counts(by: .level, filter: filter).total == 0 {
            printError("qbrief: error: no records left after filtering (\(filter.summary)); nothing to count")
            throw Exit.badData
        }
        var out = ""
        if !measures.isEmpty {
            out = try renderMeasure(table, dimension: dims[0], filter: filter)
        } else if dims.count == 1 {
            var t = dims[0] == .region ? table.counts(by: try regionGrouping(filter), filter: filter, measure: measure)
                : table.counts(by: dims[0], filter: filter, measure: measure)
            if let top { t = t.top(top) }
            out = render(t)
        } else {
            out = render(table.crossTab(rows: dims[0], columns: dims[1], grouping: try regionGrouping(filter), filter: filter, measure: measure))
        }
        try StandardOutput.write((format == .csv && excel ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(out.utf8))
    }

    /// Reads the register (large plain CSV straight into columns, see `Register`); errors
    /// stop with exit 65.
    func loadTable() throws -> AwardTable {
        try reportingErrors { try input.register(showingWarnings: 0).table }
    }

    var countHeader: String { measure == .awards ? "数量" : "获奖主体数" }

    /// Cities as the briefing lists them: the home province's (`--home-province`, default
    /// 江苏省) or the `--region` ones, then 省外, 仅注明江苏省 and 未注明地区.
    func regionGrouping(_ filter: RecordFilter) throws -> RegionGrouping {
        let code = try input.loadOptions().homeProvinceCode
        let home = RegionCatalog.region(code: code) ?? RegionCatalog.region(code: "320000")!
        return RegionGrouping(home: home, cityCodes: filter.cityCodes)
    }

    /// The code column of a row: empty for the rows that have no code of their own (其他, 省外).
    func shownKey(_ key: String) -> String {
        key == CountTable.otherKey || key == RegionGrouping.outsideKey ? "" : key
    }

    /// Shares after the README's rounding policy, as the briefing's tables print them: each
    /// count over the base, rounded half up to one decimal on its own (not forced to add up
    /// to 100.0). The base is the total of awards, or for recipients the sum of the groups.
    /// The note is set when the rounded shares do not add up to 100.0.
    func shares(_ t: CountTable) -> (values: [Double], note: String?) {
        let base = t.rows.reduce(0) { $0 + $1.count }
        let values = t.rows.map { BriefingFigures.percent($0.count, of: base) }
        let tenths = values.reduce(0) { $0 + Int(($1 * 10).rounded()) }
        return (values, base > 0 && tenths != 1000 ? "占比按四舍五入保留一位小数，分项之和可能不等于100.0%" : nil)
    }

    func render(_ t: CountTable) -> String {
        let (shares, roundingNote) = self.shares(t)
        switch format {
        case .table:
            var rows = [["代码", "名称", countHeader, "占比"]]
            for (row, share) in zip(t.rows, shares) {
                rows.append([shownKey(row.key), row.label, String(row.count), ChineseNumbers.fixed(share, digits: 1) + "%"])
            }
            let sum = t.rows.reduce(0) { $0 + $1.count }
            rows.append(["", "合计", String(t.total), sum == t.total ? "100.0%" : "—"])
            var s = TerminalTable.render(rows, rightAligned: [2, 3])
            if measure == .recipients && sum != t.total {
                s += "注：一个获奖主体可在多个分组中出现，合计为去重后的获奖主体数，占比按分组之和计算。\n"
            }
            if let roundingNote { s += "注：\(roundingNote)。\n" }
            return s
        case .csv:
            var s = "key,label,count,share_percent\n"
            for (row, share) in zip(t.rows, shares) {
                s += [row.key, row.label, String(row.count), ChineseNumbers.fixed(share, digits: 1)].map(csvField).joined(separator: ",") + "\n"
            }
            return s  // data rows only, so a spreadsheet can sum them; the total is in table and JSON output
        case .json:
            struct Out: Encodable {
                struct Row: Encodable { let key: String; let label: String; let count: Int; let share: Double }
                let dimension: String; let measure: String; let total: Int; let rows: [Row]; let note: String?
            }
            let out = Out(dimension: t.dimension.rawValue, measure: measure.rawValue, total: t.total,
                          rows: zip(t.rows, shares).map { Out.Row(key: $0.key, label: $0.label, count: $0.count, share: $1) },
                          note: roundingNote)
            return json(out)
        }
    }

    func render(_ x: CrossTab) -> String {
        switch format {
        case .table:
            var rows = [[""] + x.columnLabels + ["合计"]]
            for (i, label) in x.rowLabels.enumerated() { rows.append([label] + x.counts[i].map(String.init) + [String(x.rowTotals[i])]) }
            rows.append(["合计"] + x.columnTotals.map(String.init) + [String(x.total)])
            return TerminalTable.render(rows, rightAligned: Set(1...(x.columnKeys.count + 1)))
        case .csv:
            var s = (["key", "label"] + x.columnLabels + ["合计"]).map(csvField).joined(separator: ",") + "\n"
            for (i, label) in x.rowLabels.enumerated() {
                s += ([x.rowKeys[i], label] + x.counts[i].map(String.init) + [String(x.rowTotals[i])]).map(csvField).joined(separator: ",") + "\n"
            }
            s += (["", "合计"] + x.columnTotals.map(String.init) + [String(x.total)]).map(csvField).joined(separator: ",") + "\n"
            return s
        case .json:
            struct Out: Encodable {
                let rowDimension: String; let columnDimension: String; let measure: String
                let rowKeys: [String]; let rowLabels: [String]; let columnKeys: [String]; let columnLabels: [String]
                let counts: [[Int]]; let rowTotals: [Int]; let columnTotals: [Int]; let total: Int
            }
            return json(Out(rowDimension: x.rowDimension.rawValue, columnDimension: x.columnDimension.rawValue, measure: measure.rawValue,
                            rowKeys: x.rowKeys, rowLabels: x.rowLabels, columnKeys: x.columnKeys, columnLabels: x.columnLabels,
                            counts: x.counts, rowTotals: x.rowTotals, columnTotals: x.columnTotals, total: x.total))
        }
    }

    private func json<T: Encodable>(_ value: T) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? enc.encode(value)) ?? Data(), as: UTF8.self) + "\n"
    }

    func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

extension Measure: ExpressibleByArgument {}
extension RecipientType: ExpressibleByArgument {}

import ArgumentParser
import BriefAnalytics
import Foundation
import QualityBrief

/// The measures of `qbrief stats` beyond counts: growth over years, two periods compared,
/// concentration, and density against a denominator file.
struct MeasureOptions: ParsableArguments {
    @Flag(name: .long, help: "With --by year: cumulative totals, change and growth rate per year, and the compound annual growth rate over the span.")
    var growth = false
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Compare two periods by the dimension, e.g. 2021-2024:2017-2020 (this edition against the last).", valueName: "current:previous"))
    var compare: String?
    @Flag(name: .long, help: "Concentration of the counts: the share of the top N groups (N from --top, default 3) and the Herfindahl index.")
    var concentration = false
    @Option(name: .long, help: ArgumentHelp("Density per region: a CSV of region code,value (e.g. enterprises or residents); with --by region, county or province.", valueName: "file"))
    var per: String?
    @Option(name: .long, parsing: .unconditional, help: "With --per: awards per this many units of the denominator (1 to 1000000000).")
    var perUnit: Double = 10_000

    /// The values `--per-unit` may take.
    static let perUnits = 1.0...1e9

    var isEmpty: Bool { !growth && compare == nil && !concentration && per == nil }

    func validate(dimensions: [BriefAnalytics.Dimension]) throws {
        let chosen = [growth, compare != nil, concentration, per != nil].filter { $0 }.count
        if chosen > 1 { throw ValidationError("choose one of --growth, --compare, --concentration, --per") }
        if chosen == 1 && dimensions.count != 1 { throw ValidationError("--growth, --compare, --concentration and --per take one dimension") }
        if growth && dimensions.first != .year { throw ValidationError("--growth needs --by year") }
        if per != nil && ![.region, .county, .province].contains(dimensions.first) {
            throw ValidationError("--per needs --by region, county or province")
        }
        if let per {
            try PathFlag.check(per, flag: "--per", expected: "a CSV of region code,value", maxBytes: DenominatorFile.maxFileSize)
        }
        if !Self.perUnits.contains(perUnit) {
            throw ValidationError("--per-unit \(perUnit) is out of range: give a number between 1 and 1000000000")
        }
        if let compare { _ = try periods(compare) }
    }

    /// "2021-2024:2017-2020" or "2024:2023".
    func periods(_ text: String) throws -> (ClosedRange<Int>, ClosedRange<Int>) {
        func range(_ s: Substring) throws -> ClosedRange<Int> {
            let ends = s.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(ends.count), let a = ends.first ?? nil, let b = ends.last ?? nil, a <= b else {
                throw ValidationError("--compare takes YEAR[-YEAR]:YEAR[-YEAR], e.g. 2021-2024:2017-2020; got “\(text)”")
            }
            guard FilterOptions.years.contains(a), FilterOptions.years.contains(b) else {
                throw ValidationError("--compare \(text): years must be between \(FilterOptions.years.lowerBound) and \(FilterOptions.years.upperBound)")
            }
            return a...b
        }
        let parts = text.split(separator: ":")
        guard parts.count == 2 else { throw ValidationError("--compare takes CURRENT:PREVIOUS, e.g. 2021-2024:2017-2020; got “\(text)”") }
        return (try range(parts[0]), try range(parts[1]))
    }
}

extension Stats {
    /// Renders the measure chosen in `measures`, as a terminal table, CSV or JSON.
    func renderMeasure(_ table: AwardTable, dimension: BriefAnalytics.Dimension, filter: RecordFilter) throws -> String {
        let m = measures
        var header: [String] = []
        var rows: [[String]] = []
        var notes: [String] = []
        var right: Set<Int> = []
        // As `--by region` prints them: 省外's key `*outside*` in CSV and JSON, no code in a table.
        func code(_ key: String) -> String { format == .table ? shownKey(key) : key }
        func pct(_ x: Double?) -> String { x.map { ChineseNumbers.fixed($0 * 100, digits: 1) + "%" } ?? "—" }

        if m.growth {
            let ts = table.timeSeries(filter: filter, measure: measure)
            header = ["年度", countHeader, "累计", "增减", "增长率"]
            right = [1, 2, 3, 4]
            for (i, y) in ts.years.enumerated() {
                rows.append([String(y), String(ts.counts[i]), String(ts.cumulative[i]),
                             ts.changes[i].map { $0 > 0 ? "+\($0)" : String($0) } ?? "—", pct(ts.growthRates[i])])
            }
            if let first = ts.years.first, let last = ts.years.last, first < last {
                notes.append("\(first)–\(last)年年均增长率（CAGR）：\(pct(ts.cagr(from: first, to: last)))")
            }
        } else if let spec = m.compare {
            let (cur, prev) = try m.periods(spec)
            func name(_ r: ClosedRange<Int>) -> String { r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)" }
            let c = dimension == .region
                ? table.compare(by: try regionGrouping(filter), current: cur, previous: prev, filter: filter, measure: measure)
                : table.compare(by: dimension, current: cur, previous: prev, filter: filter, measure: measure)
            header = ["代码", "名称", name(cur), name(prev), "增减", "增长率"]
            right = [2, 3, 4, 5]
            for r in c.rows + [c.total] {
                rows.append([code(r.key), r.label, String(r.current), String(r.previous), r.change > 0 ? "+\(r.change)" : String(r.change), pct(r.rate)])
            }
        } else if m.concentration {
            let n = top ?? 3
            var left: [CountRow] = []
            var groups = dimension == .region ? table.counts(by: try regionGrouping(filter), filter: filter)
                : table.counts(by: dimension, filter: filter)
            if dimension == .region {
                // Concentration among the cities: records that name no city (blank region, the
                // province alone) or lie outside the home province are not a place to rank;
                // they are left out and said so.
                let isCity = { (r: CountRow) in r.key.count == 6 && r.key.allSatisfy(\.isNumber) && !r.key.hasSuffix("0000") }
                left = groups.rows.filter { !isCity($0) && $0.count > 0 }
                groups = CountTable(dimension: groups.dimension, rows: groups.rows.filter(isCity))
            }
            let leftOut = left.isEmpty ? [] : [["未计入（未归入设区市）", left.map { "\($0.label)\($0.count)项" }.joined(separator: "、")]]
            header = ["指标", "数值"]
            right = [1]
            if let c = Concentration(groups, top: n) {
                rows = [["前\(n)位合计占比", pct(c.topShare)],
                        ["前\(n)位", c.topKeys.map { key in groups.rows.first { $0.key == key }?.label ?? key }.joined(separator: "、")],
                        ["赫芬达尔指数（HHI）", String(format: "%.4f", c.herfindahl)],
                        [dimension == .region ? "有获奖的设区市数" : "有获奖的分组数", String(c.groups)], ["合计", String(c.total)]] + leftOut
            } else {
                rows = [["合计", "0"]] + leftOut
            }
        } else if let file = m.per {
            let (denominators, findings) = DenominatorFile.read(URL(fileURLWithPath: file))
            for d in findings { printError(d.description) }
            if findings.contains(where: { $0.severity == .error }) {
                printError("qbrief: error: the --per file \(file) has errors; no density was computed")
                throw Exit.badData
            }
            let d = dimension == .region
                ? table.density(by: try regionGrouping(filter), denominators: denominators, per: m.perUnit, filter: filter)
                : table.density(by: dimension == .province ? .province : .county, denominators: denominators, per: m.perUnit, filter: filter)
            let unit = m.perUnit == 10_000 ? "每万" : "每\(ChineseNumbers.fixed(m.perUnit, digits: 0))"
            header = ["代码", "名称", countHeader, "基数", unit + "单位"]
            right = [2, 3, 4]
            for r in d.rows {
                rows.append([code(r.key), r.label, String(r.count), r.denominator.map { ChineseNumbers.fixed($0, digits: 0) } ?? "—",
                             r.density.flatMap { $0.isFinite && $0 < 1e15 ? ChineseNumbers.fixed($0, digits: 2) : nil } ?? "—"])
            }
            let missing = d.rows.filter { $0.denominator == nil && $0.count > 0 }.map(\.label)
            if !missing.isEmpty { notes.append("无基数：" + missing.joined(separator: "、")) }
        }

        switch format {
        case .table:
            return TerminalTable.render([header] + rows, rightAligned: right) + notes.map { $0 + "\n" }.joined()
        case .csv:
            return ([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .json:
            let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
            let data = try JSONSerialization.data(withJSONObject: ["rows": objects, "notes": notes], options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}

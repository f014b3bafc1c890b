import BriefAnalytics
import BriefDocument
import BriefModel
import Foundation

/// The sections of the showcase report (`Reports/sample/showcase.yaml`): one of each chart
/// kind the layout draws — tile map, grouped and hatched bars, horizontal bars, stacked
/// areas, pie — and a three-line table with grouped header rows.
extension BriefingComposer {
    /// Blocks of a showcase section; `heading` numbers the section, `nextFigure` and `nextTable`
    /// give the next figure and table numbers.
    func showcaseBlocks(_ section: BriefingSection, heading: (String) -> Block,
                        nextFigure: () -> Int, nextTable: () -> Int, source: String) -> [Block] {
        switch section {
        case .map:
            // Only the home province's cities are tiles; 省外 and unknown places are stated, not drawn.
            // A one-city briefing's groups are its counties: its tile holds the city's total.
            // Cities outside the selection are left white (未选), not drawn as 0.
            let region = figures.region
            let places = region.groups
            let n = nextFigure()
            let words = BriefingWording(figures)
            let tiles: [(label: String, count: Int)]
            let tileSentence: String
            var by = "按设区市看，"
            switch region.scope {
            case .province:
                tiles = places.map { ($0.shortLabel, $0.count) }
                tileSentence = "图\(n)把各设区市按大致地理位置排成方格，颜色越深获奖越多，黑白复印也能分辨。"
            case .cities:
                tiles = places.map { ($0.shortLabel, $0.count) }
                tileSentence = "图\(n)把所选设区市按大致地理位置排成方格，颜色越深获奖越多；未选的设区市留白。"
            case .city(let c):
                tiles = [(c.shortName, region.placed)]
                by = "按区县看，"
                tileSentence = "图\(n)只标出所选的\(c.name)（共\(region.placed)项），其余设区市未选，留白。"
            }
            let lead = places.contains { $0.count > 0 }
                ? by + words.regionRanking(withLeast: false) + words.outsideSentence() + tileSentence
                : "所选范围内没有注明所在设区市的获奖记录。"
            return [heading("地区分布图"), .keepTogether([.paragraph(Paragraph(lead)), .chart(ChartSpec(
                kind: .tileMap, title: "图\(n)　各设区市获奖数量分布",
                categories: tiles.map(\.label),
                series: [ChartSeries(name: "获奖数量", values: tiles.map { Double($0.count) })],
                valueUnit: "项", source: source, height: 300))])]
        case .levelBars:
            let cross = table.crossTab(rows: .region, columns: .level, filter: filter)
            let cities = Set(figures.region.groups.map(\.key))
            let keep = cross.rowKeys.indices.filter { cities.contains(cross.rowKeys[$0]) }
            // A level with no record in the cities drawn (no nomination there) is not a series.
            let levels = cross.columnKeys.indices.filter { j in keep.contains { cross.counts[$0][j] > 0 } }
            let n = nextFigure()
            return [heading("获奖与提名"), .keepTogether([
                .paragraph(Paragraph("图\(n)按设区市并列比较获奖和提名奖数量（分组柱形图，加斜线纹理，灰度打印仍可区分两组）。")),
                .chart(ChartSpec(
                    kind: .bar, title: "图\(n)　各设区市获奖和提名奖数量",
                    categories: keep.map { shortRegion(key: cross.rowKeys[$0], label: cross.rowLabels[$0]) },
                    series: levels.map { j in
                        ChartSeries(name: cross.columnLabels[j], values: keep.map { Double(cross.counts[$0][j]) }, style: j)
                    },
                    valueAxisTitle: "数量（项）", valueUnit: "", showValues: false, source: source, height: 250,
                    hatched: true)),
            ])]
        case .sectorBars:
            let bySector = table.counts(by: .sector, filter: filter)
            let rows = bySector.sortedByCount.filter { $0.count > 0 }.prefix(10)
            let n = nextFigure()
            return [heading("行业排名"), .keepTogether([
                .paragraph(Paragraph("获奖数量居前的国民经济行业门类见图\(n)（条形图，行业名称取简称）。")),
                .chart(ChartSpec(
                    kind: .horizontalBar, title: "图\(n)　获奖数量居前的行业门类",
                    categories: rows.map { SectorShortName.label(key: $0.key, fallback: $0.label) },
                    series: [ChartSeries(name: "获奖数量", values: rows.map { Double($0.count) })],
                    valueAxisTitle: "数量（项）", valueUnit: "项", source: source + "；行业按GB/T 4754-2017门类",
                    height: 260)),
            ])]
        case .programmeArea:
            let cross = programmesByYear
            let n = nextFigure()
            // A filled area joins its points: only cumulative figures are continuous like that,
            // so the layers are running totals (annual counts are bars or a line with markers).
            func runningTotals(_ counts: [Int]) -> [Double] {
                var sum = 0
                return counts.map { sum += $0; return Double(sum) }
            }
            return [heading("累计构成"), .keepTogether([
                .paragraph(Paragraph("图\(n)以堆积面积表示各奖项截至各年度的累计获奖数量，面积总高即累计合计；各层加不同纹理。")),
                .chart(ChartSpec(
                    kind: .area, title: "图\(n)　累计获奖数量构成（按奖项）",
                    categories: cross.columnLabels,
                    series: programmeSeries(cross, values: runningTotals),
                    categoryAxisTitle: "年度", valueAxisTitle: "数量（项）", valueUnit: "", showValues: false,
                    source: source, height: 215, hatched: true)),
            ])]
        case .programmePie:
            let byProgramme = table.counts(by: .programme, filter: filter)
            let rows = byProgramme.rows.filter { $0.count > 0 }
            let styles = programmeStyles
            let n = nextFigure()
            return [heading("奖项占比"), .keepTogether([
                .paragraph(Paragraph("各奖项在全部获奖和提名中的占比见图\(n)（饼图，标签放不下时用引线引出）。")),
                .chart(ChartSpec(
                    kind: .pie, title: "图\(n)　各奖项占比",
                    categories: rows.map(\.label),
                    series: [ChartSeries(name: "数量", values: rows.map { Double($0.count) })],
                    valueUnit: "项", source: source, height: 225, hatched: true,
                    categoryStyles: rows.enumerated().map { styles[$1.key] ?? $0 })),
            ])]
        case .regionProgrammeTable:
            return [heading("分级统计"), .table(regionProgrammeTable(number: nextTable(), source: source))]
        default:
            return []
        }
    }

    private func shortRegion(key: String, label: String) -> String {
        RegionCatalog.region(code: key)?.shortName ?? label
    }

    /// 设区市 | 获奖（per programme）| 提名奖（per programme）| 合计, with grouped headers.
    func regionProgrammeTable(number: Int, source: String) -> TableSpec {
        let award = RecordFilter.with(filter, level: .award)
        let nomination = RecordFilter.with(filter, level: .nomination)
        // By registered code, so a province-level code elsewhere (北京市) is 省外, not unknown.
        let a = table.crossTab(rows: .county, columns: .programme, filter: award)
        let m = table.crossTab(rows: .county, columns: .programme, filter: nomination)
        let all = table.crossTab(rows: .county, columns: .programme, filter: filter)
        let programmes = all.columnKeys
        func counts(_ t: CrossTab, _ row: String) -> [Int] { programmes.map { t.count(row: row, column: $0) } }
        var columns = [TableColumn("设区市", alignment: .leading, weight: 1.2)]
        columns += (all.columnLabels + all.columnLabels).map { TableColumn($0, alignment: .trailing, weight: 1) }
        columns.append(TableColumn("合计", alignment: .trailing, weight: 0.8))
        let shortNames = all.columnLabels.map { $0.replacingOccurrences(of: "江苏省", with: "") }
        let header: [[TableHeaderCell]] = [
            [TableHeaderCell("设区市", rowSpan: 2), TableHeaderCell("获奖", columnSpan: programmes.count),
             TableHeaderCell("提名奖", columnSpan: programmes.count), TableHeaderCell("合计", rowSpan: 2)],
            (shortNames + shortNames).map { TableHeaderCell($0) },
        ]
        // Home-province cities by name; other provinces' places summed as 省外, records coded only
        // as the home province as 仅注明江苏省, blanks as 未注明地区.
        let width = 2 * programmes.count + 1
        var byCity: [String: [Int]] = [:]
        let groupKeys = Set(figures.region.groups.map(\.key))
        var outside = Array(repeating: 0, count: width)
        var unknown = outside
        var provinceOnly = outside
        let grouping = RegionGrouping(home: figures.region.home)
        var totals = outside
        for (i, code) in all.rowKeys.enumerated() where all.rowTotals[i] > 0 {
            let values = counts(a, code) + counts(m, code) + [all.rowTotals[i]]
            for (k, v) in values.enumerated() { totals[k] += v }
            let region = code.isEmpty ? nil : RegionCatalog.region(code: code)
            // The group is the code itself (a county of a one-city briefing) or its city.
            let candidates = [region?.code, region.flatMap { RegionCatalog.prefecture(of: $0.code)?.code }].compactMap { $0 }
            if let key = candidates.first(where: { groupKeys.contains($0) }) {
                byCity[key] = zip(byCity[key] ?? Array(repeating: 0, count: width), values).map(+)
            } else if grouping.key(of: code) == RegionGrouping.outsideKey {
                for (k, v) in values.enumerated() { outside[k] += v }
            } else if code == grouping.home.code {
                for (k, v) in values.enumerated() { provinceOnly[k] += v }
            } else {
                for (k, v) in values.enumerated() { unknown[k] += v }
            }
        }
        var lines: [(label: String, values: [Int])] = figures.region.groups.compactMap { g in byCity[g.key].map { (g.label, $0) } }
        if outside.last! > 0 { lines.append(("省外", outside)) }
        if provinceOnly.last! > 0 { lines.append((grouping.provinceOnlyLabel, provinceOnly)) }
        if unknown.last! > 0 { lines.append(("未注明地区", unknown)) }
        let rows = lines.map { [$0.label] + $0.values.map(String.init) }
        return TableSpec(caption: "表\(number)　各设区市获奖和提名奖情况（单位：项）", columns: columns, rows: rows,
                         totals: ["合计"] + totals.map(String.init), style: .threeLine, note: source,
                         headerRows: header)
    }
}

extension RecordFilter {
    /// `filter` narrowed to one level.
    static func with(_ filter: RecordFilter, level: AwardLevel) -> RecordFilter {
        var f = filter
        f.levels = filter.levels.map { $0.intersection([level]) } ?? [level]
        return f
    }
}

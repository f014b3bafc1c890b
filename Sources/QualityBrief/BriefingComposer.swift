import BriefAnalytics
import BriefDocument
import BriefModel

/// Turns analytics into a `Document`: masthead, title, summary, charts and tables, in the
/// order the report definition lists its sections.
struct BriefingComposer {
    let table: AwardTable
    let records: [AwardRecord]
    let filter: RecordFilter
    let definition: ReportDefinition
    let creator: String
    /// The figures every sentence, table and chart of the briefing quotes.
    let figures: BriefingFigures

    func document() -> Document {
        let d = definition
        let dateText = ChineseNumbers.date(d.date) ?? d.date
        var blocks: [Block] = [.title(d.title)]
        var sectionNo = 0
        var figureNo = 0
        var tableNo = 0
        let source = "数据来源：" + d.source

        func heading(_ text: String) -> Block {
            sectionNo += 1
            return .heading(Heading(level: 1, text: ChineseNumbers.headingPrefix(level: 1, index: sectionNo) + text))
        }

        let words = BriefingWording(figures)
        for section in d.sections {
            switch section {
            case .summary:
                blocks.append(heading("总体情况"))
                blocks += words.summary().map { .paragraph(Paragraph($0)) }
            case .region:
                blocks.append(heading("地区分布"))
                tableNo += 1
                let places = words.places
                let charted = places.contains { $0.count > 0 }
                if charted { figureNo += 1 }
                blocks.append(.paragraph(Paragraph(words.regionLead(table: tableNo, figure: charted ? figureNo : nil))))
                blocks.append(.table(regionTable(number: tableNo, source: source)))
                if charted {
                    let left = words.leftOutOfChart
                    let note = left.isEmpty ? "" : "；" + left.joined(separator: "、") + "未列入图中"
                    blocks.append(.chart(ChartSpec(
                        kind: .bar, title: "图\(figureNo)　\(regionChartTitle)",
                        categories: places.map(\.shortLabel),
                        series: [ChartSeries(name: "获奖数量", values: places.map { Double($0.count) })],
                        valueAxisTitle: "数量（项）", valueUnit: "项", source: source + note, height: 250)))
                }
            case .sector:
                blocks.append(heading("行业分布"))
                guard figures.sector.classified > 0 else {
                    blocks.append(.paragraph(Paragraph(words.sectorLead())))
                    continue
                }
                let bySector = table.counts(by: .sector, filter: filter)
                let top = bySector.topWithSmallOther(atLeast: 6, otherLabel: "其他")
                figureNo += 1
                blocks.append(keptWithChart(words.sectorLead(), ChartSpec(
                    kind: .donut, title: "图\(figureNo)　获奖组织和个人行业分布",
                    categories: top.rows.map { $0.key.isEmpty ? "未标注行业" : SectorShortName.label(key: $0.key, fallback: $0.label) },
                    series: [ChartSeries(name: "获奖数量", values: top.rows.map { Double($0.count) })],
                    valueUnit: "项", source: source + "；行业按GB/T 4754-2017门类", height: 270)))
            case .year:
                blocks.append(heading("年度趋势"))
                guard figures.years.count > 1 else {
                    blocks.append(.paragraph(Paragraph(words.yearLead())))
                    continue
                }
                figureNo += 1
                blocks.append(keptWithChart(words.yearLead(), ChartSpec(
                    kind: .line, title: "图\(figureNo)　历年获奖数量",
                    categories: figures.years.map(\.label),
                    series: [ChartSeries(name: "获奖数量", values: figures.years.map { Double($0.count) })],
                    categoryAxisTitle: "年度", valueAxisTitle: "数量（项）", valueUnit: "项",
                    source: source, height: 200)))
            case .programme:
                let cross = programmesByYear
                blocks.append(heading("奖项构成"))
                figureNo += 1
                blocks.append(keptWithChart(words.programmeLead(), ChartSpec(
                    kind: .stackedBar, title: "图\(figureNo)　历年获奖数量（按奖项）",
                    categories: cross.columnLabels,
                    series: programmeSeries(cross) { $0.map(Double.init) },
                    categoryAxisTitle: "年度", valueAxisTitle: "数量（项）", valueUnit: "项",
                    source: source, height: 220)))
            case .recipients:
                blocks.append(heading("获奖名单"))
                tableNo += 1
                let (list, shown) = recipientTable(number: tableNo, source: source)
                let total = figures.total
                var lead = "获奖组织和个人名单见表\(tableNo)，按年度、奖项排列"
                lead += shown < total ? "，列出前\(shown)项（共\(total)项）。" : "，共\(total)项。"
                blocks.append(.paragraph(Paragraph(lead)))
                blocks.append(.table(list))
            case .map, .levelBars, .sectorBars, .programmeArea, .programmePie, .regionProgrammeTable:
                blocks += showcaseBlocks(section, heading: heading, nextFigure: { figureNo += 1; return figureNo },
                                         nextTable: { tableNo += 1; return tableNo }, source: source)
            }
        }
        let masthead = Masthead(
            name: d.name, issue: "第\(d.issue)期", unit: d.unit, date: dateText,
            classification: d.classification, notice: d.notice)
        let footer = d.distribution.isEmpty && d.printRun == nil
            ? nil : DistributionFooter(lines: d.distribution, printRun: d.printRun.map { "（共印\($0)份）" })
        let meta = DocumentMetadata(
            title: d.title, author: d.unit, subject: "\(d.name) 第\(d.issue)期",
            creator: creator, keywords: "质量奖,简报,\(d.name)", date: d.date)
        return Document(metadata: meta, page: .a4Briefing, styles: .briefing, masthead: masthead,
                        blocks: blocks, footer: footer, runningHeader: d.notice)
    }

    /// Programmes × years of the selection, programmes without a record left out: the series
    /// of the programme charts (stacked bars, stacked areas), so a legend names only programmes
    /// drawn and a programme has the same colour in them as in the pie (its non-empty
    /// programmes in the same rank order).
    var programmesByYear: CrossTab {
        table.crossTab(rows: .programme, columns: .year, filter: filter).droppingEmptyRows()
    }

    /// Each programme's palette entry in charts: its place among the register's programmes
    /// (the catalog's first), whatever the selection, so that a programme keeps its colour from
    /// one chart and one briefing to the next when other programmes have no record.
    var programmeStyles: [String: Int] {
        Dictionary(table.counts(by: .programme).rows.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// One series per row of a programme cross-tab, each in its programme's palette entry.
    func programmeSeries(_ cross: CrossTab, values: ([Int]) -> [Double]) -> [ChartSeries] {
        let styles = programmeStyles
        return cross.rowKeys.indices.map { i in
            ChartSeries(name: cross.rowLabels[i], values: values(cross.counts[i]), style: styles[cross.rowKeys[i]])
        }
    }

    /// A lead paragraph and the chart it introduces, kept on one page.
    private func keptWithChart(_ lead: String, _ chart: ChartSpec) -> Block {
        .keepTogether([.paragraph(Paragraph(lead)), .chart(chart)])
    }

    /// Title of the region chart: 各设区市获奖数量, 苏州市各区县获奖数量, 所选设区市获奖数量.
    private var regionChartTitle: String {
        switch figures.region.scope {
        case .province: return "各设区市获奖数量"
        case .city(let c): return "\(c.name)各区县获奖数量"
        case .cities: return "所选设区市获奖数量"
        }
    }

    /// The region table: one row per place (zeros included), then 省外, 仅注明江苏省 and 未注明地区 when
    /// there are such records, by programme, with 合计 and (from 20 records) 占比. Each share
    /// is rounded on its own, so a note says when the shares do not add up to 100.0%.
    private func regionTable(number: Int, source: String) -> TableSpec {
        let r = figures.region
        let words = BriefingWording(figures)
        var lines: [(key: String, label: String)] = r.groups.map { ($0.key, $0.label) }
        if r.outside > 0 { lines.append((BriefingFigures.outsideKey, "省外")) }
        if r.provinceOnly > 0 { lines.append((r.home.code, "仅注明\(r.home.name)")) }
        if r.blank > 0 { lines.append(("", "未注明地区")) }
        let total = figures.total
        let percent = words.showsPercent(total)
        var first = "设区市"
        if case .city = r.scope { first = "区县" }
        var columns = [TableColumn(first, alignment: .leading, weight: 1.3)]
        columns += r.programmes.map { TableColumn($0.label, alignment: .trailing, weight: 1.3) }
        columns.append(TableColumn("合计", alignment: .trailing, weight: 0.8))
        if percent { columns.append(TableColumn("占比", alignment: .trailing, weight: 0.8)) }
        var rows: [[String]] = []
        var tenths = 0
        for line in lines {
            let cells = r.programmes.map { r.byProgramme[line.key]?[$0.key] ?? 0 }
            let sum = cells.reduce(0, +)
            var row = [line.label] + cells.map(String.init) + [String(sum)]
            if percent {
                row.append(words.pct(sum, total))
                tenths += Int((BriefingFigures.percent(sum, of: total) * 10).rounded())
            }
            rows.append(row)
        }
        var totals = ["合计"] + r.programmes.map { String($0.count) } + [String(total)]
        if percent { totals.append(total > 0 ? "100.0%" : "—") }
        var notes = [source]
        if r.blank > 0 { notes.append("未注明地区的记录未计入各设区市") }
        if r.provinceOnly > 0 { notes.append("仅注明\(r.home.name)的记录未计入各设区市") }
        if r.outside > 0 { notes.append("省外为授予外省（区、市）组织和个人的奖项") }
        if r.cityLevelOnly > 0 { notes.append("市本级/未注明区县为仅注明设区市、未注明区县的记录") }
        if percent && tenths != 1000 { notes.append("占比按四舍五入保留一位小数，分项之和可能不等于100.0%") }
        let caption: String
        switch r.scope {
        case .province: caption = "各设区市获奖情况"
        case .city(let c): caption = "\(c.name)各区县获奖情况"
        case .cities: caption = "所选设区市获奖情况"
        }
        return TableSpec(caption: "表\(number)　\(caption)（单位：项）", columns: columns, rows: rows,
                         totals: totals, style: .threeLine, note: notes.joined(separator: "；"))
    }

    /// How the recipient list names a record's place: the city (or, in a one-city briefing,
    /// the county) as registered, the province and city for 省外, 未注明 when blank.
    private func placeLabel(_ r: AwardRecord) -> String {
        guard let code = r.regionCode, let region = RegionCatalog.region(code: code) else { return "未注明" }
        let home = figures.region.home
        if code.prefix(2) != home.code.prefix(2) {
            guard region.level > 1, let province = RegionCatalog.region(code: String(code.prefix(2)) + "0000") else { return region.name }
            return province.name + region.name
        }
        if case .city = figures.region.scope { return region.name }
        if region.code == home.code { return home.name }
        return r.cityCode.flatMap { RegionCatalog.region(code: $0)?.name } ?? "未注明"
    }

    private func recipientTable(number: Int, source: String) -> (TableSpec, Int) {
        // Sorted by (year, programme rank, award before nomination, line) through precomputed
        // keys: a 100 000-record list sorts in milliseconds instead of comparing records.
        let matching = records.filter { filter.matches($0) }
        let keys = matching.map { ($0.year, $0.programme.rank, $0.level == .award ? 0 : 1, $0.source?.line ?? 0) }
        let selected = matching.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }.map { matching[$0] }
        let limit = definition.recipientLimit ?? selected.count
        let shown = selected.prefix(limit)
        // No 行业 column when no selected record has a sector (a column of 未分类 says nothing).
        let sectors = figures.sector.classified > 0
        let rows: [[String]] = shown.enumerated().map { i, r in
            let sector = r.sectionCode.map { SectorShortName.label(key: $0, fallback: SectorCatalog.section($0)?.name ?? $0) } ?? "未标注"
            let award = r.programme.name + (r.level == .nomination ? "提名奖" : "")
            return [String(i + 1), r.recipient, placeLabel(r)] + (sectors ? [sector] : []) + [award, String(r.year)]
        }
        var columns = [
            TableColumn("序号", alignment: .trailing, weight: 0.5),
            TableColumn("获奖单位（个人）", alignment: .leading, weight: 3.0),
            TableColumn("地区", alignment: .leading, weight: 1.1),
        ]
        if sectors { columns.append(TableColumn("行业", alignment: .leading, weight: 1.6)) }
        columns += [
            TableColumn("奖项", alignment: .leading, weight: 2.0),
            TableColumn("年度", alignment: .trailing, weight: 0.6),
        ]
        let note = sectors ? source + "；行业为GB/T 4754-2017门类简称" : source
        return (TableSpec(caption: "表\(number)　获奖组织和个人名单", columns: columns, rows: rows,
                          style: .grid, note: note, density: .compact), rows.count)
    }
}

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

        for section in d.sections {
            switch section {
            case .summary:
                blocks.append(heading("总体情况"))
                let summary = BriefingSummary(table: table, filter: filter)
                blocks += summary.paragraphs().map { .paragraph(Paragraph($0)) }
            case .region:
                let byRegion = table.counts(by: .region, filter: filter)
                blocks.append(heading("地区分布"))
                figureNo += 1
                tableNo += 1
                blocks.append(.paragraph(Paragraph(regionLead(byRegion, table: tableNo, figure: figureNo))))
                blocks.append(.table(regionTable(number: tableNo, source: source)))
                blocks.append(.chart(ChartSpec(
                    kind: .bar, title: "图\(figureNo)　各设区市获奖数量",
                    categories: byRegion.rows.map { shortRegion($0) },
                    series: [ChartSeries(name: "获奖数量", values: byRegion.rows.map { Double($0.count) })],
                    valueAxisTitle: "数量（项）", valueUnit: "项", source: source, height: 250)))
            case .sector:
                let bySector = table.counts(by: .sector, filter: filter)
                let top = bySector.topWithSmallOther(atLeast: 6, otherLabel: "其他")
                blocks.append(heading("行业分布"))
                figureNo += 1
                blocks.append(keptWithChart(sectorLead(bySector), ChartSpec(
                    kind: .donut, title: "图\(figureNo)　获奖组织和个人行业分布",
                    categories: top.rows.map { SectorShortName.label(key: $0.key, fallback: $0.label) },
                    series: [ChartSeries(name: "获奖数量", values: top.rows.map { Double($0.count) })],
                    valueUnit: "项", source: source + "；行业按GB/T 4754-2017门类", height: 270)))
            case .year:
                let years = table.yearSeries(filter: filter)
                blocks.append(heading("年度趋势"))
                figureNo += 1
                blocks.append(keptWithChart(yearLead(years), ChartSpec(
                    kind: .line, title: "图\(figureNo)　历年获奖数量",
                    categories: years.rows.map(\.label),
                    series: [ChartSeries(name: "获奖数量", values: years.rows.map { Double($0.count) })],
                    categoryAxisTitle: "年度", valueAxisTitle: "数量（项）", valueUnit: "项",
                    source: source, height: 200)))
            case .programme:
                let cross = table.crossTab(rows: .programme, columns: .year, filter: filter)
                blocks.append(heading("奖项构成"))
                figureNo += 1
                blocks.append(keptWithChart(programmeLead(), ChartSpec(
                    kind: .stackedBar, title: "图\(figureNo)　历年获奖数量（按奖项）",
                    categories: cross.columnLabels,
                    series: zip(cross.rowLabels, cross.counts).map { ChartSeries(name: $0, values: $1.map(Double.init)) },
                    categoryAxisTitle: "年度", valueAxisTitle: "数量（项）", valueUnit: "项",
                    source: source, height: 220)))
            case .recipients:
                blocks.append(heading("获奖名单"))
                tableNo += 1
                let (list, shown) = recipientTable(number: tableNo, source: source)
                let total = table.counts(by: .level, filter: filter).total
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

    /// A lead paragraph and the chart it introduces, kept on one page.
    private func keptWithChart(_ lead: String, _ chart: ChartSpec) -> Block {
        .keepTogether([.paragraph(Paragraph(lead)), .chart(chart)])
    }

    private func shortRegion(_ row: CountRow) -> String {
        if row.key.isEmpty { return row.label }
        return RegionCatalog.region(code: row.key)?.shortName ?? row.label
    }

    private func regionLead(_ t: CountTable, table: Int, figure: Int) -> String {
        let ranked = t.sortedByCount.filter { !$0.key.isEmpty }
        guard let first = ranked.first, first.count > 0 else { return "所选范围内各设区市均无获奖记录。" }
        let shares = Dictionary(uniqueKeysWithValues: zip(t.rows.map(\.key), t.shares(digits: 1)))
        var s = "\(first.label)获奖最多，共\(first.count)项，占\(ChineseNumbers.fixed(shares[first.key] ?? 0, digits: 1))%"
        if let last = ranked.last(where: { $0.count > 0 }), last.key != first.key {
            s += "；\(last.label)最少，\(last.count)项"
        }
        return s + "。各设区市获奖情况见表\(table)、图\(figure)。"
    }

    private func sectorLead(_ t: CountTable) -> String {
        let nonEmpty = t.rows.filter { $0.count > 0 && !$0.key.isEmpty }
        guard let top = t.sortedByCount.first(where: { !$0.key.isEmpty }), top.count > 0 else {
            return "所选范围内没有标注行业的获奖记录。"
        }
        let shares = Dictionary(uniqueKeysWithValues: zip(t.rows.map(\.key), t.shares(digits: 1)))
        return "获奖组织和个人分布在\(nonEmpty.count)个国民经济行业门类，其中\(top.label)\(top.count)项，"
            + "占\(ChineseNumbers.fixed(shares[top.key] ?? 0, digits: 1))%。"
    }

    private func yearLead(_ t: CountTable) -> String {
        guard let peak = t.sortedByCount.first, peak.count > 0 else { return "所选范围内没有获奖记录。" }
        var s = "\(t.rows.first!.label)年以来，获奖数量最多的年度为\(peak.label)年（\(peak.count)项）"
        if let c = table.yearChange(filter: filter) {
            s += "；\(c.year)年\(c.count)项，" + (c.change == 0 ? "与上一年度持平" :
                "比\(c.previousYear)年\(c.change > 0 ? "增加" : "减少")\(abs(c.change))项")
        }
        return s + "。"
    }

    private func programmeLead() -> String {
        let p = table.counts(by: .programme, filter: filter)
        let l = table.counts(by: .level, filter: filter)
        let parts = p.rows.filter { $0.count > 0 }.map { "\($0.label)\($0.count)项" }
        return "按奖项分，" + parts.joined(separator: "、") + "；其中获奖\(l.count(AwardLevel.award.rawValue))项，"
            + "提名奖\(l.count(AwardLevel.nomination.rawValue))项。"
    }

    private func regionTable(number: Int, source: String) -> TableSpec {
        let cross = table.crossTab(rows: .region, columns: .programme, filter: filter)
        let total = max(cross.total, 0)
        let shares = LargestRemainder.percentages(cross.rowTotals, digits: 1)
        var columns = [TableColumn("设区市", alignment: .leading, weight: 1.3)]
        columns += cross.columnLabels.map { TableColumn($0, alignment: .trailing, weight: 1.3) }
        columns += [TableColumn("合计", alignment: .trailing, weight: 0.8), TableColumn("占比", alignment: .trailing, weight: 0.8)]
        var rows: [[String]] = []
        for (i, label) in cross.rowLabels.enumerated() {
            rows.append([label] + cross.counts[i].map(String.init) + [String(cross.rowTotals[i]),
                        ChineseNumbers.fixed(shares[i], digits: 1) + "%"])
        }
        let totals = ["合计"] + cross.columnTotals.map(String.init) + [String(total), total > 0 ? "100.0%" : "—"]
        return TableSpec(caption: "表\(number)　各设区市获奖情况（单位：项）", columns: columns, rows: rows,
                         totals: totals, style: .threeLine, note: source)
    }

    private func recipientTable(number: Int, source: String) -> (TableSpec, Int) {
        // Sorted by (year, programme rank, award before nomination, line) through precomputed
        // keys: a 100 000-record list sorts in milliseconds instead of comparing records.
        let matching = records.filter { filter.matches($0) }
        let keys = matching.map { ($0.year, $0.programme.rank, $0.level == .award ? 0 : 1, $0.source?.line ?? 0) }
        let selected = matching.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }.map { matching[$0] }
        let limit = definition.recipientLimit ?? selected.count
        let shown = selected.prefix(limit)
        let rows: [[String]] = shown.enumerated().map { i, r in
            let region = r.cityCode.flatMap { RegionCatalog.region(code: $0)?.name } ?? "未知地区"
            let sector = r.sectionCode.map { SectorShortName.label(key: $0, fallback: SectorCatalog.section($0)?.name ?? $0) } ?? "未分类"
            let award = r.programme.name + (r.level == .nomination ? "提名奖" : "")
            return [String(i + 1), r.recipient, region, sector, award, String(r.year)]
        }
        let columns = [
            TableColumn("序号", alignment: .trailing, weight: 0.5),
            TableColumn("获奖单位（个人）", alignment: .leading, weight: 3.0),
            TableColumn("地区", alignment: .leading, weight: 1.1),
            TableColumn("行业", alignment: .leading, weight: 1.6),
            TableColumn("奖项", alignment: .leading, weight: 2.0),
            TableColumn("年度", alignment: .trailing, weight: 0.6),
        ]
        return (TableSpec(caption: "表\(number)　获奖组织和个人名单", columns: columns, rows: rows,
                          style: .grid, note: source + "；行业为GB/T 4754-2017门类简称", density: .compact), rows.count)
    }
}

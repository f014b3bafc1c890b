import BriefAnalytics
import BriefDocument
import BriefModel

/// Writes the Chinese summary paragraphs; every number comes from the analytics.
struct BriefingSummary {
    let table: AwardTable
    let filter: RecordFilter

    /// The figures the summary quotes, kept so tests can check them against the text.
    struct Figures {
        var total: Int
        var nominations: Int
        var organizations: Int
        var individuals: Int
        var byProgramme: CountTable
        var byRegion: CountTable
        var bySector: CountTable
        var years: CountTable
        var change: YearChange?
    }

    func figures() -> Figures {
        let levels = table.counts(by: .level, filter: filter)
        var orgFilter = filter
        orgFilter.recipientTypes = [.organization]
        var indFilter = filter
        indFilter.recipientTypes = [.individual]
        return Figures(
            total: levels.total,
            nominations: levels.count(AwardLevel.nomination.rawValue),
            organizations: table.distinctRecipients(filter: orgFilter),
            individuals: table.distinctRecipients(filter: indFilter),
            byProgramme: table.counts(by: .programme, filter: filter),
            byRegion: table.counts(by: .region, filter: filter),
            bySector: table.counts(by: .sector, filter: filter),
            years: table.yearSeries(filter: filter),
            change: table.yearChange(filter: filter))
    }

    /// Paragraphs of the 总体情况 section.
    func paragraphs() -> [String] {
        let f = figures()
        guard f.total > 0 else { return ["所选范围内没有获奖记录。"] }
        let firstYear = f.years.rows.first?.label ?? ""
        let lastYear = f.years.rows.last?.label ?? ""
        let span = firstYear == lastYear ? "\(lastYear)年" : "\(firstYear)年至\(lastYear)年"
        var p1 = "\(span)，共有"
        var who: [String] = []
        if f.organizations > 0 { who.append("\(f.organizations)家组织") }
        if f.individuals > 0 { who.append("\(f.individuals)名个人") }
        p1 += who.joined(separator: "和") + "获得质量奖励\(f.total)项"
        if f.nominations > 0 { p1 += "（含提名奖\(f.nominations)项）" }
        let parts = f.byProgramme.rows.filter { $0.count > 0 }.map { row -> String in
            let name = row.key == Programme.jiangsuGovernorAward.id ? "江苏省省长质量奖（含原江苏省质量奖）" : row.label
            return "\(name)\(row.count)项"
        }
        if !parts.isEmpty { p1 += "，其中" + parts.joined(separator: "、") }
        p1 += "。"

        var p2 = ""
        let ranked = f.byRegion.sortedByCount.filter { $0.count > 0 && !$0.key.isEmpty }
        if !ranked.isEmpty {
            let top = Array(ranked.prefix(3))
            let shares = shareMap(f.byRegion)
            let list = top.map { "\($0.label)（\($0.count)项）" }.joined(separator: "、")
            let topShare = top.reduce(0.0) { $0 + (shares[$1.key] ?? 0) }
            p2 += "从地区看，" + list + (top.count > 1 ? "位居前\(ChineseNumbers.numeral(top.count))" : "居首")
            p2 += "，合计占\(ChineseNumbers.fixed(topShare, digits: 1))%"
            let zero = f.byRegion.rows.filter { $0.count == 0 && !$0.key.isEmpty }
            if !zero.isEmpty { p2 += "；" + zero.map(\.label).joined(separator: "、") + "暂无获奖" }
            p2 += "。"
        }
        let sectorShares = shareMap(f.bySector)
        let manufacturing = f.bySector.count("C")
        if manufacturing > 0 {
            p2 += "从行业看，制造业获奖\(manufacturing)项，占\(ChineseNumbers.fixed(sectorShares["C"] ?? 0, digits: 1))%"
            if let second = f.bySector.sortedByCount.first(where: { $0.key != "C" && $0.count > 0 && !$0.key.isEmpty }) {
                p2 += "；其次为\(second.label)，\(second.count)项"
            }
            p2 += "。"
        }
        let unclassified = f.bySector.count("")
        if unclassified > 0 { p2 += "另有\(unclassified)项未标注行业。" }

        var p3 = ""
        if let c = f.change {
            p3 = "\(c.year)年获奖\(c.count)项，"
            if c.change == 0 {
                p3 += "与\(c.previousYear)年持平。"
            } else {
                p3 += "比\(c.previousYear)年\(c.change > 0 ? "增加" : "减少")\(abs(c.change))项"
                if let rate = c.rate {
                    p3 += "，\(rate >= 0 ? "增长" : "下降")\(ChineseNumbers.fixed(abs(rate) * 100, digits: 1))%"
                }
                p3 += "。"
            }
        }
        return [p1, p2, p3].filter { !$0.isEmpty }
    }

    /// Largest-remainder percentages keyed by row key.
    private func shareMap(_ t: CountTable) -> [String: Double] {
        let s = t.shares(digits: 1)
        var out: [String: Double] = [:]
        for (row, v) in zip(t.rows, s) { out[row.key] = v }
        return out
    }
}

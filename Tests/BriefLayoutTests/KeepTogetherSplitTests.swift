import BriefDocument
import BriefLayout
import Foundation
import Testing

/// A lead paragraph may stay above a page break while its chart goes over, when keeping them
/// together would leave more than a quarter of the page empty; its heading then stays with the
/// lead, never alone at a page foot.
struct KeepTogetherSplitTests {
    static let heading = "四、年度趋势"
    static let lead = "2012年以来，获奖数量最多的年度为2020年（36项）；2024年30项，比2023年增加13项。"

    func document(fillers n: Int) -> Document {
        let filler = String(repeating: "全省质量奖获奖组织分布在各设区市和主要行业门类", count: 3) + "。"
        var blocks: [Block] = (0..<n).map { _ in .paragraph(Paragraph(filler)) }
        blocks.append(.heading(Heading(level: 1, text: Self.heading)))
        blocks.append(.keepTogether([.paragraph(Paragraph(Self.lead)), .chart(ChartSpec(
            kind: .line, title: "图3　历年获奖数量", categories: (2012...2024).map(String.init),
            series: [ChartSeries(name: "获奖数量", values: [26, 24, 23, 13, 32, 20, 26, 23, 36, 16, 34, 17, 30])],
            valueUnit: "项", height: 260))]))
        return Document(metadata: DocumentMetadata(title: "t", date: "2024-12-20"), blocks: blocks)
    }

    @Test func headingNeverEndsAPageAndNoPageIsLeftOverAQuarterEmpty() throws {
        var splits = 0
        for n in 0...14 {
            let pages = try DocumentLayouter(measurer: pango).layoutPages(document(fillers: n))
            let block = Rect(x: 28 * 72 / 25.4, y: 37 * 72 / 25.4, width: 156 * 72 / 25.4, height: 225 * 72 / 25.4)
            for (k, page) in pages.enumerated() {
                let texts = page.items.compactMap { item -> TextItem? in
                    if case .text(let t) = item, t.origin.y > block.y, t.origin.y < block.maxY { return t } else { return nil }
                }
                let last = texts.max { $0.origin.y < $1.origin.y }
                #expect(last?.text != Self.heading, "\(n) fillers: page \(k + 1) ends with the heading")
            }
            // Where the chart sits on a later page than its lead, the lead's page was more than
            // a quarter empty before the heading came.
            let leadPage = pages.firstIndex { $0.items.contains { if case .text(let t) = $0 { t.text.hasPrefix("2012年以来") } else { false } } }
            let chartPage = pages.firstIndex { $0.items.contains { if case .text(let t) = $0 { t.text == "图3　历年获奖数量" } else { false } } }
            if let leadPage, let chartPage, chartPage > leadPage { splits += 1 }
        }
        #expect(splits > 0, "no case split the lead from its chart")
    }
}

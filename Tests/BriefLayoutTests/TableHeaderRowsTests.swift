import BriefDocument
import BriefLayout
import Foundation
import Testing

/// Tables with grouped header rows, split across pages with numbers; rows taller than a page.
struct TableHeaderRowsTests {
    func texts(_ page: LaidOutPage) -> [TextItem] {
        page.items.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    func document(_ blocks: [Block]) -> Document {
        Document(metadata: DocumentMetadata(title: "t", date: "2024-12-20"), blocks: blocks)
    }

    static let header: [[TableHeaderCell]] = [
        [TableHeaderCell("设区市", rowSpan: 2), TableHeaderCell("获奖", columnSpan: 3), TableHeaderCell("合计", rowSpan: 2)],
        [TableHeaderCell("国家级"), TableHeaderCell("省级"), TableHeaderCell("市级")],
    ]

    func table(rows n: Int, style: TableStyle = .threeLine) -> TableSpec {
        let rows = (1...n).map { ["城市\($0)", "\($0 % 3)", "\($0 % 7)", "\($0 % 11)", "\($0 % 3 + $0 % 7 + $0 % 11)"] }
        let columns = [TableColumn("设区市")] + ["国家级", "省级", "市级", "合计"].map { TableColumn($0, alignment: .trailing) }
        return TableSpec(caption: "表1　分级统计", columns: columns, rows: rows, style: style, headerRows: Self.header)
    }

    /// Type block 225 mm = 637.8 pt. At the page top the caption takes 20 + 4 pt and the two
    /// header rows 21 pt each (15 pt line + 2 × 3 pt padding), leaving 571.8 pt: 27 body rows
    /// of 21 pt per page. 100 rows → 27 + 27 + 27 + 19.
    @Test(arguments: [TableStyle.threeLine, .grid])
    func twoHeaderRowsOnEveryPage(style: TableStyle) throws {
        let pages = try DocumentLayouter(measurer: pango).layoutPages(document([.table(table(rows: 100, style: style))]))
        #expect(pages.count == 4)
        var counts: [Int] = []
        for (i, page) in pages.enumerated() {
            let t = texts(page)
            let top = ["设区市", "获奖", "合计"].map { s in t.first { $0.text == s } }
            let second = ["国家级", "省级", "市级"].map { s in t.first { $0.text == s } }
            #expect(top.allSatisfy { $0 != nil } && second.allSatisfy { $0 != nil }, "page \(i + 1) lacks a header row")
            #expect(t.contains { $0.text == (i == 0 ? "表1　分级统计" : "续表1　分级统计") })
            let body = t.filter { $0.text.hasPrefix("城市") }
            counts.append(body.count)
            if let group = top[1], let sub = second[0], let firstBody = body.map(\.origin.y).min() {
                #expect(group.origin.y < sub.origin.y, "the group title is above its columns")
                #expect(sub.origin.y < firstBody, "the header rows are above the body")
                // 获奖 is centred over the three columns it spans.
                let xs = second.compactMap { $0 }.map { $0.origin.x + $0.width / 2 }
                #expect(abs(group.origin.x + group.width / 2 - (xs[0] + xs[2]) / 2) < 25)
            }
            // 设区市 and 合计 span both header rows: vertically between the two rows' baselines.
            if let city = top[0], let g = top[1], let s = second[0] {
                #expect(city.origin.y > g.origin.y && city.origin.y < s.origin.y)
            }
        }
        #expect(counts == [27, 27, 27, 19])
    }

    @Test func numbersAreRightAligned() throws {
        let pages = try DocumentLayouter(measurer: pango).layoutPages(document([.table(table(rows: 10))]))
        let t = texts(pages[0])
        // The 合计 column: numbers of one and two digits end at the same x.
        let head = try #require(t.first { $0.text == "合计" })
        let totals = t.filter { $0.text.allSatisfy(\.isNumber) && $0.origin.x + $0.width > head.origin.x }
        let rights = Set(totals.map { (($0.origin.x + $0.width) * 10).rounded() })
        #expect(Set(totals.map(\.text.count)).count == 2, "one- and two-digit totals")
        #expect(!totals.isEmpty && rights.count == 1, "right edges \(rights)")
    }

    /// A row taller than a page continues on the next page, under the repeated header, line
    /// by line: nothing is lost and no error is thrown.
    @Test func aRowTallerThanAPageIsSplit() throws {
        let long = (1...600).map { "第\($0)行" }.joined(separator: "，") + "。"
        let spec = TableSpec(caption: "表2　长单元格", columns: [TableColumn("序号", weight: 0.3), TableColumn("内容", weight: 0.4)],
                             rows: [["1", "短"], ["2", long], ["3", "短"]], style: .grid, headerRows: nil)
        let pages = try DocumentLayouter(measurer: pango).layoutPages(document([.table(spec)]))
        #expect(pages.count >= 2)
        let all = pages.flatMap { texts($0) }.map(\.text).joined()
        for k in [1, 300, 600] { #expect(all.contains("第\(k)行"), "line \(k) lost") }
        for (i, page) in pages.enumerated() {
            #expect(texts(page).contains { $0.text == "内容" }, "page \(i + 1) lacks the header")
        }
        let block = 37.0 * 72 / 25.4 + 225 * 72 / 25.4
        for page in pages {
            for case .text(let t) in page.items where t.text.hasPrefix("第") { #expect(t.origin.y <= block) }
        }
    }

    @Test func headerDefaultsToTheColumnsAndDecodesOldJSON() throws {
        let spec = TableSpec(columns: [TableColumn("甲"), TableColumn("乙")], rows: [["1", "2"]])
        #expect(spec.header == [[TableHeaderCell("甲"), TableHeaderCell("乙")]])
        let old = #"{"columns":[{"title":"甲","alignment":"leading","weight":1}],"rows":[["1"]],"style":"grid"}"#
        let decoded = try JSONDecoder().decode(TableSpec.self, from: Data(old.utf8))
        #expect(decoded.headerRows == nil && decoded.header.count == 1)
        let round = try JSONDecoder().decode(TableSpec.self, from: JSONEncoder().encode(table(rows: 3)))
        #expect(round.headerRows == Self.header)
    }
}

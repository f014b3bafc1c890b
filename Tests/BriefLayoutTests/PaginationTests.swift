import BriefDocument
import BriefLayout
import Testing

/// Pagination with numbers: tables split by row with repeated headers, headings kept with
/// what follows, widows and orphans avoided. Uses the real Pango measurer.
struct PaginationTests {
    func texts(_ page: LaidOutPage) -> [TextItem] {
        page.items.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    func document(_ blocks: [Block]) -> Document {
        Document(metadata: DocumentMetadata(title: "t", date: "2024-12-20"), blocks: blocks)
    }

    /// Type block 225 mm = 637.8 pt. At the page top a captioned table uses 20 + 4 pt of
    /// caption and a 21 pt header row (15 pt line + 2 × 3 pt padding), leaving 592.8 pt:
    /// 28 body rows of 21 pt per page. 100 rows → 28 + 28 + 28 + 16.
    @Test func tableSplitsByRowWithHeaderOnEveryPage() throws {
        let rows = (1...100).map { ["\($0)", "单位\($0)", "\($0 * 3)"] }
        let table = TableSpec(caption: "表1　测试", columns: [TableColumn("序号"), TableColumn("名称", weight: 3),
                                                         TableColumn("数量", alignment: .trailing)], rows: rows)
        let pages = try DocumentLayouter(measurer: pango).layoutPages(document([.table(table)]))
        #expect(pages.count == 4)
        var seen: [Int] = []
        for (i, page) in pages.enumerated() {
            let t = texts(page).map(\.text)
            #expect(t.contains("序号") && t.contains("名称") && t.contains("数量"), "page \(i + 1) lacks the header")
            #expect(t.contains(i == 0 ? "表1　测试" : "续表1　测试"))
            seen.append(t.filter { $0.hasPrefix("单位") }.count)
        }
        #expect(seen == [28, 28, 28, 16])
        // The header is above every body row on its page.
        for page in pages {
            let items = texts(page)
            let headerY = items.first { $0.text == "序号" }!.origin.y
            #expect(items.filter { $0.text.hasPrefix("单位") }.allSatisfy { $0.origin.y > headerY })
        }
    }

    @Test func aRowIsNeverSplitAndTotalsComeLast() throws {
        let rows = (1...40).map { ["\($0)", String(repeating: "很长的单位名称", count: $0 % 3 + 1)] }
        let table = TableSpec(caption: "表2", columns: [TableColumn("序号"), TableColumn("名称", weight: 1)],
                              rows: rows, totals: ["合计", "40"], style: .grid)
        let pages = try DocumentLayouter(measurer: pango).layoutPages(document([.table(table)]))
        let block = 37.0 * 72 / 25.4 + 225 * 72 / 25.4
        for page in pages {
            for item in page.items {
                if case .rect(let r) = item { #expect(r.rect.maxY <= block + 0.01, "a row crosses the type block's foot") }
            }
        }
        let last = texts(pages.last!).map(\.text)
        #expect(last.contains("合计"))
    }

    /// Fill page 1 so that a heading would land in the last line: it moves to page 2 with
    /// the first lines of its paragraph.
    @Test func headingMovesWithItsParagraph() throws {
        // 22 body lines of 28.95 pt fill 637.8 pt; 20 one-line paragraphs leave 2 lines,
        // enough for a heading but not for the heading plus 2 lines of its paragraph.
        var blocks: [Block] = (1...20).map { .paragraph(Paragraph("第\($0)段。")) }
        blocks.append(.heading(Heading(level: 1, text: "二、地区分布")))
        blocks.append(.paragraph(Paragraph(String(repeating: "苏州市获奖最多，", count: 12))))
        let pages = try DocumentLayouter(measurer: pango).layoutPages(document(blocks))
        #expect(pages.count == 2)
        #expect(!texts(pages[0]).contains { $0.text == "二、地区分布" })
        let p2 = texts(pages[1])
        let heading = p2.first { $0.text == "二、地区分布" }
        #expect(heading != nil)
        #expect(pages[1].outline.map(\.title) == ["二、地区分布"])
        #expect(p2.contains { $0.text.hasPrefix("苏州市获奖最多") && $0.origin.y > heading!.origin.y })
    }

    /// 21 one-line paragraphs leave one line: a 5-line paragraph does not leave its first
    /// line alone there (orphan), and a paragraph never leaves its last line alone on top of
    /// the next page (widow).
    @Test func noOrphansOrWidows() throws {
        let five = String(repeating: "质量", count: 13 * 5)  // 130 characters ≈ 5 lines of 28
        var blocks: [Block] = (1...21).map { .paragraph(Paragraph("第\($0)段。")) }
        blocks.append(.paragraph(Paragraph(five)))
        let pages = try DocumentLayouter(measurer: pango).layoutPages(document(blocks))
        #expect(!texts(pages[0]).contains { $0.text.hasPrefix("质量") }, "orphan line at the page foot")

        // 18 one-line paragraphs leave 4 lines: the 5-line paragraph puts 3 here and 2 there.
        var blocks2: [Block] = (1...18).map { .paragraph(Paragraph("第\($0)段。")) }
        blocks2.append(.paragraph(Paragraph(five)))
        let pages2 = try DocumentLayouter(measurer: pango).layoutPages(document(blocks2))
        let onFirst = texts(pages2[0]).filter { $0.text.hasPrefix("质量") || $0.text.hasPrefix("量") }.count
        let onSecond = texts(pages2[1]).filter { $0.text.contains("质量") || $0.text.hasPrefix("量") }.count
        #expect(onFirst + onSecond == 5)
        #expect(onSecond >= 2, "widow: \(onSecond) line(s) on page 2")
    }

    /// Body rows of a `tableSplitsByRowWithHeaderOnEveryPage`-style table on each page.
    func rowsPerPage(_ rows: Int, totals: Bool = false, after paragraphs: Int = 0) throws -> [Int] {
        let table = TableSpec(caption: "表1　测试", columns: [TableColumn("序号"), TableColumn("名称", weight: 3)],
                              rows: (1...rows).map { ["\($0)", "单位\($0)"] }, totals: totals ? ["合计", "单位合计"] : nil)
        var blocks: [Block] = (0..<paragraphs).map { .paragraph(Paragraph("第\($0 + 1)段。")) }
        blocks.append(.table(table))
        let pages = try DocumentLayouter(measurer: pango).layoutPages(document(blocks))
        return pages.map { texts($0).filter { $0.text.hasPrefix("单位") }.count }.filter { $0 > 0 }
    }

    /// 28 rows fill a page under the caption and header (see above), so a 29th would sit alone
    /// on the 续表 page: the 28th goes over with it. Likewise the 57th of 57 (28 + 28 + 1), and
    /// a totals row (29 body rows with 合计) is not left alone either.
    @Test func noTableRowAloneOnAContinuationPage() throws {
        #expect(try rowsPerPage(28) == [28])
        #expect(try rowsPerPage(29) == [27, 2])
        #expect(try rowsPerPage(30) == [28, 2])
        #expect(try rowsPerPage(57) == [28, 27, 2])
        #expect(try rowsPerPage(28, totals: true) == [27, 2])
    }

    /// After 0–21 one-line paragraphs (22 fill a page) tables of 16–60 rows, split wherever
    /// the paragraphs leave them, never have a page holding just one of their rows, and lose none.
    @Test func tableBreaksKeepTwoRowsOnEachSide() throws {
        for paragraphs in [0, 15, 17, 18, 19, 20, 21] {
            for rows in [16, 20, 29, 30, 44, 45, 57] {
                let counts = try rowsPerPage(rows, after: paragraphs)
                #expect(counts.reduce(0, +) == rows)
                #expect(counts.allSatisfy { $0 >= 2 },
                        "\(rows) rows after \(paragraphs) paragraphs: \(counts)")
            }
        }
    }

    @Test func pageNumbersAlternateSides() throws {
        let blocks: [Block] = (1...60).map { .paragraph(Paragraph("第\($0)段。")) }
        let pages = try DocumentLayouter(measurer: pango).layoutPages(document(blocks))
        #expect(pages.count == 3)
        let left = 28.0 * 72 / 25.4, right = left + 156 * 72 / 25.4
        for page in pages {
            let n = texts(page).first { $0.text == "— \(page.index + 1) —" }!
            if (page.index + 1) % 2 == 1 {
                #expect(abs(n.origin.x + n.width - (right - 14)) < 0.01, "odd page number not one character in from the right")
            } else {
                #expect(abs(n.origin.x - (left + 14)) < 0.01, "even page number not one character in from the left")
            }
            // 7 mm below the type block (top 37 mm + 225 mm).
            #expect(n.origin.y > (37 + 225 + 7) * 72 / 25.4)
        }
    }
}

import BriefDocument
import BriefLayout
import Testing

/// The structure marks layout leaves for a tagged PDF: balanced across pages, one element per
/// block, repeated table headers outside the tree, and figure alternative text from the data.
struct StructureMarkTests {
    /// The roles begun, in order, and whether every begin has its end by the last page.
    func roles(_ pages: [LaidOutPage]) -> (begun: [StructureRole], balanced: Bool) {
        var depth = 0, begun: [StructureRole] = []
        for page in pages {
            var last = 0
            for mark in page.structure {
                #expect(mark.item >= last && mark.item <= page.items.count)
                last = mark.item
                switch mark.event {
                case .begin(let e): begun.append(e.role); depth += 1
                case .end: depth -= 1; if depth < 0 { return (begun, false) }
                case .artifacts: break
                }
            }
        }
        return (begun, depth == 0)
    }

    /// 100 rows over four pages (see PaginationTests): one Table, one THead with one TR of
    /// three TH, one TBody with 100 TR of three TD; the header repeated on pages 2–4 is not
    /// tagged again.
    @Test func aTableAcrossPagesIsOneElementWithItsHeaderOnce() throws {
        let rows = (1...100).map { ["\($0)", "单位\($0)", "\($0 * 3)"] }
        let table = TableSpec(caption: "表1　测试", columns: [TableColumn("序号"), TableColumn("名称", weight: 3),
                                                         TableColumn("数量", alignment: .trailing)], rows: rows)
        let doc = Document(metadata: DocumentMetadata(title: "t", date: "2024-12-20"),
                           blocks: [.heading(Heading(level: 1, text: "一、总体情况")), .table(table)])
        let pages = try DocumentLayouter(measurer: pango).layoutPages(doc)
        #expect(pages.count == 4)
        let (begun, balanced) = roles(pages)
        #expect(balanced)
        #expect(begun.prefix(4) == [.document, .h2, .table, .caption])
        #expect(begun.filter { $0 == .table }.count == 1)
        #expect(begun.filter { $0 == .tableHead }.count == 1)
        #expect(begun.filter { $0 == .headerCell }.count == 3)
        #expect(begun.filter { $0 == .tableRow }.count == 101)
        #expect(begun.filter { $0 == .dataCell }.count == 300)
        #expect(begun.filter { $0 == .caption }.count == 1)
        // Every page ends with its decorations marked as artifacts.
        for page in pages { #expect(page.structure.last?.event == .artifacts) }
    }

    @Test func singleSeriesIsListedLargestFirstAndYearsInOrder() {
        let cities = ChartSpec(kind: .bar, title: "图1　各设区市获奖数量", categories: ["南京市", "苏州市", "无锡市"],
                               series: [ChartSeries(name: "获奖", values: [46, 67, 44])], valueUnit: "项")
        #expect(cities.alternativeText == "图1　各设区市获奖数量：苏州市67项、南京市46项、无锡市44项")
        let years = ChartSpec(kind: .line, title: "图3　历年获奖数量", categories: ["2023", "2024"],
                              series: [ChartSeries(name: "获奖", values: [17, 30])])
        #expect(years.alternativeText == "图3　历年获奖数量：2023年：17项、2024年：30项")
        let grouped = ChartSpec(kind: .bar, title: "图2", categories: ["苏州市"],
                                series: [ChartSeries(name: "获奖", values: [60]), ChartSeries(name: "提名奖", values: [7.5])])
        #expect(grouped.alternativeText == "图2：苏州市：获奖60项，提名奖7.5项")
        #expect(ChartSpec(kind: .pie, title: "图4", categories: [], series: []).alternativeText == "图4：无数据")
    }
}

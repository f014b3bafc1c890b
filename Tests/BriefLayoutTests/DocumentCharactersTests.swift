import BriefDocument
import Testing

/// `Document.characterScalars()` collects the characters of every string of a document.
struct DocumentCharactersTests {
    @Test func everyStringOfEveryPartIsCollectedAndNothingElse() {
        let table = TableSpec(caption: "戊表", columns: [TableColumn("庚"), TableColumn("数", alignment: .trailing)],
                              rows: [["己", "12"], ["己己", "7"]], totals: ["合", "19"], note: "注")
        let chart = ChartSpec(kind: .bar, title: "图", categories: ["辛"], series: [ChartSeries(name: "壬", values: [3.5])],
                              valueAxisTitle: "轴", source: "源")
        let attachment = Document(metadata: DocumentMetadata(title: "附", date: "2024-01-01"),
                                  blocks: [.paragraph(Paragraph("丑"))])
        let doc = Document(
            metadata: DocumentMetadata(title: "甲", date: "2024-01-01"),
            masthead: Masthead(name: "乙", issue: "期", unit: "单", date: "日"),
            blocks: [.heading(Heading(level: 1, text: "丙")), .paragraph(Paragraph("丁，")),
                     .keepTogether([.table(table), .chart(chart)])],
            footer: DistributionFooter(lines: ["子"], printRun: "份"),
            runningHeader: "眉",
            attachments: [attachment])
        let scalars = doc.characterScalars()
        #expect(scalars == scalars.sorted() && Set(scalars).count == scalars.count)
        let cjk = String(String.UnicodeScalarView(scalars.filter { $0 > 0x7F }.compactMap(Unicode.Scalar.init)))
        #expect(Set(cjk) == Set("戊表庚数己合注图辛壬轴源附丑甲乙期单日丙丁，子份眉"))
        // Numbers in the model (3.5, sizes, margins) are not text; the cells' digits are.
        #expect(scalars.contains(UInt32(UInt8(ascii: "7"))))
        #expect(!scalars.contains(UInt32(UInt8(ascii: "5"))) || "2024-01-01".contains("5"))
    }
}

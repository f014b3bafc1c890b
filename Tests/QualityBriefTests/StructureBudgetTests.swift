import BriefDocument
@testable import QualityBrief
import Testing

/// Very large documents are written untagged, with a note (see `StructureBudget`).
struct StructureBudgetTests {
    func document(rows: Int) -> Document {
        let table = TableSpec(columns: (1...5).map { TableColumn("列\($0)") },
                              rows: (0..<rows).map { ["\($0)", "单位", "2024", "苏州", "C"] })
        return Document(metadata: DocumentMetadata(title: "t", date: "2024-12-20"),
                        blocks: [.heading(Heading(level: 1, text: "一、名单")), .table(table)])
    }

    @Test func aTreeOverTheBudgetIsLeftOutWithANote() {
        // Document + heading + (Table, THead, TBody, header TR) + (header and 20 000 rows) × (TR + 5 cells).
        let big = document(rows: 20_000)
        #expect(StructureBudget.estimate(big) == 1 + 1 + 4 + 20_001 * 6)
        let (options, note) = StructureBudget.apply(PDFOptions(archival: true), to: big, format: .pdf)
        #expect(!options.tagged && options.archival)
        #expect(note?.contains("the PDF is written untagged") == true)
        // 500 rows stay tagged; PNG output has no structure to speak of.
        let (small, none) = StructureBudget.apply(PDFOptions(), to: document(rows: 500), format: .pdf)
        #expect(small.tagged && none == nil)
        #expect(StructureBudget.apply(PDFOptions(), to: big, format: .png).1 == nil)
    }
}

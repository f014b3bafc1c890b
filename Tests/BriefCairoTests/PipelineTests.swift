import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import Testing

/// Layout streaming into the writer: a whole briefing, page by page.
struct PipelineTests {
    func briefing() -> Document {
        var blocks: [Block] = [
            .title("关于2024年度全省质量奖获奖情况的报告"),
            .heading(Heading(level: 1, text: "一、总体情况")),
            .paragraph(Paragraph(String(repeating: "全省累计获得中国质量奖及提名奖的组织持续增加，“江苏精品”认证稳步推进——质量强省建设取得新成效。", count: 4))),
            .heading(Heading(level: 2, text: "（一）分地区情况")),
            .table(TableSpec(caption: "表1　各设区市获奖数量",
                             columns: [TableColumn("序号"), TableColumn("设区市", weight: 2),
                                       TableColumn("获奖数", alignment: .trailing)],
                             rows: (1...40).map { ["\($0)", "城市\($0)", "\($0 * 3)"] }, totals: ["合计", "", "2460"])),
        ]
        blocks += (1...12).map { .paragraph(Paragraph("第\($0)段：苏州市获奖最多，南京市、无锡市次之；ISO 9001认证组织占比12.5%。")) }
        return Document(metadata: DocumentMetadata(title: "质量工作简报", author: "江苏省市场监督管理局", date: "2024-12-20"),
                        masthead: Masthead(name: "质量工作简报", issue: "第7期", unit: "江苏省市场监督管理局", date: "2024-12-20"),
                        blocks: blocks, footer: DistributionFooter(lines: ["报：省政府办公厅", "送：各设区市市场监管局"], printRun: "共印20份"))
    }

    @Test(arguments: [OutputFormat.pdf, .png])
    func layoutStreamsIntoTheWriter(format: OutputFormat) throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let url = dir.appendingPathComponent("brief.\(format.rawValue)")
        let doc = briefing()
        let writer = try CairoPageWriter(url: url, format: format, metadata: doc.metadata, library: sharedLibrary,
                                         pngResolution: 100)
        let count = try DocumentLayouter(measurer: measurer).layout(doc) { try writer.consume($0) }
        let files = try writer.finish()
        #expect(count >= 2)
        if format == .pdf {
            try runTool("qpdf", ["--check", url.path])
            let info = try runTool("pdfinfo", [url.path]).stdout
            #expect(info.contains("Pages:") && info.contains(" \(count)\n"), "\(info)")
            let text = try runTool("pdftotext", [url.path, "-"]).stdout.filter { !$0.isWhitespace }
            for s in ["质量工作简报", "一、总体情况", "表1", "续表1", "合计", "共印20份"] {
                #expect(text.contains(s), "missing \(s)")
            }
        } else {
            #expect(files.count == count)
        }
        if let keep = ProcessInfo.processInfo.environment["BRIEFCAIRO_KEEP"] {
            for f in files {
                try? FileManager.default.copyItem(at: f, to: URL(fileURLWithPath: keep).appendingPathComponent("pipeline-" + f.lastPathComponent))
            }
        }
    }
}

import BriefCairo
import BriefLayout
import Foundation
import QualityBrief
import Testing

// GB/T 9704-2012 rules that are easy to miss, and clreq line composition, read back from the
// rendered PDF (pdftotext -bbox, pdffonts) of the sample memo and of memos built here. Each
// test name cites its clause. Missing poppler tools make the tests fail, never skip.

private let blockTop = 37.0, blockLeft = 28.0, blockWidth = 156.0, blockHeight = 225.0
private let pitch = blockHeight / 22
private let gridChar = blockWidth / 28
private func near(_ a: Double, _ b: Double, _ tol: Double = 0.5) -> Bool { abs(a - b) <= tol }

private let fonts = packageRoot.appendingPathComponent("Fonts")

private let sampleMemoPDF: Result<URL, any Error> = Result {
    let register = try Register.load(urls: [packageRoot.appendingPathComponent("Reports/sample/awards.csv")])
    let definition = try ReportDefinition.load(packageRoot.appendingPathComponent("Reports/sample/memo.yaml"))
    let url = temporaryDirectory("memo-rules").appendingPathComponent("memo.pdf")
    try Briefing(register: register, definition: definition).render(to: url, fontsDirectory: fonts)
    return url
}
private let sampleMemoWords: Result<[BoxWord], any Error> = Result { try bboxWords(sampleMemoPDF.get()) }

/// Words of a page grouped into rows by their vertical centre, each row left to right.
private func rows(_ words: [BoxWord], page: Int, inBlock: Bool = true) -> [[BoxWord]] {
    let on = words.filter { $0.page == page && (!inBlock || ($0.yMin > blockTop - 3 && $0.yMax < blockTop + blockHeight + 3)) }
    var out: [[BoxWord]] = []
    for w in on.sorted(by: { $0.centreY < $1.centreY }) {
        if let c = out.last?.first?.centreY, abs(c - w.centreY) < 2 { out[out.count - 1].append(w) } else { out.append([w]) }
    }
    return out.map { $0.sorted { $0.xMin < $1.xMin } }
}
private func text(_ row: [BoxWord]) -> String { row.map(\.text).joined() }

/// A memo with `paragraphs` body paragraphs of three lines, no attachment, a 版记.
private func memo(paragraphs: Int, title: String = "关于全省质量奖获奖情况的通报", attachments: [String] = [],
                  attached: [Document]? = nil) -> Document {
    let para = String(repeating: "质量强省建设取得新成效获奖组织数量稳步增长", count: 3) + "。"
    let memo = Memo(
        header: MemoHeader(issuerMark: "江苏省市场监督管理局文件", documentNumber: "苏市监〔2024〕7号", title: title,
                           recipients: "各设区市市场监督管理局"),
        body: (0..<paragraphs).map { _ in .paragraph(Paragraph(para)) },
        closing: MemoClosing(attachments: attachments, signature: "江苏省市场监督管理局", date: "2024年7月1日"),
        end: MemoEnd(copyTo: "省政府办公厅", printedBy: "江苏省市场监督管理局办公室", printedOn: "2024年7月1日"))
    return Document(metadata: DocumentMetadata(title: "测试公文", date: "2024-07-01"), styles: .memo, memo: memo,
                    attachments: attached)
}

private func render(_ doc: Document, _ name: String) throws -> URL {
    let url = temporaryDirectory(name).appendingPathComponent("\(name).pdf")
    _ = try Renderer(fontsDirectory: fonts).render(doc, to: url)
    return url
}

@Suite(.serialized) struct MemoRulesTests {
    /// 7.3.4 and 8: one attachment carries no number — "附件：name" in the 附件说明 and "附件"
    /// on the attachment, the two matching.
    @Test func gbt9704_7_3_4_and_8_singleAttachmentIsUnnumbered() throws {
        let words = try sampleMemoWords.get()
        let label = try #require(words.first { $0.text == "附件" && near($0.xMin, blockLeft) && near($0.centreY, blockTop + pitch / 2) },
                                 "no 附件 top left on any page")
        #expect(label.page >= 2)
        #expect(!words.contains { $0.text.hasPrefix("附件1") }, "a single attachment is numbered")
        #expect(words.contains { $0.page < label.page && $0.text == "附件：全省质量奖获奖情况分析" })
        #expect(words.contains { $0.page == label.page && $0.text == "全省质量奖获奖情况分析" })
    }

    /// 7.3.4 and 8: several attachments are "附件：1. …", "2. …" and 附件1, 附件2 on their pages.
    @Test func gbt9704_7_3_4_and_8_severalAttachmentsAreNumbered() throws {
        func attachment(_ title: String) -> Document {
            Document(metadata: DocumentMetadata(title: title, date: "2024-07-01"), styles: .memo,
                     blocks: [.paragraph(Paragraph("附件正文。"))])
        }
        let doc = memo(paragraphs: 1, attachments: ["获奖情况分析", "获奖名单"],
                       attached: [attachment("获奖情况分析"), attachment("获奖名单")])
        let words = try bboxWords(render(doc, "memo-two-attachments"))
        let one = try #require(words.first { $0.text == "附件1" }, "附件1 missing")
        let two = try #require(words.first { $0.text == "附件2" }, "附件2 missing")
        #expect(two.page > one.page)
        for w in [one, two] { #expect(near(w.xMin, blockLeft) && near(w.centreY, blockTop + pitch / 2)) }
        let closing = rows(words, page: 1).map(text)
        #expect(closing.contains("附件：1.获奖情况分析"), "\(closing)")
        #expect(closing.contains("2.获奖名单"), "\(closing)")
    }

    /// 7.3.1: the title is broken at sense boundaries (after 关于 …, before 的通知, at 和 and 、)
    /// into a trapezoid, each line centred; no word is cut.
    @Test func gbt9704_7_3_1_titleBrokenAtSenseBoundaries() throws {
        let sample = try sampleMemoWords.get()
        let sampleTitle = rows(sample, page: 1).map(text).filter { $0.hasPrefix("关于") || $0.hasSuffix("的通知") }
        #expect(sampleTitle == ["关于印发全省质量奖获奖情况分析", "（示例）的通知"], "\(sampleTitle)")
        let title = "关于开展2025年度江苏省省长质量奖和市长质量奖评审工作的通知"
        let words = try bboxWords(render(memo(paragraphs: 1, title: title), "memo-title"))
        let lines = rows(words, page: 1).filter { text($0).hasPrefix("关于") || text($0).hasSuffix("的通知") }
        #expect(lines.map(text) == ["关于开展2025年度江苏省省长质量奖", "和市长质量奖评审工作的通知"], "\(lines.map(text))")
        for l in lines {
            #expect(near((l.first!.xMin + l.last!.xMax) / 2, blockLeft + blockWidth / 2), "\(text(l)) not centred")
        }
    }

    /// 7.4 and 7.5: the 版记 is on the last page, an even one; content ending on an odd page
    /// puts it on the back; no room on an even page inserts a blank page, and neither the
    /// blank page nor the 版记 page is numbered. Checked for memos of 0 to 24 paragraphs.
    @Test func gbt9704_7_4_endBlockOnAnEvenPage_7_5_blankPageUnnumbered() throws {
        let library = try FontLibrary(fontsDirectory: fonts)
        let layouter = DocumentLayouter(measurer: PangoTextMeasurer(library: library))
        var blankCases: [Int] = [], backCases = 0
        for n in 0...24 {
            let pages = try layouter.layoutPages(memo(paragraphs: n))
            let texts = pages.map { $0.items.compactMap { item -> TextItem? in if case .text(let t) = item { return t } else { return nil } } }
            #expect(pages.count % 2 == 0, "\(n) paragraphs: \(pages.count) pages")
            #expect(texts.last!.contains { $0.text == "抄送：" }, "\(n): 版记 not on the last page")
            let numbered = texts.map { $0.contains { $0.text.hasPrefix("— ") && $0.text.hasSuffix(" —") } }
            let inBlock = texts.map { $0.filter { !$0.text.hasPrefix("— ") }.count }
            let blank = pages.count >= 3 && inBlock[pages.count - 2] == 0
            if blank {
                blankCases.append(n)
                #expect(!numbered[pages.count - 2] && !numbered[pages.count - 1], "\(n): blank page or 版记 page numbered")
                #expect(numbered.dropLast(2).allSatisfy { $0 })
            } else {
                #expect(numbered.allSatisfy { $0 }, "\(n): \(numbered)")
                if texts.last!.filter({ !$0.text.hasPrefix("— ") }).allSatisfy({ ["抄送：", "省政府办公厅。", "江苏省市场监督管理局办公室", "2024年7月1日印发"].contains($0.text) }) {
                    backCases += 1
                }
            }
        }
        #expect(!blankCases.isEmpty && backCases > 0, "blank \(blankCases), back \(backCases)")
        // In the PDF: the blank page and the 版记 page have nothing under the block.
        let n = try #require(blankCases.first)
        let words = try bboxWords(render(memo(paragraphs: n), "memo-blank"))
        let last = words.map(\.page).max()!
        #expect(last % 2 == 0)
        #expect(!words.contains { $0.page >= last - 1 && $0.yMin > blockTop + blockHeight }, "page numbers on the last two pages")
        #expect(!words.contains { $0.page == last - 1 && $0.yMin > blockTop - 3 }, "page \(last - 1) is not blank")
        #expect(words.contains { $0.page == last - 2 && $0.yMin > blockTop + blockHeight && $0.text.contains("\(last - 2)") })
    }

    /// The sample's running header is Chinese only (no "QualityBrief").
    @Test func sampleRunningHeaderIsChineseOnly() throws {
        let words = try sampleMemoWords.get()
        for page in Set(words.map(\.page)) {
            let header = words.filter { $0.page == page && $0.yMax < blockTop - 3 }.map(\.text).joined()
            #expect(header == "示例：本公文及附件为程序生成的样张，数据为示例数据", "page \(page): \(header)")
        }
    }

    /// 5.2.2 with clreq: every full body line of the sample memo holds its 28 characters
    /// (more when punctuation is squeezed): no line is letter-spaced to fill the grid.
    @Test func gbt9704_5_2_2_fullGridLinesHold28Characters() throws {
        let words = try sampleMemoWords.get()
        var checked = 0
        for page in [1, 2] {
            // 3号 rows (the red mark, 初号, spans the block too).
            for row in rows(words, page: page) where near(row.last!.xMax, blockLeft + blockWidth, 0.6)
                && row.allSatisfy({ $0.yMax - $0.yMin < 8 }) {
                let indent = ((row.first!.xMin - blockLeft) / gridChar).rounded()
                let chars = text(row).count + Int(indent)
                #expect(chars >= 28, "page \(page): \(chars) grid places in “\(text(row))”")
                checked += 1
            }
        }
        #expect(checked >= 7)  // hand count: 5 on page 1, 2 on page 2
    }

    /// 仿宋 is FandolFang and 楷体 FandolKai in the PDF; `qbrief fonts` marks the stand-ins and
    /// `qbrief demo` warns once that the 公文 was set with them.
    @Test func fandolFacesEmbeddedAndStandInsReported() throws {
        let fontsOut = try runTool("pdffonts", [sampleMemoPDF.get().path]).stdout
        #expect(fontsOut.contains("+FandolFang-Regular") && fontsOut.contains("+FandolKai-Regular"), "\(fontsOut)")
        let table = try runTool(qbriefBinary().path, ["fonts"], cwd: packageRoot)
        #expect(table.status == 0)
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("仿宋") && $0.contains("FandolFang") && $0.contains("stand-in for 仿宋_GB2312") },
                "\(table.stdout)")
        let dir = temporaryDirectory("memo-warning")
        defer { try? FileManager.default.removeItem(at: dir) }
        let demo = try runTool(qbriefBinary().path, ["demo", "--out", dir.appendingPathComponent("b.pdf").path,
                                                     "--memo-out", dir.appendingPathComponent("m.pdf").path], cwd: packageRoot)
        #expect(demo.status == 0, "\(demo.stderr)")
        let warnings = demo.stderr.split(separator: "\n").filter { $0.contains("warning: 公文 set with open stand-in fonts") }
        #expect(warnings.count == 1, "\(demo.stderr)")
        #expect(warnings.first?.contains("仿宋 FandolFang for 仿宋_GB2312") == true)
    }
}

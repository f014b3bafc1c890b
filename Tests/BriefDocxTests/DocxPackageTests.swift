import BriefDocument
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import BriefDocx

/// The Word package read back with ZIPFoundation and parsed with libxml2 (FoundationXML):
/// parts, styles, page set-up, tables, footers, pictures, reproducibility, failures.
struct DocxPackageTests {
    /// An 8 × 4 pixel red PNG standing in for a chart picture (embedded, not decoded, here).
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAEklEQVR4nGP4z8CAFWEXJUsCAFpeH+EeQoQoAAAAAElFTkSuQmCC")!

    static let table = TableSpec(
        caption: "表1 各设区市获奖情况",
        columns: [TableColumn("设区市"), TableColumn("中国质量奖", alignment: .trailing), TableColumn("省长质量奖", alignment: .trailing),
                  TableColumn("合计", alignment: .trailing)],
        rows: [["南京市", "2", "5", "7"], ["苏州市", "3", "9", "12"], ["无锡市", "1", "4", "5"]],
        totals: ["合计", "6", "18", "24"],
        headerRows: [[TableHeaderCell("设区市", rowSpan: 2), TableHeaderCell("获奖", columnSpan: 2), TableHeaderCell("合计", rowSpan: 2)],
                     [TableHeaderCell("中国质量奖"), TableHeaderCell("省长质量奖")]])

    static let chart = ChartSpec(kind: .bar, title: "图1 各设区市获奖数量", categories: ["南京", "苏州"],
                                 series: [ChartSeries(name: "获奖", values: [7, 12])], valueUnit: "项", height: 200)

    static func briefing() -> Document {
        Document(
            metadata: DocumentMetadata(title: "全省质量奖获奖情况分析", author: "示例单位", date: "2024-12-20"),
            masthead: Masthead(name: "质量工作简报", issue: "第12期", unit: "示例单位", date: "2024年12月20日", notice: "示例数据"),
            blocks: [.title("全省质量奖获奖情况分析"), .heading(Heading(level: 1, text: "一、总体情况")),
                     .paragraph(Paragraph("全省累计获奖24项，其中苏州市12项。")), .heading(Heading(level: 2, text: "（一）分地区")),
                     .table(table), .chart(chart)],
            footer: DistributionFooter(lines: ["报：省政府办公厅", "送：省有关部门"], printRun: "共印30份"),
            runningHeader: "示例数据")
    }

    static func memo() -> Document {
        let memo = Memo(header: MemoHeader(issuerMark: "江苏省市场监督管理局文件", documentNumber: "苏市监〔2024〕7号",
                                           title: "关于全省质量奖获奖情况的通报", recipients: "各设区市市场监督管理局"),
                        body: [.heading(Heading(level: 1, text: "一、基本情况")), .paragraph(Paragraph("全省累计获奖24项。"))],
                        closing: MemoClosing(attachments: ["全省质量奖获奖情况分析"], signature: "江苏省市场监督管理局", date: "2024年12月20日"),
                        end: MemoEnd(copyTo: "省政府办公厅", printedBy: "江苏省市场监督管理局办公室", printedOn: "2024年12月20日"))
        var attached = briefing()
        attached.masthead = nil
        attached.footer = nil
        attached.attachment = AttachmentHeader(label: "附件", title: "全省质量奖获奖情况分析")
        return Document(metadata: DocumentMetadata(title: "关于全省质量奖获奖情况的通报", date: "2024-12-20"),
                        styles: .memo, memo: memo, attachments: [attached])
    }

    static func parts(_ doc: Document) throws -> [String: Data] {
        let writer = DocxWriter(document: doc) { spec, width in DocxPicture(png: png, width: width, height: spec.height) }
        return Dictionary(uniqueKeysWithValues: try writer.parts().map { ($0.path, $0.data) })
    }

    static func xml(_ data: Data?) throws -> XMLDocument {
        try XMLDocument(data: try #require(data), options: [])
    }

    static func nodes(_ doc: XMLNode, _ localPath: String) throws -> [XMLNode] {
        try doc.nodes(forXPath: localPath)
    }

    /// `//*[local-name()='tbl']` style XPath for a `w:` element name.
    static func any(_ name: String) -> String { "//*[local-name()='\(name)']" }

    static func attribute(_ node: XMLNode, _ name: String) -> String? {
        (node as? XMLElement)?.attributes?.first { $0.name == name || $0.localName == name.split(separator: ":").last.map(String.init) }?.stringValue
    }

    static func temporaryDirectory(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docx-\(name)-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func everyPartIsWellFormedAndDeclared() throws {
        let parts = try Self.parts(Self.briefing())
        for (path, data) in parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            _ = try XMLDocument(data: data, options: [])  // throws when not well-formed
            #expect(data.starts(with: Array("<?xml".utf8)), "\(path)")
        }
        let types = String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self)
        for path in parts.keys where path.hasPrefix("word/") && path.hasSuffix(".xml") {
            #expect(types.contains("PartName=\"/\(path)\""), "\(path) has no content type")
        }
        // Every relationship target exists.
        let rels = try Self.xml(parts["word/_rels/document.xml.rels"])
        let targets = try Self.nodes(rels, Self.any("Relationship")).compactMap { Self.attribute($0, "Target") }
        #expect(targets.count == 3 + 3 + 3 + 1)  // styles, settings, fonts; odd, even, first footer and header; 1 picture
        for t in targets { #expect(parts["word/" + t] != nil, "missing \(t)") }
    }

    @Test func stylesAreNamedForTheirRoleWithOfficeFonts() throws {
        let styles = try Self.xml(try Self.parts(Self.briefing())["word/styles.xml"])
        var names: [String: String] = [:]
        for style in try Self.nodes(styles, Self.any("style")) {
            let id = Self.attribute(style, "w:styleId") ?? ""
            let name = try Self.nodes(style, "./*[local-name()='name']").first.flatMap { Self.attribute($0, "w:val") } ?? ""
            let font = try Self.nodes(style, ".//*[local-name()='rFonts']").first.flatMap { Self.attribute($0, "w:eastAsia") } ?? ""
            let size = try Self.nodes(style, ".//*[local-name()='sz']").first.flatMap { Self.attribute($0, "w:val") } ?? ""
            let alias = try Self.nodes(style, "./*[local-name()='aliases']").first.flatMap { Self.attribute($0, "w:val") }
            names[id] = "\(alias ?? name) \(font) \(size)"
            if id == "Normal" { #expect(name == "Normal") }  // Word's built-in name, shown as 正文
        }
        #expect(names["Normal"] == "正文 仿宋_GB2312 32")
        #expect(names["Title"] == "标题 方正小标宋简体 44")
        #expect(names["Heading1"] == "一级标题 黑体 32")
        #expect(names["Heading2"] == "二级标题 楷体_GB2312 32")
        #expect(names["TableText"] == "表格 宋体 21")
        let fonts = try Self.xml(try Self.parts(Self.briefing())["word/fontTable.xml"])
        var alternates: [String: String] = [:]
        for font in try Self.nodes(fonts, Self.any("font")) {
            let alt = try Self.nodes(font, "./*[local-name()='altName']").first.flatMap { Self.attribute($0, "w:val") }
            alternates[Self.attribute(font, "w:name") ?? ""] = alt
        }
        #expect(alternates["仿宋_GB2312"] == "Noto Serif CJK SC")
        #expect(alternates["楷体_GB2312"] == "LXGW WenKai")
        #expect(alternates["方正小标宋简体"] == "Noto Serif CJK SC")
        #expect(alternates["黑体"] == "Noto Sans CJK SC")
    }

    @Test func tablesRepeatTheirHeaderRowsAndRightAlignNumbers() throws {
        let doc = try Self.xml(try Self.parts(Self.briefing())["word/document.xml"])
        let tables = try Self.nodes(doc, Self.any("tbl"))
        // The data table and the floating distribution block.
        #expect(tables.count == 2)
        let rows = try Self.nodes(tables[0], "./*[local-name()='tr']")
        #expect(rows.count == 2 + 3 + 1)
        let headerFlags = try rows.map { try !Self.nodes($0, ".//*[local-name()='tblHeader']").isEmpty }
        #expect(headerFlags == [true, true, false, false, false, false])
        // 获奖 spans two columns; 设区市 and 合计 span two rows (restart, then continue).
        #expect(try Self.nodes(rows[0], ".//*[local-name()='gridSpan']").compactMap { Self.attribute($0, "w:val") } == ["2"])
        #expect(try Self.nodes(rows[0], ".//*[local-name()='vMerge']").compactMap { Self.attribute($0, "w:val") } == ["restart", "restart"])
        #expect(try Self.nodes(rows[1], ".//*[local-name()='vMerge']").compactMap { Self.attribute($0, "w:val") } == ["continue", "continue"])
        let cells = try Self.nodes(rows[3], "./*[local-name()='tc']")
        let jc = try cells.map { try Self.nodes($0, ".//*[local-name()='jc']").first.flatMap { Self.attribute($0, "w:val") } }
        #expect(jc == ["left", "right", "right", "right"])
        #expect(cells.map { $0.stringValue ?? "" } == ["苏州市", "3", "9", "12"])
        // Column widths fill the 156 mm type block (8844 twips).
        let grid = try Self.nodes(tables[0], ".//*[local-name()='gridCol']").compactMap { Self.attribute($0, "w:w").flatMap(Int.init) }
        #expect(grid.reduce(0, +) == 8844)
    }

    @Test func memoSectionHasA4MarginsGridAndOddEvenFooters() throws {
        let parts = try Self.parts(Self.memo())
        let doc = try Self.xml(parts["word/document.xml"])
        let size = try #require(try Self.nodes(doc, Self.any("pgSz")).first)
        #expect(Self.attribute(size, "w:w") == "11906" && Self.attribute(size, "w:h") == "16838")
        let mar = try #require(try Self.nodes(doc, Self.any("pgMar")).first)
        // 37 mm top, 28 mm left, 26 mm right, 35 mm bottom.
        #expect(["w:top", "w:left", "w:right", "w:bottom"].map { Self.attribute(mar, $0) } == ["2098", "1587", "1474", "1984"])
        let grid = try #require(try Self.nodes(doc, Self.any("docGrid")).first)
        #expect(Self.attribute(grid, "w:type") == "linesAndChars")
        #expect(Self.attribute(grid, "w:linePitch") == "580")  // 225 mm / 22 = 28.993 pt = 579.9 twips
        // 156 mm / 28 = 15.793 pt per character: 0.207 pt less than 16 pt, × 4096 = −847.7.
        #expect(Self.attribute(grid, "w:charSpace") == "-848")
        let refs = try Self.nodes(doc, Self.any("footerReference")).compactMap { Self.attribute($0, "w:type") }
        #expect(refs == ["default", "even"])
        let settings = String(decoding: try #require(parts["word/settings.xml"]), as: UTF8.self)
        #expect(settings.contains("<w:evenAndOddHeaders/>"))
        let odd = try Self.xml(parts["word/footer1.xml"]), even = try Self.xml(parts["word/footer2.xml"])
        #expect(try Self.nodes(odd, Self.any("t")).compactMap(\.stringValue).joined() == "— 1 —")
        #expect(try Self.nodes(odd, Self.any("instrText")).first?.stringValue == " PAGE ")
        #expect(try Self.nodes(odd, Self.any("jc")).first.flatMap { Self.attribute($0, "w:val") } == "right")
        #expect(try Self.nodes(even, Self.any("jc")).first.flatMap { Self.attribute($0, "w:val") } == "left")
        // One 4号 character in: 14 pt = 280 twips.
        #expect(try Self.nodes(odd, Self.any("ind")).first.flatMap { Self.attribute($0, "w:right") } == "280")
        #expect(try Self.nodes(even, Self.any("ind")).first.flatMap { Self.attribute($0, "w:left") } == "280")
    }

    @Test func memoHasRedMarkRuleTextAndEndBlockRules() throws {
        let doc = try Self.xml(try Self.parts(Self.memo())["word/document.xml"])
        let text = try Self.nodes(doc, Self.any("p")).map { $0.stringValue ?? "" }
        for line in ["江苏省市场监督管理局文件", "苏市监〔2024〕7号", "关于全省质量奖获奖情况的通报", "各设区市市场监督管理局：",
                     "附件：全省质量奖获奖情况分析", "江苏省市场监督管理局", "2024年12月20日", "附件", "抄送：省政府办公厅",
                     "江苏省市场监督管理局办公室\t2024年12月20日印发"] where !text.contains(line.replacingOccurrences(of: "\t", with: "")) {
            Issue.record("missing paragraph “\(line)”")
        }
        // The mark is red; the number carries the red rule 2.25 pt (18 eighths) 4 mm (11 pt) under it.
        let mark = try #require(try Self.nodes(doc, Self.any("p")).first { $0.stringValue == "江苏省市场监督管理局文件" })
        #expect(try Self.nodes(mark, ".//*[local-name()='color']").first.flatMap { Self.attribute($0, "w:val") } == "E60012")
        let number = try #require(try Self.nodes(doc, Self.any("p")).first { $0.stringValue == "苏市监〔2024〕7号" })
        let rule = try #require(try Self.nodes(number, ".//*[local-name()='pBdr']/*[local-name()='bottom']").first)
        #expect([Self.attribute(rule, "w:sz"), Self.attribute(rule, "w:color"), Self.attribute(rule, "w:space")] == ["18", "E60012", "11"])
        // The attachment starts on a new page.
        let label = try #require(try Self.nodes(doc, Self.any("p")).first { $0.stringValue == "附件" })
        #expect(try !Self.nodes(label, ".//*[local-name()='pageBreakBefore']").isEmpty)
        // 版记: floating at the block's foot; 0.35 mm (8 eighths) outside, 0.25 mm (6) between.
        let end = try #require(try Self.nodes(doc, Self.any("tbl")).last)
        // Two rows of one grid line (580 twips) end on the bottom of the 225 mm (12756 twips) block.
        #expect(try Self.nodes(end, ".//*[local-name()='tblpPr']").first.flatMap { Self.attribute($0, "w:tblpY") } == "11596")
        let borders = try ["top", "insideH", "bottom"].map { side in
            try Self.nodes(end, ".//*[local-name()='tblBorders']/*[local-name()='\(side)']").first.flatMap { Self.attribute($0, "w:sz") }
        }
        #expect(borders == ["8", "6", "8"])
    }

    @Test func chartsArePicturesWithTheirDataAsAlternativeText() throws {
        let parts = try Self.parts(Self.briefing())
        #expect(parts["word/media/image1.png"] == Self.png)
        let doc = try Self.xml(parts["word/document.xml"])
        let docPr = try #require(try Self.nodes(doc, Self.any("docPr")).first)
        #expect(Self.attribute(docPr, "descr") == "图1 各设区市获奖数量：南京 7项，苏州 12项。")
        let extent = try #require(try Self.nodes(doc, Self.any("extent")).first)
        // 156 mm × 200 pt in EMU.
        #expect(Self.attribute(extent, "cx") == "\(Int((156 / 25.4 * 72 * 12700).rounded()))")
        #expect(Self.attribute(extent, "cy") == "2540000")
    }

    @Test func sameDocumentSameBytesAndFixedEntryOrder() throws {
        let dir = Self.temporaryDirectory("same")
        let a = dir.appendingPathComponent("a.docx"), b = dir.appendingPathComponent("b.docx")
        let writer = DocxWriter(document: Self.memo()) { spec, width in DocxPicture(png: Self.png, width: width, height: spec.height) }
        try writer.write(to: a)
        try writer.write(to: b)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        let archive = try Archive(url: a, accessMode: .read)
        let paths = archive.map(\.path)
        #expect(Array(paths.prefix(5)) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml"])
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        for entry in archive {
            let c = utc.dateComponents([.year, .month, .day, .hour], from: try #require(entry.fileAttributes[.modificationDate] as? Date))
            #expect([c.year, c.month, c.day, c.hour] == [2024, 12, 20, 0], "\(entry.path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.docx", "b.docx"])
    }

    @Test func missingDirectoryIsAClearErrorAndLeavesNothing() throws {
        let dir = Self.temporaryDirectory("bad")
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        for target in [dir.appendingPathComponent("no/such/dir/out.docx"), blocker.appendingPathComponent("out.docx")] {
            #expect(throws: DocxError.cannotCreate(path: target.path, reason: "directory \(target.deletingLastPathComponent().path) does not exist")) {
                try DocxWriter(document: Self.briefing()).write(to: target)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file"])
    }

    @Test func xmlTextIsEscapedAndControlCharactersDropped() {
        #expect(XMLWriter.escape("A&B <c> \"d\"\u{1}", attribute: false) == "A&amp;B &lt;c&gt; \"d\"")
        #expect(XMLWriter.escape("\"&\"", attribute: true) == "&quot;&amp;&quot;")
    }
}

/// GB/T 9704 7.3.1: a long title in lines of about equal length.
struct DocxTitleTests {
    @Test func longTitlesAreBalancedWithoutStubs() {
        // 22 characters, 20 a line: two lines of 11, not 20 + 2.
        #expect(DocxBody.balancedLines("关于印发全省质量奖获奖情况分析（示例）的通知", capacity: 20)
                == ["关于印发全省质量奖获奖", "情况分析（示例）的通知"])
        #expect(DocxBody.balancedLines("关于全省质量奖获奖情况的通报", capacity: 20) == ["关于全省质量奖获奖情况的通报"])
        // A cut before closing punctuation moves after it.
        #expect(DocxBody.balancedLines("一二三四五，六七八九十", capacity: 8) == ["一二三四五，", "六七八九十"])
    }
}

/// Editable charts: a DrawingML chart part per chart, its cached data equal to the spec's,
/// the same data in an embedded workbook; tile maps stay pictures.
struct DocxEditableChartTests {
    @Test func chartsAreDrawingMLWithAnEmbeddedWorkbook() throws {
        var doc = DocxPackageTests.briefing()
        doc.blocks.append(.chart(ChartSpec(kind: .tileMap, title: "图2 分布", categories: ["南京"], series: [ChartSeries(name: "获奖", values: [7])])))
        let writer = DocxWriter(document: doc, drawChart: { spec, width in
            DocxPicture(png: DocxPackageTests.png, width: width, height: spec.height)
        }, editableCharts: true, chartColors: [RGBColor(hex: 0xC00000)])
        let parts = Dictionary(uniqueKeysWithValues: try writer.parts().map { ($0.path, $0.data) })
        // The bar chart is a chart part; the tile map a picture.
        #expect(parts["word/charts/chart2.xml"] == nil && parts["word/media/image1.png"] != nil)
        let chart = try DocxPackageTests.xml(parts["word/charts/chart1.xml"])
        func values(_ path: String) throws -> [String] {
            try DocxPackageTests.nodes(chart, path).compactMap(\.stringValue)
        }
        #expect(try !DocxPackageTests.nodes(chart, DocxPackageTests.any("barChart")).isEmpty)
        #expect(try values("//*[local-name()='cat']//*[local-name()='v']") == ["南京", "苏州"])
        #expect(try values("//*[local-name()='val']//*[local-name()='v']") == ["7", "12"])
        #expect(try values("//*[local-name()='val']//*[local-name()='f']") == ["Sheet1!$B$2:$B$3"])
        #expect(try DocxPackageTests.nodes(chart, DocxPackageTests.any("srgbClr")).compactMap { DocxPackageTests.attribute($0, "val") }.first == "C00000")
        let rels = String(decoding: try #require(parts["word/charts/_rels/chart1.xml.rels"]), as: UTF8.self)
        #expect(rels.contains("Target=\"../embeddings/Microsoft_Excel_Worksheet1.xlsx\""))
        let types = String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self)
        #expect(types.contains("/word/charts/chart1.xml") && types.contains("Extension=\"xlsx\""))
        // The workbook: categories in A, the series in B under its name.
        let book = try Archive(data: try #require(parts["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"]), accessMode: .read)
        var sheet = Data()
        _ = try book.extract(try #require(book["xl/worksheets/sheet1.xml"])) { sheet.append($0) }
        let cells = try DocxPackageTests.nodes(try XMLDocument(data: sheet, options: []), "//*[local-name()='c']")
            .map { "\(DocxPackageTests.attribute($0, "r") ?? "")=\($0.stringValue ?? "")" }
        #expect(cells == ["A1=", "B1=获奖", "A2=南京", "B2=7", "A3=苏州", "B3=12"])
    }
}

import BriefCairo
import BriefLayout
import Foundation
import QualityBrief
import Testing

// GB/T 9704-2012 proved by measurement: the sample memo and a memo with a long body are
// rendered to PDF, then glyph boxes are read back with `pdftotext -bbox` and rules and ink
// edges with `pdftoppm` rasters. Every check is within ±0.5 mm unless it says otherwise.
// Missing poppler tools make the tests fail (runTool throws), never skip.

private let tolerance = 0.5
private let blockTop = 37.0, blockLeft = 28.0, blockWidth = 156.0, blockHeight = 225.0
private var blockRight: Double { blockLeft + blockWidth }
private var blockBottom: Double { blockTop + blockHeight }
/// Grid line pitch: 225 mm / 22.
private let pitch = blockHeight / 22
/// One full-width 3号 character on the grid: 156 mm / 28.
private let gridChar = blockWidth / 28
/// One 4号 character (14 pt) in mm.
private let sihao = 14 * 25.4 / 72

private func near(_ a: Double, _ b: Double, _ tol: Double = tolerance) -> Bool { abs(a - b) <= tol }

/// A word of `pdftotext -bbox`, in millimetres from the top-left of its page.
struct BoxWord {
    var page: Int
    var xMin: Double, yMin: Double, xMax: Double, yMax: Double
    var text: String
    var centreY: Double { (yMin + yMax) / 2 }
    var centreX: Double { (xMin + xMax) / 2 }
}

func bboxWords(_ pdf: URL) throws -> [BoxWord] {
    let out = try runTool("pdftotext", ["-bbox", pdf.path, "-"])
    if out.status != 0 { throw ToolError.missing("pdftotext failed: \(out.stderr)") }
    // A PDF that poppler has to repair is a broken file, whatever words it still finds.
    if out.stderr.contains("Error") { throw ToolError.failed("pdftotext found errors in \(pdf.lastPathComponent): \(out.stderr.prefix(300))") }
    var page = 0
    var words: [BoxWord] = []
    let k = 25.4 / 72
    for line in out.stdout.split(separator: "\n") {
        if line.contains("<page ") { page += 1; continue }
        guard line.contains("<word ") else { continue }
        let parts = line.components(separatedBy: "\"")
        guard parts.count >= 9, let x0 = Double(parts[1]), let y0 = Double(parts[3]),
              let x1 = Double(parts[5]), let y1 = Double(parts[7]) else { continue }
        var text = parts[8...].joined(separator: "\"")
        if text.hasPrefix(">") { text.removeFirst() }
        if text.hasSuffix("</word>") { text.removeLast(7) }
        words.append(BoxWord(page: page, xMin: x0 * k, yMin: y0 * k, xMax: x1 * k, yMax: y1 * k, text: text))
    }
    return words
}

/// One page rasterised by pdftoppm (RGB), with helpers in millimetres.
struct Raster {
    let width: Int, height: Int, dpi: Double
    let rgb: [UInt8]

    init(_ pdf: URL, page: Int, dpi: Int) throws {
        let dir = temporaryDirectory("memo-raster")
        defer { try? FileManager.default.removeItem(at: dir) }
        let stem = dir.appendingPathComponent("p").path
        let r = try runTool("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf.path, stem])
        if r.status != 0 { throw ToolError.missing("pdftoppm failed: \(r.stderr)") }
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: stem + ".ppm")))
        var fields: [Int] = [], i = 2
        while fields.count < 3 {
            while data[i] == 32 || data[i] == 10 || data[i] == 13 || data[i] == 9 { i += 1 }
            var v = 0
            while data[i] >= 48 && data[i] <= 57 { v = v * 10 + Int(data[i] - 48); i += 1 }
            fields.append(v)
        }
        i += 1
        width = fields[0]; height = fields[1]; self.dpi = Double(dpi)
        rgb = Array(data[i..<(i + width * height * 3)])
    }

    func px(_ mmValue: Double) -> Int { Int((mmValue / 25.4 * dpi).rounded()) }
    func mm(_ px: Int) -> Double { Double(px) * 25.4 / dpi }
    func pixel(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let o = (y * width + x) * 3
        return (Int(rgb[o]), Int(rgb[o + 1]), Int(rgb[o + 2]))
    }
    static func isRed(_ p: (Int, Int, Int)) -> Bool { p.0 > 150 && p.1 < 110 && p.2 < 110 }
    static func isBlack(_ p: (Int, Int, Int)) -> Bool { p.0 < 110 && p.1 < 110 && p.2 < 110 }

    /// Rows (pixel indices) between y0 and y1 mm where `test` holds for at least `share` of
    /// the pixels between x0 and x1 mm.
    func rows(y0: Double, y1: Double, x0: Double, x1: Double, share: Double,
              _ test: ((Int, Int, Int)) -> Bool) -> [Int] {
        let a = px(x0), b = px(x1)
        return (max(0, px(y0))..<min(height, px(y1))).filter { y in
            var n = 0
            for x in a..<b where test(pixel(x, y)) { n += 1 }
            return Double(n) >= share * Double(b - a)
        }
    }

    /// Contiguous runs of rows, as (top edge, bottom edge) in mm.
    func groups(_ rows: [Int]) -> [(top: Double, bottom: Double)] {
        var out: [(Double, Double)] = []
        guard var start = rows.first else { return [] }
        var prev = start
        for r in rows.dropFirst() {
            if r != prev + 1 { out.append((mm(start), mm(prev + 1))); start = r }
            prev = r
        }
        out.append((mm(start), mm(prev + 1)))
        return out
    }

    /// Horizontal extent (mm) of pixels passing `test` on row `y`.
    func extent(row y: Int, _ test: ((Int, Int, Int)) -> Bool) -> (Double, Double)? {
        let xs = (0..<width).filter { test(pixel($0, y)) }
        guard let a = xs.first, let b = xs.last else { return nil }
        return (mm(a), mm(b + 1))
    }
}

// MARK: - Samples

private let memoDefinitionURL = packageRoot.appendingPathComponent("Reports/sample/memo.yaml")

/// The demo's memo (Reports/sample/memo.yaml) with the briefing as 附件1.
private let sampleMemo: Result<URL, any Error> = Result {
    let register = try Register.load(urls: [packageRoot.appendingPathComponent("Reports/sample/awards.csv")])
    let definition = try ReportDefinition.load(memoDefinitionURL)
    let dir = temporaryDirectory("memo-sample")
    let url = dir.appendingPathComponent("memo.pdf")
    try Briefing(register: register, definition: definition).render(
        to: url, fontsDirectory: packageRoot.appendingPathComponent("Fonts"))
    return url
}

private let longParagraph = String(repeating: "质量强省建设取得新成效获奖组织数量稳步增长示范引领作用更加彰显", count: 4) + "。"

/// A memo whose body fills several pages (pages 2 and 3 are full body pages).
func longMemo() -> Document {
    var body: [Block] = [.heading(Heading(level: 1, text: "一、总体情况"))]
    body += (0..<14).map { _ in .paragraph(Paragraph(longParagraph)) }
    let memo = Memo(
        header: MemoHeader(copyNumber: "000001", classification: "秘密★1年", urgency: "特急",
                           issuerMark: "江苏省市场监督管理局文件", documentNumber: "苏市监〔2024〕7号",
                           title: "关于全省质量奖获奖情况的通报", recipients: "各设区市市场监督管理局"),
        body: body,
        closing: MemoClosing(attachments: ["获奖情况分析", "获奖名单"], signature: "江苏省市场监督管理局",
                             date: "2024年7月1日", note: "此件公开发布"),
        end: MemoEnd(copyTo: "省政府办公厅", printedBy: "江苏省市场监督管理局办公室", printedOn: "2024年7月1日"))
    return Document(metadata: DocumentMetadata(title: "测试公文", date: "2024-07-01"), styles: .memo, memo: memo)
}

private let longMemoPDF: Result<URL, any Error> = Result {
    let dir = temporaryDirectory("memo-long")
    let url = dir.appendingPathComponent("long.pdf")
    _ = try Renderer(fontsDirectory: packageRoot.appendingPathComponent("Fonts")).render(longMemo(), to: url)
    return url
}

private let sampleWords: Result<[BoxWord], any Error> = Result { try bboxWords(sampleMemo.get()) }
private let longWords: Result<[BoxWord], any Error> = Result { try bboxWords(longMemoPDF.get()) }

/// Body lines of a page: words inside the type block, grouped by their vertical centre.
private func lines(_ words: [BoxWord], page: Int) -> [[BoxWord]] {
    let inBlock = words.filter { $0.page == page && $0.yMin > blockTop - 3 && $0.yMax < blockBottom + 3 }
    var rows: [[BoxWord]] = []
    for w in inBlock.sorted(by: { $0.centreY < $1.centreY }) {
        if let last = rows.last?.first, abs(last.centreY - w.centreY) < 2 { rows[rows.count - 1].append(w) } else { rows.append([w]) }
    }
    return rows.map { $0.sorted { $0.xMin < $1.xMin } }
}

private func word(_ words: [BoxWord], _ text: String, page: Int? = nil) -> BoxWord? {
    words.first { $0.text == text && (page == nil || $0.page == page) }
}

// MARK: - Tests

@Suite(.serialized) struct MemoMeasureTests {
    /// 5.2.1, 5.2.2: margins and the 22 × 28 grid on a full body page.
    @Test func fullBodyPageHas22LinesOf28Characters() throws {
        let words = try longWords.get()
        for page in [2, 3] {
            let rows = lines(words, page: page)
            #expect(rows.count == 22, "page \(page): \(rows.count) lines")
            for (k, row) in rows.enumerated() {
                let expected = blockTop + (Double(k) + 0.5) * pitch
                #expect(near(row[0].centreY, expected), "page \(page) line \(k + 1) centre \(row[0].centreY) mm, grid \(expected)")
                #expect(row[0].xMin >= blockLeft - tolerance && row.last!.xMax <= blockRight + tolerance)
                let text = row.map(\.text).joined()
                if near(row[0].xMin, blockLeft) && near(row.last!.xMax, blockRight) && !text.hasSuffix("。") {
                    #expect(text.count == 28, "page \(page) line \(k + 1): \(text.count) characters: \(text)")
                }
            }
            // Left and right margins: full lines start at 28 mm and end at 184 mm.
            let full = rows.filter { $0.map(\.text).joined().count == 28 }
            #expect(full.count >= 10, "page \(page): only \(full.count) full lines")
            for row in full {
                #expect(near(row[0].xMin, blockLeft), "left edge \(row[0].xMin)")
                #expect(near(row.last!.xMax, blockRight), "right edge \(row.last!.xMax)")
            }
            // Top margin: the first line sits in the first grid line under 37 mm.
            #expect(near(rows[0][0].centreY, blockTop + pitch / 2))
            #expect(near(rows[21][0].centreY, blockBottom - pitch / 2))
        }
        // Paragraph first lines are indented two characters.
        let indented = lines(words, page: 2).filter { near($0[0].xMin, blockLeft + 2 * gridChar) }
        #expect(!indented.isEmpty)
    }

    /// 7.2.1–7.2.3: 份号, 密级和保密期限, 紧急程度 top left, one per line, in 黑体.
    @Test func copyNumberSecrecyUrgencyTopLeft() throws {
        let words = try longWords.get()
        for (k, text) in ["000001", "秘密★1年", "特急"].enumerated() {
            let w = try #require(word(words, text, page: 1), "\(text) missing")
            #expect(near(w.xMin, blockLeft), "\(text) x \(w.xMin)")
            #expect(near(w.centreY, blockTop + (Double(k) + 0.5) * pitch), "\(text) y \(w.centreY)")
        }
    }

    /// 7.2.4: the red mark centred, its top edge 35 mm below the type block (72 mm from the
    /// paper's top edge).
    @Test func markTopEdgeAndCentre() throws {
        for (pdf, words, mark) in [(try sampleMemo.get(), try sampleWords.get(), "江苏省市场监督管理局（示例）"),
                                   (try longMemoPDF.get(), try longWords.get(), "江苏省市场监督管理局文件")] {
            let r = try Raster(pdf, page: 1, dpi: 300)
            let red = r.rows(y0: 40, y1: 110, x0: blockLeft, x1: blockRight, share: 0.002, Raster.isRed)
            let top = try #require(red.first.map { r.mm($0) })
            #expect(near(top, blockTop + 35), "mark top edge at \(top) mm, expected 72 mm")
            let w = try #require(word(words, mark, page: 1))
            #expect(near(w.centreX, blockLeft + blockWidth / 2), "mark centre \(w.centreX)")
            #expect(w.xMax <= blockRight + tolerance)
        }
    }

    /// 7.2.5: the document number centred two lines below the mark; the red rule as wide as
    /// the type block, 4 mm under the number.
    @Test func documentNumberAndRedRule() throws {
        for (pdf, words, mark) in [(try sampleMemo.get(), try sampleWords.get(), "江苏省市场监督管理局（示例）"),
                                   (try longMemoPDF.get(), try longWords.get(), "江苏省市场监督管理局文件")] {
            let number = try #require(word(words, "苏市监〔2024〕7号", page: 1))
            let markWord = try #require(word(words, mark, page: 1))
            #expect(near(number.centreX, blockLeft + blockWidth / 2), "number centre \(number.centreX)")
            // Two blank lines between mark and number: the number's line starts two grid lines under the mark.
            let gap = number.yMin - markWord.yMax
            #expect(gap > 1.5 * pitch && gap < 2.7 * pitch, "mark → number gap \(gap) mm")
            let r = try Raster(pdf, page: 1, dpi: 300)
            let ruleRows = r.rows(y0: number.yMax - 2, y1: number.yMax + 20, x0: blockLeft + 1, x1: blockRight - 1,
                                  share: 0.95, Raster.isRed)
            let rule = try #require(r.groups(ruleRows).first, "no red rule under the number")
            let span = try #require(r.extent(row: r.px((rule.top + rule.bottom) / 2), Raster.isRed))
            #expect(near(span.0, blockLeft) && near(span.1, blockRight), "rule spans \(span)")
            #expect(near(rule.bottom - rule.top, 2.25 * 25.4 / 72, 0.1), "rule \(rule.bottom - rule.top) mm thick")
            let ink = r.rows(y0: number.yMin - 1, y1: rule.top - 0.5, x0: number.xMin, x1: number.xMax,
                             share: 0.001, Raster.isBlack)
            let inkBottom = try #require(ink.last.map { r.mm($0 + 1) })
            #expect(near(rule.top - inkBottom, 4), "number → rule \(rule.top - inkBottom) mm")
        }
    }

    /// 7.3.1, 7.3.2: title two lines under the rule, centred; 主送 flush left one line under it.
    @Test func titleAndRecipients() throws {
        let words = try longWords.get()
        let title = try #require(word(words, "关于全省质量奖获奖情况的通报", page: 1))
        #expect(near(title.centreX, blockLeft + blockWidth / 2))
        let to = try #require(word(words, "各设区市市场监督管理局：", page: 1))
        #expect(near(to.xMin, blockLeft))
        #expect(near(to.centreY - title.centreY, 2 * pitch), "title → 主送 \(to.centreY - title.centreY) mm")
        let number = try #require(word(words, "苏市监〔2024〕7号", page: 1))
        #expect(title.centreY - number.centreY > 2 * pitch)
    }

    /// 7.3.4–7.3.7: 附件说明 two characters in, numbered names aligned; signature two
    /// characters from the right, date two characters right of the signature, Arabic
    /// numerals without leading zeros; 附注 two characters in, in parentheses.
    @Test func closingBlock() throws {
        let words = try longWords.get()
        let label = try #require(words.first { $0.text.hasPrefix("附件：") })
        #expect(near(label.xMin, blockLeft + 2 * gridChar), "附件 at \(label.xMin)")
        #expect(label.text.contains("1.") || words.contains { $0.text == "1." })
        let sig = try #require(words.first { $0.text == "江苏省市场监督管理局" })
        let date = try #require(words.first { $0.text == "2024年7月1日" }, "date not as 2024年7月1日")
        #expect(near(sig.xMax, blockRight - 2 * gridChar), "signature right \(sig.xMax)")
        #expect(near(date.xMin, sig.xMin + 2 * gridChar), "date starts \(date.xMin - sig.xMin) mm right of the signature")
        #expect(near(date.centreY - sig.centreY, pitch))
        let note = try #require(words.first { $0.text == "（此件公开发布）" })
        #expect(near(note.xMin, blockLeft + 2 * gridChar) && near(note.centreY - date.centreY, pitch))
    }

    /// 7.5: "— N —" in 4号 宋体, its dashes' top edge 7 mm under the type block, odd pages one
    /// character in from the right, even pages one character in from the left.
    @Test func pageNumbersSideAndHeight() throws {
        let pdf = try longMemoPDF.get()
        let words = try longWords.get()
        let pages = Set(words.map(\.page)).sorted()
        #expect(pages.count >= 3)
        for page in pages {
            let foot = words.filter { $0.page == page && $0.yMin > blockBottom }.sorted { $0.xMin < $1.xMin }
            #expect(foot.map(\.text).joined() == "—\(page)—", "page \(page) foot: \(foot.map(\.text))")
            guard let first = foot.first, let last = foot.last else { continue }
            if page % 2 == 1 {
                #expect(near(last.xMax, blockRight - sihao), "odd page \(page) ends at \(last.xMax)")
            } else {
                #expect(near(first.xMin, blockLeft + sihao), "even page \(page) starts at \(first.xMin)")
            }
            let r = try Raster(pdf, page: page, dpi: 300)
            let dash = r.rows(y0: blockBottom, y1: 290, x0: first.xMin + 0.5, x1: first.xMax - 0.5, share: 0.5, Raster.isBlack)
            let top = try #require(dash.first.map { r.mm($0) })
            #expect(near(top, blockBottom + 7), "page \(page): dash top \(top) mm, expected \(blockBottom + 7)")
        }
    }

    /// 7.4: the 版记 on the last page: 抄送 and 印发 one 4号 character in, rules 0.35 mm outer
    /// and 0.25 mm inner, the last on the type block's bottom edge.
    @Test func endBlockOnLastPage() throws {
        for (pdf, words) in [(try sampleMemo.get(), try sampleWords.get()), (try longMemoPDF.get(), try longWords.get())] {
            let lastPage = words.map(\.page).max()!
            let copy = try #require(words.first { $0.page == lastPage && $0.text.hasPrefix("抄送：") }, "抄送 not on the last page")
            #expect(near(copy.xMin, blockLeft + sihao), "抄送 at \(copy.xMin)")
            let printed = try #require(words.first { $0.page == lastPage && $0.text.hasSuffix("印发") })
            #expect(near(printed.xMax, blockRight - sihao), "印发日期 ends at \(printed.xMax)")
            let r = try Raster(pdf, page: lastPage, dpi: 600)
            let rows = r.rows(y0: copy.yMin - 8, y1: blockBottom + 2, x0: blockLeft + 1, x1: blockRight - 1,
                              share: 0.95, { $0.0 < 160 && $0.1 < 160 && $0.2 < 160 })
            let rules = r.groups(rows)
            #expect(rules.count == 3, "版记 rules: \(rules)")
            guard rules.count == 3 else { continue }
            #expect(near(rules[2].bottom, blockBottom, 0.2), "last rule ends at \(rules[2].bottom) mm")
            #expect(near(rules[0].bottom - rules[0].top, 0.35, 0.08), "first rule \(rules[0].bottom - rules[0].top) mm")
            #expect(near(rules[2].bottom - rules[2].top, 0.35, 0.08), "last rule \(rules[2].bottom - rules[2].top) mm")
            #expect(near(rules[1].bottom - rules[1].top, 0.25, 0.08), "inner rule \(rules[1].bottom - rules[1].top) mm")
            #expect(rules[0].bottom < copy.yMin && rules[1].top > copy.yMax && rules[1].bottom < printed.yMin)
        }
    }

    /// 8 (附件): the attachment starts on a new page with 附件 (the only one: no number, 7.3.4)
    /// top left in 黑体, the title centred on line 3, page numbers continuing from the memo.
    @Test func attachmentPage() throws {
        let words = try sampleWords.get()
        let label = try #require(words.first { $0.text == "附件" })
        #expect(label.page >= 2)
        #expect(near(label.xMin, blockLeft) && near(label.centreY, blockTop + pitch / 2))
        let title = try #require(words.first { $0.page == label.page && $0.text == "全省质量奖获奖情况分析" })
        #expect(near(title.centreX, blockLeft + blockWidth / 2))
        #expect(near(title.centreY, blockTop + 2.5 * pitch), "attachment title at \(title.centreY) mm")
        let foot = words.filter { $0.page == label.page && $0.yMin > blockBottom }.map(\.text).joined()
        #expect(foot == "—\(label.page)—", "page numbers do not continue: \(foot)")
        // The memo's 附件说明 names the attachment the same way.
        #expect(words.contains { $0.page < label.page && $0.text == "附件：全省质量奖获奖情况分析" })
    }

    /// Fonts of the elements: 小标宋 mark and title, 黑体 copy number and 一、, 楷体 （一）,
    /// 仿宋 body, 宋体 page numbers — in the layout, and in the PDF (pdffonts).
    @Test func fontsOfEachElement() throws {
        let library = try FontLibrary(fontsDirectory: packageRoot.appendingPathComponent("Fonts"))
        let register = try Register.load(urls: [packageRoot.appendingPathComponent("Reports/sample/awards.csv")])
        let doc = try Briefing(register: register, definition: ReportDefinition.load(memoDefinitionURL)).document()
        let pages = try DocumentLayouter(measurer: PangoTextMeasurer(library: library)).layoutPages(doc)
        var fonts: [String: FontSpec] = [:]
        var colors: [String: RGBColor] = [:]
        for page in pages { for case .text(let t) in page.items where fonts[t.text] == nil { fonts[t.text] = t.font; colors[t.text] = t.color } }
        func check(_ text: String, _ role: FontRole, _ size: Double) {
            #expect(fonts[text]?.role == role && fonts[text]?.size == size, "\(text): \(String(describing: fonts[text]))")
        }
        check("江苏省市场监督管理局（示例）", .xiaobiaosong, fonts["江苏省市场监督管理局（示例）"]?.size ?? 0)
        #expect(colors["江苏省市场监督管理局（示例）"] == MemoSettings().red)
        check("000001", .heiti, 16)
        check("秘密★1年", .heiti, 16)
        check("苏市监〔2024〕7号", .fangsong, 16)
        check("一、基本情况", .heiti, 16)
        check("（一）加强培育", .kaiti, 16)
        check("附件", .heiti, 16)
        check("— 1 —", .songti, 14)
        check("2024年12月20日", .fangsong, 16)
        #expect(pages.flatMap(\.items).contains { if case .text(let t) = $0 { return t.font.role == .xiaobiaosong && t.font.size == 22 && t.text.hasPrefix("关于") } else { return false } })
        // In the PDF: page 1 holds 小标宋 (Noto Serif CJK Bold), 黑体 and 仿宋/宋体; page 2 the 楷体.
        let pdf = try sampleMemo.get()
        let p1 = try runTool("pdffonts", ["-f", "1", "-l", "1", pdf.path]).stdout
        let p2 = try runTool("pdffonts", ["-f", "2", "-l", "2", pdf.path]).stdout
        /// Whether pdffonts output lists the font of `role`'s resolved file (NotoSerifCJK-Bold.ttc →
        /// XXXXXX+NotoSerifCJKsc-Bold).
        func lists(_ out: String, _ role: FontRole) -> Bool {
            guard let file = library.resolvedFile(for: role) else { return false }
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let parts = stem.split(separator: "-")
            let names = out.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first }
                .map { $0.split(separator: "+").last.map(String.init) ?? "" }
            return names.contains { $0.hasPrefix(String(parts[0])) && $0.hasSuffix(String(parts.last!)) }
        }
        for role in [FontRole.xiaobiaosong, .heiti, .fangsong, .songti] {
            #expect(lists(p1, role), "page 1 lacks \(role) (\(library.resolvedFile(for: role) ?? "?")):\n\(p1)")
        }
        #expect(lists(p2, .kaiti), "page 2 lacks 楷体 (\(library.resolvedFile(for: .kaiti) ?? "?")):\n\(p2)")
    }

    /// 份号 and 发文字号 rules are enforced.
    @Test func headerValuesChecked() {
        func problems(copy: String? = nil, number: String?) -> [String] {
            MemoHeader(copyNumber: copy, issuerMark: "X", documentNumber: number, title: "T").problems()
        }
        #expect(problems(copy: "000001", number: "苏市监〔2024〕7号").isEmpty)
        #expect(!problems(number: "苏市监〔2024〕07号").isEmpty)
        #expect(!problems(number: "苏市监〔2024〕第7号").isEmpty)
        #expect(!problems(number: "苏市监[2024]7号").isEmpty)
        #expect(!problems(copy: "123", number: nil).isEmpty)
    }

    /// No tofu: characters no font covers are found, with their row.
    @Test func uncoveredCharactersAreReported() throws {
        let library = try FontLibrary(fontsDirectory: packageRoot.appendingPathComponent("Fonts"))
        #expect(library.uncoveredCharacters(in: "苏州𰀀测试公司 ABC（示例）", role: .fangsong) == ["𰀀"])
        #expect(library.uncoveredCharacters(in: "江苏省市场监督管理局", role: .xiaobiaosong).isEmpty)
        let dir = temporaryDirectory("fonts-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("rare.csv")
        try "recipient,programme,year\n苏州𰀀测试公司,中国质量奖,2024\n".write(to: csv, atomically: true, encoding: .utf8)
        let bad = try runTool(qbriefBinary().path, ["fonts", "--check", "--data", csv.path], cwd: packageRoot)
        #expect(bad.status == 65, "exit \(bad.status): \(bad.stderr)")
        #expect(bad.stderr.contains("rare.csv:2:3:") && bad.stderr.contains("U+30000"), "\(bad.stderr)")
        let good = try runTool(qbriefBinary().path, ["fonts", "--check", "--data", "Reports/sample/awards.csv"], cwd: packageRoot)
        #expect(good.status == 0, "\(good.stderr)")
    }

    /// `qbrief report --layout`: the neutral memo template (placeholders: exit 65) renders as
    /// a draft; memo without a `memo:` section is refused with a usage error.
    @Test func reportLayoutOption() throws {
        let dir = temporaryDirectory("memo-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("memo.pdf").path
        let unfinished = try runTool(qbriefBinary().path, ["report", "--data", "Reports/sample/awards.csv",
                                                           "--template", "Reports/templates/memo.yaml", "--out", out], cwd: packageRoot)
        #expect(unfinished.status == 65 && unfinished.stderr.contains("memo.issuer_mark is still the template placeholder “（发文机关）”"),
                "\(unfinished.stderr)")
        let ok = try runTool(qbriefBinary().path, ["report", "--data", "Reports/sample/awards.csv", "--draft",
                                                   "--template", "Reports/templates/memo.yaml", "--out", out], cwd: packageRoot)
        #expect(ok.status == 0, "\(ok.stderr)")
        let text = try runTool("pdftotext", ["-raw", out, "-"]).stdout
        #expect(text.contains("附件\n") && !text.contains("附件1") && text.contains("（发文机关）") && text.contains("草稿"), "\(text.prefix(300))")
        let attachment = try runTool(qbriefBinary().path, ["report", "--data", "Reports/sample/awards.csv", "--layout", "attachment", "--draft",
                                                           "--template", "Reports/templates/memo.yaml", "--out", out], cwd: packageRoot)
        #expect(attachment.status == 0, "\(attachment.stderr)")
        #expect(try runTool("pdftotext", ["-l", "1", out, "-"]).stdout.contains("（机关代字）〔2025〕1号附件\n"))
        let refused = try runTool(qbriefBinary().path, ["report", "--data", "Reports/sample/awards.csv", "--layout", "memo",
                                                        "--out", out], cwd: packageRoot)
        #expect(refused.status == 64 && refused.stderr.contains("memo:"), "\(refused.status) \(refused.stderr)")
    }
}

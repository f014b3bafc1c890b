import Foundation
import QualityBrief
import Testing
import TestSupport

/// The sample briefing, end to end: load the sample register, render through Pango and
/// Cairo, and check the PDF with poppler and qpdf.
@Suite(.serialized)
struct DemoBriefingTests {
    static let sampleCSV = packageRoot.appendingPathComponent("Reports/sample/awards.csv")
    static let template = packageRoot.appendingPathComponent("Reports/sample/briefing.yaml")

    /// Renders the demo once per test into a fresh folder.
    func renderDemo() throws -> (pdf: URL, pages: Int) {
        let register = try Register.load(urls: [Self.sampleCSV])
        let definition = try ReportDefinition.load(Self.template)
        let out = temporaryDirectory("demo").appendingPathComponent("briefing.pdf")
        let result = try Briefing(register: register, definition: definition)
            .render(to: out, fontsDirectory: packageRoot.appendingPathComponent("Fonts"))
        return (out, result.pageCount)
    }

    /// Sample rows read independently of the library (the sample has no quoted fields).
    func sampleRows() throws -> [[String]] {
        let text = try String(contentsOf: Self.sampleCSV, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func pdfPassesQpdfAndIsA4WithMetadata() throws {
        let (pdf, pages) = try renderDemo()
        let check = try runTool("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "qpdf --check: \(check.stdout) \(check.stderr)")
        let info = try runTool("pdfinfo", [pdf.path])
        #expect(pdfinfoField(info.stdout, "Page size") == "595.276 x 841.89 pts (A4)", "\(info.stdout)")
        #expect(pdfinfoField(info.stdout, "Pages") == "\(pages)")
        #expect(pages >= 4)
        #expect(pdfinfoField(info.stdout, "Title") == "全省质量奖获奖情况分析")
        #expect(pdfinfoField(info.stdout, "Author") == "江苏省质量发展工作示例单位")
        #expect(pdfinfoField(info.stdout, "Subject") == "质量工作简报 第12期")
        #expect(pdfinfoField(info.stdout, "Creator")?.hasPrefix("QualityBrief") == true)
        // The briefing's date, 2024-12-20 00:00 in China, pinned as the creation date.
        #expect(pdfinfoField(info.stdout, "CreationDate") == "Thu Dec 19 16:00:00 2024 UTC")
    }

    @Test func everyFontIsEmbeddedAndSubset() throws {
        let (pdf, _) = try renderDemo()
        let fonts = try runTool("pdffonts", [pdf.path])
        let rows = fonts.stdout.split(separator: "\n").dropFirst(2)
        #expect(rows.count >= 3, "expected several fonts: \(fonts.stdout)")
        for row in rows {
            let cols = row.split(separator: " ", omittingEmptySubsequences: true)
            // name type encoding emb sub uni object ID
            #expect(cols[0].contains("+"), "font not subset: \(row)")
            let flags = cols.suffix(5).prefix(3)  // emb sub uni
            #expect(Array(flags) == ["yes", "yes", "yes"], "font not embedded+subset+unicode: \(row)")
        }
    }

    @Test func textRecoversEveryRecipientAndTheSampleNotice() throws {
        let (pdf, pages) = try renderDemo()
        let raw = try runTool("pdftotext", ["-raw", "-enc", "UTF-8", pdf.path, "-"]).stdout
        let squeezed = raw.filter { !$0.isWhitespace }
        let rows = try sampleRows()
        #expect(rows.count == 320)
        var missing: [String] = []
        for r in rows where !squeezed.contains(r[1]) { missing.append(r[1]) }
        #expect(missing.isEmpty, "names not found in the PDF text: \(missing.prefix(10))")
        // 示例数据 on every page (running header), and the masthead parts on page 1.
        for page in 1...pages {
            let t = try runTool("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", pdf.path, "-"]).stdout
            #expect(t.contains("示例数据"), "page \(page) does not say 示例数据")
            // pdftotext drops the spaces of "— N —".
            #expect(t.filter { !$0.isWhitespace }.contains("—\(page)—"), "page \(page) lacks its number")
        }
        let first = try runTool("pdftotext", ["-f", "1", "-l", "1", "-enc", "UTF-8", pdf.path, "-"]).stdout
        for s in ["质量工作简报", "第12期", "2024年12月20日", "全省质量奖获奖情况分析", "一、总体情况"] {
            #expect(first.contains(s), "page 1 lacks \(s)")
        }
    }

    @Test func recipientTableRepeatsItsHeaderOnContinuationPages() throws {
        let (pdf, pages) = try renderDemo()
        var listPages: [Int] = []
        for page in 1...pages {
            let t = try runTool("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", pdf.path, "-"]).stdout
            if t.contains("获奖单位（个人）") { listPages.append(page) }
            if t.contains("续表") { #expect(t.contains("获奖单位（个人）") || t.contains("设区市"), "续表 without header on page \(page)") }
        }
        // 320 rows of about 21 pt do not fit on one page.
        #expect(listPages.count >= 3, "recipient list on pages \(listPages)")
        #expect(listPages == Array(listPages.first!...listPages.last!), "list pages not consecutive: \(listPages)")
    }

    @Test func sameInputGivesByteIdenticalPDF() throws {
        let a = try renderDemo().pdf
        let b = try renderDemo().pdf
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test func summaryNumbersComeFromTheData() throws {
        let rows = try sampleRows()
        let register = try Register.load(urls: [Self.sampleCSV])
        let definition = try ReportDefinition.load(Self.template)
        let summary = try Briefing(register: register, definition: definition).summary().joined()
        let total = rows.count
        let nominations = rows.filter { $0[4] == "nomination" }.count
        #expect(summary.contains("获得质量奖励\(total)项"), "\(summary)")
        #expect(summary.contains("含提名奖\(nominations)项"), "\(summary)")
        // Manufacturing: sector codes starting with C.
        let manufacturing = rows.filter { $0[6].hasPrefix("C") }.count
        #expect(summary.contains("制造业获奖最多（\(manufacturing)项"), "\(summary)")
        // Change of the latest year against the one before, counted here by hand.
        let years = rows.map { Int($0[5])! }
        let latest = years.max()!
        let previous = years.filter { $0 < latest }.max()!
        let n = years.filter { $0 == latest }.count, p = years.filter { $0 == previous }.count
        #expect(summary.contains("\(latest)年获奖\(n)项"), "\(summary)")
        if n != p { #expect(summary.contains("比\(previous)年\(n > p ? "增加" : "减少")\(abs(n - p))项"), "\(summary)") }
    }

    /// Page 1 compared with the committed reference (Tests/QualityBriefTests/Reference/README.md
    /// records the versions): rendered at 30 dpi in grey, the mean absolute difference must stay
    /// under 2 grey levels and at most 0.5 % of pixels may differ by more than 64.
    @Test func pageOneMatchesTheReferenceImage() throws {
        let (pdf, _) = try renderDemo()
        let dir = temporaryDirectory("p1")
        let stem = dir.appendingPathComponent("page").path
        try runTool("pdftoppm", ["-r", "30", "-gray", "-f", "1", "-l", "1", "-singlefile", pdf.path, stem])
        let actualURL = URL(fileURLWithPath: stem + ".pgm")
        let referenceURL = packageRoot.appendingPathComponent("Tests/QualityBriefTests/Reference/page-1-30dpi.pgm")
        if ProcessInfo.processInfo.environment["QBRIEF_UPDATE_REFERENCE"] == "1" {
            try? FileManager.default.removeItem(at: referenceURL)
            try FileManager.default.createDirectory(at: referenceURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: actualURL, to: referenceURL)
        }
        let actual = try readGreyPGM(actualURL)
        let reference = try readGreyPGM(referenceURL)
        let diff = try #require(GreyDifference(actual, reference), "page 1 differs in size from the reference")
        #expect(diff.mean < 2.0, "mean difference \(diff.mean)")
        #expect(diff.share(over: 64) < 0.005, "share of pixels off by more than 64: \(diff.share(over: 64))")
        // The page is not blank: the red masthead and text are there.
        #expect(actual.pixels.filter { $0 < 128 }.count > 500)
    }
}

import Foundation
import QualityBrief
import Testing
import TestSupport

/// Tagged PDF and PDF/A-2b, read back by tools that share no code with the writer: poppler's
/// `pdfinfo -struct-text`, qpdf, pikepdf's PDF/A validator and Apache PDFBox Preflight.
/// Every tool is installed by `make test`; a missing one fails the test.
@Suite(.serialized)
struct TaggedPDFTests {
    static let sampleCSV = packageRoot.appendingPathComponent("Reports/sample/awards.csv")
    static let fonts = packageRoot.appendingPathComponent("Fonts")

    func render(_ template: String, _ options: PDFOptions = PDFOptions(), name: String = "out.pdf") throws -> URL {
        let register = try Register.load(urls: [Self.sampleCSV])
        var definition = try ReportDefinition.load(packageRoot.appendingPathComponent("Reports/sample/\(template)"))
        definition.date = "2024-12-20"
        let out = temporaryDirectory("tagged").appendingPathComponent(name)
        try Briefing(register: register, definition: definition).render(to: out, fontsDirectory: Self.fonts, pdfOptions: options)
        return out
    }

    /// `pdfinfo -struct-text`, one trimmed line per entry.
    func structure(_ pdf: URL) throws -> [String] {
        let r = try runTool("pdfinfo", ["-struct-text", pdf.path])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Index of the first line equal to `s` after `start`; fails the test if there is none.
    func position(_ lines: [String], _ s: String, after start: Int = -1) -> Int {
        let i = lines.indices.first { $0 > start && lines[$0] == s }
        #expect(i != nil, "“\(s)” not found after line \(start)")
        return i ?? Int.max / 2
    }

    @Test func briefingReadsInOrderWithHeadingsTableCellsAndFigures() throws {
        let pdf = try render("briefing.yaml")
        let info = try runTool("pdfinfo", [pdf.path])
        #expect(pdfinfoField(info.stdout, "Tagged") == "yes")
        #expect(pdfinfoField(info.stdout, "Metadata Stream") == "yes")
        let lines = try structure(pdf)
        #expect(lines.first == "Document")
        // Masthead, title, then the sections in the order the briefing prints them.
        var at = position(lines, "\"质量工作简报\"")
        at = position(lines, "\"第12期\"", after: at)
        at = position(lines, "H1 (block)", after: at)
        at = position(lines, "\"全省质量奖获奖情况分析\"", after: at)
        for heading in ["一、总体情况", "二、地区分布", "三、行业分布", "四、年度趋势", "五、奖项构成", "六、获奖名单"] {
            at = position(lines, "H2 (block)", after: at)
            #expect(lines[at + 1] == "\"\(heading)\"", "H2 at line \(at): \(lines[at + 1])")
        }
        // 表1: caption, six column headers with /Scope /Column, then 苏州市's row (sample data:
        // 3 中国质量奖, 17 省长质量奖, 47 市长质量奖, 67 in all, 20.9 %).
        let table = position(lines, "Table (block)")
        #expect(lines[table + 1] == "Caption" && lines[table + 2] == "\"表1　各设区市获奖情况（单位：项）\"")
        let head = position(lines, "THead", after: table)
        var th = head
        for title in ["设区市", "中国质量奖", "江苏省省长质量奖", "市长质量奖", "合计", "占比"] {
            th = position(lines, "TH:", after: th)
            #expect(lines[th + 1] == "/Scope /Column" && lines[th + 2] == "\"\(title)\"", "\(lines[th...(th + 2)])")
        }
        let suzhou = position(lines, "\"苏州市\"", after: position(lines, "TBody", after: head))
        let cells = (1...5).map { lines[suzhou + 2 * $0] }
        #expect(cells == ["\"3\"", "\"17\"", "\"47\"", "\"67\"", "\"20.9%\""], "\(cells)")
        // Four charts, each a Figure whose text is read in place.
        #expect(lines.filter { $0 == "Figure" }.count == 4)
        // Page numbers and the running header stay out of the tree.
        let text = try runTool("pdftotext", ["-f", "2", "-l", "2", pdf.path, "-"]).stdout
        let header = try #require(text.split(separator: "\n").first { $0.contains("示例数据") })
            .trimmingCharacters(in: .whitespaces)
        #expect(lines.filter { $0.contains("— 2 —") || $0.contains("—2—") }.isEmpty)
        // The same notice is in the masthead on page 1 (once in the tree), and the running header of
        // every later page (not in the tree).
        #expect(lines.filter { $0 == "\"\(header)\"" }.count == 1, "\(header)")
    }

    @Test func memoReadsInOrderWithItsAttachmentAndEndBlock() throws {
        let pdf = try render("memo.yaml")
        let lines = try structure(pdf)
        var at = position(lines, "\"江苏省市场监督管理局（示例）\"")
        at = position(lines, "\"苏市监〔2024〕7号\"", after: at)
        at = position(lines, "H1 (block)", after: at)
        at = position(lines, "\"关于印发全省质量奖获奖情况分析（示例）的通知\"", after: at)
        at = position(lines, "\"一、基本情况\"", after: at)
        #expect(lines[at - 1] == "H2 (block)")
        at = position(lines, "\"（一）加强培育\"", after: at)
        #expect(lines[at - 1] == "H3 (block)")
        at = position(lines, "\"附件：全省质量奖获奖情况分析\"", after: at)
        at = position(lines, "Sect", after: at)
        #expect(lines[at + 2] == "\"附件\"" && lines[at + 3] == "H1 (block)" && lines[at + 4] == "\"全省质量奖获奖情况分析\"")
        at = position(lines, "Table (block)", after: at)
        at = position(lines, "Sect", after: at)
        #expect(lines[at + 2].hasPrefix("\"抄送："))
        #expect(lines.last == "\"2024年12月20日印发\"")
        #expect(lines.filter { $0.contains("— 1 —") || $0.contains("—1—") }.isEmpty)
    }

    /// The Python with pikepdf that `make test` sets up.
    func pikepdfPython() throws -> String {
        let python = packageRoot.appendingPathComponent(".build/pdfa-venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw ToolError.missing("pikepdf in .build/pdfa-venv (`make test` installs it)")
        }
        return python
    }

    @Test(arguments: ["briefing.yaml", "memo.yaml"])
    func pdfaPassesPikepdfsValidatorAndIsReproducible(template: String) throws {
        let qbrief = try qbriefBinary().path
        let dir = temporaryDirectory("pdfa")
        let a = dir.appendingPathComponent("a.pdf"), b = dir.appendingPathComponent("b.pdf")
        for out in [a, b] {
            let r = try runTool(qbrief, ["report", "--data", Self.sampleCSV.path, "--template",
                                         packageRoot.appendingPathComponent("Reports/sample/\(template)").path,
                                         "--date", "2024-12-20", "--out", out.path, "--pdfa"], cwd: packageRoot)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try Data(contentsOf: a) == Data(contentsOf: b), "same input and date, different bytes")
        let check = try runTool("qpdf", ["--check", a.path])
        #expect(check.status == 0, "qpdf --check: \(check.stdout) \(check.stderr)")
        let script = """
        import sys, pikepdf, pikepdf.pdfa
        report = pikepdf.pdfa.validate_written(sys.argv[1], '2b')
        for f in report.findings: print('FINDING', f.kind, f.rule, f.where, f.message)
        pdf = pikepdf.open(sys.argv[1])
        print('LANG', pdf.Root.Lang)
        print('ID', bytes(pdf.trailer.ID[0]).hex())
        print('INTENT', pdf.Root.OutputIntents[0].OutputConditionIdentifier)
        with pdf.open_metadata() as meta:
            print('PDFAID', meta.get('pdfaid:part'), meta.get('pdfaid:conformance'))
            print('TITLE', meta.get('dc:title'))
        """
        let r = try runTool("/usr/bin/env", [try pikepdfPython(), "-c", script, a.path])
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout.split(separator: "\n").map(String.init)
        #expect(out.filter { $0.hasPrefix("FINDING") }.isEmpty, "\(out)")
        #expect(out.contains("LANG zh-CN"))
        #expect(out.contains("INTENT sRGB IEC61966-2.1"))
        #expect(out.contains("PDFAID 2 B"))
        #expect(out.contains("TITLE 全省质量奖获奖情况分析") || out.contains("TITLE 关于印发全省质量奖获奖情况分析（示例）的通知"), "\(out)")
        #expect(out.contains { $0.hasPrefix("ID ") && $0.count == 3 + 32 })
    }

    @Test func figuresCarryAlternativeTextFromTheirData() throws {
        let pdf = try render("briefing.yaml")
        let script = """
        import sys, pikepdf
        pdf = pikepdf.open(sys.argv[1])
        def walk(e):
            if '/Alt' in e: print(str(e.S), str(e.Alt))
            if '/A' in e and '/Scope' in e.A: print(str(e.S), str(e.A.Scope))
            k = e.get('/K')
            for c in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
                if isinstance(c, pikepdf.Dictionary) and '/S' in c: walk(c)
        walk(pdf.Root.StructTreeRoot)
        """
        let r = try runTool("/usr/bin/env", [try pikepdfPython(), "-c", script, pdf.path])
        #expect(r.status == 0, "\(r.stderr)")
        let figures = r.stdout.split(separator: "\n").filter { $0.hasPrefix("/Figure ") }
        #expect(figures.count == 4)
        // 图1 by city, largest first (sample data: 苏州 67, 南京 46, 无锡 44 …, 连云港 8).
        #expect(figures.first?.hasPrefix("/Figure 图1　各设区市获奖数量：苏州67项、南京46项、无锡44项、") == true, "\(figures)")
        #expect(figures.first?.hasSuffix("、连云港8项") == true)
        // 图3 is a time series: years in order.
        #expect(figures.contains { $0.contains("：2012年：26项、2013年：24项、") })
        #expect(r.stdout.split(separator: "\n").filter { $0 == "/TH /Column" }.count >= 6)
    }

    @Test func pdfboxPreflightFindsOnlyWhatPDFA1AloneForbids() throws {
        let pdf = try render("briefing.yaml", PDFOptions(archival: true))
        let jars = ["preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api"]
            .map { "/usr/share/java/\($0).jar" }
        for jar in jars where !FileManager.default.fileExists(atPath: jar) { throw ToolError.missing(jar) }
        let r = try runTool("java", ["-cp", jars.joined(separator: ":"), "org.apache.pdfbox.preflight.Validator_A1b", pdf.path])
        #expect(r.stdout.contains("is not a valid PDF/A-1b file"), "Preflight did not run: \(r.stdout) \(r.stderr)")
        // Preflight checks PDF/A-1b. What it reports for this PDF/A-2b file is what part 2 allows:
        // 2.2.1 page transparency groups (cairo's), 3.1.11 a missing CIDSet (optional in part 2),
        // 7.11.2 pdfaid:part 2.
        let codes = Set(r.stdout.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ", maxSplits: 2)
            return parts.count == 3 && parts[1] == ":" ? String(parts[0]) : nil
        })
        #expect(!codes.isEmpty)
        #expect(codes.isSubset(of: ["2.2.1", "3.1.11", "7.11.2"]), "\(r.stdout)")
    }

    @Test(arguments: ["briefing.yaml", "memo.yaml"])
    func taggedPagesDrawTheSamePixelsAsUntagged(template: String) throws {
        let tagged = try render(template, name: "tagged.pdf")
        let plain = try render(template, PDFOptions(tagged: false), name: "plain.pdf")
        let info = try runTool("pdfinfo", [plain.path])
        #expect(pdfinfoField(info.stdout, "Tagged") == "no")
        let dir = temporaryDirectory("pixels")
        try runTool("pdftoppm", ["-r", "100", "-gray", tagged.path, dir.appendingPathComponent("t").path])
        try runTool("pdftoppm", ["-r", "100", "-gray", plain.path, dir.appendingPathComponent("p").path])
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("t-") }.sorted()
        #expect(names.count == Int(pdfinfoField(info.stdout, "Pages") ?? "0"))
        for name in names {
            let a = try readGreyPGM(dir.appendingPathComponent(name))
            let b = try readGreyPGM(dir.appendingPathComponent("p" + name.dropFirst()))
            let d = try #require(GreyDifference(a, b))
            // Tagging regroups text drawing at element boundaries; glyph positions may round a
            // little differently in the content stream, nothing moves: at 100 dpi at most 0.05 %
            // of the pixels differ by more than 16 grey levels.
            #expect(d.share(over: 16) <= 0.0005, "\(name): \(d.count(over: 16)) pixels, worst \(d.worst)")
        }
    }
}

import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import Testing

/// PDF, PNG and SVG output checked with poppler-utils, qpdf and a PNG decoder.
struct PDFOutputTests {
    func renderSample(_ dir: URL, name: String = "brief.pdf") throws -> URL {
        let url = dir.appendingPathComponent(name)
        let files = try renderPages(samplePages(), to: url, format: .pdf, metadata: sampleMetadata, library: sharedLibrary)
        #expect(files == [url])
        return url
    }

    @Test func pdfIsValidA4WithMetadata() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let pdf = try renderSample(dir)
        #expect(directoryListing(dir) == ["brief.pdf"], "temporary files left: \(directoryListing(dir))")
        try runTool("qpdf", ["--check", pdf.path])
        let info = try pdfinfo(pdf)
        #expect(info["Pages"] == "2", "\(info)")
        #expect(info["Page size"] == "595.276 x 841.89 pts (A4)", "\(info)")
        #expect(info["Title"] == "质量工作简报（测试）", "\(info)")
        #expect(info["Author"] == "江苏省市场监督管理局", "\(info)")
        #expect(info["Subject"] == "渲染测试", "\(info)")
        #expect(info["Keywords"] == "质量奖,简报", "\(info)")
        #expect(info["Creator"] == "QualityBrief", "\(info)")
        #expect(info["CreationDate"] == "2024-12-20T00:00:00+08", "\(info)")
        #expect(info["ModDate"] == "2024-12-20T00:00:00+08", "\(info)")
    }

    /// `pdfinfo -isodates` as key → value (values trimmed).
    func pdfinfo(_ pdf: URL, _ extra: [String] = []) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try runTool("pdfinfo", ["-isodates"] + extra + [pdf.path]).stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    @Test func fontsAreEmbeddedSubsetUnicode() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let pdf = try renderSample(dir)
        let lines = try runTool("pdffonts", [pdf.path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(lines.count >= 3, "fonts: \(lines)")
        for line in lines {
            // name type encoding emb sub uni object ID
            let cols = line.split(separator: " ", omittingEmptySubsequences: true)
            let flags = cols.suffix(5).prefix(3)
            #expect(Array(flags) == ["yes", "yes", "yes"], "font not embedded/subset/unicode: \(line)")
        }
        let all = lines.joined(separator: "\n")
        // 仿宋 and 楷体 are the Fandol faces from `make fonts`; 宋体 and 黑体 Noto.
        #expect(all.contains("NotoSerifCJK") && all.contains("NotoSansCJK") && all.contains("FandolFang")
                && all.contains("FandolKai"), "\(all)")
    }

    @Test func textIsRecoverable() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let pdf = try renderSample(dir)
        let text = try runTool("pdftotext", ["-layout", pdf.path, "-"]).stdout
        for s in ["质量工作简报", "关于全省质量奖获奖情况的报告", "一、总体情况", "（一）获奖数量",
                  "仿宋正文：全省累计获奖组织一百二十家。", "苏州市获奖最多，南京市次之。", "Bold 2024"] {
            #expect(text.contains(s), "pdftotext lost \(s)")
        }
        let compact = text.filter { !$0.isWhitespace }
        #expect(compact.contains(justifiedText), "justified line not recovered")
        #expect(compact.contains("—1—") && compact.contains("—2—"), "page numbers lost")
    }

    @Test func outlineAndPageLabels() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let pdf = try renderSample(dir)
        let json = try runTool("qpdf", ["--json", "--json-key=outlines", "--json-key=pagelabels", pdf.path]).stdout
        #expect(json.contains("关于全省质量奖获奖情况的报告"), "\(json)")
        #expect(json.contains("一、总体情况") && json.contains("二、地区分布"))
        // Nesting: level-2 entries are kids of the level-1 entry.
        let data = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let outlines = data["outlines"] as! [[String: Any]]
        #expect(outlines.count == 1)
        let kids = (outlines.first?["kids"] as? [[String: Any]]) ?? []
        #expect(kids.compactMap { $0["title"] as? String } == ["一、总体情况", "二、地区分布"])
        #expect((outlines.first?["destpageposfrom1"] as? Int) == 1)
        #expect((kids.last?["destpageposfrom1"] as? Int) == 2)
        let labels = data["pagelabels"] as? [[String: Any]] ?? []
        #expect(labels.count >= 1, "no page labels: \(json)")
    }

    @Test func sameInputSameBytes() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let a = try Data(contentsOf: renderSample(dir, name: "a.pdf"))
        let b = try Data(contentsOf: renderSample(dir, name: "b.pdf"))
        #expect(a == b, "two renderings differ (\(a.count) vs \(b.count) bytes)")
    }

    /// The justified line's last glyph ends at origin.x + justifyWidth (poppler's word boxes
    /// use glyph advances; tolerance 0.05 pt).
    @Test func justifiedLineEndsAtTheMeasure() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let pdf = try renderSample(dir)
        let boxes = try wordBoxes(pdf)
        let onLine = boxes.filter { abs($0.yMax - justifiedOrigin.y) < 8 }
        let joined = onLine.map(\.text).joined()
        #expect(joined == justifiedText, "words on the justified line: \(joined)")
        let start = onLine.map(\.xMin).min() ?? 0, end = onLine.map(\.xMax).max() ?? 0
        #expect(abs(start - justifiedOrigin.x) < 0.05, "starts at \(start)")
        #expect(abs(end - (justifiedOrigin.x + justifiedWidth)) < 0.05,
                "ends at \(end), expected \(justifiedOrigin.x + justifiedWidth)")
        // The natural width is shorter, so the spreading really happened.
        let natural = measurer.width(justifiedText, font: FontSpec(role: .fangsong, size: 16))
        #expect(natural < justifiedWidth - 30)
    }

    /// What the measurer says is what the PDF gets: for mixed Chinese/Latin lines in every
    /// role, the drawn extent equals the measured width (tolerance 0.05 pt).
    @Test func measuredWidthMatchesDrawnWidth() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let sample = "质量AVTo工作2024年增长12.5%（苏州）"
        var items: [PageItem] = []
        var expected: [(y: Double, width: Double)] = []
        for (i, role) in FontRole.allCases.enumerated() {
            for bold in [false, true] {
                let y = 80 + Double(i * 2 + (bold ? 1 : 0)) * 40
                items.append(text(sample, role, 16, x: 60, y: y, bold: bold))
                expected.append((y, measurer.width(sample, font: FontSpec(role: role, size: 16, bold: bold))))
            }
        }
        let url = dir.appendingPathComponent("w.pdf")
        _ = try renderPages([LaidOutPage(index: 0, size: a4, items: items, label: "1")], to: url, format: .pdf,
                            metadata: sampleMetadata, library: sharedLibrary)
        let boxes = try wordBoxes(url)
        for (y, width) in expected {
            let line = boxes.filter { abs($0.yMax - y) < 8 }
            let drawn = (line.map(\.xMax).max() ?? 0) - (line.map(\.xMin).min() ?? 0)
            #expect(abs(drawn - width) < 0.05, "line at \(y): drawn \(drawn), measured \(width)")
        }
    }

    /// Word boxes from `pdftotext -bbox` of page 1.
    func wordBoxes(_ pdf: URL) throws -> [(xMin: Double, xMax: Double, yMax: Double, text: String)] {
        let html = try runTool("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf.path, "-"]).stdout
        var boxes: [(xMin: Double, xMax: Double, yMax: Double, text: String)] = []
        for line in html.split(separator: "\n") where line.contains("<word ") {
            func attr(_ n: String) -> Double? {
                guard let r = line.range(of: "\(n)=\"") else { return nil }
                return Double(line[r.upperBound...].prefix { $0 != "\"" })
            }
            let text = line.split(separator: ">").dropFirst().first?.split(separator: "<").first.map(String.init) ?? ""
            if let a = attr("xMin"), let b = attr("xMax"), let y = attr("yMax") { boxes.append((a, b, y, text)) }
        }
        return boxes
    }

    @Test func pageSizeFollowsEachPage() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        var pages = samplePages()
        pages[1].size = Size(width: 841.89, height: 595.276)  // landscape second page
        let url = dir.appendingPathComponent("mixed.pdf")
        _ = try renderPages(pages, to: url, format: .pdf, metadata: sampleMetadata, library: sharedLibrary)
        let info = try pdfinfo(url, ["-f", "1", "-l", "2"])
        #expect(info["Page    1 size"] == "595.276 x 841.89 pts (A4)", "\(info)")
        #expect(info["Page    2 size"] == "841.89 x 595.276 pts (A4)", "\(info)")
    }
}

struct RasterOutputTests {
    @Test func pngPagesAtResolution() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let writer = try CairoPageWriter(url: dir.appendingPathComponent("out.png"), format: .png,
                                         metadata: sampleMetadata, library: sharedLibrary, pngResolution: 150)
        for page in samplePages() { try writer.consume(page) }
        #expect(directoryListing(dir).allSatisfy { $0.hasPrefix(".") }, "files visible before finish()")
        let files = try writer.finish()
        #expect(files.map(\.lastPathComponent) == ["out-1.png", "out-2.png"])
        #expect(directoryListing(dir) == ["out-1.png", "out-2.png"])
        // BRIEFCAIRO_KEEP=DIR keeps the pages for a look.
        if let keep = ProcessInfo.processInfo.environment["BRIEFCAIRO_KEEP"] {
            for f in files { try? FileManager.default.copyItem(at: f, to: URL(fileURLWithPath: keep).appendingPathComponent(f.lastPathComponent)) }
        }
        for file in files {
            let size = try pngSize(file)
            #expect(size.width == 1240 && size.height == 1754, "\(file.lastPathComponent): \(size)")
        }
        let s = 150.0 / 72
        let inRed = (Int((redRect.x + redRect.width / 2) * s), Int((redRect.y + redRect.height / 2) * s))
        let margin = (20, 20)
        let px = try pngPixels(files[0], [inRed, margin])
        // officialRed = #E60012
        #expect(px[0].count >= 3 && px[0][0] == 0xE6 && px[0][1] == 0x00 && px[0][2] == 0x12, "red rect pixel \(px[0])")
        #expect(px[1].prefix(3).allSatisfy { $0 == 255 }, "background pixel \(px[1])")
    }

    @Test func pngTextHasInk() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let page = LaidOutPage(index: 0, size: Size(width: 200, height: 60),
                               items: [text("质量", .heiti, 40, x: 10, y: 45)], label: "1")
        let files = try renderPages([page], to: dir.appendingPathComponent("t.png"), format: .png,
                                    metadata: sampleMetadata, library: sharedLibrary)
        // Sample a row through the middle of the glyphs: some pixels must be dark.
        let s = 150.0 / 72
        let row = (0..<80).map { (Int((10 + Double($0)) * s), Int(30 * s)) }
        let px = try pngPixels(files[0], row)
        #expect(px.contains { $0[0] < 80 && $0[1] < 80 && $0[2] < 80 }, "no ink where 质量 should be")
    }

    @Test func svgPages() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let files = try renderPages(samplePages(), to: dir.appendingPathComponent("out.svg"), format: .svg,
                                    metadata: sampleMetadata, library: sharedLibrary)
        #expect(files.map(\.lastPathComponent) == ["out-1.svg", "out-2.svg"])
        #expect(directoryListing(dir) == ["out-1.svg", "out-2.svg"])
        for file in files {
            let s = try String(contentsOf: file, encoding: .utf8)
            #expect(s.hasPrefix("<?xml") && s.contains("<svg") && s.contains("</svg>"))
            #expect(s.contains("595.276") && s.contains("841.89") || s.contains("595.28"), "page size missing")
        }
    }
}

struct FailureTests {
    @Test func missingDirectoryFailsUpFront() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let url = dir.appendingPathComponent("no/such/dir/out.pdf")
        #expect(throws: RenderError.self) {
            _ = try CairoPageWriter(url: url, format: .pdf, metadata: sampleMetadata, library: sharedLibrary)
        }
        #expect(directoryListing(dir).isEmpty)
    }

    @Test(arguments: OutputFormat.allCases)
    func abandonedWriterLeavesNothing(format: OutputFormat) throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        struct Boom: Error {}
        var writer: CairoPageWriter? = try CairoPageWriter(url: dir.appendingPathComponent("out.\(format.rawValue)"),
                                                           format: format, metadata: sampleMetadata, library: sharedLibrary)
        // A sink that fails on the second page, as layout would on a block too large.
        var sink = writer!
        do {
            for (i, page) in samplePages().enumerated() {
                if i == 1 { throw Boom() }
                try sink.consume(page)
            }
            Issue.record("expected a failure")
        } catch is Boom {}
        sink = try CairoPageWriter(url: dir.appendingPathComponent("other.pdf"), format: .pdf,
                                   metadata: sampleMetadata, library: sharedLibrary)
        writer = nil
        _ = sink
        // The second writer's temporary file (`.qbrief-tmp-PID-N-other.pdf`) is still open.
        #expect(directoryListing(dir).filter { !($0.hasPrefix(CairoPageWriter.temporaryPrefix) && $0.hasSuffix("-other.pdf")) }.isEmpty,
                "left behind: \(directoryListing(dir))")
    }

    @Test func finishWithoutPagesFailsAndCleansUp() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let writer = try CairoPageWriter(url: dir.appendingPathComponent("empty.pdf"), format: .pdf,
                                         metadata: sampleMetadata, library: sharedLibrary)
        #expect(throws: RenderError.self) { _ = try writer.finish() }
        #expect(directoryListing(dir).isEmpty)
        #expect(throws: RenderError.self) { try writer.consume(samplePages()[0]) }
    }

    @Test func existingFileIsReplacedOnlyOnSuccess() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let url = dir.appendingPathComponent("keep.pdf")
        try Data("old".utf8).write(to: url)
        do {
            let writer = try CairoPageWriter(url: url, format: .pdf, metadata: sampleMetadata, library: sharedLibrary)
            try writer.consume(samplePages()[0])
        }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        _ = try renderPages(samplePages(), to: url, format: .pdf, metadata: sampleMetadata, library: sharedLibrary)
        #expect(try Data(contentsOf: url).prefix(5) == Data("%PDF-".utf8))
        #expect(directoryListing(dir) == ["keep.pdf"])
    }
}

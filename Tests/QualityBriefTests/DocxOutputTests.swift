import Foundation
import QualityBrief
import Testing
import ZIPFoundation

/// `--format docx` and `Briefing.render(format: .docx)`: charts drawn through the PNG
/// renderer at 300 dpi, the same bytes for the same input, the PDF's error for a bad path.
@Suite(.serialized)
struct DocxOutputTests {
    static let sampleCSV = packageRoot.appendingPathComponent("Reports/sample/awards.csv")

    static func briefing() throws -> Briefing {
        let register = try Register.load(urls: [sampleCSV])
        let definition = try ReportDefinition.load(packageRoot.appendingPathComponent("Reports/sample/briefing.yaml"))
        return Briefing(register: register, definition: definition)
    }

    /// Width and height of a PNG from its IHDR chunk.
    static func pngSize(_ d: Data) -> (Int, Int) {
        let b = [UInt8](d.prefix(24))
        func be(_ i: Int) -> Int { b[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    static func charts(_ blocks: [Block]) -> [ChartSpec] {
        blocks.flatMap { b -> [ChartSpec] in
            switch b {
            case .chart(let c): return [c]
            case .keepTogether(let inner): return charts(inner)
            default: return []
            }
        }
    }

    @Test func chartsArePicturesAt300DotsPerInchAndTheFileIsReproducible() throws {
        let briefing = try Self.briefing()
        let dir = temporaryDirectory("docx-api")
        let a = dir.appendingPathComponent("a.docx"), b = dir.appendingPathComponent("b.docx")
        let result = try briefing.render(to: a, format: .docx)
        _ = try briefing.render(to: b, format: .docx)
        #expect(result.files == [a])
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        // The page count reported is the PDF's for the same document.
        let pdf = try briefing.render(to: dir.appendingPathComponent("c.pdf"))
        #expect(result.pageCount == pdf.pageCount)
        let charts = Self.charts(try briefing.document().blocks)
        let archive = try Archive(url: a, accessMode: .read)
        let media = archive.filter { $0.path.hasPrefix("word/media/") }.map(\.path).sorted {
            $0.count != $1.count ? $0.count < $1.count : $0 < $1
        }
        #expect(media.count == charts.count && !charts.isEmpty)
        // 156 mm = 442.2 pt wide at 300 dpi: 1843 pixels; the chart's height likewise.
        for (path, chart) in zip(media, charts) {
            var png = Data()
            _ = try archive.extract(try #require(archive[path])) { png.append($0) }
            let (w, h) = Self.pngSize(png)
            #expect(w == Int((156 / 25.4 * 300).rounded()), "\(path)")
            #expect(h == Int((chart.height * 300 / 72).rounded()), "\(path)")
        }
    }

    @Test func cliWritesDocxAndReportsABadPathAsForPDF() throws {
        let bin = try qbriefBinary().path
        let dir = temporaryDirectory("docx-cli")
        let out = dir.appendingPathComponent("简报.docx")
        let ok = try runTool(bin, ["report", "--data", Self.sampleCSV.path, "--out", out.path, "--date", "2024-12-20", "--unit", "质量发展处"], cwd: packageRoot)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains(out.path))
        let head = try FileHandle(forReadingFrom: out).readData(ofLength: 4)
        #expect([UInt8](head) == [0x50, 0x4B, 0x03, 0x04])  // a ZIP local file header
        // The same bytes in another time zone (entries are stamped with the date in UTC).
        let elsewhere = dir.appendingPathComponent("elsewhere.docx")
        let ny = try runTool(bin, ["report", "--data", Self.sampleCSV.path, "--out", elsewhere.path, "--date", "2024-12-20", "--unit", "质量发展处"],
                             cwd: packageRoot, env: ["TZ": "America/New_York"])
        #expect(ny.status == 0, "\(ny.stderr)")
        #expect(try Data(contentsOf: elsewhere) == Data(contentsOf: out))
        try FileManager.default.removeItem(at: elsewhere)
        var messages: [String] = []
        for ext in ["pdf", "docx"] {
            let bad = dir.appendingPathComponent("missing/out.\(ext)")
            let r = try runTool(bin, ["report", "--data", Self.sampleCSV.path, "--out", bad.path, "--format", ext,
                                      "--unit", "质量发展处"], cwd: packageRoot)
            #expect(r.status == 64, "\(ext): \(r.stderr)")  // the output name is checked before anything is read
            messages.append(r.stderr.replacingOccurrences(of: ".\(ext)", with: ".EXT"))
        }
        #expect(messages[0] == messages[1])
        #expect(messages[1].contains("the folder of \(dir.path)/missing/out.EXT, \(dir.path)/missing, does not exist"), "\(messages[1])")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["简报.docx"])
    }
}

import Foundation
import QualityBrief
import Testing

/// The `qbrief` executable: exit codes, messages, outputs.
@Suite(.serialized)
struct CLITests {
    @Test func demoWritesAPDF() throws {
        let out = temporaryDirectory("cli").appendingPathComponent("demo.pdf")
        let r = try runTool(try qbriefBinary().path, ["demo", "--out", out.path], cwd: packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(out.path))
        let head = try FileHandle(forReadingFrom: out).readData(ofLength: 5)
        #expect(String(decoding: head, as: UTF8.self) == "%PDF-")
    }

    @Test func usageErrorsExit64() throws {
        let bin = try qbriefBinary().path
        let noData = try runTool(bin, ["stats", "--by", "region"], cwd: packageRoot)
        #expect(noData.status == 64)
        #expect(noData.stderr.contains("--data"))
        let badBy = try runTool(bin, ["stats", "--data", "Reports/sample/awards.csv", "--by", "colour"], cwd: packageRoot)
        #expect(badBy.status == 64)
        let badDate = try runTool(bin, ["report", "--data", "Reports/sample/awards.csv", "--out", "/tmp/x.pdf", "--date", "2024/1/1"], cwd: packageRoot)
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("YYYY-MM-DD"))
    }

    /// `--dpi` sets the PNG resolution: A4 (595.3 × 841.9 pt) at 72 dpi is 595 × 842 pixels,
    /// at 36 dpi half that; `--dpi` with PDF output or out of range is a usage error.
    @Test func pngPagesAtTheChosenResolution() throws {
        let bin = try qbriefBinary().path
        let dir = temporaryDirectory("cli-dpi")
        func size(_ url: URL) throws -> (Int, Int) {
            let d = [UInt8](try Data(contentsOf: url).prefix(24))
            func be(_ i: Int) -> Int { d[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
            return (be(16), be(20))
        }
        for (dpi, expected) in [("72", (595, 842)), ("36", (298, 421))] {
            let stem = dir.appendingPathComponent("p\(dpi).png")
            let r = try runTool(bin, ["report", "--data", "Reports/sample/awards.csv", "--out", stem.path, "--dpi", dpi, "--unit", "某局"], cwd: packageRoot)
            #expect(r.status == 0, "\(r.stderr)")
            let first = dir.appendingPathComponent("p\(dpi)-1.png")
            let got = try size(first)
            #expect(got.0 == expected.0 && got.1 == expected.1, "--dpi \(dpi): \(got)")
        }
        let pdf = try runTool(bin, ["report", "--data", "Reports/sample/awards.csv", "--out", dir.appendingPathComponent("x.pdf").path, "--dpi", "300"], cwd: packageRoot)
        #expect(pdf.status == 64)
        #expect(pdf.stderr.contains("--dpi applies to PNG"))
        let tiny = try runTool(bin, ["report", "--data", "Reports/sample/awards.csv", "--out", dir.appendingPathComponent("y.png").path, "--dpi", "5"], cwd: packageRoot)
        #expect(tiny.status == 64)
    }

    @Test func badDataExits65WithLocatedMessageAndNoOutput() throws {
        let dir = temporaryDirectory("cli-bad")
        let csv = dir.appendingPathComponent("bad.csv")
        try "recipient,programme,year,region_code\n甲公司,中国质量奖,2020,320500\n乙公司,中国质量奖,二〇二〇,320500\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.pdf")
        let r = try runTool(try qbriefBinary().path, ["report", "--data", csv.path, "--out", out.path], cwd: packageRoot)
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(csv.path):3:3: error:"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let v = try runTool(try qbriefBinary().path, ["validate", "--data", csv.path], cwd: packageRoot)
        #expect(v.status == 65)
        #expect(v.stdout.contains("\(csv.path):3:3: error:"))
    }

    @Test func statsByRegionCountsTheSample() throws {
        let r = try runTool(try qbriefBinary().path, ["stats", "--data", "Reports/sample/awards.csv", "--by", "region", "--format", "csv"], cwd: packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "key,label,count,share_percent")
        // Hand count from the sample file: rows whose region code is in 苏州市 (3205xx).
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Reports/sample/awards.csv"), encoding: .utf8)
        let suzhou = text.split(separator: "\n").dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[7].hasPrefix("3205") }.count
        #expect(lines.contains { $0 == "320500,苏州市,\(suzhou),\($0.split(separator: ",").last!)" })
        #expect(lines.count == 14)  // header + 13 cities
        // Each share is its own count over the total, rounded half up to one decimal (the
        // README's rounding policy, as in the briefing's tables), not forced to add up to 100.
        let cells = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let total = cells.reduce(0) { $0 + Int($1[2])! }
        for c in cells {
            let tenths = (Int(c[2])! * 2000 + total) / (2 * total)
            #expect(c[3] == "\(tenths / 10).\(tenths % 10)", "\(c)")
        }
    }

    @Test func ownRegisterUsesTheNeutralTemplateWithTodaysDate() throws {
        let dir = temporaryDirectory("cli-own")
        let csv = dir.appendingPathComponent("own.csv")
        try "recipient,programme,year,region_code,sector_code\n甲公司,江苏省质量奖,2014,320583,C\n乙公司,中国质量奖提名奖,2016,昆山市,C35\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("own.pdf")
        let r = try runTool(try qbriefBinary().path, ["report", "--data", csv.path, "--out", out.path, "--unit", "某市市场监督管理局"], cwd: packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try runTool("pdftotext", ["-enc", "UTF-8", out.path, "-"]).stdout
        #expect(!text.contains("示例"), "a user's briefing must not call itself sample data")
        #expect(text.contains("某市市场监督管理局"))
        // `date: today` in the template: the masthead shows today's date in China.
        let today = ReportDefinition.today()
        let parts = today.split(separator: "-").map { Int($0)! }
        #expect(text.contains("\(parts[0])年\(parts[1])月\(parts[2])日"), "\(text.prefix(400))")
        // Both rows are in 苏州市 (320583 昆山市 and the name 昆山市 roll up).
        #expect(text.contains("苏州市获奖最多（2项）"), "\(text.prefix(1200))")
    }
}

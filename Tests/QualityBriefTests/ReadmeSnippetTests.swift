import Foundation
import QualityBrief
import Testing

/// Runs the README's Swift snippet exactly, and checks that the README still shows it.
@Suite(.serialized)
struct ReadmeSnippetTests {
    /// The README's snippet, verbatim between the markers (the test below compares them).
    func snippet() throws -> (pages: Int, summary: String, cities: [String]) {
        // README-SNIPPET-BEGIN
        let home = ResourceLocator.home()!    // the QualityBrief folder: Reports/ and Fonts/
        let register = try Register.load(urls: [home.appendingPathComponent("Reports/sample/awards.csv")])
        var definition = try ReportDefinition.load(home.appendingPathComponent("Reports/sample/briefing.yaml"))
        definition.issue = 13
        let briefing = Briefing(register: register, definition: definition,
                                filter: RecordFilter(years: 2016...2024))
        let result = try briefing.render(to: URL(fileURLWithPath: "/tmp/briefing.pdf"))
        print(result.pageCount, try briefing.summary().first!)

        let byCity = register.table.counts(by: .region)      // all 13 Jiangsu cities, by code
        print(byCity.rows.map { "\($0.label) \($0.count)" })
        // README-SNIPPET-END
        return (result.pageCount, try briefing.summary().first!, byCity.rows.map(\.label))
    }

    @Test func snippetRuns() throws {
        // The snippet finds Reports/ and Fonts/ through ResourceLocator, not the current directory.
        let out = try snippet()
        #expect(out.pages >= 3)
        #expect(out.summary.hasPrefix("2016年至2024年"), "\(out.summary)")
        #expect(Array(out.cities.prefix(13)) == ["南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市",
                                                 "淮安市", "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市"])
        let info = try runTool("pdfinfo", ["/tmp/briefing.pdf"])
        #expect(pdfinfoField(info.stdout, "Subject") == "质量工作简报 第13期")
    }

    @Test func resourcesAreFoundFromTheLibrarysOwnPackage() throws {
        #expect(ResourceLocator.packageDirectory?.standardizedFileURL.path == packageRoot.standardizedFileURL.path)
        // A copy of qbrief in an unrelated folder, run from there: neither the current directory
        // nor the executable's folders hold Reports/, so templates and fonts come from the package
        // the library was built from.
        let dir = temporaryDirectory("elsewhere")
        let bin = dir.appendingPathComponent("qbrief")
        try? FileManager.default.removeItem(at: bin)
        try FileManager.default.copyItem(at: try qbriefBinary(), to: bin)
        let sample = packageRoot.appendingPathComponent("Reports/sample/awards.csv").path
        let r = try runTool(bin.path, ["report", "--data", sample, "--out", "b.pdf", "--unit", "某市市场监督管理局"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try runTool("pdftotext", ["-enc", "UTF-8", dir.appendingPathComponent("b.pdf").path, "-"]).stdout
        #expect(text.contains("某市市场监督管理局"), "\(text.prefix(300))")
    }

    @Test func readmeShowsExactlyThisSnippet() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "```swift\nimport Foundation\nimport QualityBrief\n\n"),
              let end = readme.range(of: "```", range: start.upperBound..<readme.endIndex) else {
            Issue.record("README has no Swift snippet")
            return
        }
        let shown = readme[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let b = source.range(of: "// README-SNIPPET-BEGIN\n")!, e = source.range(of: "// README-SNIPPET-END")!
        let tested = source[b.upperBound..<e.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(shown == tested)
    }
}

import Foundation
import QualityBrief
import Testing

/// Runs the README's Swift snippet exactly, and checks that the README still shows it.
@Suite(.serialized)
struct ReadmeSnippetTests {
    /// The README's snippet, verbatim between the markers (the test below compares them).
    func snippet() throws -> (pages: Int, summary: String, cities: [String]) {
        // README-SNIPPET-BEGIN
        let register = try Register.load(["Reports/sample/awards.csv"])
        var definition = try ReportDefinition.load(URL(fileURLWithPath: "Reports/sample/briefing.yaml"))
        definition.issue = 13
        let briefing = Briefing(register: register, definition: definition,
                                filter: RecordFilter(years: 2016...2024))
        let result = try briefing.render(to: URL(fileURLWithPath: "/tmp/briefing.pdf"))
        print(result.pageCount, briefing.summary().first!)

        let byCity = register.table.counts(by: .region)      // all 13 Jiangsu cities, by code
        print(byCity.rows.map { "\($0.label) \($0.count)" })
        // README-SNIPPET-END
        return (result.pageCount, briefing.summary().first!, byCity.rows.map(\.label))
    }

    @Test func snippetRunsFromThePackageRoot() throws {
        // The snippet uses paths relative to the project folder, as a reader would run it.
        _ = FileManager.default.changeCurrentDirectoryPath(packageRoot.path)
        let out = try snippet()
        #expect(out.pages >= 3)
        #expect(out.summary.hasPrefix("2016年至2024年"), "\(out.summary)")
        #expect(Array(out.cities.prefix(13)) == ["南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市",
                                                 "淮安市", "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市"])
        let info = try runTool("pdfinfo", ["/tmp/briefing.pdf"])
        #expect(pdfinfoField(info.stdout, "Subject") == "质量工作简报 第13期")
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

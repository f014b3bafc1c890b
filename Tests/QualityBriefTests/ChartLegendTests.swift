import BriefDocument
import Foundation
import QualityBrief
import Testing

/// A legend names only the series its chart draws. In the public-lists fixture (counted by
/// hand from the CSV) 苏州's five records with a 苏州 place are lines 36 and 43 (中国质量奖 and
/// its 提名奖) and 16, 45, 46 (江苏省省长质量奖); the 市长质量奖 records (南通 lines 5–8, 无锡
/// 29–31) and 县级市市长质量奖 ones (宜兴, 如皋) are all elsewhere or blank. So the 苏州 cut's
/// stacked bars (历年获奖数量（按奖项）) draw two programmes and its legend names those two, while
/// the whole register's names all four. Read back from the PDF with `pdftotext -bbox`: the
/// legend is the line of words just under the figure's title.
struct ChartLegendTests {
    static let fixture = packageRoot.appendingPathComponent("Tests/QualityBriefTests/Fixtures/public-lists.csv")

    /// The words of the legend line under the chart titled `title` in the briefing that
    /// `qbrief report` writes with `extra` arguments.
    func legend(of title: String, _ extra: [String]) throws -> [String] {
        let out = temporaryDirectory("legend").appendingPathComponent("b.pdf")
        let r = try runTool(try qbriefBinary().path, ["report", "--data", Self.fixture.path, "--unit", "质量发展处",
                                                       "--date", "2024-12-20", "--out", out.path] + extra, cwd: packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let words = try bboxWords(out)
        let head = try #require(words.first { $0.text == title }, "no “\(title)” in \(words.map(\.text))")
        // The next line down on the same page (legend swatches are not words).
        let below = words.filter { $0.page == head.page && $0.yMin > head.yMax - 0.5 }
        let top = try #require(below.map(\.centreY).min())
        return below.filter { abs($0.centreY - top) < 1.5 }.sorted { $0.xMin < $1.xMin }.map(\.text)
    }

    @Test func oneCityLegendListsOnlyProgrammesWithRecords() throws {
        #expect(try legend(of: "历年获奖数量（按奖项）", ["--region", "苏州"]) == ["中国质量奖", "江苏省省长质量奖"])
    }

    @Test func wholeRegisterLegendListsEveryProgramme() throws {
        #expect(try legend(of: "历年获奖数量（按奖项）", []) == ["中国质量奖", "江苏省省长质量奖", "市长质量奖", "县级市市长质量奖"])
    }
}

/// A programme keeps one colour in every programme chart of every briefing: its palette entry
/// is its place among the register's programmes (中国质量奖 0, 江苏省省长质量奖 1, 市长质量奖 2,
/// 县级市市长质量奖 3 in the public-lists fixture), not its place among the programmes a cut has.
/// The 无锡 cut has 市长质量奖 (line 30, 2020; 宜兴市 is in 无锡) and 县级市市长质量奖 (lines 9
/// and 49: 2019 and 2022, 宜兴市) and nothing of the two programmes ranked before them: the
/// stacked bars, the stacked areas and the pie of the showcase list exactly those two, drawn in
/// entries 2 and 3 as in the whole register's charts.
struct ProgrammeSeriesTests {
    @Test func programmeChartsListTheSameProgrammes() throws {
        let register = try Register.load(urls: [ChartLegendTests.fixture])
        var definition = try ReportDefinition.load(packageRoot.appendingPathComponent("Reports/sample/showcase.yaml"))
        definition.recipientLimit = nil
        let doc = try Briefing(register: register, definition: definition, filter: RecordFilter(cityCodes: ["320200"])).document()
        let charts = chartSpecs(doc.blocks)
        let expected = ["市长质量奖", "县级市市长质量奖"]
        let bars = try #require(charts.first { $0.kind == .stackedBar })
        let area = try #require(charts.first { $0.kind == .area })
        let pie = try #require(charts.first { $0.kind == .pie })
        #expect(bars.series.map(\.name) == expected)
        #expect(bars.categories == ["2019", "2020", "2021", "2022"])
        #expect(bars.series.map(\.values) == [[0, 1, 0, 0], [1, 0, 0, 1]])
        #expect(area.series.map(\.name) == expected)
        #expect(pie.categories == expected)
        #expect(pie.series[0].values == [1, 2])
        #expect(bars.series.map(\.style) == [2, 3])
        #expect(area.series.map(\.style) == [2, 3])
        #expect(pie.categoryStyles == [2, 3])
        // The whole register's bars: the same programmes in the same entries.
        let whole = chartSpecs(try Briefing(register: register, definition: definition).document().blocks)
        let wholeBars = try #require(whole.first { $0.kind == .stackedBar })
        #expect(wholeBars.series.map(\.name) == ["中国质量奖", "江苏省省长质量奖"] + expected)
        #expect(wholeBars.series.map(\.style) == [0, 1, 2, 3])
    }
}

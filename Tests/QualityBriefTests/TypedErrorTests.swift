import Foundation
import QualityBrief
import Testing

/// Issue 13 item 3: every error of the public API is a `QualityBriefError` a client can name
/// by cause, and charts and tables built in Swift that layout would draw wrongly without a
/// word are refused before anything is drawn.
struct TypedErrorTests {
    static let fonts = packageRoot.appendingPathComponent("Fonts")

    static func document(_ blocks: [Block]) -> Document {
        Document(metadata: DocumentMetadata(title: "测试", author: "某局", subject: "", creator: "", keywords: "", date: "2024-12-20"),
                 blocks: blocks)
    }

    /// Renders `blocks` to a fresh PDF; returns the error thrown (any other type than
    /// `QualityBriefError` fails the test) and whether a file was left at the target.
    static func renderError(_ blocks: [Block]) throws -> (QualityBriefError?, Bool) {
        let out = temporaryDirectory("typed-errors").appendingPathComponent("x.pdf")
        let renderer = try Renderer(fontsDirectory: fonts)
        do {
            _ = try renderer.render(document(blocks), to: out)
            return (nil, FileManager.default.fileExists(atPath: out.path))
        } catch let error as QualityBriefError {
            return (error, FileManager.default.fileExists(atPath: out.path))
        } catch {
            Issue.record("an error that is no QualityBriefError escaped Renderer.render: \(type(of: error)) \(error)")
            return (nil, FileManager.default.fileExists(atPath: out.path))
        }
    }

    static let cities = ["南京", "苏州", "无锡"]

    @Test func negativeChartValuesAreRefused() throws {
        for kind in [ChartKind.bar, .horizontalBar, .stackedBar, .line, .pie, .donut, .area, .tileMap] {
            let chart = ChartSpec(kind: kind, title: "图1 各设区市获奖数量", categories: Self.cities,
                                  series: [ChartSeries(name: "获奖", values: [4, -3, 2])])
            let (error, written) = try Self.renderError([.chart(chart)])
            #expect(error == .invalidSpec([.negativeValue(chart: "图1 各设区市获奖数量", series: "获奖", category: "苏州", value: -3)]), "\(kind)")
            #expect(!written)
        }
        #expect(QualityBriefError.invalidSpec([.negativeValue(chart: "图1", series: "获奖", category: "苏州", value: -3)]).description
                == "chart “图1”: series “获奖” has -3.0 for “苏州”; this kind of chart cannot show negative values")
    }

    @Test func seriesShorterOrLongerThanTheCategoriesAreRefused() throws {
        let short = ChartSpec(kind: .bar, title: "图2 获奖与提名", categories: Self.cities,
                              series: [ChartSeries(name: "获奖", values: [4, 3, 2]), ChartSeries(name: "提名", values: [1, 2])])
        let (error, written) = try Self.renderError([.paragraph(Paragraph("正文")), .keepTogether([.chart(short)])])
        #expect(error == .invalidSpec([.seriesLength(chart: "图2 获奖与提名", series: "提名", values: 2, categories: 3)]))
        #expect(error?.description == "chart “图2 获奖与提名”: series “提名” has 2 values for 3 categories")
        #expect(!written)
        let long = ChartSpec(kind: .line, title: "图3", categories: ["2023", "2024"], series: [ChartSeries(name: "获奖", values: [1, 2, 3])])
        #expect(long.problems == [.seriesLength(chart: "图3", series: "获奖", values: 3, categories: 2)])
        let nan = ChartSpec(kind: .line, title: "图4", categories: ["2023", "2024"], series: [ChartSeries(name: "获奖", values: [1, .nan])])
        #expect(nan.problems == [.nonFiniteValue(chart: "图4", series: "获奖", category: "2024")])
    }

    @Test func rowsWiderThanTheirTableAreRefused() throws {
        let columns = [TableColumn("设区市"), TableColumn("获奖", alignment: .trailing), TableColumn("占比", alignment: .trailing)]
        let table = TableSpec(caption: "表1 各设区市获奖情况", columns: columns,
                              rows: [["南京", "4", "44.4%"], ["苏州", "3", "33.3%", "多余"], ["无锡", "2"]],
                              totals: ["合计", "9", "100.0%", "", ""])
        let (error, written) = try Self.renderError([.table(table)])
        #expect(error == .invalidSpec([
            .rowTooWide(table: "表1 各设区市获奖情况", row: 2, cells: 4, columns: 3),
            .totalsTooWide(table: "表1 各设区市获奖情况", cells: 5, columns: 3),
        ]))
        #expect(error?.description == "table “表1 各设区市获奖情况”: row 2 has 4 cells for 3 columns\n"
                + "table “表1 各设区市获奖情况”: the totals row has 5 cells for 3 columns")
        #expect(!written)
        // A header row wider than the table: 设区市 spans two header rows, so row 2 has two free places for three cells.
        var grouped = table
        grouped.rows = [["南京", "4", "44.4%"]]
        grouped.totals = nil
        grouped.headerRows = [[TableHeaderCell("设区市", rowSpan: 2), TableHeaderCell("获奖情况", columnSpan: 2)],
                              [TableHeaderCell("获奖"), TableHeaderCell("占比"), TableHeaderCell("备注")]]
        #expect(grouped.problems == [.headerTooWide(table: "表1 各设区市获奖情况", headerRow: 2, needs: 4, columns: 3)])
        // Short rows are blank cells, not a problem; the same table with fitting rows renders.
        grouped.headerRows?[1].removeLast()
        grouped.rows.append(["无锡", "2"])
        let (none, ok) = try Self.renderError([.table(grouped)])
        #expect(none == nil && ok)
    }

    /// The briefings QualityBrief composes pass the same checks (else they could not render).
    @Test func composedDocumentsHaveNoSpecProblems() throws {
        let register = try Register.load(urls: [packageRoot.appendingPathComponent("Reports/sample/awards.csv")])
        for name in ["briefing", "showcase", "memo"] {
            let definition = try ReportDefinition.load(packageRoot.appendingPathComponent("Reports/sample/\(name).yaml"))
            let document = try Briefing(register: register, definition: definition).document()
            #expect(document.specProblems().isEmpty, "\(name): \(document.specProblems())")
        }
    }

    @Test func causesAreTypedAndLocalized() throws {
        let missing = temporaryDirectory("typed-errors").appendingPathComponent("无此文件.csv")
        do {
            _ = try Register.load(urls: [missing])
            Issue.record("a missing register must throw")
        } catch {
            #expect(error as? QualityBriefError == .fileNotFound(path: missing.path))
            #expect(error.localizedDescription == "\(missing.path): no such file")
        }
        #expect(throws: QualityBriefError.fileNotFound(path: missing.path)) {
            try ReportDefinition.load(missing)
        }
        // A block taller than the type block: a layout error with its sizes, not a string.
        let tall = ChartSpec(kind: .bar, title: "图9 过高", categories: ["南京"], series: [ChartSeries(name: "获奖", values: [1])], height: 2000)
        let (error, written) = try Self.renderError([.chart(tall)])
        guard case let .layout(what, page, needed, available)? = error else {
            Issue.record("expected a layout error, got \(String(describing: error))")
            return
        }
        #expect(what == "chart “图9 过高”" && page == 1 && needed == 2000 && available < 2000 && available > 500)
        #expect(error?.errorDescription?.hasPrefix("layout: chart “图9 过高” is too large on page 1: needs 2000 pt") == true)
        #expect(!written)
        // Fonts that cannot be set up (the fonts folder is a file): a render error before any output.
        let notAFolder = temporaryDirectory("typed-errors").appendingPathComponent("Fonts")
        try Data("not a folder".utf8).write(to: notAFolder)
        do {
            _ = try Renderer(fontsDirectory: notAFolder)
            Issue.record("a fonts folder that is a file must throw")
        } catch {
            guard case .render(nil, let message)? = error as? QualityBriefError else {
                Issue.record("expected a render error, got \(error)")
                return
            }
            #expect(message == "fonts: font configuration: \(notAFolder.path) is not a directory", "\(message)")
        }
        // No library message names a command-line flag.
        for e in [QualityBriefError.invalidData([], errorCount: 2), .unfinishedDefinition([]), error ?? .missingResource("")] {
            #expect(!e.description.contains("--") && !e.description.contains("qbrief"), "\(e)")
        }
    }
}

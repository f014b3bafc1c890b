import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import Testing
import TestSupport

/// Every chart kind drawn alone on a small page (320 × 240 pt), written as PDF, rasterised
/// with `pdftoppm -r 40 -gray` and compared with the committed PGM under
/// `Reference/charts/` (see its README for the versions and the tolerance). Regenerate after an
/// intended change with `QBRIEF_UPDATE_REFERENCE=1 swift test --filter ChartReferenceTests`,
/// then look at the images.
struct ChartReferenceTests {
    static let page = Size(width: 320, height: 240)
    static let cities = ["南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁"]
    static let years = (2016...2024).map(String.init)

    static func spec(_ name: String) -> ChartSpec {
        let byCity = [46, 44, 20, 27, 67, 26, 8, 10, 12, 17, 19, 15, 9].map(Double.init)
        let a = [3, 5, 2, 6, 4, 7, 5, 8, 6].map(Double.init)
        let b = [12, 15, 11, 18, 16, 20, 19, 23, 21].map(Double.init)
        let c = [20, 24, 22, 30, 27, 33, 31, 36, 35].map(Double.init)
        let source = "数据来源：测试数据"
        switch name {
        case "bar":
            return ChartSpec(kind: .bar, title: "各设区市获奖数量", categories: cities,
                             series: [ChartSeries(name: "获奖", values: byCity)], valueUnit: "项", source: source, height: 240)
        case "groupedBar":
            return ChartSpec(kind: .bar, title: "获奖与提名", categories: Array(cities.prefix(6)),
                             series: [ChartSeries(name: "获奖", values: Array(byCity.prefix(6))),
                                      ChartSeries(name: "提名奖", values: byCity.prefix(6).map { ($0 / 2).rounded() })],
                             showValues: false, source: source, height: 240, hatched: true)
        case "horizontalBar":
            return ChartSpec(kind: .horizontalBar, title: "行业排名", categories: ["制造业", "建筑业", "信息技术服务", "批发零售", "金融"],
                             series: [ChartSeries(name: "获奖", values: [199, 19, 17, 13, 7])], valueUnit: "项", source: source, height: 240)
        case "stackedBar":
            return ChartSpec(kind: .stackedBar, title: "历年获奖（按奖项）", categories: years,
                             series: [ChartSeries(name: "国家", values: a), ChartSeries(name: "省", values: b),
                                      ChartSeries(name: "市", values: c)], source: source, height: 240)
        case "line":
            return ChartSpec(kind: .line, title: "历年获奖数量", categories: years,
                             series: [ChartSeries(name: "省", values: b), ChartSeries(name: "市", values: c)],
                             categoryAxisTitle: "年度", source: source, height: 240)
        case "area":
            return ChartSpec(kind: .area, title: "历年获奖构成", categories: years,
                             series: [ChartSeries(name: "国家", values: a), ChartSeries(name: "省", values: b),
                                      ChartSeries(name: "市", values: c)], showValues: false, source: source, height: 240,
                             hatched: true)
        case "pie":
            return ChartSpec(kind: .pie, title: "各奖项占比", categories: ["中国质量奖", "省长质量奖", "市长质量奖"],
                             series: [ChartSeries(name: "数量", values: [17, 65, 238])], source: source, height: 240, hatched: true)
        case "donut":
            return ChartSpec(kind: .donut, title: "行业分布", categories: ["制造业", "建筑业", "信息技术服务", "批发零售", "其他"],
                             series: [ChartSeries(name: "数量", values: [199, 19, 17, 13, 40])], valueUnit: "项",
                             source: source, height: 240)
        default:
            return ChartSpec(kind: .tileMap, title: "各设区市获奖数量分布", categories: cities.map { $0 + "市" },
                             series: [ChartSeries(name: "获奖", values: byCity)], valueUnit: "项", source: source, height: 240)
        }
    }

    static let kinds = ["bar", "groupedBar", "horizontalBar", "stackedBar", "line", "area", "pie", "donut", "tileMap"]

    @Test(arguments: kinds)
    func chartMatchesItsReference(kind: String) throws {
        let frame = Rect(x: 10, y: 0, width: Self.page.width - 20, height: Self.page.height)
        let items = ChartLayout.items(for: Self.spec(kind), in: frame, styles: .briefing, measurer: measurer)
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let pdf = dir.appendingPathComponent("\(kind).pdf")
        _ = try renderPages([LaidOutPage(index: 0, size: Self.page, items: items, label: "1")], to: pdf, format: .pdf,
                            metadata: DocumentMetadata(title: kind, date: "2024-12-20"), library: sharedLibrary)
        let stem = dir.appendingPathComponent(kind).path
        try runTool("pdftoppm", ["-r", "40", "-gray", "-singlefile", pdf.path, stem])
        let actualURL = URL(fileURLWithPath: stem + ".pgm")
        let referenceURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/charts/\(kind).pgm")
        if ProcessInfo.processInfo.environment["QBRIEF_UPDATE_REFERENCE"] == "1" {
            try? FileManager.default.removeItem(at: referenceURL)
            try FileManager.default.copyItem(at: actualURL, to: referenceURL)
        }
        let actual = try readGreyPGM(actualURL)
        let reference = try readGreyPGM(referenceURL)
        let diff = try #require(GreyDifference(actual, reference), "\(kind): size differs from the reference")
        #expect(diff.mean < 2.0, "\(kind): mean grey difference \(diff.mean)")
        #expect(diff.share(over: 64) <= 0.01, "\(kind): \(diff.count(over: 64)) pixels differ by more than 64")
        // Not blank: the chart put ink on the page.
        #expect(actual.pixels.filter { $0 < 128 }.count > 100, "\(kind): no ink")
    }

    /// The tile map puts the northern cities above the southern ones and 南通 east of 南京.
    @Test func tileMapPlacesCitiesRoughlyWhereTheyLie() {
        let frame = Rect(x: 10, y: 0, width: 300, height: 240)
        let items = ChartLayout.items(for: Self.spec("tileMap"), in: frame, styles: .briefing, measurer: measurer)
        var at: [String: Point] = [:]
        for case .text(let t) in items { at[t.text] = t.origin }
        for c in ["徐州", "连云港", "南京", "苏州", "南通", "宿迁"] { #expect(at[c] != nil, "\(c) missing") }
        guard let xz = at["徐州"], let lyg = at["连云港"], let nj = at["南京"], let sz = at["苏州"], let nt = at["南通"] else { return }
        #expect(xz.y < nj.y && lyg.y < sz.y)
        #expect(nt.x > nj.x && sz.x > nj.x)
        // Darker tile for the larger value: 苏州 (67) darker than 连云港 (8).
        var fills: [Double] = []
        for case .rect(let r) in items { if let f = r.fill { fills.append(ChartPalette.luma(f)) } }
        #expect(Set(fills).count >= 4, "tiles use several classes")
    }

    /// Hatched charts carry a pattern on every series but the first; plain charts none.
    @Test func hatchingFollowsTheFlag() {
        let frame = Rect(x: 10, y: 0, width: 300, height: 240)
        func hatches(_ s: ChartSpec) -> Int {
            ChartLayout.items(for: s, in: frame, styles: .briefing, measurer: measurer).filter {
                switch $0 {
                case .rect(let r): return r.hatch != nil
                case .path(let p): return p.hatch != nil
                default: return false
                }
            }.count
        }
        var s = Self.spec("groupedBar")
        #expect(hatches(s) >= 6)
        s.hatched = nil
        #expect(hatches(s) == 0)
    }
}

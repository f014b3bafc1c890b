import BriefDocument
import BriefLayout
import Foundation
import Testing

private typealias F = ChartFixture

/// Charts a statistician passes (issue 11): value labels clear of the line, thin stacked
/// segments labelled, disjoint tile-map classes shaded by the stated rule.
struct ChartRulesTests {
    /// The sample's annual counts, with valleys at 2015, 2017, 2019, 2021 and 2023.
    static let annual: [Double] = [26, 24, 23, 13, 32, 20, 26, 23, 36, 16, 34, 17, 30]

    /// Value labels never cross the line: each label box is clear of every segment (the
    /// stroke 1.5 pt wide), and under a valley the label sits below its point.
    @Test func lineValueLabelsStayOffTheLine() throws {
        let spec = ChartSpec(kind: .line, title: "历年获奖数量", categories: F.years,
                             series: [ChartSeries(name: "获奖数量", values: Self.annual)], valueUnit: "项")
        let items = F.layout(spec)
        F.checkInvariants(items)
        let polyline = try #require(F.paths(items).first { $0.stroke != nil && $0.elements.count == Self.annual.count })
        let pts = polyline.elements.compactMap { e -> Point? in
            switch e { case .move(let p), .line(let p): return p; default: return nil }
        }
        let labels = F.texts(items).filter { $0.text.hasSuffix("项") && $0.text != "数量（项）" }
        #expect(labels.count == Self.annual.count, "\(labels.map(\.text))")
        for t in labels {
            for (p, q) in zip(pts, pts.dropFirst()) {
                let dx = q.x - p.x, dy = q.y - p.y, len = (dx * dx + dy * dy).squareRoot()
                let nx = -dy / len * 0.75, ny = dx / len * 0.75
                let segment = [(p.x + nx, p.y + ny), (q.x + nx, q.y + ny), (q.x - nx, q.y - ny), (p.x - nx, p.y - ny)]
                #expect(!F.overlap(F.corners(t), segment), "label \(t.text) crosses the line")
            }
        }
        // Valleys (13, 20, 16, 17 and the 23 of 2019) are labelled below their point.
        for (i, v) in Self.annual.enumerated() where i > 0 && i < Self.annual.count - 1
            && v < Self.annual[i - 1] && v < Self.annual[i + 1] {
            let label = try #require(labels.first { abs(($0.origin.x + $0.width / 2) - pts[i].x) < 0.5 })
            #expect(label.origin.y > pts[i].y, "\(F.years[i]) (\(v)) labelled above a valley")
        }
    }

    /// Every segment of a stacked bar is readable: a value that does not fit in its thin
    /// segment is set beside the bar, level with it (中国质量奖 counts of 1 to 3 under a total
    /// of 30; at this scale 1 and 2 go beside, 3 fits inside).
    @Test func thinStackedSegmentsAreLabelled() {
        let national: [Double] = [0, 2, 0, 0, 3, 0, 1, 0, 0, 2, 0, 0, 3]
        let provincial: [Double] = [10, 4, 8, 0, 6, 0, 7, 0, 16, 0, 10, 0, 8]
        let city: [Double] = [16, 18, 15, 13, 23, 20, 18, 23, 20, 16, 24, 17, 19]
        let spec = ChartSpec(kind: .stackedBar, title: "历年获奖数量（按奖项）", categories: F.years,
                             series: [ChartSeries(name: "中国质量奖", values: national),
                                      ChartSeries(name: "江苏省省长质量奖", values: provincial),
                                      ChartSeries(name: "市长质量奖", values: city)], valueUnit: "项")
        let items = F.layout(spec)
        F.checkInvariants(items)
        let red = ChartPalette.color(0)
        // The bottom layer's segments (the legend's swatch is at the top).
        let segments = F.rects(items).filter { $0.fill == red && $0.rect.maxY > F.frame.y + F.frame.height / 2 }
        #expect(segments.count == national.filter { $0 > 0 }.count)
        var beside = 0
        for s in segments {
            let label = F.texts(items).first { t in
                ["1", "2", "3"].contains(t.text) && t.origin.x >= s.rect.x && t.origin.x < s.rect.maxX + 4  // in or beside
                    && t.origin.y - 0.88 * t.font.size < s.rect.maxY && t.origin.y + 0.12 * t.font.size > s.rect.y - 6
            }
            if let label, label.origin.x >= s.rect.maxX - 0.01 { beside += 1 }
            #expect(label != nil, "segment \(s.rect) has no value beside it: \(F.texts(items).filter { abs($0.origin.x - s.rect.maxX) < 30 }.map { "\($0.text)@\($0.origin)" })")
        }
        #expect(beside == 3, "values of 1 and 2 beside their bars: \(beside)")
    }

    /// Tile-map classes are disjoint (0～19, 20～39 …) and a value on a bound (20, 40) is
    /// shaded in the class whose label shows it.
    @Test func tileMapClassesAreDisjointAndShadedByTheirLabel() throws {
        let values: [Double] = [46, 44, 20, 27, 67, 26, 8, 10, 12, 17, 19, 15, 40]
        let spec = ChartSpec(kind: .tileMap, title: "各设区市获奖数量分布", categories: F.cities,
                             series: [ChartSeries(name: "获奖数量", values: values)], valueUnit: "项", height: 300)
        let items = F.layout(spec, frame: Rect(x: 79.37, y: 120, width: 442.2, height: 300))
        let texts = F.texts(items)
        let legend = ["0～19", "20～39", "40～59", "60～80"]
        for l in legend { #expect(texts.contains { $0.text == l }, "legend lacks \(l): \(texts.map(\.text))") }
        #expect(!texts.contains { $0.text.contains("–") })
        // The swatch left of each legend label gives the class's fill.
        func swatch(_ label: String) throws -> RGBColor {
            let t = try #require(texts.first { $0.text == label })
            let r = try #require(F.rects(items).filter { $0.rect.maxX <= t.origin.x + 0.01 && $0.rect.width < 20 }
                .min { abs($0.rect.maxX - t.origin.x) < abs($1.rect.maxX - t.origin.x) })
            return try #require(r.fill)
        }
        func tile(_ city: String) throws -> RGBColor {
            let name = try #require(texts.first { $0.text == city })
            let r = try #require(F.rects(items).first { $0.rect.x < name.origin.x && $0.rect.maxX > name.origin.x + name.width
                && $0.rect.y < name.origin.y && $0.rect.maxY > name.origin.y && $0.rect.width > 20 })
            return try #require(r.fill)
        }
        #expect(try tile("徐州") == swatch("20～39"))   // 20: lower bound of 20～39
        #expect(try tile("宿迁") == swatch("40～59"))   // 40
        #expect(try tile("镇江") == swatch("0～19"))    // 19
        #expect(try tile("苏州") == swatch("60～80"))   // 67
    }

    /// Cities that are not among the categories (outside a briefing's selection) are white,
    /// carry no value, and the legend says 未选; the selected ones keep their counts, 0 included.
    @Test func tileMapLeavesUnselectedCitiesWhiteWithoutAValue() throws {
        let spec = ChartSpec(kind: .tileMap, title: "各设区市获奖数量分布", categories: ["苏州市", "无锡市", "常州市"],
                             series: [ChartSeries(name: "获奖数量", values: [5, 0, 2])], valueUnit: "项", height: 300)
        let items = F.layout(spec, frame: Rect(x: 79.37, y: 120, width: 442.2, height: 300))
        let texts = F.texts(items).map(\.text)
        #expect(texts.filter { $0.hasSuffix("项") }.sorted() == ["0项", "2项", "5项"], "\(texts)")
        #expect(texts.contains("未选"))
        for city in ["南京", "徐州", "连云港", "盐城"] { #expect(texts.contains(city), "\(city) is still drawn") }
        let white = F.rects(items).filter { $0.fill == RGBColor(hex: 0xFFFFFF) && $0.rect.width > 20 }
        #expect(white.count == 10, "13 cities, 3 selected: \(white.count) white tiles")
        // A map of every city has no 未选 swatch.
        let all = ChartSpec(kind: .tileMap, title: "各设区市获奖数量分布", categories: F.cities,
                            series: [ChartSeries(name: "获奖数量", values: F.cities.map { _ in 1 })], valueUnit: "项", height: 300)
        #expect(!F.texts(F.layout(all, frame: Rect(x: 79.37, y: 120, width: 442.2, height: 300))).contains { $0.text == "未选" })
    }

    /// A series and a slice are drawn in their palette entry (``ChartSeries/style``,
    /// ``ChartSpec/categoryStyles``), the legend's swatches too: series styled 2 and 3 are
    /// filled with the palette's third and fourth colours, never the first two.
    @Test func seriesAndSlicesAreDrawnInTheirPaletteEntry() {
        let bars = ChartSpec(kind: .stackedBar, title: "图", categories: ["2019", "2020"],
                             series: [ChartSeries(name: "市长质量奖", values: [1, 2], style: 2),
                                      ChartSeries(name: "县级市市长质量奖", values: [3, 1], style: 3)], valueUnit: "项")
        let pie = ChartSpec(kind: .pie, title: "图", categories: ["市长质量奖", "县级市市长质量奖"],
                            series: [ChartSeries(name: "数量", values: [1, 2])], valueUnit: "项", categoryStyles: [2, 3])
        let barFills = F.rects(F.layout(bars)).compactMap(\.fill)
        let pieFills = F.paths(F.layout(pie)).compactMap(\.fill)
        for fills in [barFills, pieFills] {
            #expect(fills.contains(ChartPalette.color(2)) && fills.contains(ChartPalette.color(3)), "\(fills)")
            #expect(!fills.contains(ChartPalette.color(0)) && !fills.contains(ChartPalette.color(1)), "\(fills)")
        }
        // Legend swatches (8 × 8) match their bars.
        let swatches = F.rects(F.layout(bars)).filter { $0.rect.width == 8 && $0.rect.height == 8 }.compactMap(\.fill)
        #expect(swatches == [ChartPalette.color(2), ChartPalette.color(3)])
    }

    /// A donut of 13 slices (the sample's sectors): no two slices share colour and pattern.
    @Test func manySlicesNeverLookAlike() {
        let values: [Double] = [199, 19, 17, 13, 12, 12, 12, 7, 7, 7, 5, 5, 5]
        let spec = ChartSpec(kind: .donut, title: "行业分布", categories: (1...13).map { "行业\($0)" },
                             series: [ChartSeries(name: "数量", values: values)], valueUnit: "项")
        let slices = F.paths(F.layout(spec)).filter { $0.fill != nil && $0.fill != .white && $0.elements.count > 3 }
        #expect(slices.count == 13, "\(slices.count) slices")
        let looks = slices.map { "\($0.fill!)|\($0.hatch.map { "\($0.angles)" } ?? "solid")" }
        #expect(Set(looks).count == slices.count, "\(looks)")
    }
}

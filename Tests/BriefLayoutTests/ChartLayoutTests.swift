import BriefDocument
import BriefLayout
import Foundation
import Testing

struct ChartLayoutTests {
    typealias F = ChartFixture

    /// The y of the horizontal axis line (0.75 pt) and of the topmost grid line (0.5 pt).
    private func axisAndTop(_ items: [PageItem]) -> (axis: Double, top: Double) {
        let ls = F.lines(items).filter { $0.from.y == $0.to.y }
        let axis = ls.filter { $0.width == 0.75 }.map(\.from.y).max()!
        let top = ls.filter { $0.width == 0.5 }.map(\.from.y).min()!
        return (axis, top)
    }

    @Test func barHeightsFollowTheScale() {
        // max 7 → nice range 10, step 2.5 → 2: ticks 0 2 4 6 8, so a bar of v is v/8 of the plot.
        let spec = ChartSpec(kind: .bar, title: "图1 测试", categories: ["甲", "乙", "丙"],
                             series: [ChartSeries(name: "获奖", values: [3, 7, 5])], valueUnit: "项")
        let items = F.layout(spec)
        F.checkInvariants(items)
        let ticks = F.texts(items).map(\.text).filter { Double($0) != nil }
        #expect(ticks == ["0", "2", "4", "6", "8"])
        let (axis, top) = axisAndTop(items)
        let bars = F.rects(items).sorted { $0.rect.x < $1.rect.x }
        #expect(bars.count == 3)
        for (bar, v) in zip(bars, [3.0, 7, 5]) {
            #expect(Swift.abs(bar.rect.height - v / 8 * (axis - top)) < 1e-9)
            #expect(Swift.abs(bar.rect.maxY - axis) < 1e-9)
            #expect(bar.fill == ChartPalette.colors[0])
        }
        let values = F.texts(items).map(\.text).filter { $0.hasSuffix("项") }
        #expect(values == ["3项", "7项", "5项"])
        // The title is centred at the top in the caption font.
        let title = F.texts(items).first { $0.text == "图1 测试" }!
        #expect(title.font == FontSpec(F.styles.caption))
        #expect(Swift.abs(title.origin.x + title.width / 2 - F.frame.x - F.frame.width / 2) < 1e-9)
    }

    @Test func groupedBarsHaveALegendAndOneColourPerSeries() {
        let spec = ChartSpec(kind: .bar, title: "分组", categories: F.cities,
                             series: [ChartSeries(name: "获奖", values: F.cityValues),
                                      ChartSeries(name: "提名", values: F.cityValues.map { $0 / 2 })],
                             valueAxisTitle: "数量（项）", source: "数据来源：省市场监管局")
        let items = F.layout(spec)
        F.checkInvariants(items)
        let names = Set(F.texts(items).map(\.text))
        #expect(names.isSuperset(of: ["获奖", "提名", "数量（项）", "数据来源：省市场监管局"]))
        let colours = Set(F.rects(items).compactMap(\.fill))
        #expect(colours == [ChartPalette.colors[0], ChartPalette.colors[1]])
    }

    @Test func stackedSegmentsAddUpToTheTotal() {
        // Totals 6 and 4 → nice range 10, step 2: ticks 0…6.
        let spec = ChartSpec(kind: .stackedBar, title: "堆积", categories: ["甲", "乙"],
                             series: [ChartSeries(name: "奖", values: [2, 3]),
                                      ChartSeries(name: "提名", values: [4, 1])])
        let items = F.layout(spec)
        F.checkInvariants(items)
        let (axis, top) = axisAndTop(items)
        let h = axis - top
        let segs = F.rects(items).filter { $0.rect.width < 100 && $0.rect.height > 0 && $0.stroke == .white }
        #expect(segs.count == 4)
        let byX = Dictionary(grouping: segs) { ($0.rect.x * 1000).rounded() }
        #expect(byX.count == 2)
        for (_, stack) in byX {
            let s = stack.sorted { $0.rect.maxY > $1.rect.maxY }
            #expect(Swift.abs(s[0].rect.maxY - axis) < 1e-9)
            #expect(Swift.abs(s[1].rect.maxY - s[0].rect.y) < 1e-9)  // contiguous
            let total = s.reduce(0) { $0 + $1.rect.height }
            let expected = s[0].rect.x < 300 ? 6.0 : 4.0
            #expect(Swift.abs(total - expected / 6 * h) < 1e-9)
        }
        let labels = F.texts(items).map(\.text)
        #expect(labels.contains("6") && labels.contains("4"))
    }

    @Test func horizontalBarsRunFromTheAxis() {
        let spec = ChartSpec(kind: .horizontalBar, title: "横向", categories: ["制造业", "服务业", "建筑业"],
                             series: [ChartSeries(name: "数", values: [40, 25, 10])], valueUnit: "家")
        let items = F.layout(spec)
        F.checkInvariants(items)
        // max 40 → nice 50, 12.5 → 10: ticks 0…40; a bar of v is v/40 of the plot width.
        let grid = F.lines(items).filter { $0.width == 0.5 }.map(\.from.x)
        let axisX = F.lines(items).filter { $0.width == 0.75 }.map(\.from.x).min()!
        let right = grid.max()!
        let bars = F.rects(items).sorted { $0.rect.y < $1.rect.y }
        for (bar, v) in zip(bars, [40.0, 25, 10]) {
            #expect(Swift.abs(bar.rect.x - axisX) < 1e-9)
            #expect(Swift.abs(bar.rect.width - v / 40 * (right - axisX)) < 1e-9)
            let label = F.texts(items).first { $0.text == "\(Int(v))家" }!
            #expect(label.origin.x > bar.rect.maxX && label.origin.x < bar.rect.maxX + 5)
        }
        // Categories in order, top to bottom, left of the axis.
        let cats = F.texts(items).filter { ["制造业", "服务业", "建筑业"].contains($0.text) }
        #expect(cats.sorted { $0.origin.y < $1.origin.y }.map(\.text) == ["制造业", "服务业", "建筑业"])
        #expect(cats.allSatisfy { $0.origin.x + $0.width < axisX })
    }

    @Test func thirteenShortCityNamesFitStraight() {
        let spec = ChartSpec(kind: .bar, title: "图2 各设区市", categories: F.cities,
                             series: [ChartSeries(name: "获奖", values: F.cityValues)])
        let items = F.layout(spec)
        F.checkInvariants(items)
        let labels = F.texts(items).filter { F.cities.contains($0.text) }
        #expect(labels.count == 13)
        #expect(labels.allSatisfy { $0.rotation == 0 })
        // Every label centred under its bar.
        let bars = F.rects(items).sorted { $0.rect.x < $1.rect.x }
        for (bar, name) in zip(bars, F.cities) {
            let l = labels.first { $0.text == name }!
            #expect(Swift.abs(l.origin.x + l.width / 2 - (bar.rect.x + bar.rect.width / 2)) < 1e-9)
        }
    }

    @Test(arguments: [ChartKind.bar, .stackedBar, .line, .horizontalBar])
    func longLabelsNeverOverlap(kind: ChartKind) {
        let spec = ChartSpec(kind: kind, title: "图3 长标签", categories: F.longNames,
                             series: [ChartSeries(name: "获奖", values: F.cityValues),
                                      ChartSeries(name: "提名", values: F.cityValues.reversed())],
                             categoryAxisTitle: "设区市", valueAxisTitle: "数量（项）", valueUnit: "项",
                             source: "数据来源：江苏省市场监督管理局质量发展处整理")
        let items = F.layout(spec)
        F.checkInvariants(items)
        if kind == .bar || kind == .stackedBar {
            // Too long for one or two lines: turned 45°, all 13 still shown (maybe cut short).
            let turned = F.texts(items).filter { $0.rotation == 45 }
            #expect(turned.count == 13)
        }
    }

    @Test func mediumLabelsWrapOntoTwoLines() {
        let names = F.cities.map { $0 + "市区" }  // 4–5 characters: 36–45 pt > 30 pt slots
        let spec = ChartSpec(kind: .bar, title: "两行", categories: names,
                             series: [ChartSeries(name: "获奖", values: F.cityValues)])
        let items = F.layout(spec)
        F.checkInvariants(items)
        let t = F.texts(items)
        #expect(t.contains { $0.text == "南京" } && t.contains { $0.text == "市区" })
        #expect(t.allSatisfy { $0.rotation == 0 })
    }

    @Test func fullCityNamesSplitOnlyTheLongOne() {
        // 南京市 (27 pt) fits a 32 pt slot; 连云港市 (36 pt) does not and goes onto two lines.
        let names = F.cities.map { $0 + "市" }
        let spec = ChartSpec(kind: .bar, title: "全称", categories: names,
                             series: [ChartSeries(name: "获奖", values: F.cityValues)])
        let items = F.layout(spec)
        F.checkInvariants(items)
        let t = F.texts(items).map(\.text)
        #expect(names.filter { $0 != "连云港市" }.allSatisfy { t.contains($0) })
        #expect(t.contains("连云") && t.contains("港市") && !t.contains("连云港市"))
        #expect(F.texts(items).allSatisfy { $0.rotation == 0 })
    }

    @Test func manyBarsAreThinnedAndTurned() {
        let cats = (1...60).map { "类别\($0)" }
        let spec = ChartSpec(kind: .bar, title: "多", categories: cats,
                             series: [ChartSeries(name: "x", values: cats.indices.map { Double($0 % 7) })])
        let items = F.layout(spec)
        F.checkInvariants(items)
        let shown = F.texts(items).filter { $0.text.hasPrefix("类别") }
        #expect(!shown.isEmpty && shown.count < 60)
        #expect(shown.contains { $0.text == "类别1" })
    }

    @Test func thirteenYearsFitOnALine() {
        let spec = ChartSpec(kind: .line, title: "图4 历年", categories: F.years,
                             series: [ChartSeries(name: "获奖", values: F.cityValues),
                                      ChartSeries(name: "提名", values: F.cityValues.map { $0 + 1 })])
        let items = F.layout(spec)
        F.checkInvariants(items)
        let years = F.texts(items).filter { F.years.contains($0.text) }
        #expect(years.count == 13)
        #expect(years.allSatisfy { $0.rotation == 0 })
        // One polyline per series through 13 points, and 26 markers.
        let polylines = F.paths(items).filter { $0.fill == nil && $0.elements.count == 13 }
        #expect(polylines.count == 2)
        let markers = F.paths(items).filter { $0.fill != nil && $0.elements.contains { if case .arc = $0 { true } else { false } } }
        #expect(markers.count >= 26)
    }

    @Test func yearsAreThinnedWhenTheyDoNotFit() {
        let narrow = Rect(x: 50, y: 40, width: 200, height: 200)
        let spec = ChartSpec(kind: .line, title: "窄", categories: F.years,
                             series: [ChartSeries(name: "获奖", values: F.cityValues)])
        let items = F.layout(spec, frame: narrow)
        F.checkInvariants(items, frame: narrow)
        let years = F.texts(items).filter { F.years.contains($0.text) }.map(\.text)
        #expect(years.count < 13 && years.count >= 3)
        #expect(years.first == "2012")
        // Evenly thinned: every k-th year.
        let idx = years.map { F.years.firstIndex(of: $0)! }
        let k = idx[1] - idx[0]
        #expect(k >= 2 && zip(idx, idx.dropFirst()).allSatisfy { $1 - $0 == k })
        #expect(F.texts(items).allSatisfy { $0.rotation == 0 })
    }

    @Test func pieSlicesMatchShares() {
        let spec = ChartSpec(kind: .pie, title: "图5 行业", categories: ["制造业", "服务业", "建筑业", "农业"],
                             series: [ChartSeries(name: "获奖", values: [200, 80, 40, 0])])
        let items = F.layout(spec)
        F.checkInvariants(items)
        let slices = F.paths(items).filter { $0.fill != nil }
        #expect(slices.count == 3)  // the zero slice is left out
        var sweeps: [Double] = [], starts: [Double] = []
        for s in slices {
            for case .arc(_, _, let a0, let a1) in s.elements { sweeps.append(a1 - a0); starts.append(a0) }
        }
        #expect(Swift.abs(sweeps.reduce(0, +) - 2 * .pi) < 1e-9)
        for (sw, share) in zip(sweeps, [0.625, 0.25, 0.125]) { #expect(Swift.abs(sw - share * 2 * .pi) < 1e-9) }
        #expect(Swift.abs(starts[0] + .pi / 2) < 1e-12)  // 12 o'clock, then clockwise
        #expect(Swift.abs(starts[1] - (starts[0] + sweeps[0])) < 1e-12)
        let labels = Set(F.texts(items).map(\.text))
        #expect(labels.isSuperset(of: ["制造业 62.5%", "服务业 25.0%", "建筑业 12.5%"]))
        #expect(!labels.contains { $0.hasPrefix("农业") })
        // A leader line per label.
        #expect(F.paths(items).filter { $0.fill == nil }.count == 3)
    }

    @Test func donutShowsTheTotal() {
        let spec = ChartSpec(kind: .donut, title: "图6 环形", categories: ["制造业", "服务业", "建筑业"],
                             series: [ChartSeries(name: "获奖", values: [200, 80, 40])], valueUnit: "项")
        let items = F.layout(spec)
        F.checkInvariants(items)
        let t = F.texts(items)
        let total = t.first { $0.text == "320" }!
        let caption = t.first { $0.text == "合计（项）" }!
        #expect(total.font.size > caption.font.size)
        #expect(caption.origin.y > total.origin.y)
        let slices = F.paths(items).filter { $0.fill != nil }
        #expect(slices.count == 3)
        #expect(slices.allSatisfy { $0.elements.contains { if case .arcNegative = $0 { true } else { false } } })
    }

    @Test(arguments: [ChartKind.pie, .donut])
    func thirteenPieLabelsStayApartAndInside(kind: ChartKind) {
        for names in [F.cities, F.longNames] {
            let spec = ChartSpec(kind: kind, title: "图7 各市占比", categories: names,
                                 series: [ChartSeries(name: "获奖", values: F.cityValues)],
                                 source: "数据来源：省市场监管局")
            let items = F.layout(spec)
            F.checkInvariants(items)
            let labels = F.texts(items).filter { $0.text.hasSuffix("%") }
            #expect(labels.count == 13)
        }
    }

    @Test func pieWithManyTinySlicesDropsLabelsNotOverlap() {
        let cats = (1...60).map { "行业\($0)" }
        let spec = ChartSpec(kind: .pie, title: "多", categories: cats,
                             series: [ChartSeries(name: "x", values: cats.indices.map { Double($0 + 1) })],
                             height: 200)
        let frame = Rect(x: 79.37, y: 120, width: 442.2, height: 200)
        let items = F.layout(spec, frame: frame)
        F.checkInvariants(items, frame: frame)
        #expect(F.texts(items).contains { $0.text.hasPrefix("行业60 ") })
    }

    @Test(arguments: [
        ChartSpec(kind: .bar, title: "空", categories: [], series: [ChartSeries(name: "a", values: [])]),
        ChartSpec(kind: .line, title: "空", categories: ["甲", "乙"], series: []),
        ChartSpec(kind: .stackedBar, title: "空", categories: ["甲", "乙"],
                  series: [ChartSeries(name: "a", values: [0, 0])], source: "来源"),
        ChartSpec(kind: .pie, title: "空", categories: ["甲", "乙"],
                  series: [ChartSeries(name: "a", values: [.nan, -3])]),
        ChartSpec(kind: .donut, title: "空", categories: ["甲"], series: [ChartSeries(name: "a", values: [])]),
        ChartSpec(kind: .horizontalBar, title: "空", categories: ["甲"],
                  series: [ChartSeries(name: "a", values: [-.infinity])]),
    ])
    func emptyDataDrawsTitleAndNoData(spec: ChartSpec) {
        let items = F.layout(spec)
        F.checkInvariants(items)
        #expect(items.count == 2)
        #expect(F.texts(items).map(\.text) == ["空", "无数据"])
    }

    @Test func badValuesCountAsZero() {
        let spec = ChartSpec(kind: .bar, title: "t", categories: ["甲", "乙", "丙", "丁"],
                             series: [ChartSeries(name: "a", values: [-5, .nan, 4])])  // 丁 missing
        let items = F.layout(spec)
        F.checkInvariants(items)
        #expect(F.rects(items).count == 1)
        #expect(F.texts(items).filter { $0.text == "0" }.count >= 1)
    }

    @Test(arguments: [ChartKind.bar, .horizontalBar, .stackedBar, .line, .pie, .donut])
    func everyKindStaysInsideSmallFrames(kind: ChartKind) {
        for (w, h) in [(442.2, 260.0), (300, 180), (160, 120), (442.2, 90)] {
            let frame = Rect(x: 10, y: 10, width: w, height: h)
            let spec = ChartSpec(kind: kind, title: "图8 质量奖获奖单位行业分布情况（2012—2024年）",
                                 categories: F.cities,
                                 series: [ChartSeries(name: "获奖", values: F.cityValues),
                                          ChartSeries(name: "提名", values: F.cityValues.map { $0 * 1.5 })],
                                 categoryAxisTitle: "设区市", valueAxisTitle: "数量（项）", valueUnit: "项",
                                 source: "数据来源：江苏省市场监督管理局", height: h)
            F.checkInvariants(F.layout(spec, frame: frame), frame: frame)
        }
    }
}

struct ChartEdgeCaseTests {
    typealias F = ChartFixture

    @Test(arguments: [ChartKind.bar, .horizontalBar, .stackedBar, .line, .pie, .donut])
    func tinyFramesNeverCrashOrSpill(kind: ChartKind) {
        for (w, h) in [(0.0, 0.0), (5, 5), (20, 30), (60, 40), (442.2, 30), (442.2, 50), (40, 300)] {
            let frame = Rect(x: 0, y: 0, width: w, height: h)
            let spec = ChartSpec(kind: kind, title: "图9 很长的标题会换行并且可能放不下", categories: F.longNames,
                                 series: [ChartSeries(name: "获奖", values: F.cityValues),
                                          ChartSeries(name: "提名", values: F.cityValues)],
                                 categoryAxisTitle: "类", valueAxisTitle: "项", valueUnit: "项",
                                 source: "数据来源：江苏省市场监督管理局", height: h)
            F.checkInvariants(F.layout(spec, frame: frame), frame: frame)
        }
    }

    @Test func rotatedLabelsHangBelowTheAxisEndingAtTheirTicks() {
        let spec = ChartSpec(kind: .bar, title: "转", categories: F.longNames,
                             series: [ChartSeries(name: "获奖", values: F.cityValues)])
        let items = F.layout(spec)
        let axis = F.lines(items).filter { $0.width == 0.75 && $0.from.y == $0.to.y }.first!
        let bars = F.rects(items).sorted { $0.rect.x < $1.rect.x }
        let turned = F.texts(items).filter { $0.rotation == 45 }.sorted { $0.origin.x < $1.origin.x }
        #expect(turned.count == 13)
        for (t, bar) in zip(turned, bars) {
            let c = F.corners(t)
            #expect(c.allSatisfy { $0.1 > axis.from.y })  // entirely under the axis
            // The end of the text lines up with the middle of its bar (within the text height).
            let endX = t.origin.x + t.width * cos(Double.pi / 4)
            #expect(Swift.abs(endX - (bar.rect.x + bar.rect.width / 2)) < 9)
            #expect(t.text.hasSuffix("…") || F.longNames.contains(t.text))
        }
    }

    @Test func collidingLineLabelsAreSkippedOrMoved() {
        // Two identical series: the second series' labels cannot go where the first ones are.
        let spec = ChartSpec(kind: .line, title: "重合", categories: F.years,
                             series: [ChartSeries(name: "甲", values: F.cityValues),
                                      ChartSeries(name: "乙", values: F.cityValues)])
        let items = F.layout(spec)
        F.checkInvariants(items)
        let valueLabels = F.texts(items).filter { t in (Double(t.text) ?? 9999) < 1000 && t.origin.x > F.frame.x + 30 }
        #expect(valueLabels.count >= 13 && valueLabels.count < 26 + 5)
        // No value label covers a marker.
        let markers = F.paths(items).filter { $0.fill != nil && $0.elements.count == 3 }
        for m in markers {
            guard case .arc(let c, let r, _, _) = m.elements[1] else { continue }
            let box = [(c.x - r, c.y - r), (c.x + r, c.y - r), (c.x + r, c.y + r), (c.x - r, c.y + r)]
            for t in valueLabels { #expect(!F.overlap(F.corners(t), box)) }
        }
    }

    @Test func pieSlicesUsePaletteInCategoryOrder() {
        let spec = ChartSpec(kind: .pie, title: "色", categories: ["甲", "乙", "丙"],
                             series: [ChartSeries(name: "x", values: [3, 2, 1])])
        let fills = F.paths(F.layout(spec)).compactMap(\.fill)
        #expect(fills == Array(ChartPalette.colors.prefix(3)))
    }

    @Test func everyTextUsesTheChartLabelFontExceptTitleSourceAndTotal() {
        let spec = ChartSpec(kind: .bar, title: "字体", categories: F.cities,
                             series: [ChartSeries(name: "获奖", values: F.cityValues)],
                             valueAxisTitle: "数量（项）", source: "来源")
        let items = F.layout(spec)
        let label = FontSpec(F.styles.chartLabel)
        for t in F.texts(items) {
            switch t.text {
            case "字体": #expect(t.font == FontSpec(F.styles.caption))
            case "来源": #expect(t.font == FontSpec(F.styles.note)); #expect(t.color == F.styles.note.color)
            default: #expect(t.font == label)
            }
        }
        // Source at the foot, left-aligned.
        let source = F.texts(items).first { $0.text == "来源" }!
        #expect(source.origin.x == F.frame.x)
        #expect(Swift.abs(source.origin.y + F.measurer.metrics(source.font).descent - F.frame.maxY) < 1e-9)
    }
}

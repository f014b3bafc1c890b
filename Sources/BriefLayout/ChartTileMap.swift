import BriefDocument

/// Jiangsu as a tile grid: one square per city, placed roughly where the city lies (徐州 and
/// 连云港 in the north, 南通 on the east coast, 苏州 in the south-east), filled by value on
/// a sequential single-hue scale whose lightness falls steadily (readable in grey), with the
/// city's name and value in the tile and a legend of value classes under the grid. A city that
/// is not among the chart's categories (outside a briefing's selection) is left white, with
/// its name in grey and no value, and the legend says 未选: it has no count, not a count of 0.
struct TileMapChart {
    let ctx: ChartContext
    let spec: ChartSpec
    let data: ChartData

    /// Grid positions (column, row) of the 13 cities, north at the top.
    static let positions: [String: (Int, Int)] = [
        "徐州": (0, 0), "连云港": (2, 0),
        "宿迁": (1, 1), "淮安": (2, 1), "盐城": (3, 1),
        "扬州": (2, 2), "泰州": (3, 2), "南通": (4, 2),
        "南京": (1, 3), "镇江": (2, 3), "常州": (3, 3), "无锡": (4, 3),
        "苏州": (4, 4),
    ]
    static let columns = 5, rows = 5

    /// The city key of a category label: 南京市 → 南京, 苏州 → 苏州; nil if not a Jiangsu city.
    static func city(_ label: String) -> String? {
        var s = String(label.drop { $0 == " " || $0 == "\u{3000}" })
        while s.last == " " || s.last == "\u{3000}" { s.removeLast() }
        if s.hasPrefix("江苏省") { s.removeFirst(3) }
        if s.hasSuffix("市") { s.removeLast() }
        return positions[s] == nil ? nil : s
    }

    func draw(in region: Rect) {
        let values = data.values[0]
        var byCity: [String: Double] = [:]
        for (i, label) in data.categories.enumerated() {
            if let c = Self.city(label) { byCity[c, default: 0] += values[i] }
        }
        let unselected = Self.positions.keys.contains { byCity[$0] == nil }
        let maxV = byCity.values.max() ?? 0
        let scale = NiceScale(min: 0, max: maxV, targetTicks: 5, integer: data.isCounts)
        let ticks = scale.ticks
        let classes = Swift.max(1, ticks.count - 1)
        func shade(_ k: Int) -> RGBColor { ChartPalette.sequential(classes == 1 ? 1 : Double(k) / Double(classes - 1)) }
        // Classes include their lower bound and exclude their upper one (the last includes
        // both): with counts the legend reads 0～19, 20～39 … 60～80, disjoint, and a value on
        // a bound is shaded in the class whose label shows it.
        func classOf(_ v: Double) -> Int {
            for k in 0..<classes where v < ticks[k + 1] - 1e-9 { return k }
            return classes - 1
        }
        let lh = ctx.lineHeight
        let legendH = lh + 10
        let gap = 3.0
        let side = Swift.min((region.height - legendH - 4) / Double(Self.rows),
                             (region.width * 0.8) / Double(Self.columns))
        guard side > 2 * lh else { return }
        let gridW = side * Double(Self.columns)
        let x0 = region.x + (region.width - gridW) / 2, y0 = region.y
        let unit = spec.valueUnit
        for (city, (c, r)) in Self.positions.sorted(by: { $0.value.1 * 10 + $0.value.0 < $1.value.1 * 10 + $1.value.0 }) {
            let rect = Rect(x: x0 + Double(c) * side + gap / 2, y: y0 + Double(r) * side + gap / 2,
                            width: side - gap, height: side - gap)
            let name = ctx.truncate(city, maxWidth: rect.width - 4)
            let mid = rect.y + rect.height / 2
            guard let v = byCity[city] else {
                ctx.items.append(.rect(RectItem(rect: rect, fill: Self.unselectedFill, stroke: ChartPalette.grid, strokeWidth: 0.5)))
                ctx.place(ctx.textItem(name, x: rect.x + (rect.width - ctx.width(name)) / 2,
                                       baseline: ctx.baseline(centredOn: mid), color: ChartPalette.leader))
                continue
            }
            let fill = shade(classOf(v))
            ctx.items.append(.rect(RectItem(rect: rect, fill: fill, stroke: ChartPalette.axis, strokeWidth: 0.5)))
            let color = ChartPalette.textColor(on: fill)
            let valueText = ctx.truncate(ChartFormat.value(v) + unit, maxWidth: rect.width - 4)
            ctx.place(ctx.textItem(name, x: rect.x + (rect.width - ctx.width(name)) / 2,
                                   baseline: ctx.baseline(centredOn: mid - lh / 2 - 1), color: color))
            if spec.showValues {
                ctx.place(ctx.textItem(valueText, x: rect.x + (rect.width - ctx.width(valueText)) / 2,
                                       baseline: ctx.baseline(centredOn: mid + lh / 2 + 1), color: color))
            }
        }
        // Legend: one swatch per class, labelled with its range "0～19" (counts) or "0～<20".
        let digits = scale.fractionDigits
        let integral = data.isCounts && ticks.allSatisfy { $0 == $0.rounded() }
        let labels = (0..<classes).map { k -> String in
            let low = ChineseNumbers.fixed(ticks[k], digits: digits)
            if k == classes - 1 { return low + "～" + ChineseNumbers.fixed(ticks[k + 1], digits: digits) }
            if integral { return low + "～" + ChineseNumbers.fixed(ticks[k + 1] - 1, digits: 0) }
            return low + "～<" + ChineseNumbers.fixed(ticks[k + 1], digits: digits)
        }
        let sw = 14.0, itemGap = 8.0
        let swatches = (0..<classes).map { (labels[$0], shade($0), ChartPalette.axis) }
            + (unselected ? [(Self.unselectedLabel, Self.unselectedFill, ChartPalette.grid)] : [])
        let widths = swatches.map { sw + 3 + ctx.width($0.0) }
        let total = widths.reduce(0, +) + itemGap * Double(swatches.count - 1)
        var x = region.x + Swift.max(0, (region.width - total) / 2)
        let mid = y0 + side * Double(Self.rows) + 6 + lh / 2
        for (k, (label, fill, stroke)) in swatches.enumerated() where x + widths[k] <= region.maxX + 1e-6 {
            ctx.items.append(.rect(RectItem(rect: Rect(x: x, y: mid - 5, width: sw, height: 10), fill: fill,
                                            stroke: stroke, strokeWidth: 0.5)))
            ctx.place(ctx.textItem(label, x: x + sw + 3, baseline: ctx.baseline(centredOn: mid)))
            x += widths[k] + itemGap
        }
    }

    /// A city outside the chart's categories: white, and 未选 in the legend.
    static let unselectedFill = RGBColor(hex: 0xFFFFFF)
    static let unselectedLabel = "未选"
}

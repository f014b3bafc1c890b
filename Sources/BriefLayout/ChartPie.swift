import BriefDocument
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Pie and donut: slices of the first series from 12 o'clock clockwise in the order given,
/// zero slices left out; labels “名称 62.5%” (share of the total, one decimal) in a column
/// left and right of the pie, joined to their slices by leader lines and nudged vertically
/// so that no two touch. When a column cannot hold all its labels, the labels of its
/// smallest slices are left out. A donut prints the total in its hole.
struct PieChart {
    let ctx: ChartContext
    let spec: ChartSpec
    let data: ChartData
    let donut: Bool

    /// Share of the inner radius in a donut.
    static let holeRatio = 0.55

    struct Label {
        var index: Int
        var text: String
        var mid: Double
        var right: Bool
        var y: Double
        var value: Double
    }

    func draw(in region: Rect) {
        let values = data.values[0]
        let total = values.reduce(0, +)
        let lh = ctx.lineHeight
        let leader = 18.0
        var budget = region.width * 0.3
        func labelText(_ i: Int, _ maxW: Double) -> String {
            let pct = " " + ChineseNumbers.percent(values[i] / total)
            let name = ctx.truncate(data.categories[i], maxWidth: Swift.max(0, maxW - ctx.width(pct)))
            return name + pct
        }
        let slices = values.indices.filter { values[$0] > 0 }
        var texts = slices.map { labelText($0, budget) }
        var labelW = texts.map { ctx.width($0) }.max() ?? 0
        var r = Swift.min(region.height / 2 - 10, region.width / 2 - labelW - leader - 4)
        if r < 20 {
            r = Swift.min(region.height / 2 - 10, region.width / 2 - 10, 20)
            budget = Swift.max(0, region.width / 2 - r - leader - 4)
            texts = slices.map { labelText($0, budget) }
            labelW = texts.map { ctx.width($0) }.max() ?? 0
        }
        guard r > 2 else { return }
        let c = Point(x: region.x + region.width / 2, y: region.y + region.height / 2)
        func at(_ angle: Double, _ radius: Double) -> Point {
            Point(x: c.x + radius * cos(angle), y: c.y + radius * sin(angle))
        }
        var a0 = -Double.pi / 2
        var labels: [Label] = []
        for (k, i) in slices.enumerated() {
            let sweep = 2 * Double.pi * values[i] / total
            let a1 = a0 + sweep
            let elements: [PathElement]
            if donut {
                let ri = r * PieChart.holeRatio
                elements = [.move(at(a0, r)), .arc(center: c, radius: r, start: a0, end: a1),
                            .line(at(a1, ri)), .arcNegative(center: c, radius: ri, start: a1, end: a0), .close]
            } else {
                elements = [.move(c), .line(at(a0, r)), .arc(center: c, radius: r, start: a0, end: a1), .close]
            }
            ctx.items.append(.path(PathItem(elements: elements, fill: ctx.categoryColor(i),
                                            stroke: slices.count > 1 ? .white : nil, strokeWidth: 0.75,
                                            hatch: ctx.categoryHatch(i))))
            let mid = (a0 + a1) / 2
            labels.append(Label(index: i, text: texts[k], mid: mid, right: cos(mid) >= -1e-9,
                                y: c.y + (r + 10) * sin(mid), value: values[i]))
            a0 = a1
        }
        if donut { drawCentre(total: total, innerRadius: r * PieChart.holeRatio, centre: c) }
        let top = region.y + lh / 2 + 1, bottom = region.maxY - lh / 2 - 1
        for right in [true, false] {
            let column = PieChart.spread(labels.filter { $0.right == right }, spacing: lh + 2,
                                         top: top, bottom: bottom)
            for l in column {
                let w = ctx.width(l.text)
                let x = right ? c.x + r + leader : c.x - r - leader - w
                let t = ctx.textItem(l.text, x: x, baseline: ctx.baseline(centredOn: l.y))
                guard ctx.placeIfFree(t) else { continue }
                let p1 = at(l.mid, r), p2 = at(l.mid, r + 8)
                let p3 = Point(x: right ? x - 2 : x + w + 2, y: l.y)
                ctx.items.append(.path(PathItem(elements: [.move(p1), .line(p2), .line(p3)],
                                                stroke: ChartPalette.leader, strokeWidth: 0.5)))
            }
        }
    }

    /// Places labels (each `spacing` tall, centred on `y`) between `top` and `bottom` as near
    /// their wished `y` as possible without overlap, keeping their order; drops the labels
    /// of the smallest slices when they cannot all fit.
    static func spread(_ labels: [Label], spacing: Double, top: Double, bottom: Double) -> [Label] {
        guard bottom >= top else { return [] }
        let capacity = Int(((bottom - top) / spacing).rounded(.down)) + 1
        var kept = labels
        if kept.count > capacity {
            let keep = Set(kept.sorted { $0.value > $1.value }.prefix(capacity).map(\.index))
            kept = kept.filter { keep.contains($0.index) }
        }
        kept.sort { $0.y < $1.y }
        for k in kept.indices {
            let floor = k == 0 ? top : kept[k - 1].y + spacing
            kept[k].y = Swift.min(Swift.max(kept[k].y, floor), bottom)
        }
        for k in kept.indices.reversed() {
            let ceiling = k == kept.count - 1 ? bottom : kept[k + 1].y - spacing
            kept[k].y = Swift.min(kept[k].y, ceiling)
        }
        for k in kept.indices {
            let floor = k == 0 ? top : kept[k - 1].y + spacing
            kept[k].y = Swift.max(kept[k].y, floor)
        }
        return kept
    }

    /// The total, large, over “合计（单位）” in the hole of a donut.
    func drawCentre(total: Double, innerRadius ri: Double, centre c: Point) {
        let caption = spec.valueUnit.isEmpty ? "合计" : "合计（\(spec.valueUnit)）"
        let number = ChartFormat.value(total)
        var big = FontSpec(role: ctx.font.role, size: ctx.font.size * 2)  // not bold: one font face fewer to embed
        let room = ri * 1.4
        let w0 = ctx.width(number, big)
        if w0 > room { big.size = Swift.max(ctx.font.size, big.size * room / w0) }
        let bm = ctx.metrics(big)
        let bigH = bm.ascent + bm.descent
        let smallW = ctx.width(caption)
        let showCaption = smallW <= room && bigH + ctx.lineHeight + 2 <= ri * 1.6
        let blockH = bigH + (showCaption ? ctx.lineHeight + 2 : 0)
        guard blockH <= 2 * ri, ctx.width(number, big) <= 2 * ri else { return }
        let topY = c.y - blockH / 2
        let bw = ctx.width(number, big)
        ctx.placeIfFree(ctx.textItem(number, x: c.x - bw / 2, baseline: topY + bm.ascent, font: big))
        if showCaption {
            ctx.placeIfFree(ctx.textItem(caption, x: c.x - smallW / 2,
                                         baseline: topY + bigH + 2 + ctx.metrics.ascent,
                                         color: ChartPalette.leader))
        }
    }
}

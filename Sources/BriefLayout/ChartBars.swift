import BriefDocument

/// A value label waiting to be placed after every fixed label, so that it can give way.
struct PendingLabel {
    var text: String
    var centreX: Double
    /// Baseline y.
    var baseline: Double
    var color: RGBColor = ChartPalette.text
    /// Where to try if the first place is taken (line charts: under the point).
    var alternativeBaseline: Double? = nil
}

/// Charts with categories along a horizontal axis and values up: bar, stacked bar, line.
struct ColumnChart {
    let ctx: ChartContext
    let spec: ChartSpec
    let data: ChartData

    /// Draws legend, value-axis title, grid, ticks, the series, axes, category labels and
    /// finally the value labels that still find room.
    func draw(in start: Rect) {
        var region = start
        let isLine = spec.kind == .line, stacked = spec.kind == .stackedBar || spec.kind == .area
        let lh = ctx.lineHeight, gap = ctx.gap
        if data.names.count > 1 {
            region = ctx.drawLegend(data.names, lineSwatch: isLine, in: region)
        }
        if let t = spec.valueAxisTitle, !t.isEmpty, region.height > 3 * lh {
            let s = ctx.truncate(t, maxWidth: region.width)
            ctx.place(ctx.textItem(s, x: region.x, baseline: region.y + ctx.metrics.ascent))
            region.y += lh + 2; region.height -= lh + 2
        }
        let n = data.categories.count
        let totals = (0..<n).map { i in data.values.reduce(0) { $0 + $1[i] } }
        let maxV = stacked ? (totals.max() ?? 0) : (data.allValues.max() ?? 0)
        let scale = NiceScale(min: 0, max: maxV, targetTicks: 5, integer: data.isCounts)
        let tickW = scale.ticks.map { ctx.width(ChineseNumbers.fixed($0, digits: scale.fractionDigits)) }.max() ?? 0
        let headroom = spec.showValues ? lh + gap + (isLine ? 3 : 0) + 1 : lh / 2 + 2
        let catTitle = spec.categoryAxisTitle.flatMap { $0.isEmpty ? nil : $0 }
        let catTitleH = catTitle == nil ? 0 : lh + 2 * gap
        var left = tickW + 5, right = 2.0
        var plan: CategoryLabelPlan! = nil
        var slot = 0.0
        for _ in 0..<4 {
            slot = (region.width - left - right) / Double(n)
            let maxLabelH = Swift.max(gap + lh, (region.height - headroom - catTitleH) * 0.4)
            plan = ctx.planCategoryLabels(data.categories, slot: slot, maxHeight: maxLabelH,
                                          allowRotation: !isLine)
            let needLeft = plan.leftOverhang - slot / 2 + 1
            let needRight = plan.rightOverhang - slot / 2 + 1
            var changed = false
            if needLeft > left + 1e-6 { left = needLeft; changed = true }
            if needRight > right + 1e-6 { right = needRight; changed = true }
            if !changed { break }
        }
        let plot = Rect(x: region.x + left, y: region.y + headroom, width: region.width - left - right,
                        height: region.height - headroom - plan.height - catTitleH - 1)
        guard plot.height > lh, plot.width > 0 else { return }
        slot = plot.width / Double(n)
        let centres = (0..<n).map { plot.x + (Double($0) + 0.5) * slot }
        ctx.drawVerticalValueAxis(scale, plot: plot)
        let y = { (v: Double) in plot.maxY - scale.fraction(v) * plot.height }
        var pending: [PendingLabel] = []
        var sideLabels: [PendingLabel] = []
        var obstacles: [ChartQuad] = []
        let unit = spec.valueUnit
        let valueText = { (v: Double) in ChartFormat.value(v) + unit }
        let d = ctx.metrics.descent

        switch spec.kind {
        case .line:
            pending = drawLines(centres: centres, y: y, valueText: valueText)
        case .area:
            pending = drawAreas(centres: centres, y: y, totals: totals, valueText: valueText)
        case .stackedBar:
            let barW = Swift.min(slot * 0.6, 40)
            for i in 0..<n {
                var base = 0.0
                for (si, values) in data.values.enumerated() where values[i] > 0 {
                    let top = base + values[i]
                    let r = Rect(x: centres[i] - barW / 2, y: y(top), width: barW, height: y(base) - y(top))
                    let color = ctx.seriesColor(si)
                    ctx.items.append(.rect(RectItem(rect: r, fill: color, stroke: .white, strokeWidth: 0.5, hatch: ctx.seriesHatch(si))))
                    let label = ChartFormat.value(values[i])
                    if spec.showValues && r.height >= lh + 2 && ctx.width(label) <= barW - 2 {
                        pending.append(PendingLabel(text: label, centreX: centres[i],
                                                    baseline: ctx.baseline(centredOn: r.y + r.height / 2),
                                                    color: ChartPalette.textColor(on: color)))
                    } else if spec.showValues {
                        // A segment too thin for its value: the value beside the bar, level
                        // with the segment, in the segment's colour (a thin segment is often
                        // the most senior award).
                        // Kept above the axis, clear of the category labels under it.
                        sideLabels.append(PendingLabel(text: label, centreX: r.maxX + 1.5 + ctx.width(label) / 2,
                                                       baseline: Swift.min(ctx.baseline(centredOn: r.y + r.height / 2),
                                                                           plot.maxY - d - 0.5),
                                                       color: ChartPalette.luma(color) < 0.55 ? color : ChartPalette.text))
                    }
                    base = top
                }
                if spec.showValues && totals[i] > 0 {
                    // Totals first: they matter more than the segment values.
                    pending.insert(PendingLabel(text: valueText(totals[i]), centreX: centres[i],
                                                baseline: y(totals[i]) - 2 - d), at: 0)
                }
            }
        default:
            let ns = Double(data.values.count)
            let barW = Swift.min(slot * (ns > 1 ? 0.8 : 0.6) / ns, 36)
            for (si, values) in data.values.enumerated() {
                let color = ctx.seriesColor(si)
                for i in 0..<n {
                    let x = centres[i] - barW * ns / 2 + Double(si) * barW
                    if values[i] > 0 {
                        let r = Rect(x: x, y: y(values[i]), width: barW, height: plot.maxY - y(values[i]))
                        ctx.items.append(.rect(RectItem(rect: r, fill: color, hatch: ctx.seriesHatch(si))))
                        // With several series a label must not cover the neighbouring bar.
                        if ns > 1 { obstacles.append(ChartQuad(r)) }
                    }
                    if spec.showValues {
                        pending.append(PendingLabel(text: valueText(values[i]), centreX: x + barW / 2,
                                                    baseline: y(values[i]) - 2 - d))
                    }
                }
            }
        }
        ctx.axisLine(Point(x: plot.x, y: plot.maxY), Point(x: plot.maxX, y: plot.maxY))
        ctx.axisLine(Point(x: plot.x, y: plot.y), Point(x: plot.x, y: plot.maxY))
        ctx.drawCategoryLabels(plan, centres: centres, axisY: plot.maxY)
        if let catTitle {
            let s = ctx.truncate(catTitle, maxWidth: region.width)
            let w = ctx.width(s)
            ctx.placeIfFree(ctx.textItem(s, x: plot.x + (plot.width - w) / 2,
                                         baseline: plot.maxY + plan.height + 2 * gap + ctx.metrics.ascent))
        }
        for o in obstacles { ctx.placer.add(o) }
        for p in pending + sideLabels {
            let w = ctx.width(p.text)
            if ctx.placeIfFree(ctx.textItem(p.text, x: p.centreX - w / 2, baseline: p.baseline, color: p.color)) {
                continue
            }
            if let alt = p.alternativeBaseline {
                ctx.placeIfFree(ctx.textItem(p.text, x: p.centreX - w / 2, baseline: alt, color: p.color))
            }
        }
    }
}

/// Categories down the left, bars to the right, values at the bar ends.
struct HorizontalBarChart {
    let ctx: ChartContext
    let spec: ChartSpec
    let data: ChartData

    func draw(in start: Rect) {
        var region = start
        let lh = ctx.lineHeight, gap = ctx.gap, a = ctx.metrics.ascent
        if data.names.count > 1 {
            region = ctx.drawLegend(data.names, lineSwatch: false, in: region)
        }
        if let t = spec.categoryAxisTitle, !t.isEmpty, region.height > 3 * lh {
            let s = ctx.truncate(t, maxWidth: region.width)
            ctx.place(ctx.textItem(s, x: region.x, baseline: region.y + a))
            region.y += lh + 2; region.height -= lh + 2
        }
        let n = data.categories.count
        let scale = NiceScale(min: 0, max: data.allValues.max() ?? 0, targetTicks: 5, integer: data.isCounts)
        let tickTexts = scale.ticks.map { ChineseNumbers.fixed($0, digits: scale.fractionDigits) }
        let labels = data.categories.map { ctx.truncate($0, maxWidth: region.width * 0.3) }
        let left = (labels.map { ctx.width($0) }.max() ?? 0) + 5
        let unit = spec.valueUnit
        let valueTexts = data.values.map { $0.map { ChartFormat.value($0) + unit } }
        let valueW = spec.showValues ? (valueTexts.flatMap { $0 }.map { ctx.width($0) }.max() ?? 0) + gap : 0
        let right = Swift.max(ctx.width(tickTexts.last ?? "") / 2, valueW) + 2
        let vTitle = spec.valueAxisTitle.flatMap { $0.isEmpty ? nil : $0 }
        let bottom = gap + lh + (vTitle == nil ? 0 : lh + gap) + 1
        let plot = Rect(x: region.x + left, y: region.y + 2, width: region.width - left - right,
                        height: region.height - 2 - bottom)
        guard plot.height > lh, plot.width > 10 else { return }
        ctx.drawHorizontalValueAxis(scale, plot: plot)
        let slot = plot.height / Double(n)
        let ns = Double(data.values.count)
        let barH = Swift.min(slot * (ns > 1 ? 0.8 : 0.6) / ns, 24)
        let step = Swift.max(1, Int(((lh + 1) / slot).rounded(.up)))
        var pending: [TextItem] = []
        for i in 0..<n {
            let mid = plot.y + (Double(i) + 0.5) * slot
            for (si, values) in data.values.enumerated() {
                let top = mid - barH * ns / 2 + Double(si) * barH
                let len = scale.fraction(values[i]) * plot.width
                if values[i] > 0 {
                    ctx.items.append(.rect(RectItem(rect: Rect(x: plot.x, y: top, width: len, height: barH),
                                                    fill: ctx.seriesColor(si), hatch: ctx.seriesHatch(si))))
                }
                if spec.showValues {
                    pending.append(ctx.textItem(valueTexts[si][i], x: plot.x + len + gap,
                                                baseline: ctx.baseline(centredOn: top + barH / 2)))
                }
            }
        }
        ctx.axisLine(Point(x: plot.x, y: plot.y), Point(x: plot.x, y: plot.maxY))
        for i in stride(from: 0, to: n, by: step) {
            let mid = plot.y + (Double(i) + 0.5) * slot
            let w = ctx.width(labels[i])
            ctx.placeIfFree(ctx.textItem(labels[i], x: plot.x - 4 - w, baseline: ctx.baseline(centredOn: mid)))
        }
        if let vTitle {
            let s = ctx.truncate(vTitle, maxWidth: region.width)
            let w = ctx.width(s)
            ctx.placeIfFree(ctx.textItem(s, x: plot.maxX - w, baseline: plot.maxY + gap + lh + gap + a))
        }
        for t in pending { ctx.placeIfFree(t) }
    }
}

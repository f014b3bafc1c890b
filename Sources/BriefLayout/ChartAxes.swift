import BriefDocument

/// How the labels under a category axis are set.
struct CategoryLabelPlan {
    enum Mode { case horizontal, wrapped, rotated }
    /// Straight, on two lines, or turned 45°.
    var mode: Mode
    /// Every `step`-th label is drawn (1 = all).
    var step: Int
    /// The lines of each label (one line unless wrapped; possibly cut with “…”).
    var lines: [[String]]
    /// How far the labels reach below the axis.
    var height: Double
    /// How far the first label reaches left of its tick.
    var leftOverhang: Double
    /// How far the last drawn label reaches right of its tick.
    var rightOverhang: Double
}

/// The angle of turned category labels, in degrees counter-clockwise.
let rotatedLabelAngle = 45.0

extension ChartContext {
    /// Chooses how to set `labels` under ticks `slot` apart, reaching at most `maxHeight`
    /// below the axis: on one line if every label fits its slot; else on two lines; else
    /// (when `allowRotation`) turned 45° and, if even that is too tight, every k-th label;
    /// without rotation, every k-th label on one line.
    func planCategoryLabels(_ labels: [String], slot: Double, maxHeight: Double,
                            allowRotation: Bool) -> CategoryLabelPlan {
        let a = metrics.ascent, d = metrics.descent, lh = lineHeight
        let room = slot - 2
        let widths = labels.map { width($0) }
        if widths.allSatisfy({ $0 <= room }) {
            let half = (widths.last ?? 0) / 2
            return CategoryLabelPlan(mode: .horizontal, step: 1, lines: labels.map { [$0] },
                                     height: gap + lh, leftOverhang: (widths.first ?? 0) / 2,
                                     rightOverhang: half)
        }
        // Two lines only for bars, and only for Chinese labels (2012 must not become 20 / 12).
        let wrappable = allowRotation && labels.allSatisfy { l in
            width(l) <= room || !l.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
        if wrappable && maxHeight >= gap + 2 * lh + 1 {
            // Only the labels too wide for one line are split.
            let split = labels.map { width($0) <= room ? [$0] : splitInTwo($0) }
            if split.allSatisfy({ $0.allSatisfy { width($0) <= room } }) {
                return CategoryLabelPlan(mode: .wrapped, step: 1, lines: split,
                                         height: gap + 2 * lh + 1, leftOverhang: slot / 2,
                                         rightOverhang: slot / 2)
            }
        }
        if allowRotation {
            let t = rotatedLabelAngle * Double.pi / 180
            let s = sinApprox(t), c = cosApprox(t)
            let maxW = Swift.max(lh, (maxHeight - gap - lh * c) / s)
            let cut = labels.map { truncate($0, maxWidth: maxW) }
            let cutW = cut.map { width($0) }
            let perpendicular = slot * s
            let step = Swift.max(1, Int(((lh + 1) / Swift.max(perpendicular, 1e-6)).rounded(.up)))
            let w0 = cutW.first ?? 0
            return CategoryLabelPlan(
                mode: .rotated, step: step, lines: cut.map { [$0] },
                height: gap + (cutW.max() ?? 0) * s + lh * c,
                leftOverhang: w0 * c + a * s - (a - d) / 2 * s,
                rightOverhang: (a - d) / 2 * s + d * s)
        }
        // Thinned, on one line: the smallest k at which neighbouring drawn labels clear.
        var step = 1
        let maxLabel = Swift.max(lh, slot * Double(labels.count) / 2)
        let cut = labels.map { truncate($0, maxWidth: maxLabel) }
        let cutW = cut.map { width($0) }
        while step < labels.count {
            step += 1
            var ok = true
            var i = 0
            while i + step < labels.count {
                if (cutW[i] + cutW[i + step]) / 2 + 2 > Double(step) * slot { ok = false; break }
                i += step
            }
            if ok { break }
        }
        let lastShown = ((labels.count - 1) / step) * step
        return CategoryLabelPlan(mode: .horizontal, step: step, lines: cut.map { [$0] },
                                 height: gap + lh, leftOverhang: (cutW.first ?? 0) / 2,
                                 rightOverhang: cutW[lastShown] / 2)
    }

    /// A label on two lines of about equal width (one line if it has a single character).
    func splitInTwo(_ label: String) -> [String] {
        let chars = Array(label)
        guard chars.count >= 2 else { return [label] }
        let adv = measurer.advances(label, font: font)
        let total = adv.reduce(0, +)
        var best = 1, bestW = Double.infinity, acc = 0.0
        for i in 1..<chars.count {
            acc += adv[i - 1]
            let w = Swift.max(acc, total - acc)
            if w <= bestW { bestW = w; best = i }  // on a tie, the longer first line
        }
        return [String(chars[..<best]), String(chars[best...])]
    }

    /// Draws the labels of `plan` under ticks at `centres` below `axisY`. A label that would
    /// touch another is left out (the plan is meant to make that impossible).
    func drawCategoryLabels(_ plan: CategoryLabelPlan, centres: [Double], axisY: Double) {
        let a = metrics.ascent, d = metrics.descent, lh = lineHeight
        for i in stride(from: 0, to: centres.count, by: plan.step) {
            let tx = centres[i]
            switch plan.mode {
            case .horizontal, .wrapped:
                var baselineY = axisY + gap + a
                for line in plan.lines[i] {
                    let w = width(line)
                    placeIfFree(textItem(line, x: tx - w / 2, baseline: baselineY))
                    baselineY += lh + 1
                }
            case .rotated:
                let line = plan.lines[i][0]
                let w = width(line)
                let t = rotatedLabelAngle * Double.pi / 180
                let s = sinApprox(t), c = cosApprox(t)
                // End of the baseline, placed so that the box's top corner sits `gap` under
                // the axis and the middle of the text's end lines up with the tick.
                let end = Point(x: tx + (a - d) / 2 * s, y: axisY + gap + a * c)
                let origin = Point(x: end.x - w * c, y: end.y + w * s)
                placeIfFree(textItem(line, x: origin.x, baseline: origin.y, rotation: rotatedLabelAngle))
            }
        }
    }

    /// Draws horizontal grid lines and right-aligned tick labels for a vertical value axis.
    func drawVerticalValueAxis(_ scale: NiceScale, plot: Rect) {
        for v in scale.ticks {
            let y = plot.maxY - scale.fraction(v) * plot.height
            if v != scale.lower {
                items.append(.line(LineItem(from: Point(x: plot.x, y: y), to: Point(x: plot.maxX, y: y),
                                            width: 0.5, color: ChartPalette.grid)))
            }
            let s = ChineseNumbers.fixed(v, digits: scale.fractionDigits)
            let w = width(s)
            place(textItem(s, x: plot.x - 4 - w, baseline: baseline(centredOn: y)))
        }
    }

    /// Draws vertical grid lines and centred tick labels under a horizontal value axis.
    func drawHorizontalValueAxis(_ scale: NiceScale, plot: Rect) {
        for v in scale.ticks {
            let x = plot.x + scale.fraction(v) * plot.width
            if v != scale.lower {
                items.append(.line(LineItem(from: Point(x: x, y: plot.y), to: Point(x: x, y: plot.maxY),
                                            width: 0.5, color: ChartPalette.grid)))
            }
            let s = ChineseNumbers.fixed(v, digits: scale.fractionDigits)
            let w = width(s)
            placeIfFree(textItem(s, x: x - w / 2, baseline: plot.maxY + gap + metrics.ascent))
        }
    }

    /// An axis line: 0.75 pt dark grey.
    func axisLine(_ from: Point, _ to: Point) {
        items.append(.line(LineItem(from: from, to: to, width: 0.75, color: ChartPalette.axis)))
    }
}

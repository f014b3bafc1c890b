import BriefDocument

extension ColumnChart {
    /// Marker radius of line charts.
    static let markerRadius = 2.5

    /// Draws one polyline with circle markers per series; returns the value labels to place.
    /// A label goes on the open side of its point — under a local minimum (a valley, or an end
    /// lower than its neighbour), above otherwise — and to the other side when that is taken.
    /// Markers and the line's segments are registered with the label placer, so that no label
    /// covers a point, the line, or another label.
    func drawLines(centres: [Double], y: (Double) -> Double,
                   valueText: (Double) -> String) -> [PendingLabel] {
        let r = ColumnChart.markerRadius
        let a = ctx.metrics.ascent, d = ctx.metrics.descent
        var pending: [PendingLabel] = []
        var markers: [ChartQuad] = []
        var segments: [ChartQuad] = []
        for (si, values) in data.values.enumerated() {
            let color = ctx.seriesColor(si)
            let pts = values.enumerated().map { Point(x: centres[$0.offset], y: y($0.element)) }
            if pts.count > 1 {
                var els: [PathElement] = [.move(pts[0])]
                els += pts.dropFirst().map { PathElement.line($0) }
                ctx.items.append(.path(PathItem(elements: els, stroke: color, strokeWidth: 1.5)))
                for (p, q) in zip(pts, pts.dropFirst()) { segments.append(Self.segmentQuad(p, q, halfWidth: 1.25)) }
            }
            for p in pts {
                ctx.items.append(.path(ChartContext.circle(p, radius: r, fill: color)))
                markers.append(ChartQuad(Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r)))
            }
            if spec.showValues {
                for (i, p) in pts.enumerated() {
                    let above = p.y - r - 2 - d, below = p.y + r + 2 + a
                    let prev = i > 0 ? values[i - 1] : nil, next = i + 1 < values.count ? values[i + 1] : nil
                    let neighbours = [prev, next].compactMap { $0 }
                    let valley = !neighbours.isEmpty && neighbours.allSatisfy { values[i] <= $0 }
                        && neighbours.contains { values[i] < $0 }
                    pending.append(PendingLabel(text: valueText(values[i]), centreX: p.x,
                                                baseline: valley ? below : above,
                                                alternativeBaseline: valley ? above : below))
                }
            }
        }
        for m in markers + segments { ctx.placer.add(m) }
        return pending
    }

    /// The box around the segment `p`–`q`, `halfWidth` to each side: what a label must not cover.
    static func segmentQuad(_ p: Point, _ q: Point, halfWidth h: Double) -> ChartQuad {
        let dx = q.x - p.x, dy = q.y - p.y
        let len = Swift.max((dx * dx + dy * dy).squareRoot(), 1e-9)
        let nx = -dy / len * h, ny = dx / len * h
        return ChartQuad(corners: [Point(x: p.x + nx, y: p.y + ny), Point(x: q.x + nx, y: q.y + ny),
                                   Point(x: q.x - nx, y: q.y - ny), Point(x: p.x - nx, y: p.y - ny)])
    }
}

import BriefDocument

extension ColumnChart {
    /// Marker radius of line charts.
    static let markerRadius = 2.5

    /// Draws one polyline with circle markers per series; returns the value labels to place
    /// (above each point, or under it when above is taken). Markers are registered with the
    /// label placer so that no label covers a point.
    func drawLines(centres: [Double], y: (Double) -> Double,
                   valueText: (Double) -> String) -> [PendingLabel] {
        let r = ColumnChart.markerRadius
        let a = ctx.metrics.ascent, d = ctx.metrics.descent
        var pending: [PendingLabel] = []
        var markers: [ChartQuad] = []
        for (si, values) in data.values.enumerated() {
            let color = ChartPalette.color(si)
            let pts = values.enumerated().map { Point(x: centres[$0.offset], y: y($0.element)) }
            if pts.count > 1 {
                var els: [PathElement] = [.move(pts[0])]
                els += pts.dropFirst().map { PathElement.line($0) }
                ctx.items.append(.path(PathItem(elements: els, stroke: color, strokeWidth: 1.5)))
            }
            for p in pts {
                ctx.items.append(.path(ChartContext.circle(p, radius: r, fill: color)))
                markers.append(ChartQuad(Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r)))
            }
            if spec.showValues {
                for (i, p) in pts.enumerated() {
                    pending.append(PendingLabel(text: valueText(values[i]), centreX: p.x,
                                                baseline: p.y - r - 2 - d,
                                                alternativeBaseline: p.y + r + 2 + a))
                }
            }
        }
        for m in markers { ctx.placer.add(m) }
        return pending
    }
}

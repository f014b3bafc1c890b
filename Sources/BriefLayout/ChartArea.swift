import BriefDocument

extension ColumnChart {
    /// Draws stacked bands, one per series in order from the axis up, joined at the category
    /// centres; returns the total labels to place above the top edge. The top edge of every
    /// band is stroked white so that bands of close greys stay apart.
    func drawAreas(centres: [Double], y: (Double) -> Double, totals: [Double],
                   valueText: (Double) -> String) -> [PendingLabel] {
        var xs = centres
        if xs.count == 1 { xs = [centres[0] - 6, centres[0] + 6] }
        func spread(_ v: [Double]) -> [Double] { centres.count == 1 ? [v[0], v[0]] : v }
        var lower = Array(repeating: 0.0, count: xs.count)
        for (si, values) in data.values.enumerated() {
            let upper = zip(lower, spread(values)).map { $0 + $1 }
            var els: [PathElement] = [.move(Point(x: xs[0], y: y(upper[0])))]
            for i in 1..<xs.count { els.append(.line(Point(x: xs[i], y: y(upper[i])))) }
            for i in stride(from: xs.count - 1, through: 0, by: -1) { els.append(.line(Point(x: xs[i], y: y(lower[i])))) }
            els.append(.close)
            ctx.items.append(.path(PathItem(elements: els, fill: ctx.seriesColor(si), hatch: ctx.seriesHatch(si))))
            var edge: [PathElement] = [.move(Point(x: xs[0], y: y(upper[0])))]
            for i in 1..<xs.count { edge.append(.line(Point(x: xs[i], y: y(upper[i])))) }
            ctx.items.append(.path(PathItem(elements: edge, stroke: .white, strokeWidth: 0.75)))
            lower = upper
        }
        guard spec.showValues else { return [] }
        let d = ctx.metrics.descent
        return centres.indices.map { i in
            PendingLabel(text: valueText(totals[i]), centreX: centres[i], baseline: y(totals[i]) - 2 - d)
        }
    }
}

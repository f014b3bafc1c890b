import BriefDocument

/// Turns a ``ChartSpec`` into positioned items inside a frame.
///
/// Layout, top to bottom: the title (caption style, centred), the legend when there is more
/// than one series, the plot (axes, bars, lines or slices, labels) and the source line
/// (note style, left-aligned) at the foot. Every item lies inside `frame`; every text item
/// carries the width the measurer gives it; labels never overlap: optional labels (values,
/// thinned axis labels, pie labels that cannot be fitted) are dropped rather than drawn over
/// another.
///
/// Data rules: values that are NaN, infinite or negative are drawn as 0; a series shorter
/// than the categories is padded with 0 and a longer one cut; pies and donuts use the first
/// series and leave out zero slices. A chart with no categories, no series or only zero
/// values draws its title and a centred “无数据” and nothing else.
package enum ChartLayout {
    /// The text drawn in place of a chart with no data.
    public static let noDataText = "无数据"

    /// Items of `spec` laid out in `frame` (points, y down).
    public static func items(
        for spec: ChartSpec, in frame: Rect, styles: StyleSheet, measurer: some TextMeasuring
    ) -> [PageItem] {
        let ctx = ChartContext(frame: frame, styles: styles, measurer: measurer)
        ctx.hatched = spec.hatched ?? false
        ctx.seriesStyles = spec.series.enumerated().map { Swift.max(0, $1.style ?? $0) }
        ctx.categoryStyles = (spec.categoryStyles ?? []).map { Swift.max(0, $0) }
        let data = ChartData(spec)
        var region = ctx.drawTitle(spec.title, in: frame)
        if data.isEmpty(for: spec.kind) {
            ctx.drawNoData(in: region)
            return ctx.items
        }
        region = ctx.drawSource(spec.source, in: region)
        switch spec.kind {
        case .bar, .stackedBar, .line:
            ColumnChart(ctx: ctx, spec: spec, data: data).draw(in: region)
        case .horizontalBar:
            HorizontalBarChart(ctx: ctx, spec: spec, data: data).draw(in: region)
        case .pie, .donut:
            PieChart(ctx: ctx, spec: spec, data: data, donut: spec.kind == .donut).draw(in: region)
        case .area:
            ColumnChart(ctx: ctx, spec: spec, data: data).draw(in: region)
        case .tileMap:
            TileMapChart(ctx: ctx, spec: spec, data: data).draw(in: region)
        }
        return ctx.items
    }
}

/// The values of a chart, cleaned: one value per category in every series, each finite and
/// ≥ 0.
struct ChartData {
    var categories: [String]
    var names: [String]
    var values: [[Double]]

    init(_ spec: ChartSpec) {
        categories = spec.categories
        names = spec.series.map(\.name)
        values = spec.series.map { s in
            (0..<spec.categories.count).map { i in
                guard i < s.values.count else { return 0 }
                let v = s.values[i]
                return v.isFinite && v > 0 ? v : 0
            }
        }
    }

    var allValues: [Double] { values.flatMap { $0 } }

    /// Whether every value is a whole number (then the axis uses whole steps).
    var isCounts: Bool { allValues.allSatisfy { $0 == $0.rounded() } }

    func isEmpty(for kind: ChartKind) -> Bool {
        if categories.isEmpty || values.isEmpty { return true }
        switch kind {
        case .pie, .donut, .tileMap: return !(values[0].contains { $0 > 0 })
        default: return !allValues.contains { $0 > 0 }
        }
    }
}

/// Formatting of numbers in charts.
enum ChartFormat {
    /// Whole numbers without decimals, others with `digits` decimals.
    static func value(_ v: Double, digits: Int = 1) -> String {
        if Swift.abs(v - v.rounded()) < 1e-9 { return ChineseNumbers.fixed(v.rounded(), digits: 0) }
        return ChineseNumbers.fixed(v, digits: digits)
    }
}

/// Shared state of one chart layout: fonts, metrics, the items drawn, the label placer.
final class ChartContext {
    let frame: Rect
    let styles: StyleSheet
    let measurer: any TextMeasuring
    let font: FontSpec
    let metrics: FontMetrics
    var items: [PageItem] = []
    var placer: ChartLabelPlacer
    /// Whether fills carry line patterns by series (``ChartSpec/hatched``).
    var hatched = false
    /// The palette entry of each series (``ChartSeries/style``, else its position).
    var seriesStyles: [Int] = []
    /// The palette entry of each category, for pie and donut slices (``ChartSpec/categoryStyles``).
    var categoryStyles: [Int] = []

    /// The colour of series `si`.
    func seriesColor(_ si: Int) -> RGBColor { ChartPalette.color(entry(si, seriesStyles)) }

    /// The line pattern of series `si` (see `hatch(_:)`).
    func seriesHatch(_ si: Int) -> Hatch? { hatch(entry(si, seriesStyles)) }

    /// The colour of category `i`'s slice.
    func categoryColor(_ i: Int) -> RGBColor { ChartPalette.color(entry(i, categoryStyles)) }

    /// The line pattern of category `i`'s slice.
    func categoryHatch(_ i: Int) -> Hatch? { hatch(entry(i, categoryStyles)) }

    private func entry(_ i: Int, _ styles: [Int]) -> Int { i < styles.count ? styles[i] : i }

    /// The line pattern of series `index` when the chart is hatched. Unhatched, the colours'
    /// second round (series 8 on, e.g. a donut naming 12 sectors) is hatched ╱, so that no
    /// two slices look alike.
    func hatch(_ index: Int) -> Hatch? {
        if hatched { return ChartPalette.hatch(index) }
        guard index >= ChartPalette.colors.count else { return nil }
        let fill = ChartPalette.color(index)
        return Hatch(angles: [45], spacing: 3.5, lineWidth: 0.6,
                     color: ChartPalette.luma(fill) < 0.5 ? .white : RGBColor(hex: 0x404040))
    }

    /// Gap between a label and what it labels.
    let gap = 3.0

    init(frame: Rect, styles: StyleSheet, measurer: some TextMeasuring) {
        self.frame = frame
        self.styles = styles
        self.measurer = measurer
        font = FontSpec(styles.chartLabel)
        metrics = measurer.metrics(font)
        placer = ChartLabelPlacer(bounds: frame)
    }

    /// Height of one line of chart-label text (ascent + descent).
    var lineHeight: Double { metrics.ascent + metrics.descent }

    func width(_ s: String, _ f: FontSpec? = nil) -> Double { measurer.width(s, font: f ?? font) }

    func metrics(_ f: FontSpec) -> FontMetrics { f == font ? metrics : measurer.metrics(f) }

    /// A text item with its measured width.
    func textItem(_ s: String, x: Double, baseline: Double, font f: FontSpec? = nil,
                  color: RGBColor = ChartPalette.text, rotation: Double = 0) -> TextItem {
        let f = f ?? font
        return TextItem(text: s, font: f, color: color, origin: Point(x: x, y: baseline),
                        width: width(s, f), rotation: rotation)
    }

    func box(_ t: TextItem) -> ChartQuad { ChartQuad(text: t, metrics: metrics(t.font)) }

    /// Draws a text item that layout guarantees a place for.
    func place(_ t: TextItem) {
        placer.add(box(t))
        items.append(.text(t))
    }

    /// Draws a text item only if it fits clear of the others; returns whether it was drawn.
    @discardableResult
    func placeIfFree(_ t: TextItem) -> Bool {
        guard placer.tryAdd(box(t)) else { return false }
        items.append(.text(t))
        return true
    }

    /// Baseline of a line whose ink box (ascent + descent) is centred on `y`.
    func baseline(centredOn y: Double, font f: FontSpec? = nil) -> Double {
        let m = metrics(f ?? font)
        return y + (m.ascent - m.descent) / 2
    }

    /// Splits `text` into lines no wider than `maxWidth`, character by character (what a
    /// caption needs; Chinese text may break between any two characters). A single
    /// character wider than `maxWidth` still gets its own line.
    func wrap(_ text: String, font f: FontSpec, maxWidth: Double) -> [String] {
        let adv = measurer.advances(text, font: f)
        var lines: [String] = [], current = "", w = 0.0
        for (ch, a) in zip(text, adv) {
            if !current.isEmpty && w + a > maxWidth + 1e-9 {
                lines.append(current); current = ""; w = 0
            }
            current.append(ch); w += a
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` cut to at most `maxWidth`, ending in “…” when cut.
    func truncate(_ text: String, maxWidth: Double, font f: FontSpec? = nil) -> String {
        let f = f ?? font
        if width(text, f) <= maxWidth { return text }
        let ell = "…", ellW = width(ell, f)
        var out = "", w = 0.0
        for (ch, a) in zip(text, measurer.advances(text, font: f)) {
            if w + a + ellW > maxWidth { break }
            out.append(ch); w += a
        }
        return out.isEmpty ? "" : out + ell
    }

    // MARK: Title, source, no data

    /// Draws the title centred at the top (wrapped if wider than the frame); returns the
    /// region below it.
    func drawTitle(_ title: String, in region: Rect) -> Rect {
        guard !title.isEmpty else { return region }
        let style = styles.caption
        let f = FontSpec(style)
        let m = metrics(f)
        let lineH = Swift.max(style.lineHeight, m.ascent + m.descent)
        var y = region.y + (lineH - m.ascent - m.descent) / 2
        for line in wrap(title, font: f, maxWidth: region.width) {
            guard y + m.ascent + m.descent <= region.maxY else { break }
            let w = width(line, f)
            guard w <= region.width + 1e-9 else { break }  // a frame narrower than one character
            place(textItem(line, x: region.x + (region.width - w) / 2, baseline: y + m.ascent,
                           font: f, color: style.color))
            y += lineH
        }
        let used = Swift.min(region.height, y - region.y + 2)
        return Rect(x: region.x, y: region.y + used, width: region.width, height: region.height - used)
    }

    /// Draws the source line(s) left-aligned at the foot; returns the region above it.
    func drawSource(_ source: String?, in region: Rect) -> Rect {
        guard let source, !source.isEmpty else { return region }
        let style = styles.note
        let f = FontSpec(style)
        let m = metrics(f)
        let lineH = Swift.max(style.lineHeight, m.ascent + m.descent)
        let lines = wrap(source, font: f, maxWidth: region.width)
        let maxLines = Swift.max(0, Int((region.height * 0.3) / lineH))
        let shown = Array(lines.prefix(maxLines))
        guard !shown.isEmpty else { return region }
        var baseline = region.maxY - m.descent - Double(shown.count - 1) * lineH
        for line in shown where width(line, f) <= region.width + 1e-9 {
            place(textItem(line, x: region.x, baseline: baseline, font: f, color: style.color))
            baseline += lineH
        }
        let used = Double(shown.count) * lineH + 2
        return Rect(x: region.x, y: region.y, width: region.width, height: region.height - used)
    }

    /// Draws “无数据” centred in `region`.
    func drawNoData(in region: Rect) {
        let s = ChartLayout.noDataText
        let w = width(s)
        guard region.height >= lineHeight, region.width >= w else { return }
        place(textItem(s, x: region.x + (region.width - w) / 2,
                       baseline: baseline(centredOn: region.y + region.height / 2),
                       color: ChartPalette.leader))
    }

    // MARK: Legend

    /// Draws a centred legend of the series `names` (their swatches), wrapping onto more
    /// rows when needed; returns the region below it.
    func drawLegend(_ names: [String], lineSwatch: Bool, in region: Rect) -> Rect {
        let swatchW = lineSwatch ? 16.0 : 8.0
        let itemGap = 12.0
        let entries = names.map { name -> (String, Double) in
            let n = truncate(name, maxWidth: Swift.max(10, region.width - swatchW - 4))
            return (n, swatchW + 4 + width(n))
        }
        var rows: [[Int]] = [[]], rowW: [Double] = [0]
        for (i, e) in entries.enumerated() {
            let add = (rows[rows.count - 1].isEmpty ? 0 : itemGap) + e.1
            if !rows[rows.count - 1].isEmpty && rowW[rowW.count - 1] + add > region.width {
                rows.append([i]); rowW.append(e.1)
            } else {
                rows[rows.count - 1].append(i); rowW[rowW.count - 1] += add
            }
        }
        let rowH = lineHeight + 4
        var y = region.y + 2
        for (r, row) in rows.enumerated() {
            guard y + rowH <= region.y + region.height * 0.4, rowW[r] <= region.width else { break }
            var x = region.x + (region.width - rowW[r]) / 2
            let mid = y + lineHeight / 2
            for i in row {
                let color = seriesColor(i)
                if lineSwatch {
                    items.append(.line(LineItem(from: Point(x: x, y: mid), to: Point(x: x + swatchW, y: mid),
                                                width: 1.5, color: color)))
                    items.append(.path(ChartContext.circle(Point(x: x + swatchW / 2, y: mid), radius: 2.5,
                                                           fill: color)))
                } else {
                    items.append(.rect(RectItem(rect: Rect(x: x, y: mid - 4, width: 8, height: 8), fill: color, hatch: seriesHatch(i))))
                }
                place(textItem(entries[i].0, x: x + swatchW + 4, baseline: baseline(centredOn: mid)))
                x += entries[i].1 + itemGap
            }
            y += rowH
        }
        let used = y - region.y + 2
        return Rect(x: region.x, y: region.y + used, width: region.width, height: region.height - used)
    }

    /// A filled circle (markers, legend swatches).
    static func circle(_ c: Point, radius r: Double, fill: RGBColor, stroke: RGBColor? = .white) -> PathItem {
        PathItem(elements: [.move(Point(x: c.x + r, y: c.y)),
                            .arc(center: c, radius: r, start: 0, end: 2 * Double.pi), .close],
                 fill: fill, stroke: stroke, strokeWidth: 0.75)
    }
}

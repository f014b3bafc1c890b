import BriefDocument
import Foundation

/// A chart drawn as a picture for the Word file: PNG bytes and the size it is shown at.
package struct DocxPicture: Sendable, Equatable {
    /// PNG file contents.
    public var png: Data
    /// Shown width in points.
    public var width: Double
    /// Shown height in points.
    public var height: Double

    /// Creates a picture.
    public init(png: Data, width: Double, height: Double) {
        self.png = png
        self.width = width
        self.height = height
    }
}

/// Draws a chart as a picture of `width` × `spec.height` points; nil leaves the chart out
/// (its title and data are then written as a table).
package typealias DocxChartDrawing = (_ spec: ChartSpec, _ width: Double) throws -> DocxPicture?

/// Writes the flow of a document (`w:body` content) and collects the pictures it embeds.
final class DocxBody {
    var x = XMLWriter()
    let page: PageStyle
    let sheet: StyleSheet
    let drawChart: DocxChartDrawing
    /// Pictures in order of appearance: file name in `word/media/` and bytes.
    private(set) var media: [(name: String, data: Data)] = []
    /// Editable charts in order of appearance (`word/charts/chartN.xml`), nil for pictures only.
    var charts: [DocxChart]?
    /// Series colours of editable charts.
    var chartColors: [RGBColor] = []
    /// The document date, for the embedded workbooks' time stamps.
    var date = ""
    private var drawingID = 0

    init(page: PageStyle, sheet: StyleSheet, drawChart: @escaping DocxChartDrawing) {
        self.page = page
        self.sheet = sheet
        self.drawChart = drawChart
    }

    /// Type block width in points and twips.
    var blockWidth: Double { Units.points(mm: page.blockWidth) }
    var blockTwips: Int { Units.twips(mm: page.blockWidth) }

    /// Relationship id of the i-th picture (ids 1… are taken by styles, settings, footers).
    static func pictureRelationship(_ i: Int) -> String { "rIdImage\(i + 1)" }
    /// Relationship id of the i-th editable chart.
    static func chartRelationship(_ i: Int) -> String { "rIdChart\(i + 1)" }

    // MARK: Blocks

    func write(_ blocks: [Block]) throws {
        for block in blocks { try write(block) }
    }

    /// Writes one block; `keepNext` keeps it on the page of the block after it.
    func write(_ block: Block, keepNext: Bool = false) throws {
        switch block {
        case .title(let text):
            var p = ParagraphFormat(style: StyleID.title)
            p.keepNext = keepNext
            x.paragraph(text, p)
        case .heading(let h):
            var p = ParagraphFormat(style: StyleID.heading(h.level))
            p.keepNext = keepNext
            x.paragraph(h.text, p)
        case .paragraph(let para):
            var p = ParagraphFormat(style: para.kind == .note ? StyleID.note : StyleID.body)
            p.keepNext = keepNext
            switch para.kind {
            case .centered: p.alignment = .center; p.firstLine = 0; p.firstLineChars = 0
            case .trailing: p.alignment = .trailing; p.firstLine = 0; p.firstLineChars = 0
            case .body, .note: break
            }
            x.paragraph(para.text, p)
        case .table(let t):
            DocxTable(spec: t, width: blockTwips, styleSheet: sheet).write(&x)
        case .chart(let c):
            try chart(c, keepNext: keepNext)
        case .spacer(let h):
            var p = ParagraphFormat(style: StyleID.body)
            p.snapToGrid = false
            p.exactLine = max(2, Units.twips(h))
            p.keepNext = keepNext
            x.paragraph("", p)
        case .pageBreak:
            x.within("w:p") { x in
                x.within("w:r") { $0.empty("w:br", [("w:type", "page")]) }
            }
        case .keepTogether(let inner):
            for (i, b) in inner.enumerated() {
                try write(b, keepNext: keepNext || i + 1 < inner.count)
            }
        }
    }

    // MARK: Charts

    /// A chart as an inline picture with its title and data as alternative text.
    private func chart(_ c: ChartSpec, keepNext: Bool) throws {
        if charts != nil && DocxChart.maps(c.kind) {
            charts!.append(DocxChart(spec: c, colors: chartColors, date: date))
            inline(width: blockWidth, height: c.height, name: c.title, alt: Self.altText(c), keepNext: keepNext) { x in
                x.within("a:graphicData", [("uri", DocxChart.namespace)]) { x in
                    x.empty("c:chart", [("xmlns:c", DocxChart.namespace), ("r:id", Self.chartRelationship(charts!.count - 1))])
                }
            }
            // The source line the PDF draws under the chart.
            if let source = c.source, !source.isEmpty { x.paragraph(source, ParagraphFormat(style: StyleID.note)) }
            return
        }
        guard let picture = try drawChart(c, blockWidth) else {
            x.paragraph(c.title, ParagraphFormat(style: StyleID.caption))
            x.paragraph(Self.altText(c), ParagraphFormat(style: StyleID.note))
            return
        }
        media.append((name: "image\(media.count + 1).png", data: picture.png))
        let rel = Self.pictureRelationship(media.count - 1)
        let file = "image\(media.count).png", alt = Self.altText(c)
        let cx = "\(Units.emu(picture.width))", cy = "\(Units.emu(picture.height))"
        inline(width: picture.width, height: picture.height, name: c.title, alt: alt, keepNext: keepNext) { x in
            x.within("a:graphicData", [("uri", Namespace.pic)]) { x in
                x.within("pic:pic", [("xmlns:pic", Namespace.pic)]) { x in
                    x.within("pic:nvPicPr") { x in
                        x.empty("pic:cNvPr", [("id", "0"), ("name", file), ("descr", alt)])
                        x.empty("pic:cNvPicPr")
                    }
                    x.within("pic:blipFill") { x in
                        x.empty("a:blip", [("r:embed", rel)])
                        x.within("a:stretch") { $0.empty("a:fillRect") }
                    }
                    x.within("pic:spPr") { x in
                        x.within("a:xfrm") { x in
                            x.empty("a:off", [("x", "0"), ("y", "0")])
                            x.empty("a:ext", [("cx", cx), ("cy", cy)])
                        }
                        x.within("a:prstGeom", [("prst", "rect")]) { $0.empty("a:avLst") }
                    }
                }
            }
        }
    }

    /// An inline drawing of `width` × `height` points in a paragraph of its own, with
    /// `alt` as its description; `graphic` writes the `a:graphicData`.
    private func inline(width: Double, height: Double, name: String, alt: String, keepNext: Bool,
                        graphic: (inout XMLWriter) -> Void) {
        drawingID += 1
        let id = "\(drawingID)"
        let cx = "\(Units.emu(width))", cy = "\(Units.emu(height))"
        var p = ParagraphFormat(style: StyleID.picture)
        p.keepNext = keepNext
        x.within("w:p") { x in
            p.write(&x)
            x.within("w:r") { x in
                x.within("w:drawing") { x in
                    x.within("wp:inline", [("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0")]) { x in
                        x.empty("wp:extent", [("cx", cx), ("cy", cy)])
                        x.empty("wp:effectExtent", [("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")])
                        x.empty("wp:docPr", [("id", id), ("name", name.isEmpty ? "图\(id)" : name), ("descr", alt)])
                        x.within("wp:cNvGraphicFramePr") { x in
                            x.empty("a:graphicFrameLocks", [("xmlns:a", Namespace.a), ("noChangeAspect", "1")])
                        }
                        x.within("a:graphic", [("xmlns:a", Namespace.a)]) { graphic(&$0) }
                    }
                }
            }
        }
    }

    /// The chart's title and every value, for readers that cannot see the picture:
    /// `图1 …：南京 12项，苏州 9项。` (one sentence per series when there are several).
    static func altText(_ c: ChartSpec) -> String {
        func number(_ v: Double) -> String {
            v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%.1f", v)
        }
        var parts: [String] = []
        for s in c.series {
            let values = zip(c.categories, s.values).map { "\($0) \(number($1))\(c.valueUnit)" }.joined(separator: "，")
            parts.append((c.series.count > 1 ? "\(s.name)：" : "") + values + "。")
            if c.kind == .pie || c.kind == .donut { break }
        }
        let head = c.title.isEmpty ? "图表" : c.title
        return parts.isEmpty ? "\(head)：无数据。" : "\(head)：" + parts.joined()
    }
}

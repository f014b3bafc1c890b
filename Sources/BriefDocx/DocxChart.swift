import BriefDocument
import Foundation

/// A chart as an editable DrawingML chart (`c:chartSpace`) with its data in an embedded
/// workbook, so that Word's and WPS's "edit data" open the numbers. Bars (vertical,
/// horizontal, stacked), lines, stacked areas, pies and donuts map; a tile map does not
/// (it stays a picture).
struct DocxChart {
    let spec: ChartSpec
    /// Series colours in order (pies and donuts: slice colours).
    let colors: [RGBColor]
    let date: String

    static let namespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"

    /// Whether this kind of chart has a DrawingML equivalent.
    static func maps(_ kind: ChartKind) -> Bool { kind != .tileMap }

    private var pie: Bool { spec.kind == .pie || spec.kind == .donut }
    private var series: [ChartSeries] { pie ? Array(spec.series.prefix(1)) : spec.series }

    /// Spreadsheet column letter of the 0-based column `i` (A, B, … Z, AA …).
    static func column(_ i: Int) -> String {
        var n = i + 1, out = ""
        while n > 0 { out = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + out; n = (n - 1) / 26 }
        return out
    }

    /// A value clean of NaN, infinities and negatives (as the PDF draws it).
    static func clean(_ v: Double) -> Double { v.isFinite && v > 0 ? v : 0 }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    // MARK: Chart part

    var chartXML: [UInt8] {
        var x = XMLWriter()
        let cats = spec.categories
        x.open("c:chartSpace", [("xmlns:c", Self.namespace), ("xmlns:a", Namespace.a), ("xmlns:r", Namespace.r)])
        x.empty("c:date1904", [("val", "0")])
        x.empty("c:lang", [("val", "zh-CN")])
        x.empty("c:roundedCorners", [("val", "0")])
        x.within("c:chart") { x in
            x.within("c:title") { x in
                x.within("c:tx") { x in
                    x.within("c:rich") { x in
                        x.empty("a:bodyPr")
                        x.within("a:p") { x in
                            x.within("a:pPr") { x in x.within("a:defRPr", [("sz", "1200"), ("b", "0")]) { _ in } }
                            x.within("a:r") { x in
                                x.empty("a:rPr", [("lang", "zh-CN"), ("sz", "1200"), ("b", "0")])
                                x.element("a:t", text: spec.title)
                            }
                        }
                    }
                }
                x.empty("c:overlay", [("val", "0")])
            }
            x.empty("c:autoTitleDeleted", [("val", "0")])
            x.within("c:plotArea") { x in
                x.empty("c:layout")
                plot(&x, categories: cats)
                if !pie { axes(&x) }
            }
            if series.count > 1 || pie {
                x.within("c:legend") { x in
                    x.empty("c:legendPos", [("val", pie ? "r" : "t")])
                    x.empty("c:overlay", [("val", "0")])
                }
            }
            x.empty("c:plotVisOnly", [("val", "1")])
            x.empty("c:dispBlanksAs", [("val", "gap")])
        }
        x.within("c:spPr") { x in
            x.empty("a:noFill")
            x.within("a:ln") { $0.empty("a:noFill") }
        }
        x.within("c:txPr") { x in
            x.empty("a:bodyPr")
            x.within("a:p") { x in
                x.within("a:pPr") { x in
                    x.within("a:defRPr", [("sz", "900")]) { x in
                        x.empty("a:latin", [("typeface", DocxFont.latin)])
                        x.empty("a:ea", [("typeface", DocxFont.of(.heiti).officeName)])
                    }
                }
                x.empty("a:endParaRPr", [("lang", "zh-CN")])
            }
        }
        x.within("c:externalData", [("r:id", "rId1")]) { $0.empty("c:autoUpdate", [("val", "0")]) }
        x.close()
        return x.data
    }

    private func fill(_ x: inout XMLWriter, _ color: RGBColor?, line: Bool = false) {
        guard let color else { return }
        x.within("c:spPr") { x in
            if line {
                x.within("a:ln", [("w", "22225")]) { x in
                    x.within("a:solidFill") { $0.empty("a:srgbClr", [("val", Units.hex(color))]) }
                }
            } else {
                x.within("a:solidFill") { $0.empty("a:srgbClr", [("val", Units.hex(color))]) }
            }
        }
    }

    private func color(_ i: Int) -> RGBColor? { colors.isEmpty ? nil : colors[i % colors.count] }

    /// The colour of series `s`: its palette entry (``ChartSeries/style``), as in the PDF.
    private func seriesColor(_ s: Int) -> RGBColor? { color(Swift.max(0, series[s].style ?? s)) }

    private func labels(_ x: inout XMLWriter, percent: Bool = false) {
        x.within("c:dLbls") { x in
            x.empty("c:showLegendKey", [("val", "0")])
            x.empty("c:showVal", [("val", spec.showValues && !percent ? "1" : "0")])
            x.empty("c:showCatName", [("val", "0")])
            x.empty("c:showSerName", [("val", "0")])
            x.empty("c:showPercent", [("val", spec.showValues && percent ? "1" : "0")])
            x.empty("c:showBubbleSize", [("val", "0")])
        }
    }

    /// Categories and values as references into the workbook with cached values.
    private func data(_ x: inout XMLWriter, _ s: Int, categories: [String]) {
        let n = categories.count
        let col = Self.column(s + 1)
        x.within("c:cat") { x in
            x.within("c:strRef") { x in
                x.element("c:f", text: "Sheet1!$A$2:$A$\(n + 1)")
                x.within("c:strCache") { x in
                    x.empty("c:ptCount", [("val", "\(n)")])
                    for (i, c) in categories.enumerated() {
                        x.within("c:pt", [("idx", "\(i)")]) { $0.element("c:v", text: c) }
                    }
                }
            }
        }
        x.within("c:val") { x in
            x.within("c:numRef") { x in
                x.element("c:f", text: "Sheet1!$\(col)$2:$\(col)$\(n + 1)")
                x.within("c:numCache") { x in
                    x.element("c:formatCode", text: "General")
                    x.empty("c:ptCount", [("val", "\(n)")])
                    let values = series[s].values
                    for i in 0..<n {
                        let v = i < values.count ? Self.clean(values[i]) : 0
                        x.within("c:pt", [("idx", "\(i)")]) { $0.element("c:v", text: Self.number(v)) }
                    }
                }
            }
        }
    }

    private func name(_ x: inout XMLWriter, _ s: Int) {
        let col = Self.column(s + 1)
        x.within("c:tx") { x in
            x.within("c:strRef") { x in
                x.element("c:f", text: "Sheet1!$\(col)$1")
                x.within("c:strCache") { x in
                    x.empty("c:ptCount", [("val", "1")])
                    x.within("c:pt", [("idx", "0")]) { $0.element("c:v", text: series[s].name) }
                }
            }
        }
    }

    private func plot(_ x: inout XMLWriter, categories: [String]) {
        switch spec.kind {
        case .bar, .horizontalBar, .stackedBar, .tileMap:
            let stacked = spec.kind == .stackedBar
            x.within("c:barChart") { x in
                x.empty("c:barDir", [("val", spec.kind == .horizontalBar ? "bar" : "col")])
                x.empty("c:grouping", [("val", stacked ? "stacked" : "clustered")])
                x.empty("c:varyColors", [("val", "0")])
                for s in series.indices {
                    x.within("c:ser") { x in
                        x.empty("c:idx", [("val", "\(s)")])
                        x.empty("c:order", [("val", "\(s)")])
                        name(&x, s)
                        fill(&x, seriesColor(s))
                        x.empty("c:invertIfNegative", [("val", "0")])
                        labels(&x)
                        data(&x, s, categories: categories)
                    }
                }
                x.empty("c:gapWidth", [("val", "60")])
                if stacked { x.empty("c:overlap", [("val", "100")]) }
                x.empty("c:axId", [("val", "1001")])
                x.empty("c:axId", [("val", "1002")])
            }
        case .line:
            x.within("c:lineChart") { x in
                x.empty("c:grouping", [("val", "standard")])
                x.empty("c:varyColors", [("val", "0")])
                for s in series.indices {
                    x.within("c:ser") { x in
                        x.empty("c:idx", [("val", "\(s)")])
                        x.empty("c:order", [("val", "\(s)")])
                        name(&x, s)
                        fill(&x, seriesColor(s), line: true)
                        x.within("c:marker") { $0.empty("c:symbol", [("val", "circle")]) }
                        labels(&x)
                        data(&x, s, categories: categories)
                        x.empty("c:smooth", [("val", "0")])
                    }
                }
                x.empty("c:marker", [("val", "1")])
                x.empty("c:axId", [("val", "1001")])
                x.empty("c:axId", [("val", "1002")])
            }
        case .area:
            x.within("c:areaChart") { x in
                x.empty("c:grouping", [("val", "stacked")])
                x.empty("c:varyColors", [("val", "0")])
                for s in series.indices {
                    x.within("c:ser") { x in
                        x.empty("c:idx", [("val", "\(s)")])
                        x.empty("c:order", [("val", "\(s)")])
                        name(&x, s)
                        fill(&x, seriesColor(s))
                        data(&x, s, categories: categories)
                    }
                }
                x.empty("c:axId", [("val", "1001")])
                x.empty("c:axId", [("val", "1002")])
            }
        case .pie, .donut:
            x.within(spec.kind == .donut ? "c:doughnutChart" : "c:pieChart") { x in
                x.empty("c:varyColors", [("val", "1")])
                for s in series.indices {
                    x.within("c:ser") { x in
                        x.empty("c:idx", [("val", "\(s)")])
                        x.empty("c:order", [("val", "\(s)")])
                        name(&x, s)
                        for i in categories.indices {
                            guard let c = color(Swift.max(0, spec.categoryStyles.flatMap { i < $0.count ? $0[i] : nil } ?? i)) else { break }
                            x.within("c:dPt") { x in
                                x.empty("c:idx", [("val", "\(i)")])
                                x.empty("c:bubble3D", [("val", "0")])
                                fill(&x, c)
                            }
                        }
                        labels(&x, percent: true)
                        data(&x, s, categories: categories)
                    }
                }
                x.empty("c:firstSliceAng", [("val", "0")])
                if spec.kind == .donut { x.empty("c:holeSize", [("val", "55")]) }
            }
        }
    }

    private func axisTitle(_ x: inout XMLWriter, _ text: String?) {
        guard let text, !text.isEmpty else { return }
        x.within("c:title") { x in
            x.within("c:tx") { x in
                x.within("c:rich") { x in
                    x.empty("a:bodyPr")
                    x.within("a:p") { x in
                        x.within("a:r") { x in
                            x.empty("a:rPr", [("lang", "zh-CN"), ("sz", "900"), ("b", "0")])
                            x.element("a:t", text: text)
                        }
                    }
                }
            }
            x.empty("c:overlay", [("val", "0")])
        }
    }

    private func axes(_ x: inout XMLWriter) {
        let horizontal = spec.kind == .horizontalBar
        x.within("c:catAx") { x in
            x.empty("c:axId", [("val", "1001")])
            x.within("c:scaling") { $0.empty("c:orientation", [("val", horizontal ? "maxMin" : "minMax")]) }
            x.empty("c:delete", [("val", "0")])
            x.empty("c:axPos", [("val", horizontal ? "l" : "b")])
            axisTitle(&x, spec.categoryAxisTitle)
            x.empty("c:numFmt", [("formatCode", "General"), ("sourceLinked", "1")])
            x.empty("c:majorTickMark", [("val", "out")])
            x.empty("c:minorTickMark", [("val", "none")])
            x.empty("c:tickLblPos", [("val", "nextTo")])
            x.empty("c:crossAx", [("val", "1002")])
            x.empty("c:crosses", [("val", "autoZero")])
            x.empty("c:auto", [("val", "1")])
            x.empty("c:lblAlgn", [("val", "ctr")])
            x.empty("c:lblOffset", [("val", "100")])
            x.empty("c:noMultiLvlLbl", [("val", "0")])
        }
        x.within("c:valAx") { x in
            x.empty("c:axId", [("val", "1002")])
            x.within("c:scaling") { $0.empty("c:orientation", [("val", "minMax")]) }
            x.empty("c:delete", [("val", "0")])
            x.empty("c:axPos", [("val", horizontal ? "b" : "l")])
            x.within("c:majorGridlines") { x in
                x.within("c:spPr") { x in
                    x.within("a:ln", [("w", "6350")]) { $0.within("a:solidFill") { $0.empty("a:srgbClr", [("val", "D0D0D0")]) } }
                }
            }
            axisTitle(&x, spec.valueAxisTitle)
            x.empty("c:numFmt", [("formatCode", "General"), ("sourceLinked", "1")])
            x.empty("c:majorTickMark", [("val", "out")])
            x.empty("c:minorTickMark", [("val", "none")])
            x.empty("c:tickLblPos", [("val", "nextTo")])
            x.empty("c:crossAx", [("val", "1001")])
            x.empty("c:crosses", [("val", horizontal ? "max" : "autoZero")])
            x.empty("c:crossBetween", [("val", spec.kind == .area || spec.kind == .line ? "midCat" : "between")])
        }
    }

    // MARK: Embedded workbook

    /// Sheet1: categories in column A, one series per column from B, names in row 1.
    func workbook() throws -> Data {
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        var sheet = XMLWriter()
        func text(_ x: inout XMLWriter, _ ref: String, _ s: String) {
            x.within("c", [("r", ref), ("t", "inlineStr")]) { $0.within("is") { $0.element("t", text: s) } }
        }
        sheet.within("worksheet", [("xmlns", ns)]) { x in
            x.within("sheetData") { x in
                x.within("row", [("r", "1")]) { x in
                    text(&x, "A1", "")
                    for s in series.indices { text(&x, "\(Self.column(s + 1))1", series[s].name) }
                }
                for (i, cat) in spec.categories.enumerated() {
                    x.within("row", [("r", "\(i + 2)")]) { x in
                        text(&x, "A\(i + 2)", cat)
                        for s in series.indices {
                            let values = series[s].values
                            let v = i < values.count ? Self.clean(values[i]) : 0
                            x.within("c", [("r", "\(Self.column(s + 1))\(i + 2)")]) { $0.element("v", text: Self.number(v)) }
                        }
                    }
                }
            }
        }
        var book = XMLWriter()
        book.within("workbook", [("xmlns", ns), ("xmlns:r", Namespace.r)]) { x in
            x.within("sheets") { $0.empty("sheet", [("name", "Sheet1"), ("sheetId", "1"), ("r:id", "rId1")]) }
        }
        func rels(_ type: String, _ target: String) -> Data {
            var x = XMLWriter()
            x.within("Relationships", [("xmlns", Namespace.relationships)]) { x in
                x.empty("Relationship", [("Id", "rId1"), ("Type", Namespace.officeRel + "/" + type), ("Target", target)])
            }
            return Data(x.data)
        }
        var types = XMLWriter()
        types.within("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")]) { x in
            x.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
            x.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
            x.empty("Override", [("PartName", "/xl/workbook.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")])
            x.empty("Override", [("PartName", "/xl/worksheets/sheet1.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")])
        }
        return try DocxPackage.data([
            ("[Content_Types].xml", Data(types.data)),
            ("_rels/.rels", rels("officeDocument", "xl/workbook.xml")),
            ("xl/workbook.xml", Data(book.data)),
            ("xl/_rels/workbook.xml.rels", rels("worksheet", "worksheets/sheet1.xml")),
            ("xl/worksheets/sheet1.xml", Data(sheet.data)),
        ], date: date)
    }
}

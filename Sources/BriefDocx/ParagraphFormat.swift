import BriefDocument

/// A paragraph border line (`w:pBdr`): width in points, colour, gap to the text in points.
struct BorderLine: Equatable {
    var width: Double
    var color: RGBColor = .black
    var space: Double = 1

    func write(_ x: inout XMLWriter, _ side: String) {
        x.empty("w:\(side)", [("w:val", "single"), ("w:sz", "\(Units.eighths(width))"),
                              ("w:space", "\(Int(min(31, max(0, space)).rounded()))"), ("w:color", Units.hex(color))])
    }
}

/// Paragraph properties, written as `w:pPr` in the order the schema asks for.
struct ParagraphFormat: Equatable {
    var style: String?
    var keepNext = false
    var pageBreakBefore = false
    var top: BorderLine?
    var bottom: BorderLine?
    /// Right-aligned tab stop at this position (twips), for "left … right" lines.
    var rightTab: Int?
    /// False to leave the document grid (tables, pictures, large type).
    var snapToGrid: Bool?
    var before: Int?
    var after: Int?
    /// Exact line height in twips.
    var exactLine: Int?
    /// Single line spacing (overrides an exact height inherited from the style).
    var singleLine = false
    /// Indents in twips, with the same in hundredths of a character (Word prefers those).
    var left: Int?
    var right: Int?
    var firstLine: Int?
    var hanging: Int?
    var leftChars: Int?
    var rightChars: Int?
    var firstLineChars: Int?
    var hangingChars: Int?
    var alignment: TextAlignment?
    var outlineLevel: Int?

    init(style: String? = nil) { self.style = style }

    static func jc(_ a: TextAlignment) -> String {
        switch a {
        case .leading: return "left"
        case .center: return "center"
        case .trailing: return "right"
        case .justified: return "both"
        }
    }

    /// Writes `w:pPr`, with `run` as the paragraph mark's run properties.
    func write(_ x: inout XMLWriter, run: RunFormat = RunFormat()) {
        x.within("w:pPr") { x in
            if let style { x.empty("w:pStyle", [("w:val", style)]) }
            if keepNext { x.empty("w:keepNext") }
            if pageBreakBefore { x.empty("w:pageBreakBefore") }
            if top != nil || bottom != nil {
                x.within("w:pBdr") { x in
                    top?.write(&x, "top")
                    bottom?.write(&x, "bottom")
                }
            }
            if let rightTab {
                x.within("w:tabs") { $0.empty("w:tab", [("w:val", "right"), ("w:pos", "\(rightTab)")]) }
            }
            if let snapToGrid { x.empty("w:snapToGrid", [("w:val", snapToGrid ? "1" : "0")]) }
            var spacing: [(String, String)] = []
            if let before { spacing.append(("w:before", "\(before)")) }
            if let after { spacing.append(("w:after", "\(after)")) }
            if let exactLine {
                spacing += [("w:line", "\(exactLine)"), ("w:lineRule", "exact")]
            } else if singleLine {
                spacing += [("w:line", "240"), ("w:lineRule", "auto")]
            }
            if !spacing.isEmpty { x.empty("w:spacing", spacing) }
            var ind: [(String, String)] = []
            if let leftChars { ind.append(("w:leftChars", "\(leftChars)")) }
            if let left { ind.append(("w:left", "\(left)")) }
            if let rightChars { ind.append(("w:rightChars", "\(rightChars)")) }
            if let right { ind.append(("w:right", "\(right)")) }
            if let hangingChars { ind.append(("w:hangingChars", "\(hangingChars)")) }
            if let hanging { ind.append(("w:hanging", "\(hanging)")) }
            if let firstLineChars { ind.append(("w:firstLineChars", "\(firstLineChars)")) }
            if let firstLine { ind.append(("w:firstLine", "\(firstLine)")) }
            if !ind.isEmpty { x.empty("w:ind", ind) }
            if let alignment { x.empty("w:jc", [("w:val", Self.jc(alignment))]) }
            if let outlineLevel { x.empty("w:outlineLvl", [("w:val", "\(outlineLevel)")]) }
            run.write(&x)
        }
    }
}

extension XMLWriter {
    /// A run of text; tabs in `text` become `w:tab`.
    mutating func run(_ text: String, _ format: RunFormat = RunFormat()) {
        within("w:r") { x in
            format.write(&x)
            for (i, piece) in text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { x.empty("w:tab") }
                if !piece.isEmpty { x.element("w:t", [("xml:space", "preserve")], text: String(piece)) }
            }
        }
    }

    /// A whole paragraph of one run.
    mutating func paragraph(_ text: String, _ format: ParagraphFormat, run: RunFormat = RunFormat()) {
        within("w:p") { x in
            format.write(&x)
            if !text.isEmpty { x.run(text, run) }
        }
    }
}

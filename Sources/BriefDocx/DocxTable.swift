import BriefDocument

/// A `TableSpec` as a Word table: caption paragraph, header rows marked to repeat on every
/// page (`w:tblHeader`), body rows aligned by column (numbers right), totals, note.
struct DocxTable {
    let spec: TableSpec
    /// Table width in twips.
    let width: Int
    let styleSheet: StyleSheet

    private var thick: Double { 1.5 }
    private var thin: Double { 0.75 }

    /// Column widths in twips, in proportion to the columns' weights, summing to `width`.
    var columnWidths: [Int] {
        let weights = spec.columns.map { max(0.01, $0.weight) }
        let total = weights.reduce(0, +)
        var out: [Int] = []
        var used = 0
        for (i, w) in weights.enumerated() {
            let v = i == weights.count - 1 ? width - used : Int((Double(width) * w / total).rounded())
            out.append(v)
            used += v
        }
        return out
    }

    /// One header row's cells placed on the column grid (HTML rules): for each column
    /// position, the cell starting there (with its span), or a continuation of a cell from
    /// a row above.
    enum Slot: Equatable {
        case start(title: String, span: Int, rowSpan: Int)
        case below(span: Int)
        case covered
    }

    static func headerGrid(_ rows: [[TableHeaderCell]], columns: Int) -> [[Slot]] {
        var grid = Array(repeating: Array(repeating: Slot?.none, count: columns), count: rows.count)
        for (r, row) in rows.enumerated() {
            var c = 0
            for cell in row {
                while c < columns, grid[r][c] != nil { c += 1 }
                guard c < columns else { break }
                let span = min(cell.columnSpan, columns - c)
                let rowSpan = min(cell.rowSpan, rows.count - r)
                grid[r][c] = .start(title: cell.title, span: span, rowSpan: rowSpan)
                for k in 1..<max(1, span) where c + k < columns { grid[r][c + k] = .covered }
                if rowSpan > 1 {
                    for rr in (r + 1)..<(r + rowSpan) {
                        grid[rr][c] = .below(span: span)
                        for k in 1..<max(1, span) where c + k < columns { grid[rr][c + k] = .covered }
                    }
                }
                c += span
            }
        }
        // Positions no cell reached stay empty cells of their own.
        return grid.map { $0.map { $0 ?? .start(title: "", span: 1, rowSpan: 1) } }
    }

    func write(_ x: inout XMLWriter) {
        if let caption = spec.caption, !caption.isEmpty {
            x.paragraph(caption, ParagraphFormat(style: StyleID.caption))
        }
        let widths = columnWidths
        let grid = spec.style == .grid
        x.within("w:tbl") { x in
            x.within("w:tblPr") { x in
                x.empty("w:tblW", [("w:w", "\(width)"), ("w:type", "dxa")])
                x.empty("w:jc", [("w:val", "center")])
                x.within("w:tblBorders") { x in
                    let outer = grid ? thin : thick
                    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                        let on = grid || side == "top" || side == "bottom"
                        if on {
                            x.empty("w:\(side)", [("w:val", "single"), ("w:sz", "\(Units.eighths(side == "top" || side == "bottom" ? outer : 0.5))"),
                                                  ("w:space", "0"), ("w:color", "000000")])
                        } else {
                            x.empty("w:\(side)", [("w:val", "nil")])
                        }
                    }
                }
                x.empty("w:tblLayout", [("w:type", "fixed")])
                x.empty("w:tblLook", [("w:val", "04A0"), ("w:firstRow", "1"), ("w:lastRow", "0"), ("w:firstColumn", "0"),
                                      ("w:lastColumn", "0"), ("w:noHBand", "1"), ("w:noVBand", "1")])
            }
            x.within("w:tblGrid") { x in
                for w in widths { x.empty("w:gridCol", [("w:w", "\(w)")]) }
            }
            let header = Self.headerGrid(spec.header, columns: spec.columns.count)
            for (r, row) in header.enumerated() {
                let last = r == header.count - 1
                x.within("w:tr") { x in
                    x.within("w:trPr") { x in
                        x.empty("w:cantSplit")
                        x.empty("w:tblHeader")
                    }
                    var c = 0
                    while c < row.count {
                        switch row[c] {
                        case let .start(title, span, rowSpan):
                            cell(&x, title, width: widths[c..<(c + span)].reduce(0, +), span: span,
                                 merge: rowSpan > 1 ? "restart" : nil, ruleBelow: (last || rowSpan == header.count - r) && !grid,
                                 style: StyleID.tableHeader, alignment: .center)
                            c += span
                        case let .below(span):
                            cell(&x, "", width: widths[c..<(c + span)].reduce(0, +), span: span, merge: "continue",
                                 ruleBelow: last && !grid, style: StyleID.tableHeader, alignment: .center)
                            c += span
                        case .covered:
                            c += 1
                        }
                    }
                }
            }
            for row in spec.rows { bodyRow(&x, row, widths: widths, ruleAbove: false) }
            if let totals = spec.totals { bodyRow(&x, totals, widths: widths, ruleAbove: !grid) }
        }
        if let note = spec.note, !note.isEmpty {
            x.paragraph(note, ParagraphFormat(style: StyleID.note))
        } else {
            // Word needs a paragraph between a table and whatever follows.
            var p = ParagraphFormat(style: StyleID.note)
            p.exactLine = 120
            x.paragraph("", p)
        }
    }

    private func bodyRow(_ x: inout XMLWriter, _ row: [String], widths: [Int], ruleAbove: Bool) {
        x.within("w:tr") { x in
            x.within("w:trPr") { $0.empty("w:cantSplit") }
            for (c, w) in widths.enumerated() {
                let text = c < row.count ? row[c] : ""
                cell(&x, text, width: w, span: 1, merge: nil, ruleAbove: ruleAbove, style: StyleID.tableText,
                     alignment: spec.columns[c].alignment == .justified ? .leading : spec.columns[c].alignment)
            }
        }
    }

    private func cell(_ x: inout XMLWriter, _ text: String, width: Int, span: Int, merge: String?,
                      ruleAbove: Bool = false, ruleBelow: Bool = false, style: String, alignment: TextAlignment) {
        x.within("w:tc") { x in
            x.within("w:tcPr") { x in
                x.empty("w:tcW", [("w:w", "\(width)"), ("w:type", "dxa")])
                if span > 1 { x.empty("w:gridSpan", [("w:val", "\(span)")]) }
                if let merge { x.empty("w:vMerge", [("w:val", merge)]) }
                if ruleAbove || ruleBelow {
                    x.within("w:tcBorders") { x in
                        let attrs = [("w:val", "single"), ("w:sz", "\(Units.eighths(thin))"), ("w:space", "0"), ("w:color", "000000")]
                        if ruleAbove { x.empty("w:top", attrs) }
                        if ruleBelow { x.empty("w:bottom", attrs) }
                    }
                }
                x.empty("w:vAlign", [("w:val", "center")])
            }
            var p = ParagraphFormat(style: style)
            p.alignment = alignment
            x.paragraph(text, p)
        }
    }
}

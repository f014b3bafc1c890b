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

    /// Cell padding left and right, twips (1 mm).
    static let padding = 57

    /// Body and header text styles, smaller for compact tables (小五 on 11.5 pt lines).
    var bodyStyle: TextStyle { dense(styleSheet.tableBody) }
    var headerStyle: TextStyle { dense(styleSheet.tableHeader) }
    private func dense(_ s: TextStyle) -> TextStyle {
        var s = s
        if spec.density == .compact { s.size = ChineseFontSize.xiaowu; s.lineHeight = 11.5 }
        return s
    }

    /// Estimated advance of `text` in points: CJK and full-width one em, ASCII half.
    static func advance(_ text: Substring, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 0.55 : 1) } * size
    }

    /// Column widths in twips summing to `width`, from the content as the PDF's layout does
    /// (with estimated advances, since Word measures for itself): no column narrower than its
    /// widest number, Latin word, or header of up to four characters; when everything fits
    /// on one line each column gets its natural width plus a share of the rest by weight;
    /// otherwise columns are sized by weight but never under their minimum.
    var columnWidths: [Int] {
        let n = spec.columns.count
        guard n > 0 else { return [] }
        let weights = spec.columns.map { max(0.01, $0.weight) }
        let wsum = weights.reduce(0, +)
        let total = Double(width) / 20, pad = Double(2 * Self.padding) / 20 + 1
        var minW = Array(repeating: 0.0, count: n), maxW = Array(repeating: 0.0, count: n)
        func see(_ text: String, _ i: Int, size: Double, whole: Bool) {
            let all = Self.advance(Substring(text), size: size)
            maxW[i] = max(maxW[i], all)
            if whole && text.count <= 4 { minW[i] = max(minW[i], all); return }
            for piece in text.split(whereSeparator: { !$0.isASCII || $0.isWhitespace }) {
                minW[i] = max(minW[i], Self.advance(piece, size: size))
            }
            if text.contains(where: { !$0.isASCII }) { minW[i] = max(minW[i], size) }
        }
        for (r, row) in Self.headerGrid(spec.header, columns: n).enumerated() {
            _ = r
            for (i, slot) in row.enumerated() { if case let .start(title, 1, _) = slot { see(title, i, size: headerStyle.size, whole: true) } }
        }
        for row in spec.rows.prefix(1000) + (spec.totals.map { [$0] } ?? []) {
            for i in 0..<min(n, row.count) { see(row[i], i, size: bodyStyle.size, whole: false) }
        }
        minW = minW.map { $0 + pad }
        maxW = zip(maxW, minW).map { max($0 + pad, $1) }
        var out: [Double]
        if maxW.reduce(0, +) <= total {
            let spare = total - maxW.reduce(0, +)
            out = (0..<n).map { maxW[$0] + spare * weights[$0] / wsum }
        } else if minW.reduce(0, +) <= total {
            // By weight, but a column gets at least its minimum and at most its natural width;
            // what one column leaves is shared again among the others.
            out = Array(repeating: 0, count: n)
            var open = Set(0..<n), left = total
            while !open.isEmpty {
                let w = open.reduce(0.0) { $0 + weights[$1] }
                let share = { (i: Int) in left * weights[i] / w }
                if let i = open.sorted().first(where: { maxW[$0] <= share($0) || minW[$0] >= share($0) }) {
                    out[i] = maxW[i] <= share(i) ? maxW[i] : minW[i]
                    left -= out[i]
                    open.remove(i)
                } else {
                    for i in open { out[i] = share(i) }
                    open.removeAll()
                }
            }
        } else {
            out = weights.map { total * $0 / wsum }
        }
        var twips = out.map { Int(($0 * 20).rounded(.down)) }
        twips[n - 1] += width - twips.reduce(0, +)
        return twips
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
            var run = RunFormat()
            if spec.density == .compact {
                p.exactLine = Units.twips(bodyStyle.lineHeight)
                run.size = bodyStyle.size
            }
            x.paragraph(text, p, run: run)
        }
    }
}

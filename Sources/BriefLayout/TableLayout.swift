import BriefDocument

/// Lays out a table: header rows repeated on every page, 续表 caption on continuation pages,
/// rows never split across pages, three-line or grid rules.
struct TableLayout {
    let page: PageBuilder
    let styles: StyleSheet
    let breaker: LineBreaker
    let padX = 4.0
    let padY = 3.0
    let thick = 1.2
    let thin = 0.5
    /// Tables with at most this many body rows (totals included) are kept on one page.
    static let unsplitRowLimit = 15
    /// A longer table starts on a page only if this many rows fit there under its header.
    static let minimumRowsBeforeBreak = 3

    struct Row {
        var cells: [[BrokenLine]]
        var height: Double
    }

    init(page: PageBuilder, styles: StyleSheet, breaker: LineBreaker) {
        self.page = page
        self.styles = styles
        self.breaker = breaker
    }

    func measureRow(_ cells: [String], style st: TextStyle, widths: [Double]) -> Row {
        var lines: [[BrokenLine]] = []
        var maxLines = 1
        for (i, w) in widths.enumerated() {
            let text = i < cells.count ? cells[i] : ""
            let l = breaker.breakLines(text, font: FontSpec(st), width: max(1, w - 2 * padX))
            lines.append(l)
            maxLines = max(maxLines, l.count)
        }
        return Row(cells: lines, height: Double(maxLines) * st.lineHeight + 2 * padY)
    }

    func captionHeight(_ t: TableSpec) -> Double {
        t.caption == nil ? 0 : styles.caption.spaceBefore + styles.caption.lineHeight + styles.caption.spaceAfter
    }

    func minimumHeight(_ t: TableSpec) -> Double {
        let widths = columnWidths(t)
        let header = measureRow(t.columns.map(\.title), style: styles.tableHeader, widths: widths)
        let first = t.rows.first.map { measureRow($0, style: styles.tableBody, widths: widths).height } ?? 0
        return captionHeight(t) + header.height + first
    }

    func fullHeight(_ t: TableSpec) -> Double {
        let widths = columnWidths(t)
        var h = captionHeight(t) + measureRow(t.columns.map(\.title), style: styles.tableHeader, widths: widths).height
        for r in t.rows { h += measureRow(r, style: styles.tableBody, widths: widths).height }
        if let totals = t.totals { h += measureRow(totals, style: styles.tableBody, widths: widths).height }
        if let note = t.note {
            h += Double(breaker.breakLines(note, font: FontSpec(styles.note), width: page.block.width).count)
                * styles.note.lineHeight + styles.note.spaceAfter
        }
        return h + 6
    }

    func place(_ t: TableSpec) throws {
        let widths = columnWidths(t)
        let header = measureRow(t.columns.map(\.title), style: styles.tableHeader, widths: widths)
        var bodyRows = t.rows.map { ($0, false) }
        if let totals = t.totals { bodyRows.append((totals, true)) }
        // A short table is not split: it moves whole to the next page when it fits there.
        // A long one starts only where at least `minimumRowsBeforeBreak` rows fit under its header.
        let lead = bodyRows.prefix(bodyRows.count <= Self.unsplitRowLimit ? bodyRows.count : Self.minimumRowsBeforeBreak)
        let leadHeight = lead.reduce(0.0) { $0 + measureRow($1.0, style: styles.tableBody, widths: widths).height }
        let needed = captionHeight(t) + header.height + leadHeight
            + (lead.count == bodyRows.count ? fullHeight(t) - captionHeight(t) - header.height - leadHeight : 0)
        if page.remaining < needed && !page.atPageTop && needed <= page.block.height { try page.newPage() }
        if page.remaining < captionHeight(t) + header.height + (lead.first.map { measureRow($0.0, style: styles.tableBody, widths: widths).height } ?? 0)
            && !page.atPageTop { try page.newPage() }

        var segmentTop = startSegment(t, header: header, widths: widths, continued: false)
        for (cells, isTotal) in bodyRows {
            let row = measureRow(cells, style: styles.tableBody, widths: widths)
            if row.height > page.remaining {
                closeSegment(t, top: segmentTop, widths: widths)
                try page.newPage()
                segmentTop = startSegment(t, header: header, widths: widths, continued: true)
                if row.height > page.remaining {
                    throw LayoutError.tooLarge(what: "a row of table “\(t.caption ?? "")”", page: page.pageNumber,
                                               height: row.height, available: page.remaining)
                }
            }
            if isTotal && t.style == .threeLine {
                page.add(.line(LineItem(from: Point(x: page.block.x, y: page.cursor),
                                        to: Point(x: page.block.maxX, y: page.cursor), width: thin)))
            }
            drawRow(row, columns: t.columns, style: styles.tableBody, widths: widths, header: false, grid: t.style == .grid)
        }
        closeSegment(t, top: segmentTop, widths: widths)
        if let note = t.note {
            page.cursor += 3
            let lines = breaker.breakLines(note, font: FontSpec(styles.note), width: page.block.width)
            for line in lines {
                if page.remaining < styles.note.lineHeight { try page.newPage() }
                let base = page.baseline(top: page.cursor, style: styles.note)
                page.add(page.text(line.text, style: styles.note, x: page.block.x, baseline: base))
                page.cursor += styles.note.lineHeight
            }
        }
        page.cursor += 6
    }

    /// Caption, top rule and header rows; returns the y of the table's top rule.
    private func startSegment(_ t: TableSpec, header: Row, widths: [Double], continued: Bool) -> Double {
        if let caption = t.caption {
            var text = caption
            if continued { text = caption.hasPrefix("表") ? "续" + caption : "续表　" + caption }
            let cs = styles.caption
            if !page.atPageTop { page.cursor += cs.spaceBefore }
            let base = page.baseline(top: page.cursor, style: cs)
            let w = page.measurer.width(text, font: FontSpec(cs))
            page.add(page.text(text, style: cs, x: page.block.x + (page.block.width - w) / 2, baseline: base))
            page.cursor += cs.lineHeight + cs.spaceAfter
        }
        let top = page.cursor
        if t.style == .threeLine {
            page.add(.line(LineItem(from: Point(x: page.block.x, y: top), to: Point(x: page.block.maxX, y: top), width: thick)))
        }
        drawRow(header, columns: t.columns, style: styles.tableHeader, widths: widths, header: true, grid: t.style == .grid)
        if t.style == .threeLine {
            page.add(.line(LineItem(from: Point(x: page.block.x, y: page.cursor),
                                    to: Point(x: page.block.maxX, y: page.cursor), width: thin)))
        }
        return top
    }

    private func closeSegment(_ t: TableSpec, top: Double, widths: [Double]) {
        if t.style == .threeLine {
            page.add(.line(LineItem(from: Point(x: page.block.x, y: page.cursor),
                                    to: Point(x: page.block.maxX, y: page.cursor), width: thick)))
        }
    }

    private func drawRow(_ row: Row, columns: [TableColumn], style st: TextStyle, widths: [Double], header: Bool, grid: Bool) {
        var x = page.block.x
        for (i, w) in widths.enumerated() {
            if grid {
                page.add(.rect(RectItem(rect: Rect(x: x, y: page.cursor, width: w, height: row.height),
                                        fill: header ? RGBColor(hex: 0xEDEDED) : nil, stroke: .black, strokeWidth: thin)))
            }
            let align: TextAlignment = header ? .center : columns[i].alignment
            var lineTop = page.cursor + padY
            for line in row.cells[i] {
                let base = page.baseline(top: lineTop, style: st)
                let inner = w - 2 * padX
                let lx: Double
                switch align {
                case .center: lx = x + padX + (inner - line.width) / 2
                case .trailing: lx = x + w - padX - line.width
                case .leading, .justified: lx = x + padX
                }
                page.add(.text(TextItem(text: line.text, font: FontSpec(st), color: st.color,
                                        origin: Point(x: lx, y: base), width: line.width)))
                lineTop += st.lineHeight
            }
            x += w
        }
        page.cursor += row.height
    }
}

import BriefDocument

/// Lays out a table: all header rows (grouped headers with spanning cells included) repeated
/// on every page, 续表 caption on continuation pages, three-line or grid rules. A row is never
/// split across pages unless it is taller than a page's room under the header; then it
/// continues on the next page, line by line. Where a table breaks, at least two rows stay on
/// each side (`minimumRowsAtBreak`).
///
/// Every body row is measured once, where it is placed; column widths and the header are
/// worked out once per table.
struct TableLayout {
    let page: PageBuilder
    let styles: StyleSheet
    let breaker: LineBreaker
    let padX = 4.0
    let thick = 1.2
    let thin = 0.5
    /// Tables with at most this many body rows (totals included) move whole to the next page
    /// when they do not fit, unless that would leave more than a quarter of the page empty and
    /// `minimumRowsEachSide` rows stay together on each side of the break (header repeated,
    /// 续表 caption).
    static let unsplitRowLimit = 15
    /// Rows that stay together on each side when a short table splits.
    static let minimumRowsEachSide = 4
    /// A longer table starts on a page only if this many rows fit there under its header.
    static let minimumRowsBeforeBreak = 3
    /// Widows and orphans: where a table breaks, at least this many body rows (totals
    /// included) stay on each side — no row alone at the top of a 续表 page nor at the foot
    /// of the page before it — when the table has twice as many.
    static let minimumRowsAtBreak = 2

    struct Row {
        var cells: [[BrokenLine]]
        var height: Double
    }

    /// One header cell placed in the header grid.
    struct HeaderCell {
        var title: String
        var row: Int
        var column: Int
        var columnSpan: Int
        var rowSpan: Int
        var lines: [BrokenLine] = []
    }

    /// The header laid out for the column widths.
    struct Header {
        var cells: [HeaderCell]
        var rowHeights: [Double]
        var height: Double { rowHeights.reduce(0, +) }
    }

    /// What is worked out once per table.
    struct Prepared {
        var widths: [Double]
        var header: Header
        var headerStyle: TextStyle
        var bodyStyle: TextStyle
        var padY: Double
    }

    init(page: PageBuilder, styles: StyleSheet, breaker: LineBreaker) {
        self.page = page
        self.styles = styles
        // Cells break between words: 有限公司, 集团, 中国质量奖 … stay whole (clreq).
        self.breaker = breaker.keepingNameParts()
    }

    // MARK: Styles

    func headerStyle(_ t: TableSpec) -> TextStyle {
        var s = styles.tableHeader
        if t.density == .compact { s.size = ChineseFontSize.xiaowu; s.lineHeight = 11.5 }
        return s
    }

    func bodyStyle(_ t: TableSpec) -> TextStyle {
        var s = styles.tableBody
        if t.density == .compact { s.size = ChineseFontSize.xiaowu; s.lineHeight = 11.5 }
        return s
    }

    func padY(_ t: TableSpec) -> Double { t.density == .compact ? 1.75 : 3 }

    // MARK: Header grid

    /// The header cells with their grid positions: each row's cells fill the positions left
    /// free by cells spanning down from above, left to right (as in HTML). Cells beyond the
    /// last column are dropped; spans are clipped to the grid.
    static func headerPlacement(_ t: TableSpec) -> (cells: [HeaderCell], rows: Int) {
        let n = t.columns.count
        let rows = t.header
        let r = rows.count
        var occupied = Array(repeating: Array(repeating: false, count: n), count: r)
        var out: [HeaderCell] = []
        for (ri, row) in rows.enumerated() {
            var c = 0
            for cell in row {
                while c < n && occupied[ri][c] { c += 1 }
                guard c < n else { break }
                var span = min(cell.columnSpan, n - c)
                // A span stops at a position already taken from above.
                for k in 1..<max(span, 1) where occupied[ri][c + k] { span = k; break }
                let rs = min(cell.rowSpan, r - ri)
                for rr in ri..<(ri + rs) { for cc in c..<(c + span) { occupied[rr][cc] = true } }
                out.append(HeaderCell(title: cell.title, row: ri, column: c, columnSpan: span, rowSpan: rs))
                c += span
            }
        }
        return (out, r)
    }

    func layoutHeader(_ t: TableSpec, widths: [Double], style st: TextStyle, padY: Double) -> Header {
        var (cells, r) = Self.headerPlacement(t)
        let font = FontSpec(st)
        var heights = Array(repeating: st.lineHeight + 2 * padY, count: max(r, 1))
        for i in cells.indices {
            let w = widths[cells[i].column..<(cells[i].column + cells[i].columnSpan)].reduce(0, +)
            cells[i].lines = breaker.breakLines(cells[i].title, font: font, width: max(1, w - 2 * padX))
        }
        for c in cells where c.rowSpan == 1 {
            heights[c.row] = max(heights[c.row], Double(c.lines.count) * st.lineHeight + 2 * padY)
        }
        for c in cells where c.rowSpan > 1 {
            let need = Double(c.lines.count) * st.lineHeight + 2 * padY
            let have = heights[c.row..<(c.row + c.rowSpan)].reduce(0, +)
            if need > have { heights[c.row + c.rowSpan - 1] += need - have }
        }
        return Header(cells: cells, rowHeights: heights)
    }

    func prepare(_ t: TableSpec) -> Prepared {
        let widths = columnWidths(t)
        let hs = headerStyle(t), bs = bodyStyle(t), py = padY(t)
        return Prepared(widths: widths, header: layoutHeader(t, widths: widths, style: hs, padY: py),
                        headerStyle: hs, bodyStyle: bs, padY: py)
    }

    // MARK: Measuring

    func measureRow(_ cells: [String], _ p: Prepared) -> Row {
        var lines: [[BrokenLine]] = []
        lines.reserveCapacity(p.widths.count)
        var maxLines = 1
        let font = FontSpec(p.bodyStyle)
        for (i, w) in p.widths.enumerated() {
            let text = i < cells.count ? cells[i] : ""
            let l = breaker.breakLines(text, font: font, width: max(1, w - 2 * padX))
            lines.append(l)
            maxLines = max(maxLines, l.count)
        }
        return Row(cells: lines, height: Double(maxLines) * p.bodyStyle.lineHeight + 2 * p.padY)
    }

    func captionHeight(_ t: TableSpec) -> Double {
        t.caption == nil ? 0 : styles.caption.spaceBefore + styles.caption.lineHeight + styles.caption.spaceAfter
    }

    /// The least height the table needs where it starts: all of a short table (it is not
    /// split), else the caption, the header and the first rows that `place` insists on.
    func minimumHeight(_ t: TableSpec) -> Double {
        let p = prepare(t)
        let bodyCount = t.rows.count + (t.totals == nil ? 0 : 1)
        if bodyCount <= Self.unsplitRowLimit {
            let full = min(fullHeight(t, p), page.block.height)
            guard full > page.remaining, let k = shortTableSplit(t, p) else { return full }
            return captionHeight(t) + p.header.height + (0..<k).reduce(0.0) { $0 + measureRow(bodyCells(t, $1), p).height }
        }
        let first = t.rows.first.map { measureRow($0, p).height } ?? 0
        return captionHeight(t) + p.header.height + first
    }

    func fullHeight(_ t: TableSpec) -> Double { fullHeight(t, prepare(t)) }

    /// Body row `i`, the totals row after the last.
    private func bodyCells(_ t: TableSpec, _ i: Int) -> [String] { i < t.rows.count ? t.rows[i] : t.totals! }

    /// Where a short table that does not fit in the room left on this page splits: the number
    /// of body rows set here, or nil when it moves whole (the page would be at most a quarter
    /// empty, or fewer than `minimumRowsEachSide` rows would stay together on a side).
    private func shortTableSplit(_ t: TableSpec, _ p: Prepared) -> Int? {
        let bodyCount = t.rows.count + (t.totals == nil ? 0 : 1)
        guard !page.atPageTop, page.remaining > page.block.height / 4,
              bodyCount >= 2 * Self.minimumRowsEachSide else { return nil }
        var h = captionHeight(t) + p.header.height
        var k = 0
        while k < bodyCount {
            let r = measureRow(bodyCells(t, k), p).height
            if h + r > page.remaining + 1e-6 { break }
            h += r
            k += 1
        }
        k = min(k, bodyCount - Self.minimumRowsEachSide)
        return k >= Self.minimumRowsEachSide ? k : nil
    }

    private func fullHeight(_ t: TableSpec, _ p: Prepared) -> Double {
        var h = captionHeight(t) + p.header.height
        for r in t.rows { h += measureRow(r, p).height }
        if let totals = t.totals { h += measureRow(totals, p).height }
        return h + noteHeight(t) + 6
    }

    private func noteHeight(_ t: TableSpec) -> Double {
        guard let note = t.note else { return 0 }
        return Double(breaker.breakLines(note, font: FontSpec(styles.note), width: page.block.width).count)
            * styles.note.lineHeight + 3
    }

    // MARK: Placing

    func place(_ t: TableSpec) throws {
        let p = prepare(t)
        let bodyCount = t.rows.count + (t.totals == nil ? 0 : 1)
        func cells(_ i: Int) -> [String] { i < t.rows.count ? t.rows[i] : t.totals! }
        // A short table is not split: it moves whole to the next page when it fits there.
        // A long one starts only where at least `minimumRowsBeforeBreak` rows fit under its header.
        let headH = captionHeight(t) + p.header.height
        var forcedBreak: Int? = nil
        if !page.atPageTop {
            let needed: Double
            if bodyCount <= Self.unsplitRowLimit {
                needed = fullHeight(t, p)
                if page.remaining < needed, let k = shortTableSplit(t, p) { forcedBreak = k }
            } else {
                needed = headH + (0..<Self.minimumRowsBeforeBreak).reduce(0.0) { $0 + measureRow(cells($1), p).height }
            }
            if forcedBreak != nil {
                // Split: the first rows here, the rest under a repeated header on the next page.
            } else if page.remaining < needed && needed <= page.block.height {
                try page.newPage()
            } else if page.remaining < headH + (bodyCount > 0 ? measureRow(cells(0), p).height : 0) {
                try page.newPage()
            }
        }
        // Structure: Table > Caption, THead > TR > TH, TBody > TR > TD. The 续表 caption and the
        // header repeated on later pages are drawn inside TBody, outside every cell: not read twice.
        page.begin(.table)
        var segmentTop = startSegment(t, p, continued: false)
        page.begin(.tableBody)
        var rowsInSegment = 0
        let tails = keptTails(t, p, bodyCount: bodyCount)
        for i in 0..<bodyCount {
            let isTotal = i >= t.rows.count
            if tails.contains(where: { $0.start == i && rowsInSegment >= $0.rowsBefore
                && page.remaining < $0.height - 1e-6 && $0.height + headH <= page.block.height }) {
                closeSegment(t, p, top: segmentTop)
                try page.newPage()
                segmentTop = startSegment(t, p, continued: true)
                rowsInSegment = 0
            }
            if i == forcedBreak && rowsInSegment > 0 {
                closeSegment(t, p, top: segmentTop)
                try page.newPage()
                segmentTop = startSegment(t, p, continued: true)
                rowsInSegment = 0
            }
            var row = measureRow(cells(i), p)
            while row.height > page.remaining + 1e-6 {
                let room = page.block.height - headH
                if row.height <= room || rowsInSegment > 0 && (page.remaining - 2 * p.padY) < 2 * p.bodyStyle.lineHeight {
                    // The row fits on a fresh page (or too little of it would fit here).
                    if rowsInSegment == 0 && room <= p.bodyStyle.lineHeight + 2 * p.padY {
                        throw LayoutError.tooLarge(what: "the header of table “\(t.caption ?? "")”", page: page.pageNumber,
                                                   height: headH, available: page.block.height)
                    }
                    closeSegment(t, p, top: segmentTop)
                    try page.newPage()
                    segmentTop = startSegment(t, p, continued: true)
                    rowsInSegment = 0
                    if row.height <= page.remaining + 1e-6 { break }
                    continue
                }
                // Taller than a page: set the lines that fit here, the rest continues.
                let k = Int(((page.remaining - 2 * p.padY) / p.bodyStyle.lineHeight + 1e-6).rounded(.down))
                if k < 1 {
                    throw LayoutError.tooLarge(what: "a row of table “\(t.caption ?? "")”", page: page.pageNumber,
                                               height: row.height, available: page.remaining)
                }
                let head = Row(cells: row.cells.map { Array($0.prefix(k)) },
                               height: Double(k) * p.bodyStyle.lineHeight + 2 * p.padY)
                let restCells = row.cells.map { Array($0.dropFirst(k)) }
                let restLines = max(1, restCells.map(\.count).max() ?? 1)
                drawRow(head, t, p)
                row = Row(cells: restCells, height: Double(restLines) * p.bodyStyle.lineHeight + 2 * p.padY)
                closeSegment(t, p, top: segmentTop)
                try page.newPage()
                segmentTop = startSegment(t, p, continued: true)
                rowsInSegment = 0
            }
            if isTotal && t.style == .threeLine && rowsInSegment > 0 {
                page.add(.line(LineItem(from: Point(x: page.block.x, y: page.cursor),
                                        to: Point(x: page.block.maxX, y: page.cursor), width: thin)))
            }
            drawRow(row, t, p)
            rowsInSegment += 1
        }
        closeSegment(t, p, top: segmentTop)
        page.end()
        page.end()
        if let note = t.note {
            page.cursor += 3
            let lines = breaker.breakLines(note, font: FontSpec(styles.note), width: page.block.width)
            for line in lines {
                if page.remaining < styles.note.lineHeight { try page.newPage() }
                let base = page.baseline(top: page.cursor, style: styles.note)
                page.tagged(.paragraph) {
                    page.add(page.text(line.text, style: styles.note, x: page.block.x, baseline: base))
                }
                page.cursor += styles.note.lineHeight
            }
        }
        page.cursor += 6
    }

    /// The table's last rows that go over to a new page together (under the repeated header)
    /// when they do not all fit below the rows already on this page, provided `rowsBefore`
    /// rows stay behind: the last `minimumRowsAtBreak` rows, so that no row is left alone on a
    /// 续表 page (nor, the break moved up, alone before it); and for a table with a note
    /// (数据来源…) the last `minimumRowsEachSide` rows with the note, rather than the note alone.
    private func keptTails(_ t: TableSpec, _ p: Prepared, bodyCount: Int) -> [(start: Int, height: Double, rowsBefore: Int)] {
        func rows(from start: Int) -> Double {
            (start..<bodyCount).reduce(0.0) { $0 + measureRow(bodyCells(t, $1), p).height }
        }
        var tails: [(start: Int, height: Double, rowsBefore: Int)] = []
        let widow = bodyCount - Self.minimumRowsAtBreak
        if widow >= Self.minimumRowsAtBreak { tails.append((widow, rows(from: widow), Self.minimumRowsAtBreak)) }
        let noted = bodyCount - Self.minimumRowsEachSide
        if t.note != nil && noted >= Self.minimumRowsEachSide {
            tails.append((noted, rows(from: noted) + noteHeight(t), Self.minimumRowsEachSide))
        }
        return tails
    }

    /// Caption, top rule and header rows; returns the y where the body starts.
    private func startSegment(_ t: TableSpec, _ p: Prepared, continued: Bool) -> Double {
        if let caption = t.caption {
            var text = caption
            if continued { text = caption.hasPrefix("表") ? "续" + caption : "续表　" + caption }
            let cs = styles.caption
            if !page.atPageTop { page.cursor += cs.spaceBefore }
            let base = page.baseline(top: page.cursor, style: cs)
            let w = page.measurer.width(text, font: FontSpec(cs))
            if !continued { page.begin(.caption) }
            page.add(page.text(text, style: cs, x: page.block.x + (page.block.width - w) / 2, baseline: base))
            if !continued { page.end() }
            page.cursor += cs.lineHeight + cs.spaceAfter
        }
        let top = page.cursor
        drawHeader(t, p, top: top, tagged: !continued)
        page.cursor = top + p.header.height
        return page.cursor
    }

    /// x of the left edge of each column, and the right edge of the last.
    private func edges(_ p: Prepared) -> [Double] {
        var xs = [page.block.x]
        for w in p.widths { xs.append(xs[xs.count - 1] + w) }
        return xs
    }

    /// Draws the header rows; `tagged`: as the table's THead (its first appearance).
    private func drawHeader(_ t: TableSpec, _ p: Prepared, top: Double, tagged: Bool) {
        let xs = edges(p)
        var rowTop = [top]
        for h in p.header.rowHeights { rowTop.append(rowTop[rowTop.count - 1] + h) }
        let bottom = rowTop[rowTop.count - 1]
        let st = p.headerStyle
        if t.style == .threeLine {
            page.add(.line(LineItem(from: Point(x: page.block.x, y: top), to: Point(x: page.block.maxX, y: top), width: thick)))
        } else {
            page.add(.rect(RectItem(rect: Rect(x: page.block.x, y: top, width: xs[xs.count - 1] - xs[0], height: bottom - top),
                                    fill: RGBColor(hex: 0xEDEDED), stroke: .black, strokeWidth: thin)))
        }
        if tagged { page.begin(.tableHead) }
        var openRow: Int? = nil
        for c in p.header.cells {
            if tagged && openRow != c.row {
                if openRow != nil { page.end() }
                page.begin(.tableRow)
                openRow = c.row
            }
            let x0 = xs[c.column], x1 = xs[c.column + c.columnSpan]
            let y0 = rowTop[c.row], y1 = rowTop[c.row + c.rowSpan]
            if t.style == .grid {
                page.add(.rect(RectItem(rect: Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0),
                                        stroke: .black, strokeWidth: thin)))
            } else if c.row + c.rowSpan < p.header.rowHeights.count {
                // 三线表 with grouped headers: a short thin rule under a group's title.
                page.add(.line(LineItem(from: Point(x: x0 + 3, y: y1), to: Point(x: x1 - 3, y: y1), width: thin)))
            }
            var lineTop = y0 + ((y1 - y0) - Double(c.lines.count) * st.lineHeight) / 2
            if tagged { page.begin(.headerCell, scope: .column) }
            for line in c.lines {
                let base = page.baseline(top: lineTop, style: st)
                page.add(.text(TextItem(text: line.text, font: FontSpec(st), color: st.color,
                                        origin: Point(x: x0 + (x1 - x0 - line.width) / 2 + line.lead, y: base),
                                        width: line.width - line.lead, squeezes: line.squeezes)))
                lineTop += st.lineHeight
            }
            if tagged { page.end() }
        }
        if tagged {
            if openRow != nil { page.end() }
            page.end()
        }
        if t.style == .threeLine {
            page.add(.line(LineItem(from: Point(x: page.block.x, y: bottom), to: Point(x: page.block.maxX, y: bottom), width: thin)))
        }
    }

    /// Ends the table's part on this page: the bottom rule (三线表), or the grid's vertical
    /// rules from the header down to the last row.
    private func closeSegment(_ t: TableSpec, _ p: Prepared, top: Double) {
        if t.style == .threeLine {
            page.add(.line(LineItem(from: Point(x: page.block.x, y: page.cursor),
                                    to: Point(x: page.block.maxX, y: page.cursor), width: thick)))
        } else if page.cursor > top {
            for x in edges(p) {
                page.add(.line(LineItem(from: Point(x: x, y: top), to: Point(x: x, y: page.cursor), width: thin)))
            }
        }
    }

    private func drawRow(_ row: Row, _ t: TableSpec, _ p: Prepared) {
        let st = p.bodyStyle
        let font = FontSpec(st)
        var x = page.block.x
        let m = page.measurer.metrics(font)
        let baseOffset = (st.lineHeight - (m.ascent + m.descent)) / 2 + m.ascent
        page.begin(.tableRow)
        for (i, w) in p.widths.enumerated() {
            page.begin(.dataCell)
            defer { page.end() }
            let align: TextAlignment = t.columns[i].alignment
            var lineTop = page.cursor + p.padY
            for line in row.cells[i] where !line.text.isEmpty {
                let inner = w - 2 * padX
                let lx: Double
                switch align {
                case .center: lx = x + padX + (inner - line.width) / 2
                case .trailing: lx = x + w - padX - line.width
                case .leading, .justified: lx = x + padX
                }
                page.add(.text(TextItem(text: line.text, font: font, color: st.color,
                                        origin: Point(x: lx + line.lead, y: lineTop + baseOffset),
                                        width: line.width - line.lead, squeezes: line.squeezes)))
                lineTop += st.lineHeight
            }
            x += w
        }
        page.end()
        page.cursor += row.height
        if t.style == .grid {
            page.add(.line(LineItem(from: Point(x: page.block.x, y: page.cursor),
                                    to: Point(x: page.block.maxX, y: page.cursor), width: thin)))
        }
    }
}

import BriefDocument

/// Measures 3号 text on the GB/T 9704 character grid: a full-width character advances by
/// type-block width / 28 (15.79 pt) instead of its natural 16 pt, as Word's 文档网格 does, so
/// that 28 characters fill a line. Other sizes and half-width characters are measured as is.
struct GridMeasurer: InkMeasuring {
    let base: any TextMeasuring
    /// The grid's font size (3号, 16 pt).
    let size: Double
    /// Advance of one full-width character on the grid.
    let pitch: Double

    func metrics(_ font: FontSpec) -> FontMetrics { base.metrics(font) }

    func advances(_ text: String, font: FontSpec) -> [Double] {
        let a = base.advances(text, font: font)
        guard abs(font.size - size) < 0.01 else { return a }
        return a.map { $0 >= size * 0.9 ? $0 - (size - pitch) : $0 }
    }

    func inkBounds(_ text: String, font: FontSpec) -> InkBounds {
        if let ink = base as? any InkMeasuring { return ink.inkBounds(text, font: font) }
        return InkBounds(ascent: MemoSettings.ideographicAscent * font.size,
                         descent: MemoSettings.ideographicDescent * font.size)
    }

    /// Whether `item` is set on the grid and must be drawn at its grid width.
    func snapped(_ item: TextItem) -> TextItem {
        guard abs(item.font.size - size) < 0.01, item.justifyWidth == nil else { return item }
        let natural = base.width(item.text, font: item.font) + item.squeezes.reduce(0, +)
        if abs(natural - item.width) < 0.01 { return item }
        var t = item
        t.justifyWidth = item.width
        return t
    }
}

/// Lays out memos (公文) and attachments after GB/T 9704-2012.
///
/// Page 1: 份号 / 密级 / 紧急程度 top left in 3号 黑体 (7.2.1–7.2.3); the red mark centred with
/// its top edge `markTop` (35 mm) below the type block (7.2.4); the document number two lines
/// under the mark (7.2.5); a red rule as wide as the block `ruleGap` (4 mm) under the number;
/// the title in 2号 小标宋 two lines under the rule (7.3.1); 主送 one line under the title
/// (7.3.2); the body on the 22 × 28 grid (5.2.2); 附件说明, signature and date, 附注 (7.3.4–7.3.7).
/// Attachments (8) start on a new page with 附件N top left and the title on line 3. The 版记
/// (7.4) ends the last page, an even one (the back of a sheet), with its last rule on the type
/// block's bottom edge; a blank page goes before it when needed, and neither that page nor the
/// 版记 page then carries a number. Page numbers are PageBuilder's "— N —" (7.5).
struct MemoLayout {
    let measurer: any TextMeasuring

    func layout(_ document: Document, emit: @escaping (LaidOutPage) throws -> Void) throws -> Int {
        let settings = document.memo?.settings ?? MemoSettings()
        let blockWidth = mm(document.page.blockWidth)
        let grid = GridMeasurer(base: measurer, size: document.styles.body.size,
                                pitch: blockWidth / Double(settings.charsPerLine))
        let page = PageBuilder(style: document.page, styles: document.styles, measurer: grid,
                               runningHeader: document.runningHeader) { p in
            var p = p
            p.items = p.items.map { item in
                if case .text(let t) = item { return .text(grid.snapped(t)) }
                return item
            }
            try emit(p)
        }
        page.draftMark = document.draftMark
        let ctx = Context(page: page, grid: grid, settings: settings,
                          line: mm(document.page.blockHeight) / Double(settings.linesPerPage))
        page.begin(.document)
        if let memo = document.memo {
            let flow = FlowLayout(page: page, styles: document.styles, measurer: grid)
            ctx.placeHeader(memo.header, styles: document.styles, flow: flow)
            try ctx.placeBody(memo.body, closing: memo.closing, flow: flow)
            try ctx.placeClosing(memo.closing, styles: document.styles, flow: flow)
        } else if let header = document.attachment {
            try ctx.placeAttachment(header, document: document, newPage: false)
        }
        // An attachment without its own header is labelled 附件 when it is the only one, else
        // 附件1, 附件2 … in order, as the 附件说明 numbers them (7.3.4, 8).
        let attachments = document.attachments ?? []
        for (k, attachment) in attachments.enumerated() {
            let label = attachments.count == 1 ? "附件" : "附件\(k + 1)"
            try ctx.placeAttachment(attachment.attachment ?? AttachmentHeader(label: label, title: attachment.metadata.title),
                                    document: attachment, newPage: true)
        }
        if let end = document.memo?.end { try page.tagged(.sect) { try ctx.placeEnd(end) } }
        page.end()
        try page.finishPage()
        return page.pagesEmitted
    }

    final class Context {
        let page: PageBuilder
        let grid: GridMeasurer
        let settings: MemoSettings
        /// Grid line pitch (225 mm / 22).
        let line: Double
        let breaker: LineBreaker

        init(page: PageBuilder, grid: GridMeasurer, settings: MemoSettings, line: Double) {
            self.page = page
            self.grid = grid
            self.settings = settings
            self.line = line
            breaker = LineBreaker(measurer: grid)
        }

        var block: Rect { page.block }
        /// Width of one full-width 3号 character on the grid.
        var char: Double { grid.pitch }

        /// A style of 3号 text on the grid line.
        func style(_ role: FontRole, size: Double = ChineseFontSize.sanhao, color: RGBColor = .black) -> TextStyle {
            TextStyle(role: role, size: size, color: color, lineHeight: line)
        }

        /// Baseline of a line whose ideographic em box has its top at `top`.
        func baseline(emTop top: Double, size: Double) -> Double { top + MemoSettings.ideographicAscent * size }

        /// Places `text` on one line at the cursor (a paragraph of its own unless `tagged` is false).
        func placeLine(_ text: String, style st: TextStyle, x: Double, tagged: Bool = true) {
            if tagged { page.begin(.paragraph) }
            page.add(page.text(text, style: st, x: x, baseline: page.baseline(top: page.cursor, style: st)))
            if tagged { page.end() }
            page.cursor += st.lineHeight
        }

        /// Places a broken line (squeezed punctuation, half-width line-start mark) at the cursor,
        /// as a paragraph of its own unless `tagged` is false (the caller's element holds it).
        func placeLine(_ line: BrokenLine, style st: TextStyle, x: Double, tagged: Bool = true) {
            if tagged { page.begin(.paragraph) }
            page.add(page.text(line.text, style: st, x: x + line.lead, baseline: page.baseline(top: page.cursor, style: st),
                               squeezes: line.squeezes))
            if tagged { page.end() }
            page.cursor += st.lineHeight
        }

        /// Text broken to `width` starting at `x`, continuation lines at `x + hang`; one
        /// paragraph unless `tagged` is false (the caller's element holds it).
        func placeWrapped(_ text: String, style st: TextStyle, x: Double, width: Double, hang: Double,
                          tagged: Bool = true) throws {
            let lines = breaker.breakLines(text, font: FontSpec(st), width: width - hang, firstIndent: -hang)
            if tagged { page.begin(.paragraph) }
            for (i, l) in lines.enumerated() {
                if page.remaining < st.lineHeight - 0.01 { try page.newPage() }
                placeLine(l, style: st, x: i == 0 ? x : x + hang, tagged: false)
            }
            if tagged { page.end() }
        }

        /// A centred title broken at sense boundaries into a trapezoid or diamond (GB/T 9704
        /// 7.3.1, see `TitleLines`); a title with no such split that fits is broken into
        /// lines of about equal length.
        func titleLines(_ text: String, style st: TextStyle) -> [BrokenLine] {
            let font = FontSpec(st)
            if let sense = TitleLines(measurer: grid).lines(text, font: font, width: block.width) { return sense }
            let lines = breaker.breakLines(text, font: font, width: block.width)
            guard lines.count > 1 else { return lines }
            let total = grid.width(text, font: font)
            var width = total / Double(lines.count)
            while width < block.width {
                let balanced = breaker.breakLines(text, font: font, width: width)
                if balanced.count == lines.count { return balanced }
                width += st.size / 2
            }
            return lines
        }

        // MARK: 版头

        func placeHeader(_ h: MemoHeader, styles: StyleSheet, flow: FlowLayout) {
            let b = block
            // 份号, 密级和保密期限, 紧急程度: top left, one per line, 3号 黑体 (7.2.1–7.2.3).
            let hei = style(.heiti)
            for mark in [h.copyNumber, h.classification, h.urgency].compactMap({ $0 }).filter({ !$0.isEmpty }) {
                placeLine(mark, style: hei, x: b.x)
            }
            // 发文机关标志: red, centred, top edge markTop below the block (7.2.4).
            var size = settings.markSize
            var markStyle = style(.xiaobiaosong, size: size, color: settings.red)
            var w = grid.width(h.issuerMark, font: FontSpec(markStyle))
            if w > b.width {
                size *= b.width / w
                markStyle = style(.xiaobiaosong, size: size, color: settings.red)
                w = grid.width(h.issuerMark, font: FontSpec(markStyle))
            }
            // The top edge is the top of the characters' ink, as a ruler on paper finds it.
            let markTop = b.y + mm(settings.markTop)
            let markInk = grid.inkBounds(h.issuerMark, font: FontSpec(markStyle))
            page.addParagraph(page.text(h.issuerMark, style: markStyle, x: b.x + (b.width - w) / 2,
                                        baseline: markTop + markInk.ascent))
            var y = markTop + size
            // 发文字号: two lines under the mark, centred (7.2.5).
            let fang = style(.fangsong)
            if let number = h.documentNumber, !number.isEmpty {
                let top = y + 2 * line
                let nw = grid.width(number, font: FontSpec(fang))
                // The line box is centred on the em box: em top = top + (line − 16) / 2.
                let emTop = top + (line - fang.size) / 2
                let base = baseline(emTop: emTop, size: fang.size)
                page.addParagraph(page.text(number, style: fang, x: b.x + (b.width - nw) / 2, baseline: base))
                // The rule's gap is measured from the number's lowest ink (the 〔〕).
                y = base + grid.inkBounds(number, font: FontSpec(fang)).descent
            } else {
                y += line
            }
            // Red rule as wide as the block, ruleGap under the number.
            // ruleGap is the clear space between the number and the rule's top edge.
            let ruleY = y + mm(settings.ruleGap) + settings.redRuleWidth / 2
            page.add(.line(LineItem(from: Point(x: b.x, y: ruleY), to: Point(x: b.maxX, y: ruleY),
                                    width: settings.redRuleWidth, color: settings.red)))
            // Title two lines under the rule (7.3.1).
            page.cursor = ruleY + 2 * line
            let st = styles.title
            let lines = titleLines(h.title, style: st)
            page.tagged(.h1) { flow.placeLines(lines, style: st, x: b.x, width: b.width) }
            // 主送 one line under the title, flush left, full-width colon (7.3.2).
            if let to = h.recipients, !to.isEmpty {
                page.cursor += line
                let text = to.hasSuffix("：") ? to : to + "："
                for l in breaker.breakLines(text, font: FontSpec(fang), width: b.width) {
                    placeLine(l, style: fang, x: b.x)
                }
            }
        }

        // MARK: Body

        /// The body, keeping at least two lines of it with the closing: a signature and date
        /// alone on a page are sent back (GB/T 9704 7.3.5 asks to adjust the layout rather).
        func placeBody(_ body: [Block], closing: MemoClosing, flow: FlowLayout) throws {
            guard let last = body.last else { return }
            try flow.place(Array(body.dropLast()))
            let need = flow.fullHeight(last) + closingHeight(closing)
            guard page.remaining < need - 0.01, !page.atPageTop, need <= block.height,
                  case .paragraph(let p) = last else {
                try flow.place([last])
                return
            }
            let st = flow.style(of: p.kind)
            let indent = flow.indentWidth(st)
            let lines = breaker.breakLines(p.text, font: FontSpec(st), width: block.width, firstIndent: indent)
            let fit = Int((page.remaining / st.lineHeight + 1e-6).rounded(.down))
            let take = min(fit, lines.count - 2)
            if take >= 2 {
                flow.placeLines(Array(lines[..<take]), style: st, x: block.x, width: block.width, firstIndent: indent)
                try page.newPage()
                flow.placeLines(Array(lines[take...]), style: st, x: block.x, width: block.width)
            } else {
                try page.newPage()
                try flow.place([last])
            }
        }

        /// Height of 附件说明, signature, date and 附注 with their blank lines.
        func closingHeight(_ c: MemoClosing) -> Double {
            let fang = FontSpec(style(.fangsong))
            var lines = 0
            if !c.attachments.isEmpty {
                lines += 1
                let labelWidth = grid.width("附件：1. ", font: fang)
                for name in c.attachments {
                    lines += breaker.breakLines(name, font: fang, width: block.width - 2 * char - labelWidth).count
                }
            }
            lines += 1 + (c.signature == nil ? 0 : 1) + 1
            if let note = c.note {
                lines += breaker.breakLines("（\(note)）", font: fang, width: block.width - 2 * char).count
            }
            return Double(lines) * line
        }

        // MARK: 附件说明, signature, date, 附注

        func placeClosing(_ c: MemoClosing, styles: StyleSheet, flow: FlowLayout) throws {
            let b = block
            let fang = style(.fangsong)
            if !c.attachments.isEmpty {
                // 附件说明: one line under the body, two characters in; names aligned (7.3.4).
                try blankLine()
                let label = "附件："
                let lx = b.x + 2 * char
                let lw = grid.width(label, font: FontSpec(fang))
                for (i, name) in c.attachments.enumerated() {
                    let numbered = c.attachments.count > 1
                    let prefix = numbered ? "\(i + 1). " : ""
                    let pw = grid.width(prefix, font: FontSpec(fang))
                    if page.remaining < line - 0.01 { try page.newPage() }
                    page.begin(.paragraph)
                    if i == 0 { page.add(page.text(label, style: fang, x: lx, baseline: page.baseline(top: page.cursor, style: fang))) }
                    let x = lx + lw
                    if !prefix.isEmpty {
                        page.add(page.text(prefix, style: fang, x: x, baseline: page.baseline(top: page.cursor, style: fang)))
                    }
                    try placeWrapped(name, style: fang, x: x + pw, width: b.maxX - x - pw, hang: 0, tagged: false)
                    page.end()
                }
            }
            // Signature and date (7.3.5.2, without seal): one line under, signature two
            // characters from the right, date on the next line starting two characters to
            // the right of the signature's start; a longer date keeps two characters right
            // and pushes the signature left.
            let date = c.date
            let dw = grid.width(date, font: FontSpec(fang))
            let rows = (c.signature == nil ? 1 : 2) + (c.note == nil ? 0 : 1)
            if page.remaining < Double(rows + 1) * line - 0.01 { try page.newPage() } else { try blankLine() }
            var dateX = b.maxX - 2 * char - dw
            if let sig = c.signature, !sig.isEmpty {
                let sw = grid.width(sig, font: FontSpec(fang))
                var sigX = b.maxX - 2 * char - sw
                dateX = sigX + 2 * char
                if dateX + dw > b.maxX - 2 * char + 0.01 {
                    dateX = b.maxX - 2 * char - dw
                    sigX = dateX - 2 * char
                }
                placeLine(sig, style: fang, x: sigX)
            }
            placeLine(date, style: fang, x: dateX)
            // 附注: the next line, two characters in, in parentheses (7.3.7).
            if let note = c.note, !note.isEmpty {
                try placeWrapped("（\(note)）", style: fang, x: b.x + 2 * char, width: b.width - 2 * char, hang: -2 * char)
            }
        }

        func blankLine() throws {
            if page.atPageTop { return }
            if page.remaining < 2 * line - 0.01 { try page.newPage() } else { page.cursor += line }
        }

        // MARK: 附件

        func placeAttachment(_ header: AttachmentHeader, document: Document, newPage: Bool) throws {
            if newPage { try page.newPage() }
            page.begin(.sect)
            defer { page.end() }
            let b = block
            let hei = style(.heiti)
            let label = (header.memoNumber ?? "") + header.label
            page.cursor = b.y
            placeLine(label, style: hei, x: b.x)  // line 1, flush left
            page.cursor = b.y + 2 * line            // line 3
            let st = document.styles.title
            let flow = FlowLayout(page: page, styles: document.styles, measurer: grid)
            var titleStyle = st
            titleStyle.lineHeight = line
            page.tagged(.h1) {
                flow.placeLines(titleLines(header.title, style: st), style: titleStyle, x: b.x, width: b.width)
            }
            page.cursor += line / 2
            var blocks = document.blocks
            if case .title = blocks.first { blocks.removeFirst() }
            try flow.place(blocks)
        }

        // MARK: 版记

        /// The end block at the foot of the page: first rule (0.35 mm) above 抄送, a thin rule
        /// (0.25 mm) between 抄送 and 印发, the last rule (0.35 mm) on the block's bottom edge.
        func placeEnd(_ e: MemoEnd) throws {
            let b = block
            let st = TextStyle(role: .fangsong, size: ChineseFontSize.sihao, lineHeight: line)
            let one = st.size  // one 4号 character
            var copyLines: [BrokenLine] = []
            var copyLabelWidth = 0.0
            if let to = e.copyTo, !to.isEmpty {
                let label = "抄送："
                copyLabelWidth = grid.width(label, font: FontSpec(st))
                let text = to.hasSuffix("。") ? to : to + "。"
                copyLines = breaker.breakLines(text, font: FontSpec(st), width: b.width - 2 * one - copyLabelWidth)
            }
            let height = Double(copyLines.count + 1) * line
            // 7.4: the 版记 page is the last and, printed two-sided, an even page. Content
            // ending on an odd page: the 版记 goes on its back. No room on an even page: a blank
            // odd page, then the 版记 page, neither numbered (7.5).
            if page.remaining < height + line {
                try page.newPage()
                if page.pageNumber % 2 == 1 {
                    page.omitsPageNumber = true
                    try page.newPage()
                    page.omitsPageNumber = true
                }
            } else if page.pageNumber % 2 == 1 {
                try page.newPage()
            }
            let outer = mm(settings.endRuleOuter), inner = mm(settings.endRuleInner)
            func rule(_ y: Double, _ w: Double) {
                page.add(.line(LineItem(from: Point(x: b.x, y: y), to: Point(x: b.maxX, y: y), width: w)))
            }
            var top = b.maxY - height
            rule(top + outer / 2, outer)
            if !copyLines.isEmpty { page.begin(.paragraph) }
            for (i, l) in copyLines.enumerated() {
                let base = page.baseline(top: top, style: st)
                if i == 0 { page.add(page.text("抄送：", style: st, x: b.x + one, baseline: base)) }
                page.add(page.text(l.text, style: st, x: b.x + one + copyLabelWidth, baseline: base))
                top += line
            }
            if !copyLines.isEmpty { page.end() }
            if !copyLines.isEmpty { rule(top, inner) }
            let base = page.baseline(top: top, style: st)
            page.addParagraph(page.text(e.printedBy, style: st, x: b.x + one, baseline: base))
            let on = e.printedOn.hasSuffix("印发") ? e.printedOn : e.printedOn + "印发"
            let ow = grid.width(on, font: FontSpec(st))
            page.addParagraph(page.text(on, style: st, x: b.maxX - one - ow, baseline: base))
            rule(b.maxY - outer / 2, outer)
            page.cursor = b.maxY
        }
    }
}

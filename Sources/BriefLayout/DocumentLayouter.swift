import BriefDocument

/// Lays a `Document` out into pages of positioned items.
///
/// Pages are handed to `emit` as soon as they are full, so that a renderer can write and
/// forget them; memory stays flat however long the document is.
package struct DocumentLayouter: Sendable {
    private let measurer: any TextMeasuring

    /// Creates a layouter measuring text through `measurer`.
    public init(measurer: any TextMeasuring) { self.measurer = measurer }

    /// Lays out `document`, calling `emit` with each finished page in order, and returns the
    /// number of pages.
    @discardableResult
    public func layout(_ document: Document, emit: @escaping (LaidOutPage) throws -> Void) throws -> Int {
        if document.layout != .briefing {
            return try MemoLayout(measurer: measurer).layout(document, emit: emit)
        }
        let page = PageBuilder(style: document.page, styles: document.styles, measurer: measurer,
                               runningHeader: document.runningHeader, emit: emit)
        page.runningHeaderSkipsFirstPage = document.masthead?.notice != nil && document.masthead?.notice == document.runningHeader
        page.draftMark = document.draftMark
        let flow = FlowLayout(page: page, styles: document.styles, measurer: measurer)
        page.begin(.document)
        if let masthead = document.masthead {
            page.tagged(.sect) { MastheadLayout(page: page, styles: document.styles).place(masthead) }
        }
        try flow.place(document.blocks)
        if let footer = document.footer {
            try page.tagged(.sect) { try MastheadLayout(page: page, styles: document.styles).place(footer) }
        }
        page.end()
        try page.finishPage()
        return page.pagesEmitted
    }

    /// Lays out `document` and returns all pages (convenient for short documents and tests).
    public func layoutPages(_ document: Document) throws -> [LaidOutPage] {
        final class Box: @unchecked Sendable { var pages: [LaidOutPage] = [] }
        let box = Box()
        try layout(document) { box.pages.append($0) }
        return box.pages
    }
}

/// Places flowing blocks onto pages: keep-with-next, widow and orphan control, splitting.
final class FlowLayout {
    /// The least share of its height a chart is drawn at to stay on a page.
    static let chartShrink = 0.85
    /// Set by a heading that stays on the page because the keep-together group after it splits.
    var splitNextGroup = false

    let page: PageBuilder
    let styles: StyleSheet
    let measurer: any TextMeasuring
    let breaker: LineBreaker

    init(page: PageBuilder, styles: StyleSheet, measurer: any TextMeasuring) {
        self.page = page
        self.styles = styles
        self.measurer = measurer
        breaker = LineBreaker(measurer: measurer)
    }

    func place(_ blocks: [Block]) throws {
        for (i, block) in blocks.enumerated() {
            let next = i + 1 < blocks.count ? blocks[i + 1] : nil
            try place(block, next: next)
        }
    }

    /// Places one block through its flow contract (`FlowBlock`).
    private func place(_ block: Block, next: Block?) throws {
        try block.flowBlock.place(in: self, next: next)
    }

    func style(of kind: ParagraphKind) -> TextStyle {
        switch kind {
        case .body: return styles.body
        case .note: return styles.note
        case .centered:
            var s = styles.body
            s.alignment = .center
            s.indentChars = 0
            return s
        case .trailing:
            var s = styles.body
            s.alignment = .trailing
            s.indentChars = 0
            return s
        }
    }

    /// Places a paragraph's lines, breaking between pages: never one first line alone at a
    /// page foot, never one last line alone at a page top.
    func placeParagraph(_ p: Paragraph) throws {
        let st = style(of: p.kind)
        let indent = indentWidth(st)
        let lines = breaker.breakLines(p.text, font: FontSpec(st), width: page.block.width, firstIndent: indent)
        if !page.atPageTop { page.cursor += st.spaceBefore }
        var i = 0
        while i < lines.count {
            let fit = Int((page.remaining / st.lineHeight + 1e-6).rounded(.down))
            let left = lines.count - i
            var take = min(fit, left)
            if take < left {
                // Orphan: never one first line alone at a page foot.
                if i == 0 && take == 1 && !page.atPageTop { take = 0 }
                // Widow: never one last line alone at a page top.
                if left - take == 1 && take >= 2 { take -= 1 }
            }
            if take <= 0 {
                if page.atPageTop { take = min(max(fit, 1), left) } else { try page.newPage(); continue }
            }
            page.tagged(.paragraph) {
                placeLines(Array(lines[i..<(i + take)]), style: st, x: page.block.x, width: page.block.width,
                           firstIndent: i == 0 ? indent : 0)
            }
            i += take
            if i < lines.count { try page.newPage() }
        }
        page.cursor += st.spaceAfter
    }

    /// Places already broken lines at the cursor.
    func placeLines(_ lines: [BrokenLine], style st: TextStyle, x: Double, width: Double, firstIndent: Double = 0) {
        for (n, line) in lines.enumerated() {
            let indent = n == 0 ? firstIndent : 0
            let base = page.baseline(top: page.cursor, style: st)
            let avail = width - indent
            var lx = x + indent
            var justify: Double? = nil
            switch st.alignment {
            case .justified:
                if !line.isLast && line.width < avail { justify = avail - line.lead }
            case .center: lx = x + indent + (avail - line.width) / 2
            case .trailing: lx = x + width - line.width
            case .leading: break
            }
            // A squeezed line-start opening mark hangs its blank half into the margin.
            page.add(.text(TextItem(text: line.text, font: FontSpec(st), color: st.color,
                                    origin: Point(x: lx + line.lead, y: base), width: line.width - line.lead,
                                    justifyWidth: justify, squeezes: line.squeezes)))
            page.cursor += st.lineHeight
        }
    }

    /// The first-line indent of `st`: `indentChars` full-width characters as the measurer
    /// sets them (on the 公文 grid, 2 × 156/28 mm, not 2 × 16 pt).
    func indentWidth(_ st: TextStyle) -> Double {
        st.indentChars == 0 ? 0 : st.indentChars * measurer.width("　", font: FontSpec(st))
    }

    /// The least height that must fit with a preceding heading (keep-with-next).
    /// `below`: the height of what is placed before `block` on this page (the heading itself).
    func minimumHeight(_ block: Block?, below: Double = 0) -> Double {
        block?.flowBlock.minimumHeight(in: self, below: below) ?? 0
    }

    /// Whether a keep-together group may be let go where it does not fit: moving it whole
    /// would leave more than a quarter of the page empty, and its first part (the lead
    /// paragraph) fits here.
    /// `below` is height still to be placed above the group (its heading): the quarter is of
    /// the room the heading and the group would leave empty by moving, the lead must fit under
    /// the heading.
    func splitsKeepTogether(_ inner: [Block], below: Double = 0) -> Bool {
        guard inner.count > 1, !page.atPageTop || below > 0, let first = inner.first else { return false }
        return page.remaining > page.block.height / 4 && fullHeight(first) <= page.remaining - below
    }

    /// The height of a block with its chart, if it is one, drawn as small as it may be.
    func shrunkHeight(_ block: Block) -> Double { block.flowBlock.shrunkHeight(in: self) }

    /// The whole height of a block placed on one page.
    func fullHeight(_ block: Block) -> Double { block.flowBlock.fullHeight(in: self) }
}

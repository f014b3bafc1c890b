import BriefDocument

/// The contract between the flow and one kind of block (after ReportLab platypus' wrap and
/// split): how tall the block is on one page, how much of it must fit under a heading that
/// keeps with it, and how it is placed — breaking across pages where it may. Each kind of
/// `Block` has one type here; `FlowLayout` asks these three questions through it and knows no
/// kind of block itself.
protocol FlowBlock {
    /// The whole height of the block placed on one page.
    func fullHeight(in flow: FlowLayout) -> Double
    /// The least height that must fit with a heading before it (keep-with-next); `below` is
    /// the height placed before the block on this page (the heading itself).
    func minimumHeight(in flow: FlowLayout, below: Double) -> Double
    /// The height of the block drawn as small as it may be to stay whole on a page (what a
    /// keep-together group needs of it); `fullHeight` for all but charts.
    func shrunkHeight(in flow: FlowLayout) -> Double
    /// Places the block at the cursor, starting new pages where it breaks; `next` is the
    /// block after it, if any.
    func place(in flow: FlowLayout, next: Block?) throws
}

extension FlowBlock {
    func shrunkHeight(in flow: FlowLayout) -> Double { fullHeight(in: flow) }
}

extension Block {
    /// The flow contract of this block.
    var flowBlock: any FlowBlock {
        switch self {
        case .title(let text): return TitleFlow(text: text)
        case .heading(let h): return HeadingFlow(heading: h)
        case .paragraph(let p): return ParagraphFlow(paragraph: p)
        case .table(let t): return TableFlow(spec: t)
        case .chart(let c): return ChartFlow(spec: c)
        case .spacer(let h): return SpacerFlow(height: h)
        case .pageBreak: return PageBreakFlow()
        case .keepTogether(let inner): return KeepTogetherFlow(blocks: inner)
        }
    }
}

/// The document title, kept with the start of what follows it.
struct TitleFlow: FlowBlock {
    var text: String

    func brokenLines(_ flow: FlowLayout) -> [BrokenLine] {
        flow.breaker.breakLines(text, font: FontSpec(flow.styles.title), width: flow.page.block.width)
    }

    func fullHeight(in flow: FlowLayout) -> Double {
        let st = flow.styles.title
        return st.spaceBefore + Double(brokenLines(flow).count) * st.lineHeight + st.spaceAfter
    }

    func minimumHeight(in flow: FlowLayout, below: Double) -> Double { flow.styles.title.lineHeight }

    func place(in flow: FlowLayout, next: Block?) throws {
        let page = flow.page
        let st = flow.styles.title
        let lines = brokenLines(flow)
        let own = st.spaceBefore + Double(lines.count) * st.lineHeight + st.spaceAfter
        let need = own + flow.minimumHeight(next, below: own)
        if page.remaining < need && !page.atPageTop { try page.newPage() }
        page.cursor += st.spaceBefore
        page.tagged(.h1) { flow.placeLines(lines, style: st, x: page.block.x, width: page.block.width) }
        page.cursor += st.spaceAfter
    }
}

/// A heading, kept with the start of what follows it; an outline entry when asked.
struct HeadingFlow: FlowBlock {
    var heading: Heading

    func fullHeight(in flow: FlowLayout) -> Double {
        let st = flow.styles.heading(heading.level)
        return st.spaceBefore + st.lineHeight + st.spaceAfter
    }

    func minimumHeight(in flow: FlowLayout, below: Double) -> Double {
        flow.styles.heading(heading.level).lineHeight + flow.styles.heading(heading.level).spaceBefore
    }

    func place(in flow: FlowLayout, next: Block?) throws {
        let page = flow.page
        let h = heading
        let st = flow.styles.heading(h.level)
        let indent = flow.indentWidth(st)
        let lines = flow.breaker.breakLines(h.text, font: FontSpec(st), width: page.block.width, firstIndent: indent)
        let before = page.atPageTop ? 0 : st.spaceBefore
        let own = before + Double(lines.count) * st.lineHeight + st.spaceAfter
        let need = own + flow.minimumHeight(next, below: own)
        if page.remaining < need && !page.atPageTop { try page.newPage() }
        // The heading stays because the group after it will let its chart go over: hold
        // the group to that (the room it sees once the heading is placed is smaller).
        if case .keepTogether(let inner)? = next, flow.splitsKeepTogether(inner, below: own) { flow.splitNextGroup = true }
        if !page.atPageTop { page.cursor += st.spaceBefore }
        if h.inOutline {
            page.addOutline(OutlineEntry(title: h.text, level: h.level, y: page.cursor))
        }
        page.tagged(.heading(h.level + 1)) {
            flow.placeLines(lines, style: st, x: page.block.x, width: page.block.width, firstIndent: indent)
        }
        page.cursor += st.spaceAfter
    }
}

/// Running text, broken between lines with widow and orphan control.
struct ParagraphFlow: FlowBlock {
    var paragraph: Paragraph

    /// The number of lines and the style.
    func measure(_ flow: FlowLayout) -> (lines: Int, style: TextStyle) {
        let st = flow.style(of: paragraph.kind)
        let n = flow.breaker.breakLines(paragraph.text, font: FontSpec(st), width: flow.page.block.width,
                                        firstIndent: flow.indentWidth(st)).count
        return (n, st)
    }

    func fullHeight(in flow: FlowLayout) -> Double {
        let (n, st) = measure(flow)
        return st.spaceBefore + Double(n) * st.lineHeight + st.spaceAfter
    }

    func minimumHeight(in flow: FlowLayout, below: Double) -> Double {
        let (n, st) = measure(flow)
        return st.spaceBefore + Double(min(n, 2)) * st.lineHeight
    }

    func place(in flow: FlowLayout, next: Block?) throws { try flow.placeParagraph(paragraph) }
}

/// A table: split by rows under its repeated header (`TableLayout`).
struct TableFlow: FlowBlock {
    var spec: TableSpec

    func layout(_ flow: FlowLayout) -> TableLayout {
        TableLayout(page: flow.page, styles: flow.styles, breaker: flow.breaker)
    }

    func fullHeight(in flow: FlowLayout) -> Double { layout(flow).fullHeight(spec) }
    func minimumHeight(in flow: FlowLayout, below: Double) -> Double { layout(flow).minimumHeight(spec) }
    func place(in flow: FlowLayout, next: Block?) throws { try layout(flow).place(spec) }
}

/// A chart: never split; drawn down to `FlowLayout.chartShrink` of its height to stay on a page.
struct ChartFlow: FlowBlock {
    var spec: ChartSpec

    func fullHeight(in flow: FlowLayout) -> Double { spec.height + 6 }
    func minimumHeight(in flow: FlowLayout, below: Double) -> Double { FlowLayout.chartShrink * spec.height }
    func shrunkHeight(in flow: FlowLayout) -> Double { FlowLayout.chartShrink * spec.height + 6 }

    func place(in flow: FlowLayout, next: Block?) throws {
        let page = flow.page
        let c = spec
        if c.height > page.block.height {
            throw LayoutError.tooLarge(what: "chart “\(c.title)”", page: page.pageNumber,
                                       height: c.height, available: page.block.height)
        }
        // A chart may give up to a fifth of its height to stay on a page rather than
        // leave the rest of it empty.
        var height = c.height
        if page.remaining < height {
            if !page.atPageTop && page.remaining >= FlowLayout.chartShrink * height {
                height = page.remaining
            } else {
                try page.newPage()
            }
        }
        let frame = Rect(x: page.block.x, y: page.cursor, width: page.block.width, height: height)
        page.tagged(.figure, alt: c.alternativeText) {
            page.add(contentsOf: ChartLayout.items(for: c, in: frame, styles: flow.styles, measurer: flow.measurer))
        }
        page.cursor = min(page.block.maxY, page.cursor + height + 6)
    }
}

/// Vertical space, dropped at the top of a page.
struct SpacerFlow: FlowBlock {
    var height: Double

    func fullHeight(in flow: FlowLayout) -> Double { height }
    func minimumHeight(in flow: FlowLayout, below: Double) -> Double { 0 }

    func place(in flow: FlowLayout, next: Block?) throws {
        if !flow.page.atPageTop { flow.page.cursor = min(flow.page.block.maxY, flow.page.cursor + height) }
    }
}

/// A new page, unless the page is still empty.
struct PageBreakFlow: FlowBlock {
    func fullHeight(in flow: FlowLayout) -> Double { 0 }
    func minimumHeight(in flow: FlowLayout, below: Double) -> Double { 0 }

    func place(in flow: FlowLayout, next: Block?) throws {
        if !flow.page.atPageTop { try flow.page.newPage() }
    }
}

/// Blocks kept on one page, unless moving them would leave more than a quarter of the page
/// empty: then the lead stays and what follows (its chart) goes over.
struct KeepTogetherFlow: FlowBlock {
    var blocks: [Block]

    func fullHeight(in flow: FlowLayout) -> Double { blocks.reduce(0) { $0 + flow.fullHeight($1) } }

    func minimumHeight(in flow: FlowLayout, below: Double) -> Double {
        if flow.splitsKeepTogether(blocks, below: below), let first = blocks.first { return flow.minimumHeight(first) }
        return blocks.reduce(0) { $0 + flow.shrunkHeight($1) }
    }

    func place(in flow: FlowLayout, next: Block?) throws {
        let page = flow.page
        let h = blocks.reduce(0) { $0 + flow.shrunkHeight($1) }
        let split = flow.splitNextGroup || flow.splitsKeepTogether(blocks)
        flow.splitNextGroup = false
        if h <= page.block.height && page.remaining < h && !page.atPageTop && !split {
            try page.newPage()
        }
        try flow.place(blocks)
    }
}

import BriefDocument
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The page being filled: items, outline entries and the vertical cursor.
final class PageBuilder {
    let style: PageStyle
    let styles: StyleSheet
    let measurer: any TextMeasuring
    let runningHeader: String?
    /// Leave the running header off page 1 (the masthead already prints the same notice).
    var runningHeaderSkipsFirstPage = false
    /// Set large, light and diagonal across every page under its content (`Document.draftMark`).
    var draftMark: String?
    let emit: (LaidOutPage) throws -> Void
    /// Type block in points.
    let block: Rect
    private(set) var index = 0
    private(set) var items: [PageItem] = []
    private(set) var outline: [OutlineEntry] = []
    /// Leave the page number off the current page (GB/T 9704-2012 7.5: a blank page before
    /// the 版记 page, and that page, carry none). Reset by `newPage()`.
    var omitsPageNumber = false
    /// Structure marks of the current page (see `StructureMark`).
    private(set) var structure: [StructureMark] = []
    /// Top of the free space on the current page.
    var cursor: Double
    private(set) var pagesEmitted = 0

    init(style: PageStyle, styles: StyleSheet, measurer: any TextMeasuring, runningHeader: String?,
         emit: @escaping (LaidOutPage) throws -> Void) {
        self.style = style
        self.styles = styles
        self.measurer = measurer
        self.runningHeader = runningHeader
        self.emit = emit
        block = Rect(x: mm(style.left), y: mm(style.top), width: mm(style.blockWidth), height: mm(style.blockHeight))
        cursor = block.y
    }

    /// Space left on the current page.
    var remaining: Double { block.maxY - cursor }
    /// Whether nothing has been placed in the type block of this page yet.
    var atPageTop: Bool { cursor <= block.y + 0.001 }
    /// 1-based number of the current page.
    var pageNumber: Int { index + 1 }

    func add(_ item: PageItem) { items.append(item) }
    func add(contentsOf more: [PageItem]) { items.append(contentsOf: more) }
    func addOutline(_ entry: OutlineEntry) { outline.append(entry) }
    /// Opens a structure element before the next item added.
    func begin(_ role: StructureRole, alt: String? = nil, scope: HeaderScope? = nil) {
        structure.append(StructureMark(item: items.count, event: .begin(StructureElement(role, alt: alt, scope: scope))))
    }
    /// Closes the innermost open structure element after the last item added.
    func end() { structure.append(StructureMark(item: items.count, event: .end)) }
    /// Adds one item as a paragraph of its own (a masthead line, a memo's number).
    func addParagraph(_ item: PageItem) {
        begin(.paragraph)
        items.append(item)
        end()
    }
    /// Runs `body` inside a structure element of `role`.
    func tagged<T>(_ role: StructureRole, alt: String? = nil, _ body: () throws -> T) rethrows -> T {
        begin(role, alt: alt)
        defer { end() }
        return try body()
    }

    /// Finishes the current page and starts the next.
    func newPage() throws {
        try finishPage()
        index += 1
        items = []
        outline = []
        omitsPageNumber = false
        structure = []
        cursor = block.y
    }

    /// Emits the current page with its page number and running header.
    func finishPage() throws {
        let mark = draftMarkItems()
        var all = mark + items
        // The draft mark lies under the content: shift the marks past it, artifacts after the content.
        let marks = structure.map { StructureMark(item: $0.item + mark.count, event: $0.event) }
            + [StructureMark(item: all.count, event: .artifacts)]
        all.append(contentsOf: decorations())
        let size = Size(width: mm(style.width), height: mm(style.height))
        try emit(LaidOutPage(index: index, size: size, items: all, label: String(pageNumber), outline: outline,
                             structure: marks))
        pagesEmitted += 1
    }

    /// A single line of text at a baseline.
    func text(_ s: String, style ts: TextStyle, x: Double, baseline: Double, color: RGBColor? = nil,
              justify: Double? = nil, squeezes: [Double] = []) -> PageItem {
        let font = FontSpec(ts)
        let w = measurer.width(s, font: font) + squeezes.reduce(0, +)
        return .text(TextItem(text: s, font: font, color: color ?? ts.color,
                              origin: Point(x: x, y: baseline), width: w, justifyWidth: justify, squeezes: squeezes))
    }

    /// Baseline of a line whose box of height `lineHeight` starts at `top`.
    func baseline(top: Double, style ts: TextStyle) -> Double {
        let m = measurer.metrics(FontSpec(ts))
        return top + (ts.lineHeight - (m.ascent + m.descent)) / 2 + m.ascent
    }

    /// The draft mark: 黑体 96 pt in light red, turned 30° and centred on the page, drawn
    /// before the content so text stays legible over it.
    private func draftMarkItems() -> [PageItem] {
        guard let mark = draftMark, !mark.isEmpty else { return [] }
        let font = FontSpec(role: .heiti, size: 96)
        let w = measurer.width(mark, font: font)
        let m = measurer.metrics(font)
        let angle = 30.0 * Double.pi / 180
        // Centre of the text box on the page's centre: step back half the width along the
        // baseline and half the box height across it.
        let cx = mm(style.width) / 2, cy = mm(style.height) / 2
        let across = (m.ascent - m.descent) / 2
        let x = cx - w / 2 * cos(angle) + across * sin(angle)
        let y = cy + w / 2 * sin(angle) + across * cos(angle)
        return [.text(TextItem(text: mark, font: font, color: RGBColor(red: 0.96, green: 0.78, blue: 0.78),
                               origin: Point(x: x, y: y), width: w, rotation: 30))]
    }

    private func decorations() -> [PageItem] {
        var out: [PageItem] = []
        let ps = styles.pageNumber
        if style.pageNumbers != .none && !omitsPageNumber {
            let label = "— \(pageNumber) —"
            let font = FontSpec(ps)
            let w = measurer.width(label, font: font)
            let m = measurer.metrics(font)
            // GB/T 9704-2012 7.5: "一字线上距版心下边缘7mm" — the dashes' top edge 7 mm below the
            // type block (their ink, when the measurer knows it; else the font's ascent).
            let rise = (measurer as? any InkMeasuring)?.inkBounds("—", font: font).ascent ?? m.ascent
            let base = block.maxY + mm(style.pageNumberOffset) + rise
            let oneChar = ps.size
            let x: Double
            switch style.pageNumbers {
            case .centered: x = block.x + (block.width - w) / 2
            case .alternating: x = pageNumber % 2 == 1 ? block.maxX - oneChar - w : block.x + oneChar
            case .none: x = 0
            }
            out.append(.text(TextItem(text: label, font: font, color: ps.color, origin: Point(x: x, y: base), width: w)))
        }
        if let header = runningHeader, !header.isEmpty, !(runningHeaderSkipsFirstPage && index == 0) {
            let ns = styles.note
            let font = FontSpec(ns)
            let w = measurer.width(header, font: font)
            let base = block.y - mm(8)
            out.append(.text(TextItem(text: header, font: font, color: .grey,
                                      origin: Point(x: block.maxX - w, y: base), width: w)))
        }
        return out
    }
}

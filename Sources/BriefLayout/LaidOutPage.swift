/// One finished page: its size, the positioned items, its label and outline entries.
package struct LaidOutPage: Sendable, Equatable {
    /// Zero-based page index in the output.
    public var index: Int
    /// Paper size in points.
    public var size: Size
    /// Items in drawing order.
    public var items: [PageItem]
    /// Page label as a PDF viewer shows it (e.g. "1").
    public var label: String
    /// Outline (bookmark) entries that point into this page.
    public var outline: [OutlineEntry]
    /// Where structure elements (headings, paragraphs, tables, figures) begin and end among
    /// `items`, in order; empty for an untagged page.
    public var structure: [StructureMark]

    /// Creates a page.
    public init(index: Int, size: Size, items: [PageItem] = [], label: String, outline: [OutlineEntry] = [],
                structure: [StructureMark] = []) {
        self.index = index; self.size = size; self.items = items; self.label = label; self.outline = outline
        self.structure = structure
    }
}

/// A PDF bookmark.
package struct OutlineEntry: Sendable, Equatable {
    /// Bookmark text.
    public var title: String
    /// Nesting level, 1 = top.
    public var level: Int
    /// Vertical position on the page (points from the top).
    public var y: Double
    /// Creates an entry.
    public init(title: String, level: Int, y: Double) { self.title = title; self.level = level; self.y = y }
}

/// Receives pages as layout finishes them, so that a renderer can write each page and
/// forget it: memory does not grow with the page count.
package protocol PageSink {
    /// Accepts the next page.
    mutating func consume(_ page: LaidOutPage) throws
}

/// A role in the structure tree of a tagged PDF (ISO 32000-1, 14.8.4 standard structure types).
///
/// Layout marks where each element begins and ends among a page's items
/// (`LaidOutPage.structure`); the PDF renderer turns the marks into structure tags. Items
/// outside every element (page numbers, running headers, rules) stay out of the tree.
package enum StructureRole: String, Sendable, Equatable, CaseIterable {
    /// The whole document (the root; a grouping element, so that viewers see a tagged file).
    case document = "Document"
    /// A section: the masthead, the 版记, an attachment.
    case sect = "Sect"
    /// Headings by level.
    case h1 = "H1", h2 = "H2", h3 = "H3", h4 = "H4", h5 = "H5", h6 = "H6"
    /// A paragraph (also one line of a masthead or a memo's closing).
    case paragraph = "P"
    /// A table and its parts.
    case table = "Table", tableHead = "THead", tableBody = "TBody", tableRow = "TR"
    /// A header cell.
    case headerCell = "TH"
    /// A data cell.
    case dataCell = "TD"
    /// A chart; its alternative text comes with the mark.
    case figure = "Figure"
    /// A table's caption.
    case caption = "Caption"
    /// A list and its items.
    case list = "L", listItem = "LI"

    /// Whether the element holds page content itself (cairo marks the content of leaf elements
    /// only); false for elements that only group other elements.
    public var holdsContent: Bool {
        switch self {
        case .document, .sect, .table, .tableHead, .tableBody, .tableRow, .list, .listItem: return false
        default: return true
        }
    }

    /// The heading role for a heading level (1 → H1 … 6 and deeper → H6).
    public static func heading(_ level: Int) -> StructureRole {
        [.h1, .h2, .h3, .h4, .h5, .h6][min(max(level, 1), 6) - 1]
    }
}

/// What a table header cell heads (PDF /Scope).
package enum HeaderScope: String, Sendable, Equatable {
    /// The cell heads its column.
    case column = "Column"
    /// The cell heads its row.
    case row = "Row"
}

/// One structure element as it opens: its role and the attributes cairo cannot write, which
/// the PDF post-pass adds.
package struct StructureElement: Sendable, Equatable {
    /// Structure type.
    public var role: StructureRole
    /// Alternative text (figures): what a screen reader says instead of the drawing.
    public var alt: String?
    /// Header cell scope (TH).
    public var scope: HeaderScope?
    /// Creates an element.
    public init(_ role: StructureRole, alt: String? = nil, scope: HeaderScope? = nil) {
        self.role = role; self.alt = alt; self.scope = scope
    }
}

/// A structure event placed before the page item at `item` (`item == items.count`: after the
/// last item). Elements may open on one page and close on a later one.
package struct StructureMark: Sendable, Equatable {
    /// What happens.
    public enum Event: Sendable, Equatable {
        /// An element opens (nested in the innermost open element).
        case begin(StructureElement)
        /// The innermost open element closes.
        case end
        /// The items from here to the next mark are decorations (page number, running header):
        /// to be kept out of the structure tree even if an element is open around them.
        case artifacts
    }
    /// Index of the item the event comes before.
    public var item: Int
    /// The event.
    public var event: Event
    /// Creates a mark.
    public init(item: Int, event: Event) { self.item = item; self.event = event }
}

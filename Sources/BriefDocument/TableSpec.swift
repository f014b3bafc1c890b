/// A table: header rows repeated on every page, body rows, optional totals row.
public struct TableSpec: Codable, Sendable, Equatable {
    /// Caption above the table (e.g. 表1 各设区市获奖情况); continuation pages add 续表.
    public var caption: String?
    /// Columns: title, alignment and relative width.
    public var columns: [TableColumn]
    /// Body rows; each row has one cell per column.
    public var rows: [[String]]
    /// A totals row drawn after the last body row, if any.
    public var totals: [String]?
    /// Three-line table (三线表) or full grid.
    public var style: TableStyle
    /// A note under the table such as 数据来源, if any.
    public var note: String?
    /// Header rows, top to bottom, when the header is more than one row of column titles
    /// (grouped headers with spanning cells); nil for one row made of the columns' titles.
    /// Every header row is repeated on every page the table continues on.
    public var headerRows: [[TableHeaderCell]]?
    /// How tightly rows are set; nil for ``TableDensity/regular``.
    public var density: TableDensity?

    /// Creates a table.
    public init(
        caption: String? = nil, columns: [TableColumn], rows: [[String]],
        totals: [String]? = nil, style: TableStyle = .threeLine, note: String? = nil,
        headerRows: [[TableHeaderCell]]? = nil, density: TableDensity? = nil
    ) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.style = style
        self.note = note
        self.headerRows = headerRows
        self.density = density
    }

    /// The header rows drawn: ``headerRows`` if given, else one row of the columns' titles.
    public var header: [[TableHeaderCell]] {
        headerRows ?? [columns.map { TableHeaderCell($0.title) }]
    }
}

/// One cell of a header row. Cells fill the free column positions of their row from left to
/// right (positions covered by a cell spanning down from a row above are skipped), as in HTML.
public struct TableHeaderCell: Codable, Sendable, Equatable {
    /// Header text.
    public var title: String
    /// Columns the cell spans (1 or more).
    public var columnSpan: Int
    /// Header rows the cell spans (1 or more).
    public var rowSpan: Int

    /// Creates a header cell.
    public init(_ title: String, columnSpan: Int = 1, rowSpan: Int = 1) {
        self.title = title
        self.columnSpan = max(1, columnSpan)
        self.rowSpan = max(1, rowSpan)
    }
}

/// One table column.
public struct TableColumn: Codable, Sendable, Equatable {
    /// Header text.
    public var title: String
    /// Alignment of body cells.
    public var alignment: TextAlignment
    /// Relative width; widths are shared out in proportion.
    public var weight: Double

    /// Creates a column.
    public init(_ title: String, alignment: TextAlignment = .leading, weight: Double = 1) {
        self.title = title
        self.alignment = alignment
        self.weight = weight
    }
}

/// Horizontal alignment.
public enum TextAlignment: String, Codable, Sendable, Equatable {
    case leading, center, trailing, justified
}

/// Table rule styles.
public enum TableStyle: String, Codable, Sendable, Equatable {
    /// 三线表: thick top and bottom rules, thin rule under the header.
    case threeLine
    /// Every cell boxed.
    case grid
}

/// How tightly a table's rows are set.
public enum TableDensity: String, Codable, Sendable, Equatable {
    /// The style sheet's table styles (五号, 15 pt lines).
    case regular
    /// 小五 (9 pt) on 11.5 pt lines with less padding: long lists such as a full recipient list.
    case compact
}

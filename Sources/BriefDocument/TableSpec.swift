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

    /// Creates a table.
    public init(
        caption: String? = nil, columns: [TableColumn], rows: [[String]],
        totals: [String]? = nil, style: TableStyle = .threeLine, note: String? = nil
    ) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.style = style
        self.note = note
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

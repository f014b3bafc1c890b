/// Font roles of Chinese official documents; `BriefCairo` maps each to a font through
/// fontconfig (see `Fonts/roles.conf`).
public enum FontRole: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// 小标宋: titles and mastheads.
    case xiaobiaosong
    /// 仿宋: body text.
    case fangsong
    /// 黑体: level-1 headings, table headers.
    case heiti
    /// 楷体: level-2 headings.
    case kaiti
    /// 宋体: page numbers, tables.
    case songti
}

/// Chinese point sizes (号).
public enum ChineseFontSize {
    /// 初号 42 pt.
    public static let chuhao = 42.0
    /// 小初 36 pt.
    public static let xiaochu = 36.0
    /// 一号 26 pt.
    public static let yihao = 26.0
    /// 小一 24 pt.
    public static let xiaoyi = 24.0
    /// 二号 22 pt.
    public static let erhao = 22.0
    /// 小二 18 pt.
    public static let xiaoer = 18.0
    /// 三号 16 pt.
    public static let sanhao = 16.0
    /// 小三 15 pt.
    public static let xiaosan = 15.0
    /// 四号 14 pt.
    public static let sihao = 14.0
    /// 小四 12 pt.
    public static let xiaosi = 12.0
    /// 五号 10.5 pt.
    public static let wuhao = 10.5
    /// 小五 9 pt.
    public static let xiaowu = 9.0
}

/// How one kind of text looks.
public struct TextStyle: Codable, Sendable, Equatable {
    /// Font role.
    public var role: FontRole
    /// Size in points.
    public var size: Double
    /// Bold (synthesised if the role's font has no bold face).
    public var bold: Bool
    /// Colour.
    public var color: RGBColor
    /// Distance between baselines in points.
    public var lineHeight: Double
    /// Alignment of lines.
    public var alignment: TextAlignment
    /// First-line indent in characters (2 for Chinese body text).
    public var indentChars: Double
    /// Space before, in points.
    public var spaceBefore: Double
    /// Space after, in points.
    public var spaceAfter: Double

    /// Creates a text style.
    public init(
        role: FontRole, size: Double, bold: Bool = false, color: RGBColor = .black,
        lineHeight: Double? = nil, alignment: TextAlignment = .leading, indentChars: Double = 0,
        spaceBefore: Double = 0, spaceAfter: Double = 0
    ) {
        self.role = role
        self.size = size
        self.bold = bold
        self.color = color
        self.lineHeight = lineHeight ?? size * 1.6
        self.alignment = alignment
        self.indentChars = indentChars
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }
}

/// The text styles of a document.
public struct StyleSheet: Codable, Sendable, Equatable {
    /// Document title.
    public var title: TextStyle
    /// Headings by level (index 0 = level 1).
    public var headings: [TextStyle]
    /// Body paragraphs.
    public var body: TextStyle
    /// Notes, sources.
    public var note: TextStyle
    /// Chart and table captions.
    public var caption: TextStyle
    /// Table header cells.
    public var tableHeader: TextStyle
    /// Table body cells.
    public var tableBody: TextStyle
    /// Chart labels (axes, ticks, legends, values).
    public var chartLabel: TextStyle
    /// Page numbers.
    public var pageNumber: TextStyle
    /// Accent colour for mastheads and red rules.
    public var accent: RGBColor

    /// Creates a style sheet.
    public init(
        title: TextStyle, headings: [TextStyle], body: TextStyle, note: TextStyle,
        caption: TextStyle, tableHeader: TextStyle, tableBody: TextStyle,
        chartLabel: TextStyle, pageNumber: TextStyle, accent: RGBColor = .officialRed
    ) {
        self.title = title
        self.headings = headings
        self.body = body
        self.note = note
        self.caption = caption
        self.tableHeader = tableHeader
        self.tableBody = tableBody
        self.chartLabel = chartLabel
        self.pageNumber = pageNumber
        self.accent = accent
    }

    /// Every text style of the sheet.
    package var allStyles: [TextStyle] {
        [title] + headings + [body, note, caption, tableHeader, tableBody, chartLabel, pageNumber]
    }

    /// The style for a heading level (clamped to the defined levels).
    public func heading(_ level: Int) -> TextStyle {
        headings[max(0, min(headings.count - 1, level - 1))]
    }

    /// Briefing styles: 2号 小标宋 title, 3号 仿宋 body on a 28.95 pt line (22 lines in 225 mm),
    /// 黑体 / 楷体 headings, 4号 宋体 page numbers.
    public static let briefing: StyleSheet = {
        let line = 225.0 / 25.4 * 72 / 22  // 28.95 pt: 22 lines in the 225 mm type block
        return StyleSheet(
            title: TextStyle(
                role: .xiaobiaosong, size: ChineseFontSize.erhao, lineHeight: 36,
                alignment: .center, spaceBefore: 6, spaceAfter: 16),
            headings: [
                TextStyle(role: .heiti, size: ChineseFontSize.sanhao, lineHeight: line,
                          alignment: .leading, indentChars: 2, spaceBefore: 6),
                TextStyle(role: .kaiti, size: ChineseFontSize.sanhao, lineHeight: line,
                          alignment: .leading, indentChars: 2),
                TextStyle(role: .fangsong, size: ChineseFontSize.sanhao, bold: true, lineHeight: line,
                          alignment: .leading, indentChars: 2),
                TextStyle(role: .fangsong, size: ChineseFontSize.sanhao, lineHeight: line,
                          alignment: .leading, indentChars: 2),
            ],
            body: TextStyle(
                role: .fangsong, size: ChineseFontSize.sanhao, lineHeight: line,
                alignment: .justified, indentChars: 2),
            note: TextStyle(
                role: .songti, size: ChineseFontSize.wuhao, color: RGBColor(hex: 0x404040),
                lineHeight: 15, alignment: .leading, spaceAfter: 4),
            caption: TextStyle(
                role: .heiti, size: ChineseFontSize.xiaosi, lineHeight: 20, alignment: .center,
                spaceBefore: 6, spaceAfter: 4),
            tableHeader: TextStyle(role: .heiti, size: ChineseFontSize.wuhao, lineHeight: 15, alignment: .center),
            tableBody: TextStyle(role: .songti, size: ChineseFontSize.wuhao, lineHeight: 15),
            chartLabel: TextStyle(role: .heiti, size: 9, lineHeight: 12),
            pageNumber: TextStyle(role: .songti, size: ChineseFontSize.sihao, lineHeight: 18))
    }()
}

/// A chart as data; `BriefLayout` turns it into shapes and text.
public struct ChartSpec: Codable, Sendable, Equatable {
    /// The kind of chart.
    public var kind: ChartKind
    /// Title drawn above the chart, e.g. 图1 各设区市获奖数量.
    public var title: String
    /// Category labels (x axis for bars and lines, slices for pies).
    public var categories: [String]
    /// One or more series; pies use the first.
    public var series: [ChartSeries]
    /// Axis title along the categories, if any.
    public var categoryAxisTitle: String?
    /// Axis title along the values, e.g. 数量（项）.
    public var valueAxisTitle: String?
    /// Unit appended to value labels, e.g. 项; empty for none.
    public var valueUnit: String
    /// Whether to print values on bars, points and slices.
    public var showValues: Bool
    /// Source line under the chart, e.g. 数据来源：……
    public var source: String?
    /// Height of the chart area in points (title and source included).
    public var height: Double
    /// Whether bars, slices and areas also carry line patterns (hatching) by series, so that
    /// they stay apart on a grey photocopy; nil or false for plain fills.
    public var hatched: Bool?
    /// The palette entry of each category's slice in a pie or donut (see
    /// ``ChartSeries/style``); nil, or a category past its end: the category's position.
    public var categoryStyles: [Int]?

    /// Creates a chart.
    public init(
        kind: ChartKind, title: String, categories: [String], series: [ChartSeries],
        categoryAxisTitle: String? = nil, valueAxisTitle: String? = nil, valueUnit: String = "",
        showValues: Bool = true, source: String? = nil, height: Double = 260, hatched: Bool? = nil,
        categoryStyles: [Int]? = nil
    ) {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.series = series
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
        self.valueUnit = valueUnit
        self.showValues = showValues
        self.source = source
        self.height = height
        self.hatched = hatched
        self.categoryStyles = categoryStyles
    }
}

/// Chart kinds.
public enum ChartKind: String, Codable, Sendable, Equatable {
    /// Vertical bars, one group per category.
    case bar
    /// Horizontal bars.
    case horizontalBar
    /// Vertical bars stacked by series.
    case stackedBar
    /// Lines with markers, one per series.
    case line
    /// Pie.
    case pie
    /// Donut (pie with a hole).
    case donut
    /// Stacked areas, one band per series, over the categories (e.g. years).
    case area
    /// Jiangsu's 13 cities as tiles placed roughly where they lie, coloured by the first
    /// series on a sequential single-hue scale, with a legend of value classes. Categories
    /// are city names (南京 or 南京市); others are left out.
    case tileMap
}

/// A named run of values, one per category.
public struct ChartSeries: Codable, Sendable, Equatable {
    /// Legend name.
    public var name: String
    /// Values, aligned with the chart's categories.
    public var values: [Double]
    /// Which palette entry draws the series (its colour, and its pattern in a hatched chart);
    /// nil: its position among the series. Give a thing the same number in every chart (a
    /// programme its place in the catalog) and it keeps its colour when others are left out.
    public var style: Int?

    /// Creates a series.
    public init(name: String, values: [Double], style: Int? = nil) {
        self.name = name
        self.values = values
        self.style = style
    }
}

/// Why a chart or table of a document cannot be drawn as given. Layout would otherwise draw
/// a negative value as 0, a missing value as 0 and drop cells beyond the last column, all
/// without a word; a renderer refuses such a document instead (see `Document.specProblems()`).
public enum SpecProblem: Sendable, Equatable, CustomStringConvertible {
    /// A value below zero in a chart whose kind cannot show one (see `ChartKind.showsNegativeValues`).
    case negativeValue(chart: String, series: String, category: String, value: Double)
    /// A value that is not a finite number (NaN, infinity).
    case nonFiniteValue(chart: String, series: String, category: String)
    /// A series with more or fewer values than the chart has categories.
    case seriesLength(chart: String, series: String, values: Int, categories: Int)
    /// A body row (1-based) with more cells than the table has columns.
    case rowTooWide(table: String, row: Int, cells: Int, columns: Int)
    /// A totals row with more cells than the table has columns.
    case totalsTooWide(table: String, cells: Int, columns: Int)
    /// A header row (1-based) whose cells, with their spans and the cells spanning down from
    /// the rows above, need more columns than the table has.
    case headerTooWide(table: String, headerRow: Int, needs: Int, columns: Int)

    /// One line naming the chart (its title) or table (its caption), the series or row, and
    /// what is wrong.
    public var description: String {
        switch self {
        case let .negativeValue(chart, series, category, value):
            return "chart “\(chart)”: series “\(series)” has \(value) for “\(category)”; this kind of chart cannot show negative values"
        case let .nonFiniteValue(chart, series, category):
            return "chart “\(chart)”: series “\(series)” has no finite value for “\(category)”"
        case let .seriesLength(chart, series, values, categories):
            return "chart “\(chart)”: series “\(series)” has \(values) value\(values == 1 ? "" : "s") for \(categories) categor\(categories == 1 ? "y" : "ies")"
        case let .rowTooWide(table, row, cells, columns):
            return "table “\(table)”: row \(row) has \(cells) cells for \(columns) column\(columns == 1 ? "" : "s")"
        case let .totalsTooWide(table, cells, columns):
            return "table “\(table)”: the totals row has \(cells) cells for \(columns) column\(columns == 1 ? "" : "s")"
        case let .headerTooWide(table, headerRow, needs, columns):
            return "table “\(table)”: header row \(headerRow) needs \(needs) columns, the table has \(columns)"
        }
    }
}

extension ChartKind {
    /// Whether the kind draws values below zero. None does: bars, lines and areas stand on a
    /// zero baseline, slices and tiles are shares of a positive whole.
    public var showsNegativeValues: Bool { false }
}

extension ChartSpec {
    /// What keeps this chart from being drawn as given; empty when it can be.
    public var problems: [SpecProblem] {
        var out: [SpecProblem] = []
        for s in series {
            if s.values.count != categories.count {
                out.append(.seriesLength(chart: title, series: s.name, values: s.values.count, categories: categories.count))
            }
            for (value, category) in zip(s.values, categories) {
                if !value.isFinite {
                    out.append(.nonFiniteValue(chart: title, series: s.name, category: category))
                } else if value < 0 && !kind.showsNegativeValues {
                    out.append(.negativeValue(chart: title, series: s.name, category: category, value: value))
                }
            }
        }
        return out
    }
}

extension TableSpec {
    /// What keeps this table from being drawn as given; empty when it can be. Rows with fewer
    /// cells than columns are fine: the missing cells are blank.
    public var problems: [SpecProblem] {
        let name = caption ?? columns.map(\.title).joined(separator: "、")
        let n = columns.count
        var out: [SpecProblem] = []
        for (i, row) in rows.enumerated() where row.count > n {
            out.append(.rowTooWide(table: name, row: i + 1, cells: row.count, columns: n))
        }
        if let totals, totals.count > n { out.append(.totalsTooWide(table: name, cells: totals.count, columns: n)) }
        // Positions taken in each header row by cells spanning down from the rows above.
        var takenFromAbove: [Int: Int] = [:]
        for (ri, row) in header.enumerated() {
            let needs = takenFromAbove[ri, default: 0] + row.reduce(0) { $0 + $1.columnSpan }
            if needs > n { out.append(.headerTooWide(table: name, headerRow: ri + 1, needs: needs, columns: n)) }
            for cell in row where cell.rowSpan > 1 {
                for below in (ri + 1)..<(ri + cell.rowSpan) { takenFromAbove[below, default: 0] += cell.columnSpan }
            }
        }
        return out
    }
}

extension Document {
    /// Every chart and table problem of the document's blocks, those kept together and those
    /// of its attachments included, in reading order; empty when everything can be drawn.
    public func specProblems() -> [SpecProblem] {
        func walk(_ blocks: [Block]) -> [SpecProblem] {
            blocks.flatMap { block -> [SpecProblem] in
                switch block {
                case .chart(let spec): return spec.problems
                case .table(let spec): return spec.problems
                case .keepTogether(let inner): return walk(inner)
                case .title, .heading, .paragraph, .spacer, .pageBreak: return []
                }
            }
        }
        return walk(blocks) + (attachments ?? []).flatMap { $0.specProblems() }
    }
}

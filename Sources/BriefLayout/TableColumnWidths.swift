import BriefDocument

extension TableLayout {
    /// Rows sampled when sizing columns: enough to see the widths of a long list without
    /// measuring every cell of a 100 000-row table twice.
    static let sizingSample = 1_000

    /// Column widths that fill the type block, decided from the content (as HTML's automatic
    /// table layout does), with the columns' weights as a tie-breaker:
    /// - no column is narrower than its widest unbreakable piece (a number, a Latin word, a
    ///   CJK character, or a whole header of up to five characters such as 序号, 年度 or
    ///   中国质量奖), so numbers and short headers never wrap;
    /// - when every cell fits on one line, each column gets its natural width and the spare
    ///   width is shared by weight;
    /// - otherwise columns share the width by weight, except that a column needing less than
    ///   its share to set every cell on one line takes only that, and one whose minimum is
    ///   more than its share takes its minimum; the rest is shared again among the others;
    /// - if even the minimums do not fit, widths follow the weights alone.
    func columnWidths(_ t: TableSpec) -> [Double] {
        let n = t.columns.count
        guard n > 0 else { return [] }
        let total = page.block.width
        let weights = t.columns.map { max(0.01, $0.weight) }
        let byWeight = weights.map { total * $0 / weights.reduce(0, +) }
        let header = FontSpec(headerStyle(t)), body = FontSpec(bodyStyle(t))
        var minW = Array(repeating: 0.0, count: n)
        var maxW = Array(repeating: 0.0, count: n)
        func see(_ text: String, _ i: Int, _ font: FontSpec, wholeIfShort: Bool) {
            let adv = breaker.measurer.advances(text, font: font)
            maxW[i] = max(maxW[i], adv.reduce(0, +))
            if wholeIfShort && text.count <= 5 {
                minW[i] = max(minW[i], adv.reduce(0, +))
                return
            }
            var run = 0.0
            for (c, a) in zip(text, adv) {
                if c.isASCII && !c.isWhitespace {
                    run += a
                } else {
                    minW[i] = max(minW[i], run, c.isWhitespace ? 0 : a)
                    run = 0
                }
            }
            minW[i] = max(minW[i], run)
        }
        // Header cells over one column size it; a cell spanning several wraps within them.
        for c in Self.headerPlacement(t).cells where c.columnSpan == 1 { see(c.title, c.column, header, wholeIfShort: true) }
        // The first rows and the last ones: serial numbers and the like are widest at the end.
        var rows = Array(t.rows.prefix(Self.sizingSample))
        if t.rows.count > Self.sizingSample {
            rows += t.rows.suffix(min(Self.sizingSample / 5, t.rows.count - Self.sizingSample))
        }
        if let totals = t.totals { rows.append(totals) }
        for r in rows { for i in 0..<min(n, r.count) { see(r[i], i, body, wholeIfShort: false) } }
        minW = minW.map { $0 + 2 * padX + 0.5 }
        maxW = zip(maxW, minW).map { max($0 + 2 * padX + 0.5, $1) }

        let sumMax = maxW.reduce(0, +), sumMin = minW.reduce(0, +)
        if sumMax <= total {
            let spare = total - sumMax
            return (0..<n).map { maxW[$0] + spare * weights[$0] / weights.reduce(0, +) }
        }
        if sumMin <= total {
            // Water-filling by weight: a column whose natural width is within its weighted
            // share gets exactly that (it sets on one line) and leaves the rest to the others;
            // a column whose minimum exceeds its share gets its minimum.
            var width = Array(repeating: 0.0, count: n)
            var open = Set(0..<n)
            var left = total
            while !open.isEmpty {
                let w = open.reduce(0.0) { $0 + weights[$1] }
                let share = { (i: Int) in left * weights[i] / w }
                let fixed: Int
                if let i = open.filter({ maxW[$0] <= share($0) }).min(by: { maxW[$0] < maxW[$1] }) {
                    width[i] = maxW[i]
                    fixed = i
                } else if let i = open.filter({ minW[$0] > share($0) }).max(by: { minW[$0] - share($0) < minW[$1] - share($1) }) {
                    width[i] = minW[i]
                    fixed = i
                } else {
                    for i in open { width[i] = share(i) }
                    break
                }
                open.remove(fixed)
                left -= width[fixed]
            }
            return width
        }
        return byWeight
    }
}

import BriefModel

extension AwardTable {
    /// Record counts by one dimension. Row order and labels: programmes in rank order
    /// (label = name); 获奖 then 提名奖; years ascending (only years with records); sections
    /// A–T always, then 未分类 (key "") when non-zero; Jiangsu's 13 cities always in code order,
    /// then other cities present, then 未知地区 (key "") when non-zero; 组织 then 个人.
    public func counts(by dimension: Dimension, filter: RecordFilter = RecordFilter()) -> CountTable {
        let col = column(dimension)
        let tallies = tally(col.codes, size: col.keys.count, mask: mask(filter))
        let shown = shownCodes(col, totals: tallies, fillYears: false)
        return CountTable(dimension: dimension, rows: shown.map { CountRow(key: col.keys[$0], label: col.labels[$0], count: tallies[$0]) })
    }

    /// Counts by year for every year from the first to the last with records (after
    /// filtering), zeros included, ascending; labels like "2012". Empty when nothing matches.
    public func yearSeries(filter: RecordFilter = RecordFilter()) -> CountTable {
        let col = year
        let tallies = tally(col.codes, size: col.keys.count, mask: mask(filter))
        let shown = shownCodes(col, totals: tallies, fillYears: true)
        return CountTable(dimension: .year, rows: shown.map { CountRow(key: col.keys[$0], label: col.labels[$0], count: tallies[$0]) })
    }

    /// The last year with records against the year before it; nil when the filtered
    /// records span fewer than two years.
    public func yearChange(filter: RecordFilter = RecordFilter()) -> YearChange? {
        let rows = yearSeries(filter: filter).rows
        guard rows.count >= 2, let last = rows.last, let year = Int(last.key) else { return nil }
        let previous = rows[rows.count - 2]
        return YearChange(year: year, count: last.count, previousYear: Int(previous.key) ?? year - 1, previousCount: previous.count)
    }

    /// Counts by two dimensions; each axis follows the order and listing rules of
    /// `counts(by:)`, except that a year axis lists every year from the first to the last
    /// with records (zeros included), as a time axis should.
    public func crossTab(rows: Dimension, columns: Dimension, filter: RecordFilter = RecordFilter()) -> CrossTab {
        crossTab(rows: rows, columns: columns, r: column(rows), c: column(columns), filter: filter)
    }

    /// `crossTab(rows:columns:filter:)` over given columns (a region axis may be regrouped).
    func crossTab(rows: Dimension, columns: Dimension, r: EncodedColumn, c: EncodedColumn, filter: RecordFilter) -> CrossTab {
        let width = c.keys.count
        var cells = [Int](repeating: 0, count: r.keys.count * width)
        let m = mask(filter)
        r.codes.withUnsafeBufferPointer { rc in
            c.codes.withUnsafeBufferPointer { cc in
                cells.withUnsafeMutableBufferPointer { out in
                    if let m {
                        m.withUnsafeBufferPointer { mb in
                            for i in 0..<rc.count where mb[i] { out[Int(rc[i]) * width + Int(cc[i])] += 1 }
                        }
                    } else {
                        for i in 0..<rc.count { out[Int(rc[i]) * width + Int(cc[i])] += 1 }
                    }
                }
            }
        }
        var rowTotals = [Int](repeating: 0, count: r.keys.count)
        var colTotals = [Int](repeating: 0, count: width)
        for i in 0..<r.keys.count {
            for j in 0..<width {
                rowTotals[i] += cells[i * width + j]
                colTotals[j] += cells[i * width + j]
            }
        }
        let shownRows = shownCodes(r, totals: rowTotals, fillYears: true)
        let shownCols = shownCodes(c, totals: colTotals, fillYears: true)
        return CrossTab(
            rowDimension: rows, columnDimension: columns,
            rowKeys: shownRows.map { r.keys[$0] }, rowLabels: shownRows.map { r.labels[$0] },
            columnKeys: shownCols.map { c.keys[$0] }, columnLabels: shownCols.map { c.labels[$0] },
            counts: shownRows.map { i in shownCols.map { j in cells[i * width + j] } })
    }

    /// Number of distinct recipients among the filtered records, comparing names after
    /// normalisation (parentheses, full-width forms, spaces, traditional characters).
    public func distinctRecipients(filter: RecordFilter = RecordFilter()) -> Int {
        var seen = [Bool](repeating: false, count: recipientNameCount)
        var distinct = 0
        let m = mask(filter)
        for i in 0..<count where m?[i] ?? true {
            let id = Int(recipientIDs[i])
            if !seen[id] {
                seen[id] = true
                distinct += 1
            }
        }
        return distinct
    }

    /// The rows of `counts(by:filter:)` by descending count with competition ranks
    /// (1, 2, 2, 4…); equal counts keep display order.
    public func rank(by dimension: Dimension, filter: RecordFilter = RecordFilter()) -> [RankedRow] {
        let sorted = counts(by: dimension, filter: filter).sortedByCount
        var out: [RankedRow] = []
        for (i, row) in sorted.enumerated() {
            let rank = i > 0 && sorted[i - 1].count == row.count ? out[i - 1].rank : i + 1
            out.append(RankedRow(key: row.key, label: row.label, count: row.count, rank: rank))
        }
        return out
    }

    /// The rows (0-based, in register order) that `filter` selects, worked out on the columns.
    public func rows(matching filter: RecordFilter) -> [Int] {
        guard let m = mask(filter) else { return Array(0..<count) }
        return m.indices.filter { m[$0] }
    }

    // MARK: - Internals

    /// Which records pass `filter`, or nil for "all" (no criterion set).
    func mask(_ filter: RecordFilter) -> [Bool]? {
        if filter.isEmpty { return nil }
        var m = [Bool](repeating: true, count: count)
        func apply(_ col: EncodedColumn, _ allowed: [Bool]) {
            col.codes.withUnsafeBufferPointer { codes in
                allowed.withUnsafeBufferPointer { ok in
                    m.withUnsafeMutableBufferPointer { mb in
                        for i in 0..<codes.count where !ok[Int(codes[i])] { mb[i] = false }
                    }
                }
            }
        }
        if let ys = filter.years { apply(year, year.keys.indices.map { ys.contains(firstYear + $0) }) }
        if let ps = filter.programmeIDs { apply(programme, programme.allowed(ps.contains)) }
        if let ls = filter.levels { apply(level, level.allowed { ls.contains(AwardLevel(rawValue: $0)!) }) }
        if let cs = filter.cityCodes { apply(region, region.allowed { !$0.isEmpty && cs.contains($0) }) }
        if let ts = filter.recipientTypes { apply(recipientType, recipientType.allowed { ts.contains(RecipientType(rawValue: $0)!) }) }
        if let ss = filter.sections { apply(sector, sector.allowed(ss.contains)) }
        if let ds = filter.divisions { apply(division, division.allowed(ds.contains)) }
        if let gs = filter.groups { apply(group, group.allowed(gs.contains)) }
        if let cs = filter.classes { apply(sectorClass, sectorClass.allowed(cs.contains)) }
        if let rs = filter.regionCodes {
            // County keys are the registered codes; their cities come from the city column.
            var ok = [Bool](repeating: false, count: county.keys.count)
            var cityOf = [String?](repeating: nil, count: county.keys.count)
            county.codes.withUnsafeBufferPointer { cc in
                region.codes.withUnsafeBufferPointer { rc in
                    var pending = county.keys.count
                    for i in 0..<cc.count where pending > 0 {
                        let k = Int(cc[i])
                        if cityOf[k] == nil { cityOf[k] = region.keys[Int(rc[i])]; pending -= 1 }
                    }
                }
            }
            for (i, key) in county.keys.enumerated() where !key.isEmpty {
                ok[i] = rs.contains { RecordFilter.region(key, city: cityOf[i].flatMap { $0.isEmpty ? nil : $0 }, isIn: $0) }
            }
            apply(county, ok)
        }
        return m
    }

    /// One pass: how many selected records carry each code.
    func tally(_ codes: [Int32], size: Int, mask: [Bool]?) -> [Int] {
        var out = [Int](repeating: 0, count: size)
        codes.withUnsafeBufferPointer { cb in
            out.withUnsafeMutableBufferPointer { ob in
                if let mask {
                    mask.withUnsafeBufferPointer { mb in
                        for i in 0..<cb.count where mb[i] { ob[Int(cb[i])] += 1 }
                    }
                } else {
                    for c in cb { ob[Int(c)] += 1 }
                }
            }
        }
        return out
    }

    /// Codes to list, in order: always-shown codes, plus the others that are non-zero; for
    /// a year axis with `fillYears`, every year between the first and last non-zero one.
    func shownCodes(_ col: EncodedColumn, totals: [Int], fillYears: Bool) -> [Int] {
        if fillYears && col.isTimeAxis {
            guard let first = totals.firstIndex(where: { $0 > 0 }), let last = totals.lastIndex(where: { $0 > 0 }) else { return [] }
            return Array(first...last)
        }
        return col.keys.indices.filter { $0 < col.alwaysShown || totals[$0] > 0 }
    }
}

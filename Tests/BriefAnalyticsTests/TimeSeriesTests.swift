import BriefAnalytics
import BriefModel
import Testing

@Suite struct TimeSeriesTests {
    let table = Fixture.table

    @Test func yearSeriesFillsGapsWithZeros() {
        let s = table.yearSeries()
        #expect(s.rows.map(\.label) == ["2013", "2014", "2015", "2016", "2017", "2018"])
        #expect(s.rows.map(\.count) == [2, 2, 1, 5, 0, 5])
        let cqa = table.yearSeries(filter: RecordFilter(programmeIDs: ["cqa"]))
        #expect(cqa.rows.map(\.label) == ["2016", "2017", "2018"])
        #expect(cqa.rows.map(\.count) == [2, 0, 1])
    }

    @Test func yearChange() {
        // 2018 (5) against 2017 (0): no rate.
        #expect(table.yearChange() == YearChange(year: 2018, count: 5, previousYear: 2017, previousCount: 0))
        #expect(table.yearChange()?.rate == nil)
        // Up to 2016: 5 against 2015's 1 → +4, rate 4.0.
        let c = table.yearChange(filter: RecordFilter(years: 2013...2016))
        #expect(c?.change == 4)
        #expect(c?.rate == 4.0)
        // 2014 (2) against 2013 (2): no change.
        #expect(table.yearChange(filter: RecordFilter(years: 2013...2014))?.rate == 0)
        // A single year has no change.
        #expect(table.yearChange(filter: RecordFilter(years: 2015...2015)) == nil)
        // Decline: jsgqa 2016 (1) → 2018 (1) via 2017 (0) — 2018 vs 2017 only.
        #expect(table.yearChange(filter: RecordFilter(years: 2016...2017)) == nil)
        let down = YearChange(year: 2020, count: 3, previousYear: 2019, previousCount: 4)
        #expect(down.change == -1 && down.rate == -0.25)
    }
}

@Suite struct CrossTabTests {
    let table = Fixture.table

    @Test func programmeByLevel() {
        let x = table.crossTab(rows: .programme, columns: .level)
        #expect(x.rowKeys == ["cqa", "jsgqa", "mayor"])
        #expect(x.columnLabels == ["获奖", "提名奖"])
        #expect(x.counts == [[2, 1], [3, 1], [5, 3]])
        #expect(x.rowTotals == [3, 4, 8])
        #expect(x.columnTotals == [10, 5])
        #expect(x.total == 15)
        #expect(x.count(row: "mayor", column: "nomination") == 3)
    }

    @Test func programmeByYearFillsYears() {
        let x = table.crossTab(rows: .programme, columns: .year)
        #expect(x.columnKeys == ["2013", "2014", "2015", "2016", "2017", "2018"])
        #expect(x.counts[0] == [0, 0, 0, 2, 0, 1])
        #expect(x.columnTotals == table.yearSeries().rows.map(\.count))
    }

    @Test func regionBySectorTotalsMatchOneWayCounts() {
        let f = RecordFilter(years: 2014...2018)
        let x = table.crossTab(rows: .region, columns: .sector, filter: f)
        #expect(x.rowTotals == table.counts(by: .region, filter: f).rows.map(\.count))
        #expect(x.columnTotals == table.counts(by: .sector, filter: f).rows.map(\.count))
        #expect(x.total == 13)
    }
}

import BriefAnalytics
import BriefModel
import Foundation
import Testing
import TestSupport

/// Seven rows written as a register file, loaded both ways (records and columns). Worked by hand:
///
///  line  recipient  programme        year  sector  region           city    notes
///   2    甲公司     cqa award        2016  C17     320505 虎丘区     320500
///   3    乙公司     jsgqa award      2016  C       320500 苏州市     320500  registered at city level
///   4    丙公司     mayor nomination 2018  E       320106 鼓楼区     320100
///   5    甲公司     mayor award      2018  C17     320505 虎丘区     320500
///   6    丁公司     mayor award      2020  I       320611 港闸区     320600  retired code → warning
///   7    张三       jsgqa award      2020  —       320200 无锡市     320200  individual, masked ID → warning;
///                                                                             empty sector → warning
///   8    甲公司     cqa award        2016  C17     320505 虎丘区     320500  duplicate of line 2 → warning
enum MeasuresFixture {
    static let csv = """
    id,recipient,recipient_type,programme,year,sector_code,region_code,credit_code
    1,甲公司,organization,中国质量奖,2016,C17,320505,
    2,乙公司,organization,江苏省省长质量奖,2016,C,320500,
    3,丙公司,organization,市长质量奖提名奖,2018,E,320106,
    4,甲公司,organization,市长质量奖,2018,C17,320505,
    5,丁公司,organization,市长质量奖,2020,I,320611,
    6,张三,individual,江苏省省长质量奖,2020,,320200,320200********1234
    7,甲公司,organization,中国质量奖,2016,C17,320505,

    """

    static let url: URL = {
        let u = scratchDirectory.appendingPathComponent("measures-\(UUID().uuidString).csv")
        try! csv.write(to: u, atomically: true, encoding: .utf8)
        return u
    }()

    static let dataset = DatasetLoader.load([url])
    static let columns = DatasetLoader.loadColumns([url])
    static let fromRecords = AwardTable(dataset.records)
    static let fromColumns = AwardTable(columns)
    static var tables: [AwardTable] { [fromRecords, fromColumns] }
}

@Suite struct MeasuresTests {
    @Test func bothLoadPathsAgreeOnEveryDimension() {
        let a = MeasuresFixture.fromRecords, b = MeasuresFixture.fromColumns
        #expect(a.count == 7 && b.count == 7)
        for d in Dimension.allCases {
            #expect(a.counts(by: d) == b.counts(by: d), "\(d)")
            #expect(a.counts(by: d, measure: .recipients) == b.counts(by: d, measure: .recipients), "\(d)")
        }
        #expect(a.crossTab(rows: .region, columns: .sector) == b.crossTab(rows: .region, columns: .sector))
    }

    @Test func columnarDiagnosticsMatchTheRecordPath() {
        let ds = MeasuresFixture.dataset, cols = MeasuresFixture.columns
        #expect(!ds.hasErrors && !cols.hasErrors)
        #expect(Set(ds.diagnostics.map(\.description)) == Set(cols.diagnostics.map(\.description)))
        #expect(Set(ds.diagnostics.map { "\($0.location.line) \($0.kind)" }) == Set(cols.diagnostics.map { "\($0.location.line) \($0.kind)" }))
        #expect(cols.warningCount == 4)  // + line 7's empty sector (counted under 未分类)
        #expect(cols.rowsRead == ds.rowsRead)
        #expect(cols.diagnostics.contains { $0.message.hasPrefix("duplicate of line 2") && $0.location.line == 8 })

        // Possible duplicates: name forms (有限责任公司, parentheses, spaces) and one credit code
        // under two names, each reported once, at the first row that meets the first form.
        let text = """
        recipient,programme,year,region_code,credit_code
        甲有限公司,市长质量奖,2018,320500,91320500MA1MXXXX0A
        甲有限责任公司,市长质量奖,2019,320500,
        甲有限责任公司,市长质量奖,2020,320500,
        （乙）科技 有限公司,市长质量奖,2018,320500,
        乙科技有限公司,市长质量奖,2019,320500,
        丙公司,市长质量奖,2018,320100,91320100MA1M00000X
        丁公司,市长质量奖,2019,320100,91320100MA1M00000X
        丁公司,市长质量奖,2020,320100,91320100MA1M00000X
        戊(集团)公司,市长质量奖,2018,320100,91320100MA1M11111X
        戊（集团）公司,市长质量奖,2019,320100,91320100MA1M11111X
        己公司,市长质量奖,2018,320100,91320100ma1m22222x
        庚公司,市长质量奖,2018,320100,91320100MA1M22222X

        """
        let u = scratchDirectory.appendingPathComponent("possible-\(UUID().uuidString).csv")
        try? text.write(to: u, atomically: true, encoding: .utf8)
        let rd = DatasetLoader.load([u]), rc = DatasetLoader.loadColumns([u])
        let possible = rd.diagnostics.filter { $0.kind == .possibleDuplicate }
        #expect(possible.count == 4)
        #expect(possible.map(\.description) == rc.diagnostics.filter { $0.kind == .possibleDuplicate }.map(\.description))
        #expect(Set(rd.diagnostics.map(\.description)) == Set(rc.diagnostics.map(\.description)))
        #expect(rc.warningCount + rc.errorCount == rd.diagnostics.count)
    }

    @Test func citiesAlwaysAllThirteenWithCountiesRolledUp() {
        for t in MeasuresFixture.tables {
            let c = t.counts(by: .region)
            #expect(c.rows.count == 13)
            #expect(c.rows.map(\.key) == RegionCatalog.jiangsuCities.map(\.code))
            #expect(c.count("320500") == 4)  // 虎丘区 ×3 + 苏州市 itself
            #expect(c.count("320600") == 1)  // retired 港闸区 counted in 南通
            #expect(c.count("320300") == 0)  // empty city shown as 0
            #expect(c.total == 7)
        }
    }

    @Test func countyAndProvinceLevels() {
        for t in MeasuresFixture.tables {
            let c = t.counts(by: .county)
            #expect(c.rows.map(\.key) == ["320106", "320200", "320500", "320505", "320611"])
            #expect(c.rows.map(\.count) == [1, 1, 1, 3, 1])
            #expect(c.rows[2].label == "苏州市（本级）")
            #expect(t.counts(by: .region(.province)).rows == [CountRow(key: "320000", label: "江苏省", count: 7)])
        }
    }

    @Test func sharesRoundToExactlyHundred() {
        let shares = MeasuresFixture.fromColumns.counts(by: .region).shares(digits: 1).filter { $0 > 0 }
        // 1/7 = 14.2857…, 4/7 = 57.142…: floors 142, 142, 142, 571 (tenths) leave 3 to the largest remainders.
        #expect(shares == [14.3, 14.3, 57.1, 14.3])
        #expect(abs(shares.reduce(0, +) - 100) < 1e-9)
    }

    @Test func distinctRecipients() {
        for t in MeasuresFixture.tables {
            #expect(t.distinctRecipients() == 5)
            let r = t.counts(by: .region, measure: .recipients)
            #expect(r.count("320500") == 2)  // 甲 (three awards) and 乙
            #expect(r.total == 5)
            let x = t.crossTab(rows: .region, columns: .year, measure: .recipients)
            #expect(x.count(row: "320500", column: "2016") == 2)
            #expect(x.count(row: "320500", column: "2018") == 1)
            #expect(x.rowTotals[x.rowKeys.firstIndex(of: "320500")!] == 2)  // 甲 counted once across years
        }
    }

    @Test func sectorsAndDivisions() {
        let t = MeasuresFixture.fromColumns
        let s = t.counts(by: .sector)
        #expect(s.rows.prefix(20).map(\.key) == SectorCatalog.sections.map(\.code))
        #expect(s.count("C") == 4 && s.count("E") == 1 && s.count("I") == 1 && s.count("") == 1)
        #expect(s.rows.last == CountRow(key: "", label: "未分类", count: 1))
        let d = t.counts(by: .division)
        #expect(d.rows == [CountRow(key: "17", label: SectorCatalog.division("17")!.name, count: 3), CountRow(key: "", label: "未细分", count: 4)])
    }

    @Test func timeSeriesCumulativeGrowthAndCAGR() throws {
        for t in MeasuresFixture.tables {
            let ts = t.timeSeries()
            #expect(ts.years == [2016, 2017, 2018, 2019, 2020])
            #expect(ts.counts == [3, 0, 2, 0, 2])
            #expect(ts.cumulative == [3, 3, 5, 5, 7])
            #expect(ts.changes == [nil, -3, 2, -2, 2])
            #expect(ts.growthRates == [nil, -1.0, nil, -1.0, nil])
            #expect(try #require(ts.growth(from: 2016, to: 2018)) == -1.0 / 3)
            // (2/3)^(1/4) − 1
            #expect(abs(try #require(ts.cagr(from: 2016, to: 2020)) - (pow(2.0 / 3, 0.25) - 1)) < 1e-12)
            #expect(ts.cagr(from: 2017, to: 2020) == nil)  // from zero
        }
    }

    @Test func ranksWithTiesAndTopWithOther() {
        let t = MeasuresFixture.fromColumns
        let ranks = t.rank(by: .region)
        #expect(ranks.prefix(5).map(\.rank) == [1, 2, 2, 2, 5])
        #expect(ranks.prefix(4).map(\.key) == ["320500", "320100", "320200", "320600"])
        let top = t.counts(by: .region).top(2)
        #expect(top.rows == [
            CountRow(key: "320500", label: "苏州市", count: 4),
            CountRow(key: "320100", label: "南京市", count: 1),
            CountRow(key: CountTable.otherKey, label: "其他", count: 2),
        ])
    }

    @Test func concentration() throws {
        let c = try #require(MeasuresFixture.fromColumns.concentration(by: .region, top: 1))
        #expect(c.topKeys == ["320500"])
        #expect(abs(c.topShare - 4.0 / 7) < 1e-12)
        #expect(abs(c.herfindahl - 19.0 / 49) < 1e-12)  // (4/7)² + 3·(1/7)²
        #expect(c.groups == 4 && c.total == 7)
    }

    @Test func twoPeriods() {
        let p = MeasuresFixture.fromColumns.compare(by: .programme, current: 2020...2020, previous: 2018...2018)
        #expect(p.rows.map(\.key) == ["cqa", "jsgqa", "mayor"])
        #expect(p.rows.map(\.current) == [0, 1, 1])
        #expect(p.rows.map(\.previous) == [0, 0, 2])  // lines 4 and 5
        #expect(p.rows[1].rate == nil && p.rows[2].rate == -0.5)
        #expect(p.rows[2].change == -1)
        #expect(p.total.current == 2 && p.total.previous == 2 && p.total.rate == 0)
    }

    @Test func densityFromADenominatorFile() throws {
        let u = scratchDirectory.appendingPathComponent("den-\(UUID().uuidString).csv")
        try "code,enterprises\n320500,20000\n320100,10000\n".write(to: u, atomically: true, encoding: .utf8)
        let den = try DensityTable.denominators(csvAt: u)
        #expect(den == ["320500": 20000, "320100": 10000])
        let d = MeasuresFixture.fromColumns.density(by: .city, denominators: den, per: 10_000)
        #expect(d.rows.count == 13)
        #expect(d.rows.first { $0.key == "320500" }?.density == 2.0)
        #expect(d.rows.first { $0.key == "320100" }?.density == 1.0)
        #expect(d.rows.first { $0.key == "320200" }?.density == nil)  // no denominator
    }

    @Test func regionSubtreeFilterAtEveryLevel() {
        for t in MeasuresFixture.tables {
            #expect(t.counts(by: .region, filter: RecordFilter(regionCodes: ["320505"])).total == 3)
            #expect(t.counts(by: .region, filter: RecordFilter(regionCodes: ["320500"])).total == 4)
            #expect(t.counts(by: .region, filter: RecordFilter(regionCodes: ["320000"])).total == 7)
            #expect(t.counts(by: .region, filter: RecordFilter(divisions: ["17"])).total == 3)
        }
        let r = RecordFilter(regionCodes: ["320500"])
        #expect(MeasuresFixture.dataset.records.filter(r.matches).count == 4)
    }

    @Test func filterThatLeavesNothing() {
        let none = RecordFilter(years: 2030...2031)
        for t in MeasuresFixture.tables {
            let c = t.counts(by: .region, filter: none)
            #expect(c.total == 0 && c.rows.count == 13)
            #expect(c.shares(digits: 1).allSatisfy { $0 == 0 })
            #expect(t.concentration(by: .region, filter: none) == nil)
            #expect(t.timeSeries(filter: none).isEmpty)
            #expect(t.timeSeries(filter: none).cagr(from: 2016, to: 2020) == nil)
            #expect(t.distinctRecipients(filter: none) == 0)
            #expect(t.counts(by: .sector, filter: none, measure: .recipients).total == 0)
            #expect(t.compare(by: .programme, current: 2030...2030, previous: 2029...2029).total.rate == nil)
            #expect(t.density(denominators: ["320500": 1], filter: none).rows.allSatisfy { $0.count == 0 })
        }
    }

    @Test func diagnosticsAreCappedButCounted() throws {
        // 1 005 rows, each with its own credit code whose check character is wrong.
        var text = "recipient,programme,year,region_code,credit_code\n"
        for i in 0..<1005 {
            let prefix = "91320500MA1M" + String(format: "%05d", i)
            let right = CreditCode.checkCharacter(for: prefix)!
            text += "公司\(i),市长质量奖,2020,320500,\(prefix)\(right == "0" ? "1" : "0")\n"
        }
        let u = scratchDirectory.appendingPathComponent("cap-\(UUID().uuidString).csv")
        try text.write(to: u, atomically: true, encoding: .utf8)
        let cols = DatasetLoader.loadColumns([u])
        let ds = DatasetLoader.load([u])
        #expect(cols.count == ds.records.count)
        #expect(cols.warningCount + cols.errorCount == ds.diagnostics.count)
        #expect(cols.diagnostics.count == DatasetLoader.diagnosticCapPerKind)
        #expect(cols.warningCount == 1005)
        #expect(cols.suppressed == ["credit code check character mismatch": 5])
        let hidden = cols.suppressed.values.reduce(0, +)
        #expect(cols.diagnostics.count + hidden == ds.diagnostics.count)
        #expect(hidden == 0 || cols.summary.contains("\(hidden) not listed"))
        #expect(Array(ds.diagnostics.prefix(cols.diagnostics.count).map(\.description)) == cols.diagnostics.map(\.description))
    }
}

import BriefAnalytics
import BriefModel
import Testing

@Suite struct CountsTests {
    let table = Fixture.table

    @Test func byProgrammeInRankOrder() {
        let t = table.counts(by: .programme)
        #expect(t.rows == [
            CountRow(key: "cqa", label: "中国质量奖", count: 3),        // 1, 2, 13
            CountRow(key: "jsgqa", label: "江苏省省长质量奖", count: 4), // 3, 4, 5, 15
            CountRow(key: "mayor", label: "市长质量奖", count: 8),      // 6–12, 14
        ])
        #expect(t.total == 15)
        #expect(t.dimension == .programme)
    }

    @Test func byLevelAndRecipientType() {
        #expect(table.counts(by: .level).rows == [
            CountRow(key: "award", label: "获奖", count: 10), CountRow(key: "nomination", label: "提名奖", count: 5)])
        #expect(table.counts(by: .recipientType).rows == [
            CountRow(key: "organization", label: "组织", count: 13), CountRow(key: "individual", label: "个人", count: 2)])
    }

    @Test func byYearListsOnlyYearsPresent() {
        let t = table.counts(by: .year)
        #expect(t.rows.map(\.key) == ["2013", "2014", "2015", "2016", "2018"])
        #expect(t.rows.map(\.label) == t.rows.map(\.key))
        #expect(t.rows.map(\.count) == [2, 2, 1, 5, 5])
    }

    @Test func bySectorListsAllTwentySectionsThenUnclassified() {
        let t = table.counts(by: .sector)
        #expect(t.rows.count == 21)
        #expect(t.rows.prefix(20).map(\.key) == SectorCatalog.sections.map(\.code))
        #expect(t.rows[2] == CountRow(key: "C", label: "制造业", count: 8))
        #expect(t.count("E") == 1 && t.count("G") == 1 && t.count("I") == 1 && t.count("M") == 1)
        #expect(t.rows.last == CountRow(key: "", label: "未分类", count: 3))  // 5, 12, 14
        #expect(t.total == 15)
        let cOnly = table.counts(by: .sector, filter: RecordFilter(sections: ["C"]))
        #expect(cOnly.rows.count == 20)
        #expect(cOnly.total == 8)
    }

    @Test func byRegionListsJiangsuCitiesThenOthersThenUnknown() {
        let t = table.counts(by: .region)
        #expect(t.rows.count == 15)
        #expect(t.rows.prefix(13).map(\.key) == RegionCatalog.jiangsuCities.map(\.code))
        #expect(t.rows[4] == CountRow(key: "320500", label: "苏州市", count: 7))
        #expect(t.rows.prefix(13).map(\.count) == [2, 2, 0, 1, 7, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(t.rows[13] == CountRow(key: "330100", label: "杭州市", count: 1))
        #expect(t.rows[14] == CountRow(key: "", label: "未知地区", count: 1))
        #expect(t.count("320300") == 0)
        #expect(t.count("nope") == 0)
    }

    @Test func emptyTable() {
        let empty = AwardTable([])
        #expect(empty.counts(by: .region).rows.count == 13)
        #expect(empty.counts(by: .region).total == 0)
        #expect(empty.counts(by: .year).rows.isEmpty)
        #expect(empty.yearSeries().rows.isEmpty)
        #expect(empty.yearChange() == nil)
        #expect(empty.distinctRecipients() == 0)
        #expect(empty.counts(by: .programme).shares(digits: 1) == [0, 0, 0])
    }

    @Test func distinctRecipientsNormaliseNames() {
        #expect(table.distinctRecipients() == 14)  // Ａ公司 is A公司
        #expect(table.distinctRecipients(filter: RecordFilter(recipientTypes: [.individual])) == 2)
        #expect(table.distinctRecipients(filter: RecordFilter(recipientTypes: [.organization])) == 12)
    }

    @Test func ranksAreCompetitionRanks() {
        let r = table.rank(by: .sector)
        #expect(r.prefix(6).map(\.key) == ["C", "", "E", "G", "I", "M"])
        #expect(r.prefix(7).map(\.rank) == [1, 2, 3, 3, 3, 3, 7])
        #expect(r.last?.rank == 7)
    }
}

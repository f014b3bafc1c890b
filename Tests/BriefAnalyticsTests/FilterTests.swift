import BriefAnalytics
import BriefModel
import Testing

@Suite struct FilterTests {
    let table = Fixture.table

    @Test func emptyFilterMatchesEverything() {
        #expect(RecordFilter().isEmpty)
        #expect(Fixture.records.allSatisfy { RecordFilter().matches($0) })
    }

    @Test func years() {
        let f = RecordFilter(years: 2016...2018)
        #expect(table.counts(by: .level, filter: f).total == 10)
        #expect(table.counts(by: .year, filter: f).rows.map(\.key) == ["2016", "2018"])
    }

    @Test func programmeAndLevel() {
        #expect(table.counts(by: .region, filter: RecordFilter(programmeIDs: ["cqa"])).total == 3)
        #expect(table.counts(by: .programme, filter: RecordFilter(levels: [.nomination])).rows.map(\.count) == [1, 1, 3])
    }

    @Test func cityDropsOtherRowsButKeepsJiangsuCities() {
        let f = RecordFilter(cityCodes: ["320500"])
        let t = table.counts(by: .region, filter: f)
        #expect(t.total == 7)
        #expect(t.rows.count == 13)
        #expect(t.count("320500") == 7)
        let combined = RecordFilter(programmeIDs: ["mayor"], cityCodes: ["320500"])
        #expect(table.counts(by: .year, filter: combined).total == 3)  // 6, 10, 11
    }

    @Test func sectionsWithUnclassified() {
        #expect(table.counts(by: .level, filter: RecordFilter(sections: [""])).total == 3)
    }

    @Test func countsAgreeWithMatchesForManyFilters() {
        let filters = [
            RecordFilter(years: 2014...2016, levels: [.award]),
            RecordFilter(programmeIDs: ["jsgqa", "mayor"], recipientTypes: [.organization]),
            RecordFilter(cityCodes: ["320100", "330100"], sections: ["C", "I"]),
            RecordFilter(years: 2020...2030),
        ]
        for f in filters {
            let expected = Fixture.records.filter(f.matches).count
            for d in Dimension.allCases {
                #expect(table.counts(by: d, filter: f).total == expected, "\(d) \(f)")
            }
        }
    }
}

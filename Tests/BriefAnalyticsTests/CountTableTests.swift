import BriefAnalytics
import Testing

@Suite struct CountTableTests {
    func table(_ counts: [Int]) -> CountTable {
        CountTable(dimension: .sector, rows: counts.enumerated().map { CountRow(key: "k\($0)", label: "L\($0)", count: $1) })
    }

    @Test func largestRemainderSharesSumToHundred() {
        #expect(table([1, 1, 1]).shares(digits: 1) == [33.4, 33.3, 33.3])
        #expect(table([1, 1, 1]).shares(digits: 0) == [34, 33, 33])
        #expect(table([2, 1]).shares(digits: 2) == [66.67, 33.33])
        #expect(table([0, 0]).shares(digits: 1) == [0, 0])
        #expect(table([5, 0]).shares(digits: 1) == [100, 0])
    }

    @Test func regionSharesOfTheFixture() {
        // 15 records, 1000 tenths of a percent: 2 → 133 r5, 1 → 66 r10, 7 → 466 r10; floors sum
        // to 996 and the 4 left go to the first four rows with remainder 10.
        let s = Fixture.table.counts(by: .region).shares(digits: 1)
        #expect(s == [13.3, 13.3, 0, 6.7, 46.7, 6.7, 0, 0, 0, 0, 0, 0, 0, 6.7, 6.6])
        #expect(Int((s.reduce(0, +) * 10).rounded()) == 1000)
    }

    @Test func topWithOther() {
        let sectors = Fixture.table.counts(by: .sector).top(3, otherLabel: "其他")
        #expect(sectors.rows.map(\.key) == ["C", "", "E", CountTable.otherKey])
        #expect(sectors.rows.map(\.count) == [8, 3, 1, 3])
        #expect(sectors.rows.last?.label == "其他")
        #expect(sectors.total == 15)
        let all = Fixture.table.counts(by: .programme).top(5, otherLabel: "其他")
        #expect(all.rows.map(\.key) == ["mayor", "jsgqa", "cqa"])
    }

    @Test func sortedByCountIsStable() {
        #expect(table([1, 3, 1, 3]).sortedByCount.map(\.key) == ["k1", "k3", "k0", "k2"])
    }
}

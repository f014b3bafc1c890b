import BriefAnalytics
import BriefModel
import Foundation
import Testing

/// Counts on the sample register, checked against counts made by splitting the CSV text.
@Suite struct SampleRegisterTests {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Reports/sample/awards.csv")

    let fields: [[String]]
    let table: AwardTable

    init() throws {
        let text = try String(contentsOf: Self.url, encoding: .utf8)
        fields = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let ds = DatasetLoader.load([Self.url])
        #expect(!ds.hasErrors)
        table = AwardTable(ds.records)
    }

    @Test func suzhouCountMatchesRowsWithPrefix3205() {
        let suzhou = fields.filter { $0[7].hasPrefix("3205") }.count
        #expect(suzhou > 0)
        #expect(table.counts(by: .region).count("320500") == suzhou)
    }

    @Test func everyCityMatchesItsCodePrefix() {
        let t = table.counts(by: .region)
        for city in RegionCatalog.jiangsuCities {
            #expect(t.count(city.code) == fields.filter { $0[7].hasPrefix(city.code.prefix(4)) }.count, "\(city.name)")
        }
        #expect(t.total == fields.count)
    }

    @Test func programmeAndLevelCounts() {
        let p = table.counts(by: .programme)
        #expect(p.count("cqa") == fields.filter { $0[3] == "中国质量奖" }.count)
        #expect(p.count("jsgqa") == fields.filter { $0[3] == "江苏省省长质量奖" || $0[3] == "江苏省质量奖" }.count)
        #expect(p.count("mayor") == fields.filter { $0[3] == "市长质量奖" }.count)
        #expect(table.counts(by: .level).count("nomination") == fields.filter { $0[4] == "nomination" }.count)
        #expect(table.counts(by: .sector).count("C") == fields.filter { $0[6].hasPrefix("C") }.count)
    }

    @Test func yearSeriesCoversEveryYear() {
        let s = table.yearSeries()
        let years = fields.compactMap { Int($0[5]) }
        #expect(s.rows.first?.key == String(years.min()!))
        #expect(s.rows.last?.key == String(years.max()!))
        for row in s.rows {
            #expect(row.count == years.filter { String($0) == row.key }.count)
        }
    }
}

import BriefAnalytics
import BriefModel
import Foundation
import Testing
import TestSupport

/// Counts by section, division, group and class from a register written at mixed levels,
/// through both load paths.
@Suite struct SectorLevelCountsTests {
    /// Seven rows: 物业管理 (class 7020, named twice by code), 541 (group), 软件开发 (group 651),
    /// 6513 (class), 17 (division only), free text, and an empty sector.
    static let csv = """
    recipient,programme,year,region_code,sector
    甲,中国质量奖,2020,320500,物业管理
    乙,中国质量奖,2020,320500,K7020
    丙,中国质量奖,2020,320500,7020 物业管理
    丁,中国质量奖,2020,320500,541
    戊,中国质量奖,2020,320500,软件开发
    己,中国质量奖,2020,320500,6513
    庚,中国质量奖,2020,320500,17
    辛,中国质量奖,2020,320500,新能源装备
    壬,中国质量奖,2020,320500,

    """

    @Test func bothPathsCountEveryLevelAlike() throws {
        let url = scratchDirectory.appendingPathComponent("levels-\(UUID().uuidString).csv")
        try Self.csv.write(to: url, atomically: true, encoding: .utf8)
        let ds = DatasetLoader.load([url])
        #expect(ds.records.count == 9)
        #expect(ds.records.filter(RecordFilter(groups: ["702"]).matches).map(\.recipient) == ["甲", "乙", "丙"])
        #expect(ds.records.filter(RecordFilter(classes: ["6513"]).matches).map(\.recipient) == ["己"])
        for table in [AwardTable(ds.records), AwardTable(DatasetLoader.loadColumns([url]))] {
            let sector = table.counts(by: .sector)
            let bySection = [sector.count("K"), sector.count("G"), sector.count("I"), sector.count("C")]
            #expect(bySection == [3, 1, 2, 1])
            #expect(sector.count("") == 2)  // 新能源装备 and the empty one: 未分类
            #expect(table.counts(by: .division).rows == [
                CountRow(key: "17", label: "纺织业", count: 1), CountRow(key: "54", label: "道路运输业", count: 1),
                CountRow(key: "65", label: "软件和信息技术服务业", count: 2), CountRow(key: "70", label: "房地产业", count: 3),
                CountRow(key: "", label: "未细分", count: 2),
            ])
            #expect(table.counts(by: .group).rows == [
                CountRow(key: "541", label: "城市公共交通运输", count: 1), CountRow(key: "651", label: "软件开发", count: 2),
                CountRow(key: "702", label: "物业管理", count: 3), CountRow(key: "", label: "未细分", count: 3),
            ])
            // Filters at group and class level.
            #expect(table.counts(by: .sector, filter: RecordFilter(groups: ["702"])).total == 3)
            #expect(table.counts(by: .sector, filter: RecordFilter(groups: ["651"])).count("I") == 2)
            #expect(table.counts(by: .sector, filter: RecordFilter(classes: ["6513"])).total == 1)
            #expect(table.counts(by: .sector, filter: RecordFilter(classes: [""])).total == 5)
            #expect(table.counts(by: .sectorClass).rows == [
                CountRow(key: "6513", label: "应用软件开发", count: 1), CountRow(key: "7020", label: "物业管理", count: 3),
                CountRow(key: "", label: "未细分", count: 5),
            ])
        }
    }
}

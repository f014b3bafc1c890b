import Foundation
import Testing
@testable import BriefModel

/// GB/T 4754-2017 below division level: groups (中类) and classes (小类).
@Suite struct SectorLevelsTests {
    @Test func catalogHasFourLevelsThatNest() throws {
        #expect(SectorCatalog.groups.count == 473)
        #expect(SectorCatalog.classes.count == 1381)
        // Every group sits in a known division and holds at least one class; every class sits
        // in a known group; codes are unique across levels.
        let groupCodes = Set(SectorCatalog.groups.map(\.code))
        for g in SectorCatalog.groups {
            let d = try #require(SectorCatalog.division(String(g.code.prefix(2))), "\(g.code)")
            #expect(g.section == d.section)
            #expect(SectorCatalog.classes.contains { $0.code.hasPrefix(g.code) }, "\(g.code) has no class")
        }
        for c in SectorCatalog.classes { #expect(groupCodes.contains(String(c.code.prefix(3))), "\(c.code)") }
        let all = SectorCatalog.sections + SectorCatalog.divisions + SectorCatalog.groups + SectorCatalog.classes
        let distinct = Set(all.map(\.code)).count
        #expect(distinct == 1971)  // 20 + 97 + 473 + 1381
        // K 房地产业 is one division (70) of five groups with one class each (701 房地产开发经营,
        // 702 物业管理, 703 房地产中介服务, 704 房地产租赁经营, 709 其他房地产业); C 制造业 is 13–43.
        func count(_ s: String, _ list: [Sector]) -> Int { list.filter { $0.section == s }.count }
        let k = [count("K", SectorCatalog.divisions), count("K", SectorCatalog.groups), count("K", SectorCatalog.classes)]
        #expect(k == [1, 5, 5])
        #expect(SectorCatalog.groups.filter { $0.section == "K" }.map(\.code) == ["701", "702", "703", "704", "709"])
        #expect(SectorCatalog.classes.filter { $0.section == "K" }.map(\.code) == ["7010", "7020", "7030", "7040", "7090"])
        #expect(count("C", SectorCatalog.divisions) == 31)
    }

    @Test(arguments: [
        ("物业管理", "7020", "K", "70"), ("7020", "7020", "K", "70"), ("K7020", "7020", "K", "70"), ("Ｋ７０２０", "7020", "K", "70"),
        ("城市公共交通运输", "541", "G", "54"), ("541", "541", "G", "54"), ("G541", "541", "G", "54"),
        ("软件开发", "651", "I", "65"), ("651", "651", "I", "65"), ("基础软件开发", "6511", "I", "65"),
        ("智能车载设备制造", "3962", "C", "39"), ("纺织业", "17", "C", "17"), ("C", "C", "C", nil),
        // Names of copies that carry the 2011 wording are aliases; 2017 names are primary.
        ("其他会议、展览及相关服务", "7289", "L", "72"), ("羽毛(绒)加工", "1941", "C", "19"),
    ] as [(String, String, String, String?)])
    func groupAndClassResolveToDivisionAndSection(text: String, code: String, section: String, division: String?) throws {
        let s = try #require(SectorCatalog.category(text), "\(text)")
        #expect(s.code == code)
        #expect(s.section == section)
        #expect(s.division == division)
        let r = try #require(SectorCatalog.resolve(text))
        #expect(r.section == section)
        #expect(r.division == division)
    }

    @Test func mismatchedLetterOrUnknownCodeIsNotFound() {
        #expect(SectorCatalog.category("A7020") == nil)
        #expect(SectorCatalog.category("7021") == nil)
        #expect(SectorCatalog.category("新能源装备") == nil)
        #expect(SectorCatalog.category("70201") == nil)
    }

    @Test func codeFollowedByNameAtClassLevel() {
        #expect(SectorCatalog.classify("K7020 物业管理") == .init(sector: SectorCatalog.sector(code: "7020")!, nameMismatch: nil))
        #expect(SectorCatalog.classify("6511-基础软件开发")?.nameMismatch == nil)
        #expect(SectorCatalog.classify("K7020 软件开发")?.nameMismatch == "软件开发")
        #expect(SectorCatalog.classify("物业管理 7020") == .init(sector: SectorCatalog.sector(code: "7020")!, nameMismatch: nil))
        #expect(SectorCatalog.classify("软件开发（651）")?.sector.code == "651")
        #expect(SectorCatalog.classify("新能源装备 2024") == nil)
        #expect(SectorCatalog.sector(code: "7289")?.name == "其他会议、会展及相关服务")
        #expect(SectorCatalog.sector(code: "905")?.name == "文化体育娱乐活动与经纪代理服务")
    }

    /// The six rows: class, group and free-text sectors; none is lost, the free text
    /// is a warning and kept on its record.
    @Test func registerWithFineAndFreeTextSectorsLosesNoRow() throws {
        let url = try TempFiles.write("""
        recipient,programme,year,region_code,sector
        甲物业公司,江苏省省长质量奖,2020,320500,物业管理 7020
        乙公交公司,江苏省省长质量奖,2020,320500,城市公共交通运输 541
        丙软件公司,中国质量奖,2021,320100,软件开发 651
        丁物业公司,市长质量奖,2021,320100,K7020
        戊装备公司,市长质量奖,2022,320200,新能源装备
        己物业公司,市长质量奖,2022,320200,7020

        """, name: "fine.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.count == 6)
        #expect(ds.diagnostics.map(\.description) == [
            "\(url.path):6:5: warning: sector “新能源装备” matches no GB/T 4754-2017 section, division, group or class (e.g. C, C17, 651, K7020, 物业管理); the record is counted under 未分类 and keeps the text",
        ])
        #expect(ds.records.map(\.classCode) == ["7020", nil, nil, "7020", nil, "7020"])
        #expect(ds.records.map(\.groupCode) == ["702", "541", "651", "702", nil, "702"])
        #expect(ds.records.map(\.divisionCode) == ["70", "54", "65", "70", nil, "70"])
        #expect(ds.records.map(\.sectionCode) == ["K", "G", "I", "K", nil, "K"])
        #expect(ds.records[4].sectorText == "新能源装备")
        #expect(ds.records.compactMap(\.sectorText).count == 1)

        // The columnar path applies the same rules: same rows, same diagnostics, same codes.
        let cols = DatasetLoader.loadColumns([url])
        #expect(cols.count == 6)
        #expect(cols.diagnostics.map(\.description) == ds.diagnostics.map(\.description))
        let rebuilt = (0..<cols.count).map { cols.record(at: $0) }
        #expect(rebuilt.map(\.classCode) == ds.records.map(\.classCode))
        #expect(rebuilt.map(\.groupCode) == ds.records.map(\.groupCode))
        #expect(rebuilt.map(\.divisionCode) == ds.records.map(\.divisionCode))
        #expect(rebuilt.map(\.sectionCode) == ds.records.map(\.sectionCode))
    }
}

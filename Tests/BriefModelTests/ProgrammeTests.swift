import Foundation
@testable import BriefModel
import Testing

@Suite struct ProgrammeTests {
    @Test func allInRankOrder() {
        #expect(Programme.all.map(\.id) == ["cqa", "jsgqa", "mayor"])
        #expect(Programme.all.map(\.rank) == [0, 1, 2])
        #expect(Programme.jiangsuGovernorAward.name == "江苏省省长质量奖")
    }

    @Test(arguments: [
        ("中国质量奖", "cqa", nil),
        ("cqa", "cqa", nil),
        ("ＣＱＡ", "cqa", nil),
        (" 中国质量奖\u{3000}", "cqa", nil),
        ("中国质量奖提名奖", "cqa", AwardLevel.nomination),
        ("江苏省省长质量奖", "jsgqa", nil),
        ("江苏省质量奖", "jsgqa", nil),
        ("江苏省质量奖提名奖", "jsgqa", .nomination),
        ("jsgqa", "jsgqa", nil),
        ("市长质量奖", "mayor", nil),
        ("苏州市市长质量奖", "mayor", nil),
        ("南京市长质量奖", "mayor", nil),
        ("无锡市市长质量奖提名奖", "mayor", .nomination),
        ("mayor", "mayor", nil),
        ("宜兴市市长质量奖", "county-mayor", nil),
        ("如皋市长质量奖提名奖", "county-mayor", .nomination),
        ("2021年度昆山市市长质量奖", "county-mayor", nil),
        ("海门市市长质量奖", "county-mayor", nil),
        ("county-mayor", "county-mayor", nil),
    ] as [(String, String, AwardLevel?)])
    func resolves(text: String, id: String, level: AwardLevel?) throws {
        let r = try #require(Programme.resolve(text))
        #expect(r.programme.id == id)
        #expect(r.level == level)
    }

    @Test func rejectsUnknownProgrammes() {
        #expect(Programme.resolve("全国质量奖") == nil)
        // Not Jiangsu's: no longer taken for a Jiangsu city mayor's award.
        #expect(Programme.resolve("杭州市市长质量奖") == nil)
        #expect(Programme.resolve("浙江省人民政府质量奖") == nil)
        #expect(Programme.resolve("") == nil)
    }

    @Test func levelsAndRecipientTypesFromText() {
        #expect(AwardLevel.resolve("award") == .award)
        #expect(AwardLevel.resolve("获奖") == .award)
        #expect(AwardLevel.resolve("") == .award)
        #expect(AwardLevel.resolve("提名奖") == .nomination)
        #expect(AwardLevel.resolve("Nomination") == .nomination)
        #expect(AwardLevel.resolve("金奖") == nil)
        #expect(RecipientType.resolve("组织") == .organization)
        #expect(RecipientType.resolve("org") == .organization)
        #expect(RecipientType.resolve("企业") == .organization)
        #expect(RecipientType.resolve("个人") == .individual)
        #expect(RecipientType.resolve("person") == .individual)
        #expect(RecipientType.resolve("robot") == nil)
    }

    @Test func textNormalisation() {
        #expect(TextNormalizer.code("２０２０\u{3000}") == "2020")
        #expect(TextNormalizer.name(" 甲公司(苏州)\u{3000}") == "甲公司（苏州）")
        #expect(TextNormalizer.comparisonKey("甲公司（蘇州）") == TextNormalizer.comparisonKey("甲公司 (苏州)"))
    }
}

@Suite struct ProgrammeCatalogTests {
    @Test func jiangsuCatalogLevels() {
        let c = ProgrammeCatalog.jiangsu
        #expect(c.programmes.map(\.id) == ["cqa", "jsgqa", "mayor", "county-mayor"])
        #expect(c.programmes.map(\.level) == [.national, .provincial, .city, .county])
        #expect(c.programmes.map(\.level.label) == ["国家级", "省级", "市级", "县级"])
        #expect(c.entry(id: "jsgqa")?.formerNames == [ProgrammeCatalog.FormerName(name: "江苏省质量奖", until: 2014)])
        // 13 cities and 24 county-level cities (21 today, 海门 金坛 大丰 before they became
        // districts), each written two ways (苏州市市长质量奖, 苏州市长质量奖).
        #expect(c.entry(id: "mayor")?.aliases.count == 26)
        #expect(c.entry(id: "county-mayor")?.aliases.count == 24 * 2 + 1)
    }

    /// Every county-level programme's place is a county-level city of GB/T 2260 in Jiangsu,
    /// and every city's a prefecture-level city.
    @Test func placesAreTheRegionCatalogs() throws {
        for (place, code) in ProgrammeCatalog.jiangsuCountyCities {
            let r = try #require(RegionCatalog.region(code: code), "\(code)")
            #expect(r.name == place + "市")
            #expect(r.level == 3)
        }
        for (place, code) in ProgrammeCatalog.jiangsuCities {
            let r = try #require(RegionCatalog.region(code: code), "\(code)")
            #expect(r.name == place + "市")
            #expect(r.level == 2)
        }
    }

    @Test func addingAnotherProvincesProgrammes() throws {
        let c = try ProgrammeCatalog.jiangsu.adding([
            .init(programme: Programme(id: "zjgqa", name: "浙江省人民政府质量奖", rank: 1, level: .provincial), aliases: ["浙江省政府质量奖"]),
            .init(programme: Programme(id: "hzgqa", name: "杭州市政府质量奖", rank: 2, level: .city)),
        ])
        #expect(c.programmes.map(\.id) == ["cqa", "jsgqa", "mayor", "zjgqa", "hzgqa", "county-mayor"])
        #expect(c.resolve("浙江省政府质量奖提名奖")?.programme.id == "zjgqa")
        #expect(c.resolve("浙江省政府质量奖提名奖")?.level == .nomination)
        #expect(c.resolve("杭州市政府质量奖")?.programme.level == .city)
        #expect(c.resolve("宜兴市市长质量奖")?.programme.id == "county-mayor")
        // A name already taken by another programme is refused, with both named.
        #expect(throws: ProgrammeCatalog.Conflict.self) {
            try ProgrammeCatalog.jiangsu.adding([.init(programme: Programme(id: "x", name: "宜兴市市长质量奖", rank: 3))])
        }
    }

    @Test func tooManyProgrammesAreRefused() {
        let many = (0..<300).map { ProgrammeCatalog.Entry(programme: Programme(id: "p\($0)", name: "第\($0)号质量奖", rank: 3)) }
        #expect(throws: ProgrammeCatalog.Conflict.self) { try ProgrammeCatalog.jiangsu.adding(many) }
        #expect((try? ProgrammeCatalog.jiangsu.adding(Array(many.prefix(200))))?.programmes.count == 204)
    }

    @Test func unknownProgrammeErrorSaysHowToAddIt() throws {
        let url = try TempFiles.write("recipient,programme,year,region_code\n甲,杭州市政府质量奖,2020,330100\n乙,宜兴市市长质量奖,2020,320282\n", name: "zj.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.map(\.programme.id) == ["county-mayor"])
        #expect(ds.diagnostics.filter { $0.severity == .warning }.map { "\($0.location.line):\($0.location.column)" } == ["2:4"])  // 杭州 is 省外
        #expect(ds.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "\(url.path):2:2: error: programme “杭州市政府质量奖” is not known; expected 中国质量奖, 江苏省省长质量奖 (formerly 江苏省质量奖), 市长质量奖 (a Jiangsu city's, e.g. 苏州市市长质量奖) or a county-level city's (e.g. 宜兴市市长质量奖), optionally followed by 提名奖; to add a programme, list it in a YAML programmes file (id, name, level: national|provincial|city|county, region, aliases, former_names; see Reports/programmes-zhejiang.yaml) and pass --programmes FILE",
        ])
    }
}

import BriefModel
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
    ] as [(String, String, AwardLevel?)])
    func resolves(text: String, id: String, level: AwardLevel?) throws {
        let r = try #require(Programme.resolve(text))
        #expect(r.programme.id == id)
        #expect(r.level == level)
    }

    @Test func rejectsUnknownProgrammes() {
        #expect(Programme.resolve("全国质量奖") == nil)
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

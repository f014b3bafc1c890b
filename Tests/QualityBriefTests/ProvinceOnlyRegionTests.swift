import Foundation
import QualityBrief
import Testing

/// Records coded only as the province (江苏省, 320000), next to blank regions and 省外 ones:
/// the briefing and `qbrief stats --by region` give them a row and a wording of their own, and
/// both round shares the same way (half up from each count, a note when they do not add up).
///
/// The register, counted by hand: 苏州市 9, 无锡市 7, 江苏省 only 3, blank 2, 北京市 2 (中国质量奖);
/// 23 records, all 2024. Shares of 23: 9 → 39.1, 7 → 30.4, 3 → 13.0, 2 → 8.7; 16 → 69.6;
/// 5 → 21.7. The rounded shares add up to 39.1 + 30.4 + 13.0 + 8.7 + 8.7 = 99.9.
@Suite(.serialized)
struct ProvinceOnlyRegionTests {
    static func register(blank: Int = 2) throws -> URL {
        var lines = ["获奖单位,类型,奖项,年度,地区"]
        var n = 0
        func add(_ count: Int, _ programme: String, _ region: String) {
            for _ in 0..<count {
                n += 1
                lines.append("测试企业\(n)有限公司,组织,\(programme),2024,\(region)")
            }
        }
        add(9, "江苏省省长质量奖", "苏州市")
        add(7, "江苏省省长质量奖", "无锡市")
        add(3, "江苏省省长质量奖", "江苏省")
        add(blank, "江苏省省长质量奖", "")
        add(2, "中国质量奖", "北京市")
        let url = temporaryDirectory("province-only").appendingPathComponent("register-\(blank).csv")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func briefing(blank: Int = 2) throws -> Briefing {
        let d = ReportDefinition(unit: "测试单位", date: "2024-12-20", title: "质量奖获奖情况", source: "测试名单")
        return Briefing(register: try Register.load(urls: [register(blank: blank)]), definition: d)
    }

    @Test func provinceOnlyRecordsAreCountedApartFromBlanks() throws {
        let f = try Self.briefing().figures()
        #expect(f.total == 23)
        #expect(f.region.unknown == 5 && f.region.provinceOnly == 3 && f.region.blank == 2)
        #expect(f.region.outside == 2 && f.region.placed == 16)
    }

    @Test func mixedUnknownsAreWordedApart() throws {
        let text = try Self.briefing().summary().joined(separator: "\n")
        #expect(text.contains("从地区看，有5项（21.7%）未注明所在设区市（其中2项未注明地区，3项仅注明江苏省），以下仅就已注明设区市的16项而言：苏州市获奖最多（9项，占全部获奖的39.1%），其次为无锡市（7项，占30.4%），以上2个设区市合计16项，占69.6%。另有2项授予1个省（区、市）的省外组织和个人，均为中国质量奖，未计入各设区市。"), "\(text)")
    }

    @Test func onlyProvinceLevelUnknownsSayJustThat() throws {
        // No blank rows: 21 records; 3 of 21 = 14.3 % is under a fifth, so it comes after the ranking.
        let text = try Self.briefing(blank: 0).summary().joined(separator: "\n")
        #expect(text.contains("。另有3项（14.3%）仅注明江苏省、未注明设区市。"), "\(text)")
        #expect(!text.contains("未注明所在地区"), "\(text)")
    }

    @Test func regionTableHasAProvinceOnlyRowAndTheRoundingNote() throws {
        let out = temporaryDirectory("province-only-pdf").appendingPathComponent("b.pdf")
        try Self.briefing().render(to: out, fontsDirectory: packageRoot.appendingPathComponent("Fonts"))
        // Without blanks and page feet (—2—), so that a note continued on the next page reads whole.
        let pdf = try runTool("pdftotext", ["-layout", "-enc", "UTF-8", out.path, "-"]).stdout.filter { !$0.isWhitespace }
            .replacingOccurrences(of: "—[0-9]+—", with: "", options: .regularExpression)
        // Row: label, 中国质量奖 0, 江苏省省长质量奖 3, 合计 3, 13.0%.
        #expect(pdf.contains("仅注明江苏省03313.0%"), "\(pdf.prefix(1500))")
        #expect(pdf.contains("未注明地区0228.7%"))
        #expect(pdf.contains("仅注明江苏省的记录未计入各设区市"))
        #expect(pdf.contains("占比按四舍五入保留一位小数，分项之和可能不等于100.0%"))
        #expect(pdf.contains("未注明地区的2项、仅注明江苏省的3项、省外2项未列入图中"))
    }

    @Test func statsByRegionPrintsTheBriefingsRowsAndShares() throws {
        let csv = try Self.register()
        let r = try runTool(try qbriefBinary().path, ["stats", "--data", csv.path, "--by", "region", "--format", "csv"], cwd: packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 1 + 13 + 3)
        #expect(rows[5] == "320500,苏州市,9,39.1")
        #expect(rows[2] == "320200,无锡市,7,30.4")
        #expect(rows[1] == "320100,南京市,0,0.0")
        #expect(Array(rows.suffix(3)) == ["*outside*,省外,2,8.7", "320000,仅注明江苏省,3,13.0", ",未注明地区,2,8.7"])
        let table = try runTool(try qbriefBinary().path, ["stats", "--data", csv.path, "--by", "region"], cwd: packageRoot)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("注：占比按四舍五入保留一位小数，分项之和可能不等于100.0%。"), "\(table.stdout)")
        // A cross-tab groups the same way (columns 中国质量奖, 江苏省省长质量奖, 市长质量奖, 合计).
        let cross = try runTool(try qbriefBinary().path, ["stats", "--data", csv.path, "--by", "region,programme", "--format", "csv"], cwd: packageRoot)
        let crossRows = cross.stdout.split(separator: "\n").map(String.init)
        #expect(crossRows.contains("*outside*,省外,2,0,0,2") && crossRows.contains("320000,仅注明江苏省,0,3,0,3"), "\(cross.stdout)")
        #expect(!cross.stdout.contains("北京市"))
        let json = try runTool(try qbriefBinary().path, ["stats", "--data", csv.path, "--by", "region", "--format", "json"], cwd: packageRoot)
        #expect(json.stdout.contains("\"note\" : \"占比按四舍五入保留一位小数，分项之和可能不等于100.0%\""), "\(json.stdout)")
    }

    @Test func statsFollowsTheHomeProvince() throws {
        let csv = try Self.register()
        let r = try runTool(try qbriefBinary().path, ["stats", "--data", csv.path, "--by", "region", "--format", "csv",
                                                      "--home-province", "浙江省"], cwd: packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map(String.init)
        // Zhejiang's 11 cities, all 0; every Jiangsu record (and 江苏省 itself) is 省外: 9+7+3+2 = 21.
        #expect(rows.count == 1 + 11 + 2)
        #expect(rows[1] == "330100,杭州市,0,0.0")
        #expect(Array(rows.suffix(2)) == ["*outside*,省外,21,91.3", ",未注明地区,2,8.7"])
    }

    @Test func summaryRefusesAHomeProvinceThatIsNotOne() throws {
        var b = try Self.briefing()
        b.definition.homeProvince = "苏州"
        #expect(throws: QualityBriefError.self) { try b.summary() }
        #expect(throws: QualityBriefError.self) { try b.figures() }
    }
}

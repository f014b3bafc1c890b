import Foundation
import QualityBrief
import Testing

/// A register shaped like the published lists (Fixtures/public-lists.csv, sources in
/// Fixtures/README.md): half the regions blank, China Quality Award winners from seven other
/// provinces, no sector column, county-level mayors' awards. Every figure below is counted by
/// hand from the file (the row numbers are the file's 序号).
@Suite(.serialized)
struct TruthfulBriefingTests {
    static let fixture = packageRoot.appendingPathComponent("Tests/QualityBriefTests/Fixtures/public-lists.csv")

    static func definition() -> ReportDefinition {
        ReportDefinition(unit: "测试单位", date: "2024-12-20", title: "质量奖获奖情况", source: "公开获奖名单")
    }

    static func briefing(_ filter: RecordFilter = RecordFilter(), home: String? = nil) throws -> Briefing {
        var d = definition()
        d.homeProvince = home
        return Briefing(register: try Register.load(urls: [fixture]), definition: d, filter: filter)
    }

    /// The file's rows as cells (no quoted fields in it), read without the library.
    static func rows() throws -> [[String]] {
        try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Where each region written in the file lies, by hand: a Jiangsu city, or a province.
    static let cityOf: [String: String] = [
        "宜兴市": "无锡市", "丹阳市": "镇江市", "昆山市": "苏州市", "苏州市": "苏州市", "苏州市吴江区": "苏州市",
        "张家港市": "苏州市", "连云港市": "连云港市", "常州市": "常州市", "扬州市": "扬州市", "泰兴市": "泰州市",
        "南京市": "南京市", "徐州市": "徐州市", "如皋市": "南通市",
    ]
    static let provinceOf: [String: String] = [
        "北京市": "北京", "青岛市": "山东", "郑州市": "河南", "佛山市": "广东", "福州市": "福建", "宁波市": "浙江", "上海市": "上海",
    ]

    @Test func figuresMatchTheHandCount() throws {
        let f = try Self.briefing().figures()
        #expect(f.total == 54)
        #expect(f.nominations == 13)            // rows 21–27, 41–43, 46, 52, 53
        #expect(f.organizations == 48)          // 49 organisation rows, 江苏卓易 twice
        #expect(f.individuals == 5)             // 刘源张, 王民, 丁山华, 林鸣, 杨敏
        #expect(f.programmes.map(\.count) == [16, 20, 7, 11])   // 市长: 南通 4 + 无锡 3; 县级市: 宜兴 6 + 如皋 5
        #expect(f.years.map(\.label) == (2013...2022).map(String.init))
        #expect(f.years.map(\.count) == [3, 0, 4, 0, 0, 0, 3, 20, 16, 8])
        #expect(f.change?.year == 2022 && f.change?.change == -8)
        #expect(f.region.outside == 10)         // rows 1, 2, 31–34, 36–39
        #expect(f.region.outsideProvinces == 7)
        #expect(f.region.unknown == 27)
        #expect(f.region.placed == 17)
        #expect(!f.region.zeroIsKnown)
        let byCity = Dictionary(uniqueKeysWithValues: f.region.groups.map { ($0.label, $0.count) })
        #expect(f.region.groups.count == 13)
        #expect(byCity == ["南京市": 1, "无锡市": 3, "徐州市": 1, "常州市": 1, "苏州市": 5, "南通市": 2, "连云港市": 1,
                           "淮安市": 0, "盐城市": 0, "扬州市": 1, "镇江市": 1, "泰州市": 1, "宿迁市": 0])
        #expect(f.sector.classified == 0 && f.sector.unclassified == 54)
    }

    @Test func summaryStatesGapsAndClaimsNoFalseZero() throws {
        let text = try Self.briefing().summary().joined(separator: "\n")
        #expect(text.contains("有27项（50.0%）未注明所在地区，以下仅就已注明设区市的17项而言"), "\(text)")
        #expect(text.contains("另有10项授予7个省（区、市）的省外组织和个人，均为中国质量奖，未计入各设区市。"), "\(text)")
        #expect(text.contains("所选记录均未标注所属行业，本期不作行业分析。"), "\(text)")
        // 61/183-style check: the three leaders' combined share is 10/54 = 18.5 %, not 9.3 + 5.6 + 3.7 = 18.6 %.
        #expect(text.contains("以上3个设区市合计10项，占18.5%"), "\(text)")
        // 江苏双沟酒业 (宿迁) and others are in the list with a blank region: no city is said to have none.
        #expect(!text.contains("暂无"), "\(text)")
        for city in ["淮安市", "盐城市", "宿迁市", "北京市", "上海市"] { #expect(!text.contains(city), "\(city) in \(text)") }
        // The change from 16 to 8 is a small base: counts only.
        #expect(text.contains("2022年获奖8项，比2021年减少8项。"), "\(text)")
        #expect(!text.contains("下降"), "\(text)")
    }

    /// Every number in the summary, parsed back out of the text and recomputed from the file's
    /// rows without the library; afterwards no digit may be left unexplained.
    @Test func everyNumberInTheSummaryIsRecomputedFromTheRegister() throws {
        let rows = try Self.rows()
        var text = try Self.briefing().summary().joined(separator: "\n")
        func pct(_ part: Int, _ base: Int) -> String {
            let tenths = Int((Double(part) * 1000 / Double(base)).rounded())
            return "\(tenths / 10).\(tenths % 10)"
        }
        let total = rows.count
        let programme: (String) -> String = { p in
            p.hasPrefix("中国质量奖") ? "中国质量奖" : p.hasPrefix("江苏省省长质量奖") ? "省长"
                : (p.hasPrefix("宜兴市") || p.hasPrefix("如皋市")) ? "县级市" : "市长"   // the fixture's county-level cities
        }
        var checked = 0
        func claim(_ pattern: String, _ check: ([String]) -> Void) {
            let re = try! NSRegularExpression(pattern: pattern)
            let ns = text as NSString
            let matches = re.matches(in: text, range: NSRange(location: 0, length: ns.length))
            #expect(!matches.isEmpty, "no claim matches \(pattern) in \(text)")
            for m in matches {
                check((0..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) })
                checked += 1
            }
            text = re.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: ns.length), withTemplate: "※")
        }
        let years = rows.map { Int($0[4])! }
        claim("(\\d{4})年至(\\d{4})年") { #expect(Int($0[1]) == years.min() && Int($0[2]) == years.max()) }
        claim("(\\d+)家组织") { m in #expect(Int(m[1]) == Set(rows.filter { $0[2] == "组织" }.map { $0[1] }).count) }
        claim("(\\d+)名个人") { m in #expect(Int(m[1]) == Set(rows.filter { $0[2] == "个人" }.map { $0[1] }).count) }
        claim("获得质量奖励(\\d+)项") { #expect(Int($0[1]) == total) }
        claim("含提名奖(\\d+)项") { m in #expect(Int(m[1]) == rows.filter { $0[3].hasSuffix("提名奖") }.count) }
        claim("(中国质量奖|江苏省省长质量奖（含原江苏省质量奖）|县级市市长质量奖|市长质量奖)(\\d+)项") { m in
            let key = m[1].hasPrefix("中国") ? "中国质量奖" : m[1].hasPrefix("江苏") ? "省长" : m[1].hasPrefix("县级市") ? "县级市" : "市长"
            #expect(Int(m[2]) == rows.filter { programme($0[3]) == key }.count, "\(m[0])")
        }
        let blank = rows.filter { $0[5].isEmpty }.count
        claim("有(\\d+)项（([\\d.]+)%）未注明所在地区") { m in
            #expect(Int(m[1]) == blank)
            #expect(m[2] == pct(blank, total))
        }
        let placedRows = rows.filter { Self.cityOf[$0[5]] != nil }
        claim("已注明设区市的(\\d+)项") { #expect(Int($0[1]) == placedRows.count) }
        var named: [String] = []
        claim("([\\p{Han}]+?市)(?:获奖最多|并列最多)?（(\\d+)项，占(?:全部获奖的)?([\\d.]+)%）") { m in
            let city = m[1].replacingOccurrences(of: "其次为", with: "").replacingOccurrences(of: "再次为", with: "")
            let n = placedRows.filter { Self.cityOf[$0[5]] == city }.count
            #expect(Int(m[2]) == n, "\(m[0])")
            #expect(m[3] == pct(n, total), "\(m[0])")
            named.append(city)
        }
        claim("以上(\\d+)个设区市合计(\\d+)项，占([\\d.]+)%") { m in
            let n = placedRows.filter { named.contains(Self.cityOf[$0[5]]!) }.count
            #expect(Int(m[1]) == named.count)
            #expect(Int(m[2]) == n)
            #expect(m[3] == pct(n, total))
        }
        claim("另有(\\d+)项授予(\\d+)个省") { m in
            let outside = rows.filter { Self.provinceOf[$0[5]] != nil }
            #expect(Int(m[1]) == outside.count)
            #expect(Int(m[2]) == Set(outside.map { Self.provinceOf[$0[5]]! }).count)
        }
        claim("(\\d{4})年获奖(\\d+)项，比(\\d{4})年(增加|减少)(\\d+)项") { m in
            let y = Int(m[1])!, p = Int(m[3])!
            let n = years.filter { $0 == y }.count, before = years.filter { $0 == p }.count
            #expect(y == years.max() && p == y - 1)
            #expect(Int(m[2]) == n)
            #expect(Int(m[5]) == abs(n - before) && (m[4] == "增加") == (n > before))
        }
        #expect(checked >= 12)
        let leftover = text.filter(\.isNumber)
        #expect(leftover.isEmpty, "numbers left unchecked in: \(text)")
    }

    @Test func oneCityBriefingBreaksDownByCountyAndNamesNoOtherCity() throws {
        let b = try Self.briefing(RecordFilter(cityCodes: ["320500"]))
        let f = try b.figures()
        #expect(f.total == 5)                   // rows 15, 35, 42, 44, 45
        #expect(f.region.cityLevelOnly == 1)    // row 35, 苏州市
        let counts = Dictionary(uniqueKeysWithValues: f.region.groups.map { ($0.label, $0.count) })
        #expect(counts["昆山市"] == 2 && counts["吴江区"] == 1 && counts["张家港市"] == 1 && counts["常熟市"] == 0)
        #expect(counts["市本级/未注明区县"] == 1)
        let text = try b.summary().joined(separator: "\n")
        // Tiny base: counts only. Ties as ties. The city-level record stated before the ranking.
        #expect(!text.contains("%"), "\(text)")
        #expect(text.contains("有1项仅注明苏州市、未注明区县，以下仅就已注明区县的4项而言：昆山市获奖最多（2项），其次为吴江区、张家港市（并列，各1项），以上3个区县合计4项。"), "\(text)")
        #expect(!text.contains("暂无"))
        // The rendered briefing names no other Jiangsu city.
        let out = temporaryDirectory("one-city").appendingPathComponent("suzhou.pdf")
        try b.render(to: out, fontsDirectory: packageRoot.appendingPathComponent("Fonts"))
        let pdf = try runTool("pdftotext", ["-enc", "UTF-8", out.path, "-"]).stdout.filter { !$0.isWhitespace }
        for city in ["南京", "无锡", "徐州", "常州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁"] {
            #expect(!pdf.contains(city), "one-city briefing names \(city)")
        }
        for s in ["苏州市各区县获奖情况", "市本级/未注明区县", "昆山市"] { #expect(pdf.contains(s), "missing \(s)") }
        // No sector anywhere: no donut, no 行业 column.
        #expect(pdf.contains("本期不作行业分析") && !pdf.contains("未分类") && !pdf.contains("获奖组织和个人行业分布"))
    }

    /// A city's briefing cannot take in the rows that name no city, and says how many there
    /// are: the 南通 cut places 2 rows (如皋市, rows 50 and 54) while the file has 27 rows with
    /// a blank region, among them 南通市市长质量奖 (rows 4–7) and 如皋市市长质量奖 (51–53), which
    /// are very likely 南通's. No county is then said to have none. Under a nominations-only
    /// filter only the blank rows that are nominations (提名 in the programme cell) count.
    @Test func cityBriefingStatesTheRowsThatNameNoCity() throws {
        let blank = try Self.rows().filter { $0[5].isEmpty }
        let nantong = try Self.briefing(RecordFilter(cityCodes: ["320600"]))
        #expect(try nantong.figures().total == 2)
        let text = try nantong.summary().joined(separator: "\n")
        #expect(text.contains("此外，登记表中另有\(blank.count)项记录未注明所在设区市，无法判断是否属于南通市，未计入本期统计。"), "\(text)")
        #expect(!text.contains("暂无"), "\(text)")
        let nominations = blank.filter { $0[3].contains("提名") }.count
        let nanjing = try Self.briefing(RecordFilter(levels: [.nomination], cityCodes: ["320100"])).summary().joined(separator: "\n")
        #expect(nanjing.contains("另有\(nominations)项记录未注明所在设区市，无法判断是否属于南京市"), "\(nanjing)")
        let two = try Self.briefing(RecordFilter(cityCodes: ["320600", "320200"])).summary().joined(separator: "\n")
        #expect(two.contains("另有\(blank.count)项记录未注明所在设区市，无法判断是否属于所选设区市"), "\(two)")
        // The whole register states its blanks as its own (有27项未注明所在地区), not this way.
        #expect(!(try Self.briefing().summary().joined()).contains("登记表中另有"))
    }

    @Test func singleYearHasNoGrowthSentence() throws {
        let b = try Self.briefing(RecordFilter(years: 2020...2020))
        let f = try b.figures()
        #expect(f.total == 20 && f.change == nil)
        let text = try b.summary().joined(separator: "\n")
        #expect(text.hasPrefix("2020年，共有"), "\(text)")
        #expect(!text.contains("比20"), "\(text)")
    }

    @Test func wholeBriefingRendersWithOutOfProvinceRowAndNoZeroClaims() throws {
        let out = temporaryDirectory("messy").appendingPathComponent("messy.pdf")
        try Self.briefing().render(to: out, fontsDirectory: packageRoot.appendingPathComponent("Fonts"))
        #expect(try runTool("qpdf", ["--check", out.path]).status == 0)
        let pdf = try runTool("pdftotext", ["-layout", "-enc", "UTF-8", out.path, "-"]).stdout.filter { !$0.isWhitespace }
        #expect(!pdf.contains("暂无获奖") && !pdf.contains("未分类") && !pdf.contains("未知地区"))
        #expect(pdf.contains("省外100001018.5%"), "省外 row: 10 CQA, 0, 0, 0, 10, 18.5%")
        #expect(pdf.contains("未注明地区的27项、省外10项未列入图中"))
        #expect(pdf.contains("占比按四舍五入保留一位小数，分项之和可能不等于100.0%"))
        // A city outside the province is never a 设区市 of the table or chart.
        #expect(!pdf.contains("北京市0"), "\(pdf.prefix(400))")
        // The table's note (数据来源…) is on the page of its last rows (合计), never alone at the
        // top of the next page: here 表1 has 16 rows and the note 2 lines, and the page holds 15.
        let pages = try runTool("pdftotext", ["-layout", "-enc", "UTF-8", out.path, "-"]).stdout
            .split(separator: "\u{0C}").map { $0.filter { !$0.isWhitespace } }
        let notePage = try #require(pages.firstIndex { $0.contains("未注明地区的记录未计入各设区市") })
        #expect(pages[notePage].contains("合计16207115"), "\(pages[notePage].prefix(300))")
    }

    @Test func homeProvinceIsASetting() throws {
        let f = try Self.briefing(home: "浙江省").figures()
        #expect(f.region.groups.count == 11)    // Zhejiang's 11 cities
        #expect(f.region.placed == 1)           // row 36, 宁波市
        #expect(f.region.outside == 26)         // 17 in Jiangsu + 9 elsewhere
        #expect(f.region.unknown == 27)
        let base = "name: 简报\nissue: 1\nunit: a\ndate: 2024-01-01\ntitle: t\nsource: s\nsections: [summary]\ndistribution: []\n"
        #expect(try ReportDefinition.parse(base).homeProvinceRegion().name == "江苏省")
        do {
            _ = try ReportDefinition.parse(base + "home_province: 苏州\n")
            Issue.record("a city accepted as home province")
        } catch let QualityBriefError.invalidDefinition(problems) {
            // Located at the value, like every other setting (line 9, column 16).
            #expect(problems.map(\.description) == ["<yaml>:9:16: error: home_province “苏州” is not a province; expected a name such as 浙江省 or a code such as 330000"])
        }
        let yaml = try ReportDefinition.parse(base + "home_province: \"330000\"\n")
        #expect(try yaml.homeProvinceRegion().name == "浙江省")
    }

    /// One rule and one wording for a home province: `ReportDefinition.province(named:)`; the
    /// definition (YAML or Swift) and the CLI only put their own name in front.
    @Test func homeProvinceRuleIsStatedOnce() throws {
        #expect(try ReportDefinition.province(named: "浙江省").code == "330000")
        #expect(try ReportDefinition.province(named: "320000").name == "江苏省")
        let refused = "“苏州” is not a province; expected a name such as 浙江省 or a code such as 330000"
        let error = #expect(throws: ReportDefinition.NotAProvince.self) { try ReportDefinition.province(named: "苏州") }
        #expect(error?.given == "苏州" && error?.description == refused)
        var definition = ReportDefinition(unit: "a", date: "2024-01-01", title: "t", source: "s")
        definition.homeProvince = "苏州"
        #expect(definition.problems().map(\.message) == ["home_province " + refused])
        #expect(throws: QualityBriefError.badDefinition(file: "<definition>", message: "home_province " + refused)) {
            try definition.homeProvinceRegion()
        }
        let bad = try runTool(try qbriefBinary().path, ["stats", "--data", "Reports/sample/awards.csv", "--by", "region",
                                                        "--home-province", "苏州"], cwd: packageRoot)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("Error: --home-province " + refused), "\(bad.stderr)")
    }

    @Test func validateWarnsAboutOutOfProvinceRows() throws {
        let ds = DatasetLoader.load([Self.fixture])
        let outside = ds.diagnostics.filter { $0.message.contains("outside the home province") }
        #expect(outside.count == 10)
        let first = try #require(outside.first)
        #expect(first.severity == .warning && first.location.line == 2 && first.location.column == 6)
        #expect(first.message == "region “北京市” is 110000 北京市, outside the home province 江苏省; briefings count the record under 省外, not among the cities")
        // The columnar reader of large CSV says the same.
        let columns = DatasetLoader.loadColumns([Self.fixture]).diagnostics.filter { $0.message.contains("outside the home province") }
        #expect(columns.map(\.description) == outside.map(\.description))
        #expect(DatasetLoader.loadColumns([Self.fixture], homeProvinceCode: "330000").diagnostics
            .filter { $0.message.contains("outside the home province 浙江省") }.count == 26)
        var zhejiang = LoadOptions()
        zhejiang.homeProvinceCode = "330000"
        #expect(DatasetLoader.load([Self.fixture], options: zhejiang).diagnostics.filter { $0.message.contains("outside the home province") }.count == 26)
    }

    /// Twenty records built to tie: 南京 3, 无锡 3, 徐州 2, 常州 2, 苏州 2 and one in each other
    /// city; twelve with sector C, eight without; years 2019 ×8, 2020 ×4, 2021 ×8.
    static func tiedRegister() throws -> Register {
        let cities = ["320100", "320100", "320100", "320200", "320200", "320200", "320300", "320300", "320400", "320400",
                      "320500", "320500", "320600", "320700", "320800", "320900", "321000", "321100", "321200", "321300"]
        let years = Array(repeating: 2019, count: 8) + Array(repeating: 2020, count: 4) + Array(repeating: 2021, count: 8)
        var csv = "recipient,programme,year,region_code,sector_code\n"
        for i in 0..<20 { csv += "单位\(i),江苏省省长质量奖,\(years[i]),\(cities[i]),\(i % 5 < 3 ? "C" : "")\n" }
        let url = temporaryDirectory("ties").appendingPathComponent("ties.csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        return try Register.load(urls: [url])
    }

    @Test func tiesAreWordedAsTiesAndUnknownSectorsComeFirst() throws {
        let b = Briefing(register: try Self.tiedRegister(), definition: Self.definition())
        let text = try b.summary().joined(separator: "\n")
        #expect(text.contains("从地区看，南京市、无锡市并列最多（各3项，各占15.0%），其次为徐州市、常州市、苏州市（并列，各2项，各占10.0%），以上5个设区市合计12项，占60.0%。"), "\(text)")
        #expect(text.contains("从行业看，有8项（40.0%）未标注行业，以下仅就已标注行业的12项而言：制造业获奖最多（12项，占全部获奖的60.0%）。"), "\(text)")
        #expect(text.contains("2021年获奖8项，比2020年增加4项。"), "\(text)")
        let words = BriefingWording(try b.figures())
        #expect(words.yearLead() == "2019年以来，2019年、2021年并列为获奖数量最多的年度（各8项）；2021年获奖8项，比2020年增加4项。")
        // Every record has a city: the least are named, as a tie.
        #expect(words.regionLead(table: 1, figure: 1).contains("；南通市、连云港市、淮安市、盐城市、扬州市、镇江市、泰州市、宿迁市并列最少（各1项，各占5.0%）"))
    }

    /// The China Quality Award is not given every year: 2021 is compared with 2013, the latest
    /// earlier year with records, not with an empty 2020.
    @Test func growthSkipsYearsWithoutRecords() throws {
        let text = try Self.briefing(RecordFilter(programmeIDs: ["cqa"])).summary().joined(separator: "\n")
        #expect(text.contains("2021年获奖13项，比2013年（此前最近有获奖记录的年度）增加10项。"), "\(text)")
        #expect(!text.contains("2020"), "\(text)")
    }

    /// Individuals only: 刘源张 and 林鸣 have no region, the other three are in Jiangsu; China
    /// Quality Award individuals only: nothing to rank, and the text says why.
    @Test func nothingToRankIsSaidPlainly() throws {
        let cqaIndividuals = RecordFilter(programmeIDs: ["cqa"], recipientTypes: [.individual])
        let text = try Self.briefing(cqaIndividuals).summary().joined(separator: "\n")
        #expect(text.contains("从地区看，所选记录均未注明所在地区，无法按设区市分析。"), "\(text)")
        let cqa2013 = RecordFilter(years: 2013...2013, programmeIDs: ["cqa"])
        let mixed = try Self.briefing(cqa2013).summary().joined(separator: "\n")
        #expect(mixed.contains("从地区看，有1项未注明所在地区，其余2项授予2个省（区、市）的省外组织和个人，无法按设区市分析。"), "\(mixed)")
        #expect(!mixed.contains("另有"), "\(mixed)")
    }

    @Test func severalCitiesListOnlyThoseCities() throws {
        let b = Briefing(register: try Self.tiedRegister(), definition: Self.definition(),
                         filter: RecordFilter(cityCodes: ["320100", "320200"]))
        let f = try b.figures()
        #expect(f.region.groups.map(\.label) == ["南京市", "无锡市"])
        let text = try b.summary().joined(separator: "\n")
        #expect(text.contains("所选南京市、无锡市共有6家组织获得质量奖励6项"), "\(text)")
        #expect(text.contains("从地区看，南京市、无锡市并列最多（各3项），以上2个设区市合计6项。"), "\(text)")
        #expect(!text.contains("暂无") && !text.contains("%"))
    }

    @Test func sharesAreRoundedHalfUpFromTheirOwnCounts() {
        #expect(BriefingFigures.percent(61, of: 183) == 33.3)
        #expect(BriefingFigures.percent(1, of: 183) == 0.5)
        #expect(BriefingFigures.percent(1, of: 8) == 12.5)
        #expect(BriefingFigures.percent(1, of: 16) == 6.3)
        #expect(BriefingFigures.percent(0, of: 0) == 0)
    }
}

/// Region suggestions from names, and the reviewed copy `qbrief fix` writes.
@Suite(.serialized)
struct RegionSuggestionTests {
    @Test func clearPrefixesAreSuggestedWeakOnesAreNot() {
        func code(_ name: String) -> String? { RegionSuggester.suggest(name: name)?.region.code }
        #expect(code("江阴天江药业有限公司") == "320281")
        #expect(code("宜兴港华燃气有限公司") == "320282")
        #expect(code("连云港某某科技有限公司") == "320700")
        #expect(code("常州市某某机械有限公司") == "320400")
        #expect(code("苏州市吴江区某某纺织有限公司") == "320509")
        #expect(code("江苏省南通市某某建设集团有限公司") == "320600")
        #expect(code("无锡江阴某某有限公司") == "320281")
        // A place word in the middle, shared or weak names, nothing after the place.
        #expect(code("中铁山桥（南通）有限公司") == nil)
        #expect(code("鼓楼区某某有限公司") == nil)
        #expect(code("通州区某某有限公司") == nil)
        #expect(code("东海某某有限公司") == nil)
        #expect(code("新北某某有限公司") == nil)
        #expect(code("杭州某某有限公司") == nil)
        #expect(code("常州") == nil)
        #expect(RegionSuggester.suggest(name: "江阴天江药业有限公司")?.reason == "the name starts with “江阴”, the county-level unit 320281 江阴市 (无锡市)")
    }

    @Test func blankRowsOfThePublicListsAndTheFixedCopy() throws {
        let rows = try RegionFill.blankRows(TruthfulBriefingTests.fixture)
        #expect(rows.count == 27)
        let suggested = rows.filter { $0.suggestion != nil }
        // 南通华新, 宜兴港华, 江阴天江, 南京玻纤, 苏州电科院, 无锡宝通, 江阴海达, 苏州市东吴, 南通中铁华宇.
        #expect(suggested.map(\.location.line) == [5, 10, 13, 19, 26, 29, 31, 44, 52])
        #expect(suggested.map { $0.suggestion!.region.code } == ["320600", "320282", "320281", "320100", "320500", "320200", "320281", "320500", "320600"])
        let jiangyin = suggested[2]
        #expect(jiangyin.description.hasSuffix("public-lists.csv:13:6: suggestion: region is blank; 320281 江阴市 suggested because the name starts with “江阴”, the county-level unit 320281 江阴市 (无锡市); review it, or run qbrief fix to fill it in"))
        // Individuals are never guessed.
        #expect(rows.first { $0.recipient == "王民" }?.suggestion == nil)

        let out = temporaryDirectory("fix").appendingPathComponent("fixed.csv")
        try RegionFill.fix(TruthfulBriefingTests.fixture, to: out)
        let data = try Data(contentsOf: out)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0] == "序号,获奖单位,类型,奖项,年度,地区,备注,地区补填说明")
        #expect(lines[12] == "12,江阴天江药业有限公司,组织,江苏省省长质量奖,2020,江阴市,,地区由名称推断：名称以“江阴”开头，填为江阴市（320281），请核对")
        #expect(lines[1] == "1,中国航天科技集团公司,组织,中国质量奖,2013,北京市,首届中国质量奖,")
        #expect(lines[53] == "53,中铁山桥（南通）有限公司,组织,如皋市市长质量奖提名奖,2022,,,地区空白，名称无法明确推断，未填写")
        // The copy loads, with nine fewer unknown regions.
        let fixed = Briefing(register: try Register.load(urls: [out]), definition: TruthfulBriefingTests.definition())
        #expect(try fixed.figures().region.unknown == 18)
        // Nothing else left in the folder: written under a temporary name, then renamed.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path) == ["fixed.csv"])
    }

    @Test func cliSuggestAndFix() throws {
        let bin = try qbriefBinary().path
        let fixture = TruthfulBriefingTests.fixture.path
        let v = try runTool(bin, ["validate", "--data", fixture, "--suggest"], cwd: packageRoot)
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stdout.split(separator: "\n").filter { $0.contains(": suggestion: ") }.count == 9)
        #expect(v.stdout.contains(":2:6: warning: region “北京市” is 110000 北京市, outside the home province 江苏省"))
        #expect(v.stderr.contains("27 blank regions, 9 with a region suggested from the name"), "\(v.stderr)")
        let json = try runTool(bin, ["validate", "--data", fixture, "--suggest", "--format", "json"], cwd: packageRoot)
        #expect(json.status == 0, "\(json.stderr)")
        struct Blank: Decodable { let line: Int; let column: Int; let recipient: String; let regionCode: String? }
        struct Output: Decodable { let blankRegions: [Blank] }
        let decoded = try JSONDecoder().decode(Output.self, from: Data(json.stdout.utf8))
        #expect(decoded.blankRegions.count == 27)
        #expect(decoded.blankRegions.first { $0.line == 13 }?.regionCode == "320281")
        #expect(decoded.blankRegions.filter { $0.regionCode != nil }.count == 9)
        let out = temporaryDirectory("cli-fix").appendingPathComponent("fixed.csv")
        let fx = try runTool(bin, ["fix", "--data", fixture, "--out", out.path], cwd: packageRoot)
        #expect(fx.status == 0, "\(fx.stderr)")
        #expect(fx.stderr.contains("27 blank regions, 9 filled in from the name, 18 left blank"), "\(fx.stderr)")
        let same = try runTool(bin, ["fix", "--data", fixture, "--out", fixture], cwd: packageRoot)
        #expect(same.status == 64)
    }

    /// `--home-province` reaches both the row checks and the briefing; a city is refused.
    @Test func cliHomeProvince() throws {
        let bin = try qbriefBinary().path
        let fixture = TruthfulBriefingTests.fixture.path
        let v = try runTool(bin, ["validate", "--data", fixture, "--home-province", "浙江省"], cwd: packageRoot)
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stdout.split(separator: "\n").filter { $0.contains("outside the home province 浙江省") }.count == 26)
        let bad = try runTool(bin, ["validate", "--data", fixture, "--home-province", "苏州"], cwd: packageRoot)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--home-province “苏州” is not a province"), "\(bad.stderr)")
        let out = temporaryDirectory("cli-home").appendingPathComponent("zj.pdf")
        let r = try runTool(bin, ["report", "--data", fixture, "--out", out.path, "--home-province", "330000", "--unit", "质量发展处"], cwd: packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try runTool("pdftotext", ["-layout", "-enc", "UTF-8", out.path, "-"]).stdout.filter { !$0.isWhitespace }
        // Zhejiang's cities are the rows now (宁波 has row 36); Jiangsu's records are 省外.
        #expect(text.contains("杭州市0000") && text.contains("宁波市10001"), "\(text.prefix(1500))")
        #expect(text.contains("另有26项授予"), "\(text.prefix(1500))")
        #expect(!text.contains("苏州市5"))
    }
}

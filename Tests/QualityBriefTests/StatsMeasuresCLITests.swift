import Foundation
import Testing

/// `qbrief stats` measures beyond counts, checked against figures counted here from the
/// sample CSV (split by hand, not through the library).
@Suite(.serialized)
struct StatsMeasuresCLITests {
    let sample = "Reports/sample/awards.csv"

    /// year → count, and city code (first 4 digits + "00") → count, from the raw file.
    func handCounts() throws -> (years: [Int: Int], cities: [String: Int]) {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(sample), encoding: .utf8)
        var years: [Int: Int] = [:], cities: [String: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            years[Int(f[5])!, default: 0] += 1
            cities[String(f[7].prefix(4)) + "00", default: 0] += 1
        }
        return (years, cities)
    }

    func csvRows(_ args: [String], data: String? = nil) throws -> [[String]] {
        let r = try runTool(try qbriefBinary().path, ["stats", "--data", data ?? sample, "--format", "csv"] + args, cwd: packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func growthByYear() throws {
        let (years, _) = try handCounts()
        let rows = try csvRows(["--by", "year", "--growth"])
        #expect(rows.first == ["年度", "数量", "累计", "增减", "增长率"])
        let first = years.keys.min()!, last = years.keys.max()!
        #expect(rows.count == 1 + (last - first + 1))
        var cumulative = 0
        for row in rows.dropFirst() {
            let y = Int(row[0])!
            cumulative += years[y, default: 0]
            #expect(row[1] == String(years[y, default: 0]))
            #expect(row[2] == String(cumulative))
            if let p = years[y - 1], y > first {
                let change = years[y, default: 0] - p
                #expect(row[3] == (change > 0 ? "+\(change)" : String(change)))
                let rate = Double(change) / Double(p) * 100
                #expect(row[4] == String(format: "%.1f%%", rate), "year \(y)")
            }
        }
    }

    @Test func twoPeriodsCompared() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(sample), encoding: .utf8)
        var cur = 0, prev = 0
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f[7].hasPrefix("3205"), let y = Int(f[5]) else { continue }
            if (2021...2024).contains(y) { cur += 1 } else if (2017...2020).contains(y) { prev += 1 }
        }
        let rows = try csvRows(["--by", "region", "--compare", "2021-2024:2017-2020"])
        let suzhou = try #require(rows.first { $0.first == "320500" })
        #expect(suzhou[2] == String(cur) && suzhou[3] == String(prev))
        #expect(suzhou[4] == (cur - prev > 0 ? "+\(cur - prev)" : String(cur - prev)))
    }

    @Test func concentrationOfCities() throws {
        let (_, cities) = try handCounts()
        let total = Double(cities.values.reduce(0, +))
        let top3 = cities.values.sorted(by: >).prefix(3).reduce(0, +)
        let hhi = cities.values.reduce(0.0) { $0 + (Double($1) / total) * (Double($1) / total) }
        let rows = try csvRows(["--by", "region", "--concentration"])
        #expect(rows.first { $0.first == "前3位合计占比" }?.last == String(format: "%.1f%%", Double(top3) / total * 100))
        #expect(rows.first { $0.first == "赫芬达尔指数（HHI）" }?.last == String(format: "%.4f", hhi))
    }

    @Test func densityAgainstADenominatorFile() throws {
        let (_, cities) = try handCounts()
        let dir = temporaryDirectory("density")
        let file = dir.appendingPathComponent("enterprises.csv")
        try "code,value\n320500,50000\n320100,30000\n".write(to: file, atomically: true, encoding: .utf8)
        let rows = try csvRows(["--by", "region", "--per", file.path])
        let suzhou = try #require(rows.first { $0.first == "320500" })
        #expect(suzhou[4] == String(format: "%.2f", Double(cities["320500"]!) / 50000 * 10000))
        #expect(rows.first { $0.first == "320200" }?.last == "—")
    }

    /// `--compare`, `--concentration` and `--per` with `--by region` group places as `--by region`
    /// does: the 13 cities, 省外, 未注明地区. Counted by hand from the 54 rows of public-lists.csv
    /// (file lines 2–55, 年度 and 地区 columns):
    /// - 省外 (北京市, 青岛市, 郑州市, 佛山市, 福州市, 宁波市, 上海市): lines 2, 3 (2013) and 32–35,
    ///   37–40 (2021) = 10; in 2021–2022 8, in 2019–2020 0.
    /// - blank 地区: lines 4–8, 10–13, 15, 18, 19, 21, 22, 25, 26, 28, 29, 31, 41, 44, 47, 48, 50,
    ///   52–54 = 27; in 2021–2022 (41, 44, 47, 48, 50, 52–54) 8, in 2019–2020 (10–31) 14.
    /// - cities, counties rolled up: 苏州 16 (昆山, 2020), 36, 43 (昆山), 45 (吴江), 46 (张家港) = 5,
    ///   4 of them in 2021–2022; 无锡 9, 30 (宜兴, 2019–2020), 49 (宜兴, 2022) = 3; 南通 51, 55
    ///   (如皋, 2022) = 2; 南京 27, 徐州 42, 常州 20, 连云港 17, 扬州 23, 镇江 14 (丹阳), 泰州 24
    ///   (泰兴) = 1 each; 10 + 27 + 17 = 54.
    /// Concentration is among the cities only (a blank region or another province is not a place
    /// to rank; both are named as left out): 10 cities with records, 17 records; top 3 = 5 + 3 + 2
    /// = 10 of 17 = 58.8 %; HHI = (5² + 3² + 2² + 7 × 1²) / 17² = 45 / 289 = 0.1557.
    @Test func regionMeasuresGroupPlacesAsByRegionDoes() throws {
        let data = "Tests/QualityBriefTests/Fixtures/public-lists.csv"
        let compared = try csvRows(["--by", "region", "--compare", "2021-2022:2019-2020"], data: data)
        let byName = Dictionary(compared.dropFirst().map { ($0[1], Array($0[2...3])) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["省外"] == ["8", "0"])
        #expect(byName["未注明地区"] == ["8", "14"])
        #expect(byName["苏州市"] == ["4", "1"])
        #expect(byName["无锡市"] == ["1", "2"])
        #expect(byName["合计"] == ["24", "23"])
        // No other province's city and no 未知地区 row: 13 cities, 省外, 未注明地区, 合计.
        #expect(compared.count == 1 + 13 + 2 + 1, "\(compared)")
        #expect(!compared.contains { ["北京市", "宁波市", "未知地区"].contains($0[1]) })
        #expect(compared.first { $0[1] == "省外" }?.first == "*outside*")

        let concentration = try csvRows(["--by", "region", "--concentration"], data: data)
        let value = Dictionary(concentration.dropFirst().map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        #expect(value["前3位合计占比"] == "58.8%")
        #expect(value["前3位"] == "苏州市、无锡市、南通市")
        #expect(value["赫芬达尔指数（HHI）"] == "0.1557")
        #expect(value["有获奖的设区市数"] == "10")
        #expect(value["合计"] == "17")
        #expect(value["未计入（未归入设区市）"] == "省外10项、未注明地区27项")

        let file = temporaryDirectory("density-groups").appendingPathComponent("enterprises.csv")
        try "code,value\n320500,100000\n320200,50000\n110000,5\n".write(to: file, atomically: true, encoding: .utf8)
        let density = try csvRows(["--by", "region", "--per", file.path], data: data)
        #expect(density.first { $0[1] == "苏州市" } == ["320500", "苏州市", "5", "100000", "0.50"])
        #expect(density.first { $0[1] == "无锡市" } == ["320200", "无锡市", "3", "50000", "0.60"])
        #expect(density.first { $0[1] == "省外" } == ["*outside*", "省外", "10", "—", "—"])
        #expect(density.first { $0[1] == "未注明地区" } == ["", "未注明地区", "27", "—", "—"])
        #expect(!density.contains { $0[1] == "北京市" })
    }

    @Test func measuresRefuseTheWrongDimension() throws {
        let r = try runTool(try qbriefBinary().path, ["stats", "--data", sample, "--by", "region", "--growth"], cwd: packageRoot)
        #expect(r.status == 64)
        #expect(r.stderr.contains("--growth needs --by year"))
    }
}

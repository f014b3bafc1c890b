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

    func csvRows(_ args: [String]) throws -> [[String]] {
        let r = try runTool(try qbriefBinary().path, ["stats", "--data", sample, "--format", "csv"] + args, cwd: packageRoot)
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

    @Test func measuresRefuseTheWrongDimension() throws {
        let r = try runTool(try qbriefBinary().path, ["stats", "--data", sample, "--by", "region", "--growth"], cwd: packageRoot)
        #expect(r.status == 64)
        #expect(r.stderr.contains("--growth needs --by year"))
    }
}

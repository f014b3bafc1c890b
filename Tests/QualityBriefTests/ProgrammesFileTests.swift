import BriefAnalytics
import BriefModel
import Foundation
import QualityBrief
import Testing

/// Programmes as data: county-level programmes on their own, another province's from a file.
@Suite struct ProgrammesFileTests {
    /// Six rows: the national award, a Jiangsu city's and a county-level city's mayor's award,
    /// Zhejiang's provincial award (by an alias, one a nomination) and Hangzhou's.
    static let csv = """
    recipient,programme,year,region_code
    甲公司,中国质量奖,2021,320500
    乙公司,苏州市市长质量奖,2021,320500
    丙公司,宜兴市市长质量奖,2021,320282
    丁公司,浙江省人民政府质量奖,2021,330100
    戊公司,浙江省政府质量奖提名奖,2022,330100
    己公司,杭州市政府质量奖,2022,330100

    """

    static var zhejiang: URL { packageRoot.appendingPathComponent("Reports/programmes-zhejiang.yaml") }

    @Test func anotherProvincesProgrammesLoadFromAFileOnBothPaths() throws {
        let dir = temporaryDirectory("programmes")
        let url = dir.appendingPathComponent("mixed.csv")
        try Self.csv.write(to: url, atomically: true, encoding: .utf8)
        let catalog = try ProgrammesFile.catalog(adding: [Self.zhejiang])
        #expect(catalog.addedEntries.map(\.programme.id) == ["zjgqa", "hzgqa"])
        let ds = DatasetLoader.load([url], options: LoadOptions(programmes: catalog))
        // Zhejiang's winners lie outside the home province (江苏省 by default): noted, still loaded.
        #expect(ds.diagnostics.map { "\($0.location.line):\($0.severity)" } == ["5:warning", "6:warning", "7:warning"], "\(ds.diagnostics)")
        #expect(ds.diagnostics.allSatisfy { $0.message.contains("outside the home province 江苏省") })
        #expect(ds.records.map(\.programme.id) == ["cqa", "mayor", "county-mayor", "zjgqa", "zjgqa", "hzgqa"])
        #expect(ds.records.map(\.level) == [.award, .award, .award, .award, .nomination, .award])
        #expect(ds.records.map(\.programme.level) == [.national, .city, .county, .provincial, .provincial, .city])
        let expected = [
            CountRow(key: "cqa", label: "中国质量奖", count: 1), CountRow(key: "jsgqa", label: "江苏省省长质量奖", count: 0),
            CountRow(key: "mayor", label: "市长质量奖", count: 1), CountRow(key: "zjgqa", label: "浙江省人民政府质量奖", count: 2),
            CountRow(key: "hzgqa", label: "杭州市政府质量奖", count: 1), CountRow(key: "county-mayor", label: "县级市市长质量奖", count: 1),
        ]
        #expect(AwardTable(ds.records).counts(by: .programme).rows == expected)
        // By level: 中国质量奖 national; 浙江 ×2 provincial; 苏州 and 杭州 city; 宜兴 county.
        #expect(AwardTable(ds.records).counts(by: .programmeLevel).rows == [
            CountRow(key: "national", label: "国家级", count: 1), CountRow(key: "provincial", label: "省级", count: 2),
            CountRow(key: "city", label: "市级", count: 2), CountRow(key: "county", label: "县级", count: 1),
        ])
        let cols = DatasetLoader.loadColumns([url], programmes: catalog)
        #expect(cols.count == 6 && cols.errorCount == 0)
        #expect(AwardTable(cols).counts(by: .programme).rows == expected)
        #expect(AwardTable(cols).counts(by: .programmeLevel).rows.map(\.count) == [1, 2, 2, 1])
        // Without the file the two Zhejiang programmes are errors (4 rows: 3 Zhejiang + none else).
        let plain = DatasetLoader.load([url])
        #expect(plain.records.count == 3)
        #expect(plain.diagnostics.filter { $0.severity == .error }.map(\.location.line) == [5, 6, 7])
    }

    @Test func badProgrammesFileIsNamed() throws {
        let dir = temporaryDirectory("programmes-bad")
        let bad = dir.appendingPathComponent("bad.yaml")
        try "programmes:\n  - id: x\n    name: 某某奖\n    level: township\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: QualityBriefError.self) { try ProgrammesFile.catalog(adding: [bad]) }
        do { _ = try ProgrammesFile.catalog(adding: [bad]) } catch {
            #expect("\(error)" == "\(bad.path): error: not a programmes file: programmes.[0].level: expected national, provincial, city or county")
        }
        let clash = dir.appendingPathComponent("clash.yaml")
        try "programmes:\n  - {id: yx, name: 宜兴市市长质量奖, level: county}\n".write(to: clash, atomically: true, encoding: .utf8)
        do { _ = try ProgrammesFile.catalog(adding: [clash]); Issue.record("no error") } catch {
            #expect("\(error)" == "\(clash.path): error: programme name “宜兴市市长质量奖” already stands for 县级市市长质量奖 (county-mayor)")
        }
    }

    @Test func cliTakesProgrammesFile() throws {
        let dir = temporaryDirectory("programmes-cli")
        let url = dir.appendingPathComponent("mixed.csv")
        try Self.csv.write(to: url, atomically: true, encoding: .utf8)
        let bin = try qbriefBinary().path
        let r = try runTool(bin, ["stats", "--data", url.path, "--programmes", "Reports/programmes-zhejiang.yaml", "--by", "programme", "--format", "csv"], cwd: packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
        key,label,count,share_percent
        cqa,中国质量奖,1,16.7
        jsgqa,江苏省省长质量奖,0,0.0
        mayor,市长质量奖,1,16.7
        zjgqa,浙江省人民政府质量奖,2,33.3
        hzgqa,杭州市政府质量奖,1,16.7
        county-mayor,县级市市长质量奖,1,16.7

        """)
        // --programme filters by a programme of the file, by any of its names.
        let zj = try runTool(bin, ["stats", "--data", url.path, "--programmes", "Reports/programmes-zhejiang.yaml", "--by", "year",
                                   "--programme", "浙江省政府质量奖", "--format", "csv"], cwd: packageRoot)
        #expect(zj.status == 0, "\(zj.stderr)")
        #expect(zj.stdout == "key,label,count,share_percent\n2021,2021,1,50.0\n2022,2022,1,50.0\n")
        let unknown = try runTool(bin, ["stats", "--data", url.path, "--by", "year", "--programme", "某某奖"], cwd: packageRoot)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown programme “某某奖”; known: 中国质量奖、江苏省省长质量奖、市长质量奖、县级市市长质量奖"))
        let refused = try runTool(bin, ["stats", "--data", url.path, "--by", "programme"], cwd: packageRoot)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("programme “浙江省人民政府质量奖” is not known"))
        #expect(refused.stderr.contains("--programmes FILE"))
    }
}

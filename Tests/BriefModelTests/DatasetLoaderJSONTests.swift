import BriefModel
import Foundation
import Testing

@Suite struct DatasetLoaderJSONTests {
    @Test func arrayOfObjectsWithNumbersAndLines() throws {
        let json = """
        [
          {"recipient": "甲公司", "programme": "中国质量奖", "year": 2020, "region_code": "320500", "sector_code": "C"},
          {
            "recipient": "乙公司", "programme": "江苏省质量奖提名奖", "year": "2014", "region_code": 320200
          },
          {"recipient": "丙公司", "programme": "市长质量奖", "year": "二〇二〇", "region_code": "320100"}
        ]
        """
        let url = try TempFiles.write(json, name: "r.json")
        let ds = DatasetLoader.load([url])
        #expect(ds.rowsRead == 3)
        #expect(ds.records.count == 2)
        #expect(ds.records[1].programme == .jiangsuGovernorAward && ds.records[1].level == .nomination)
        #expect(ds.records[1].cityCode == "320200")
        #expect(ds.records.map { $0.source?.line } == [2, 3])
        let err = try #require(ds.diagnostics.first)
        #expect(err.location.line == 6)
        #expect(err.message.contains("二〇二〇"))
    }

    @Test func recordsWrapperAndUnknownKeys() throws {
        let url = try TempFiles.write(#"{"records": [{"recipient": "甲", "programme": "cqa", "year": 2021, "region_code": "苏州", "colour": "red"}]}"#, name: "w.json")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.count == 1)
        #expect(ds.records[0].cityCode == "320500")
        #expect(ds.diagnostics.count == 1 && ds.diagnostics[0].severity == .warning)
    }

    @Test func syntaxErrorIsLocated() throws {
        let url = try TempFiles.write("[\n  {\"recipient\": \"甲\",\n   oops}\n]", name: "bad.json")
        let ds = DatasetLoader.load([url])
        #expect(ds.diagnostics.count == 1)
        let d = ds.diagnostics[0]
        #expect(d.severity == .error)
        #expect(d.location.line == 3, "\(d)")
    }
}

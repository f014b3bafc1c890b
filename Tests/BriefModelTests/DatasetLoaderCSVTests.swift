import BriefModel
import Foundation
import Testing

@Suite struct DatasetLoaderCSVTests {
    @Test func chineseNumeralYearIsAnErrorAtLineThreeColumnThree() throws {
        let url = try TempFiles.write(
            "recipient,programme,year,region_code\n甲公司,中国质量奖,2020,320500\n乙公司,中国质量奖,二〇二〇,320500\n", name: "bad.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.rowsRead == 2)
        #expect(ds.records.count == 1)
        #expect(ds.hasErrors)
        let d = try #require(ds.diagnostics.first { $0.severity == .error })
        #expect(d.description.hasPrefix("\(url.path):3:3: error:"))
        #expect(d.description.contains("year “二〇二〇” is not a year; expected four digits such as 2020"))
    }

    @Test func theSampleRegisterLoadsWithoutErrors() throws {
        let url = OracleData.packageRoot.appendingPathComponent("Reports/sample/awards.csv")
        let ds = DatasetLoader.load([url])
        #expect(!ds.hasErrors, "\(ds.diagnostics.filter { $0.severity == .error }.prefix(5).map(\.description))")
        #expect(ds.rowsRead == 320)
        #expect(ds.records.count == 320)
        #expect(ds.records.allSatisfy { $0.cityCode != nil })
        let first = try #require(ds.records.first)
        #expect(first.id == "1")
        #expect(first.programme == .chinaQualityAward)
        #expect(first.level == .nomination)
        #expect(first.sectionCode == "C" && first.divisionCode == "17")
        #expect(first.cityCode == "320200")
        #expect(first.source?.line == 2)
    }

    @Test func normalisesFullWidthCodesSpacesAndParentheses() throws {
        let url = try TempFiles.write(
            "获奖单位,奖项,年度,地区,行业,统一社会信用代码,备注\n"
            + " 甲公司(苏州)\u{3000},苏州市市长质量奖提名奖,２０２１,蘇州,Ｃ１７,９１３２００００１００００００００Ｂ, 说明 \n", name: "cn.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.diagnostics.isEmpty, "\(ds.diagnostics)")
        let r = try #require(ds.records.first)
        #expect(r.recipient == "甲公司（苏州）")
        #expect(r.programme == .mayorAward)
        #expect(r.level == .nomination)
        #expect(r.year == 2021)
        #expect(r.regionCode == "320500" && r.cityCode == "320500")
        #expect(r.sectionCode == "C" && r.divisionCode == "17")
        #expect(r.creditCode == "91320000100000000B")
        #expect(r.note == "说明")
        #expect(r.id == "\(url.path):2")
    }

    @Test func missingRequiredColumnIsOneErrorAtLineOne() throws {
        let url = try TempFiles.write("recipient,programme,region_code,colour\n甲,中国质量奖,320500,red\n", name: "nocol.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.isEmpty)
        let errors = ds.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors[0].description.hasPrefix("\(url.path):1:1: error: missing required column “year”"))
        #expect(ds.diagnostics.contains { $0.severity == .warning && $0.message.contains("colour") && $0.location.column == 4 })
    }

    @Test func everyBadFieldIsReportedAtItsColumn() throws {
        let url = try TempFiles.write(
            "recipient,recipient_type,programme,level,year,sector_code,region_code,credit_code\n"
            + ",robot,全国质量奖,金奖,1999,Z9,鼓楼区,12345\n", name: "many.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.isEmpty)
        let cols = ds.diagnostics.filter { $0.severity == .error }.map(\.location.column)
        #expect(Set(cols) == [1, 2, 3, 4, 5, 7, 8])
        // A sector matching nothing is a warning (the row would be kept under 未分类).
        #expect(ds.diagnostics.filter { $0.severity == .warning }.map(\.location.column) == [6])
        let region = try #require(ds.diagnostics.first { $0.location.column == 7 })
        #expect(region.message.contains("ambiguous") && region.message.contains("320106") && region.message.contains("320302"))
        #expect(ds.diagnostics.allSatisfy { $0.location.line == 2 })
    }

    @Test func warningsKeepTheRow() throws {
        let url = try TempFiles.write(
            "recipient,programme,year,region_code,credit_code\n"
            + "甲,中国质量奖,2020,320611,91320000100000000C\n"
            + "乙,中国质量奖,2020,320576,\n"
            + "甲,cqa,2020,320684,\n"
            + "丙,中国质量奖,2020,320000,\n"
            + "\n"
            + "丁,中国质量奖,2020,,\n", name: "warn.csv")
        let ds = DatasetLoader.load([url])
        #expect(!ds.hasErrors, "\(ds.diagnostics)")
        #expect(ds.records.count == 5)
        #expect(ds.rowsRead == 5)
        #expect(ds.records.map(\.cityCode) == ["320600", "320500", "320600", nil, nil])
        let text = ds.diagnostics.map(\.description)
        #expect(text.contains { $0.hasPrefix("\(url.path):2:5: warning:") && $0.contains("check character should be “B”") })
        #expect(text.contains { $0.hasPrefix("\(url.path):2:4: warning:") && $0.contains("retired in 2020") && $0.contains("南通市") })
        #expect(text.contains { $0.hasPrefix("\(url.path):3:4: warning:") && $0.contains("statistical") && $0.contains("苏州市") })
        #expect(text.contains { $0.hasPrefix("\(url.path):4:1: warning: duplicate of line 2") })
        #expect(text.contains { $0.hasPrefix("\(url.path):5:4: warning:") && $0.contains("province") })
        #expect(text.contains { $0.hasPrefix("\(url.path):7:4: warning: region is empty") })
    }

    @Test func levelColumnContradictingProgrammeIsAnError() throws {
        let url = try TempFiles.write("recipient,programme,level,year,region_code\n甲,中国质量奖提名奖,award,2020,320500\n", name: "lvl.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.diagnostics.map(\.location.column) == [3])
        #expect(ds.records.isEmpty)
    }

    @Test func bomAndCRLFAndQuotedNewlineKeepLines() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("recipient,programme,year,region_code,note\r\n甲,中国质量奖,2020,320500,\"两行\r\n备注\"\r\n乙,中国质量奖,2020x,320500,\r\n".utf8))
        let url = try TempFiles.write(data, name: "bom.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.count == 1)
        #expect(ds.records[0].note == "两行\r\n备注")
        #expect(ds.diagnostics.map(\.location) == [SourceLocation(file: url.path, line: 4, column: 3)])
    }

    @Test func gbkFileIsReadWithAWarning() throws {
        // "recipient,programme,year,region_code\n苏州公司,中国质量奖,2020,320500\n" in GBK.
        var data = Data("recipient,programme,year,region_code\n".utf8)
        data.append(contentsOf: [0xCB, 0xD5, 0xD6, 0xDD, 0xB9, 0xAB, 0xCB, 0xBE, 0x2C,            // 苏州公司,
                                 0xD6, 0xD0, 0xB9, 0xFA, 0xD6, 0xCA, 0xC1, 0xBF, 0xBD, 0xB1, 0x2C]) // 中国质量奖,
        data.append(Data("2020,320500\n".utf8))
        let url = try TempFiles.write(data, name: "gbk.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.first?.recipient == "苏州公司")
        #expect(ds.records.first?.programme == .chinaQualityAward)
        #expect(ds.diagnostics.count == 1)
        #expect(ds.diagnostics.first?.severity == .warning)
        #expect(ds.diagnostics.first?.message.contains("GBK") == true)
    }

    @Test func unreadableAndUnsupportedFilesAreOneErrorEach() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/dir/awards.csv")
        let xlsx = try TempFiles.write("x", name: "a.xlsx")
        let empty = try TempFiles.write("", name: "empty.csv")
        let ds = DatasetLoader.load([missing, xlsx, empty])
        #expect(ds.diagnostics.count == 3)
        #expect(ds.diagnostics.allSatisfy { $0.severity == .error && $0.location.line == 1 && $0.location.column == 1 })
        #expect(ds.diagnostics[0].description.hasPrefix("/nonexistent/dir/awards.csv:1:1: error:"))
    }

    @Test func duplicatesAcrossFilesNameTheFirstFile() throws {
        let a = try TempFiles.write("recipient,programme,year,region_code\n甲公司(苏州),中国质量奖,2020,320500\n", name: "a.csv")
        let b = try TempFiles.write("recipient,programme,year,region_code\n甲公司（苏州）,中国质量奖,2020,320500\n", name: "b.csv")
        let ds = DatasetLoader.load([a, b])
        #expect(ds.records.count == 2)
        #expect(ds.diagnostics.count == 1)
        #expect(ds.diagnostics[0].message.hasPrefix("duplicate of \(a.path):2"))
    }
}

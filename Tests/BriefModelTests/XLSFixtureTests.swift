import Foundation
import Testing
@testable import BriefModel

/// Excel 97–2003 workbooks written by xlwt and re-saved by LibreOffice (see
/// Fixtures/make_xls_fixtures.py): every record and diagnostic checked; broken files give one
/// located error.
@Suite struct XLSFixtureTests {
    typealias Row = FixtureTests.Row

    static func load(_ name: String, sheet: String? = nil) -> Dataset {
        FixtureTests.load(name, LoadOptions(sheet: sheet))
    }

    /// Sheet 名单 as LibreOffice saved it: a title row, a date-formatted year (2022-05-18), a
    /// formula year (=2019+1, its cached result), class-level and free-text sectors, a
    /// county-level programme, a former programme name, booleans (as =TRUE() formulas).
    @Test func libreOfficeWorkbookNamedSheet() {
        let ds = Self.load("register-lo.xls", sheet: "名单")
        #expect(ds.rowsRead == 5)
        #expect(ds.records.map(Row.init) == [
            Row(3, "江苏甲科技有限公司", "cqa", .award, 2021, "C", "35", "320500", "320500"),
            Row(4, "乙精密（昆山）有限公司", "jsgqa", .nomination, 2022, "K", "70", "320583", "320500"),
            Row(5, "丙软件有限公司", "county-mayor", .award, 2020, "I", "65", "320282", "320200"),
            Row(6, "丁装备有限公司", "jsgqa", .nomination, 2014, nil, nil, "320100", "320100"),
        ])
        #expect(ds.records.map(\.classCode) == [nil, "7020", nil, nil])
        #expect(ds.records.map(\.groupCode) == [nil, "702", "651", nil])
        #expect(ds.records[3].sectorText == "新能源装备")
        #expect(FixtureTests.lines(ds, "register-lo.xls") == [
            "1:1: warning: 1 row above the header (line 2) skipped as titles",
            "2:8: warning: unknown column “在册” not used; map it with --columns HEADER=COLUMN if it holds register data",
            "6:6: warning: sector “新能源装备” matches no GB/T 4754-2017 section, division, group or class (e.g. C, C17, 651, K7020, 物业管理); the record is counted under 未分类 and keeps the text",
            "7:3: error: programme “全国质量奖” is not known; expected 中国质量奖, 江苏省省长质量奖 (formerly 江苏省质量奖), 市长质量奖 (a Jiangsu city's, e.g. 苏州市市长质量奖) or a county-level city's (e.g. 宜兴市市长质量奖), optionally followed by 提名奖; " + ProgrammeCatalog.howToAdd,
        ])
    }

    /// The same sheet as xlwt wrote it: xlwt stores formulas without a result, so the
    /// formula year is empty and its row an error.
    @Test func xlwtWorkbookFormulasHaveNoResult() {
        let ds = Self.load("register-xlwt.xls", sheet: "名单")
        #expect(ds.records.map(\.recipient) == ["江苏甲科技有限公司", "乙精密（昆山）有限公司", "丁装备有限公司"])
        #expect(FixtureTests.lines(ds, "register-xlwt.xls").filter { $0.contains("error") } == [
            "5:5: error: year is empty; expected four digits such as 2020",
            "7:3: error: programme “全国质量奖” is not known; expected 中国质量奖, 江苏省省长质量奖 (formerly 江苏省质量奖), 市长质量奖 (a Jiangsu city's, e.g. 苏州市市长质量奖) or a county-level city's (e.g. 宜兴市市长质量奖), optionally followed by 提名奖; " + ProgrammeCatalog.howToAdd,
        ])
    }

    /// Formulas LibreOffice calculated: text results in STRING records (江苏省质量奖, the former
    /// name; 中国质量奖提名奖), numbers in the FORMULA record (=2019+1, =YEAR(DATE(2021;5;1))).
    @Test func formulaResultsIncludingStringRecords() {
        let ds = Self.load("formulas-lo.xls")
        #expect(ds.diagnostics.isEmpty)
        #expect(ds.records.map(Row.init) == [
            Row(2, "甲公司", "jsgqa", .award, 2020, nil, nil, "320500", "320500"),
            Row(3, "乙公司", "cqa", .nomination, 2021, nil, nil, "320100", "320100"),
        ])
    }

    /// 200 distinct 27-character names: the shared-string table runs over CONTINUE records
    /// (some names split across two); i % 3 == 0 is 中国质量奖 (67 rows), the rest 市长质量奖; 2010 is i % 15 == 0 (14 rows).
    @Test(arguments: ["register-lo.xls", "register-xlwt.xls"])
    func sharedStringsAcrossContinueRecords(name: String) {
        let ds = Self.load(name, sheet: "扩展名单")
        #expect(ds.diagnostics.isEmpty)
        #expect(ds.records.count == 200)
        #expect(ds.records.map(\.recipient) == (0..<200).map { String(format: "江苏省第%04d号质量标杆示范企业有限责任公司（集团）", $0) })
        #expect(ds.records.filter { $0.programme.id == "cqa" }.count == 67)
        #expect(ds.records.filter { $0.programme.id == "mayor" }.count == 133)
        #expect(ds.records.filter { $0.year == 2010 }.count == 14)
        #expect(ds.records.map(\.source?.line) == (2...201).map { Optional($0) })
    }

    /// WPS's .et is the same container: a copy named .et reads alike. An .xlsx named .xls is
    /// read as XLSX; an HTML table named .xls is one error.
    @Test func etAndMisnamedFiles() throws {
        let data = try Data(contentsOf: FixtureTests.dir.appendingPathComponent("register-lo.xls"))
        let et = try TempFiles.write(data, name: "register.et")
        let fromET = DatasetLoader.load([et], options: LoadOptions(sheet: "名单"))
        #expect(fromET.records.map(Row.init) == Self.load("register-lo.xls", sheet: "名单").records.map(Row.init))
        let zip = try Data(contentsOf: FixtureTests.dir.appendingPathComponent("register.xlsx"))
        let named = try TempFiles.write(zip, name: "really-xlsx.xls")
        #expect(DatasetLoader.load([named], options: LoadOptions(sheet: "名单")).records.count == 3)
        let html = try TempFiles.write(Data("<html><table><tr><td>获奖单位</td></tr></table></html>".utf8), name: "web.xls")
        #expect(DatasetLoader.load([html]).diagnostics.map(\.message) == [
            "file is an HTML or XML table named .xls, not an Excel 97–2003 workbook; open it in Excel or WPS and save it as .xlsx or CSV UTF-8",
        ])
    }

    @Test func firstSheetIsTheCoverAndTheOthersAreNamed() {
        let ds = Self.load("register-lo.xls")
        #expect(ds.records.isEmpty)
        #expect(FixtureTests.lines(ds, "register-lo.xls") == [
            "1:1: error: missing required columns “recipient”, “programme”, “year”; the header must name the recipient (获奖单位), programme (奖项) and year (年度), or map them with --columns; line 1 reads “本表为获奖名单，请看“名单”工作表” (sheet “说明”; the workbook also has “名单”, “扩展名单”: choose one with --sheet)",
        ])
        #expect(FixtureTests.lines(Self.load("register-lo.xls", sheet: "名册"), "register-lo.xls") == [
            "1:1: error: workbook has no sheet “名册”; its sheets are “说明”, “名单”, “扩展名单”",
        ])
    }

    @Test(arguments: [
        ("encrypted.xls", "1:1: error: workbook is password-protected (encrypted); open it in Excel or WPS, remove the password and save it again"),
        ("truncated.xls", "1:1: error: workbook is truncated"),
        ("looping-chain.xls", "1:1: error: workbook is truncated or corrupt: a sector chain is broken"),
    ])
    func brokenWorkbooksAreOneErrorAtLineOne(name: String, prefix: String) {
        let ds = Self.load(name)
        #expect(ds.records.isEmpty)
        let lines = FixtureTests.lines(ds, name)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(prefix) == true, "\(lines)")
    }

    /// Cuts of the LibreOffice workbook every 251 bytes, and bytes overwritten all through it,
    /// reads without a crash: records, or errors, and never an error with records lost silently.
    @Test func cutsAndDamageNeverCrash() throws {
        let data = try Data(contentsOf: FixtureTests.dir.appendingPathComponent("register-lo.xls"))
        for cut in stride(from: 0, to: data.count, by: 251) {
            let r = XLSReader.read(data.prefix(cut), file: "cut.xls", sheet: "名单")
            #expect(!r.records.isEmpty || r.diagnostics.count == 1, "cut at \(cut)")
        }
        var damaged = [UInt8](data)
        // Densely through the header, FAT and directory, then every 61st byte of the rest.
        let positions = Array(stride(from: 0, to: min(4096, damaged.count), by: 7)) + Array(stride(from: 4096, to: damaged.count, by: 61))
        for i in positions {
            let saved = damaged[i]
            damaged[i] = saved ^ 0xA5
            let r = XLSReader.read(Data(damaged), file: "damaged.xls", sheet: "扩展名单")
            // A damaged row number may move a cell to a row of its own, but every row needs one
            // of the sheet's 804 cells (201 rows × 4 columns).
            #expect(r.records.count <= 804, "byte \(i)")
            #expect(r.diagnostics.count <= 1, "byte \(i)")
            damaged[i] = saved
        }
    }
}

import BriefModel
import Foundation
import Testing

/// Registers written by tools nobody on the project wrote (see Fixtures/make_fixtures.py):
/// every record and every diagnostic is checked.
@Suite struct FixtureTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func load(_ name: String, _ options: LoadOptions = LoadOptions()) -> Dataset {
        DatasetLoader.load([dir.appendingPathComponent(name)], options: options)
    }

    /// Diagnostics as "LINE:COLUMN: severity: message", the file prefix dropped.
    static func lines(_ ds: Dataset, _ name: String) -> [String] {
        let prefix = dir.appendingPathComponent(name).path + ":"
        return ds.diagnostics.map { d in
            let t = d.description
            return t.hasPrefix(prefix) ? String(t.dropFirst(prefix.count)) : t
        }
    }

    struct Row: Equatable, CustomStringConvertible {
        var line: Int, recipient: String, programme: String, level: AwardLevel, year: Int
        var section: String?, division: String?, region: String?, city: String?
        var description: String { "\(line) \(recipient) \(programme) \(level) \(year) \(section ?? "-")\(division ?? "") \(region ?? "-")→\(city ?? "-")" }
        init(_ line: Int, _ recipient: String, _ programme: String, _ level: AwardLevel, _ year: Int,
             _ section: String?, _ division: String?, _ region: String?, _ city: String?) {
            (self.line, self.recipient, self.programme, self.level, self.year) = (line, recipient, programme, level, year)
            (self.section, self.division, self.region, self.city) = (section, division, region, city)
        }
        init(_ r: AwardRecord) {
            self.init(r.source?.line ?? 0, r.recipient, r.programme.id, r.level, r.year, r.sectionCode, r.divisionCode, r.regionCode, r.cityCode)
        }
    }

    static let firstThree = [
        Row(3, "江苏甲科技有限公司", "cqa", .award, 2021, "C", "35", "320500", "320500"),
        Row(4, "乙精密（昆山）有限公司", "jsgqa", .nomination, 2022, "C", nil, "320583", "320500"),
        Row(5, "丙集团股份有限公司", "jsgqa", .nomination, 2014, "C", nil, "320500", "320500"),
    ]

    @Test func gb18030RegisterWithTitleRowAndMessyValues() {
        let ds = Self.load("messy-gb18030.csv")
        #expect(ds.rowsRead == 10)
        #expect(ds.records.map(Row.init) == Self.firstThree + [
            Row(6, "丁电力（南通）有限公司", "mayor", .award, 2019, "D", "44", "320611", "320600"),
            Row(7, "戊医院", "jsgqa", .award, 2020, nil, nil, "320576", "320500"),
            Row(10, "江苏甲科技有限责任公司", "jsgqa", .award, 2021, "C", "35", "320106", "320100"),
            Row(11, "江苏甲科技有限公司", "cqa", .award, 2021, "C", "35", "320500", "320500"),
            Row(12, "辛食品有限公司", "jsgqa", .award, 2023, "C", "14", nil, nil),
        ])
        #expect(ds.records[0].creditCode == "91320000100000000B")
        #expect(ds.records[1].note == "县级市归苏州")
        #expect(Self.lines(ds, "messy-gb18030.csv") == [
            "1:1: warning: file is not valid UTF-8 and was read as GBK (GB 18030); pass --encoding gbk to confirm, or save it as UTF-8",
            "1:1: warning: 1 row above the header (line 2) skipped as titles",
            "2:9: warning: unknown column “联系人” not used; map it with --columns HEADER=COLUMN if it holds register data",
            "6:7: warning: region “320611” is 320611 港闸区, a code retired in 2020 (now 320613 崇川区); counted under 南通市",
            "7:6: warning: sector is empty; the record is counted under 未分类",
            "7:7: warning: region “苏州工业园区” is 320576 苏州工业园区, a statistical zone code not in GB/T 2260; counted under 苏州市",
            "8:7: error: region “鼓楼区” is ambiguous: 320106 鼓楼区（南京市）, 320302 鼓楼区（徐州市）; give the code",
            "9:5: error: year “二〇二〇” is not a year; expected four digits such as 2020",
            "10:2: warning: possible duplicate of line 3: “江苏甲科技有限责任公司” and “江苏甲科技有限公司” differ only in 有限公司/有限责任公司, parentheses or spaces",
            "11:2: warning: duplicate of line 3: “江苏甲科技有限公司” already has 中国质量奖 2021 (award)",
            "12:7: warning: region is empty; the record is counted under 未知地区",
            "12:8: warning: possible duplicate of line 3: credit code 91320000100000000B is registered to both “江苏甲科技有限公司” and “辛食品有限公司”",
        ])
        #expect(ds.diagnostics.map(\.kind) == [.encoding, .header, .header, .region, .sector, .region, .region, .year,
                                               .possibleDuplicate, .duplicate, .region, .possibleDuplicate])
    }

    @Test func gbkGivenExplicitlyHasNoEncodingWarning() {
        let ds = Self.load("messy-gb18030.csv", LoadOptions(encoding: TextEncoding(name: "gbk")))
        #expect(ds.records.count == 8)
        #expect(!ds.diagnostics.contains { $0.kind == .encoding })
    }

    @Test func gb18030ReadAsUTF8IsOneError() {
        let ds = Self.load("messy-gb18030.csv", LoadOptions(encoding: .utf8))
        #expect(ds.records.isEmpty)
        #expect(Self.lines(ds, "messy-gb18030.csv") == ["1:1: error: file is not valid UTF-8 (first bad byte at offset 0); try --encoding gbk"])
    }

    @Test(arguments: ["messy-utf16le.csv", "messy-utf16be.csv"])
    func utf16WithBOM(name: String) {
        let ds = Self.load(name)
        #expect(ds.records.map(Row.init) == Self.firstThree.map { var r = $0; r.line -= 1; return r })
        #expect(Self.lines(ds, name) == ["1:9: warning: unknown column “联系人” not used; map it with --columns HEADER=COLUMN if it holds register data"])
    }

    @Test func mappedColumnWinsOverAnAlias() {
        let ds = Self.load("messy-utf16le.csv", LoadOptions(columnMapping: ["联系人": .note]))
        #expect(ds.records.map(\.note) == ["张三", "李四", nil])
        #expect(Self.lines(ds, "messy-utf16le.csv") == ["1:10: warning: column “备注” repeats note (column 9); the first one is used"])
    }

    @Test func utf8BOMWithQuotedCommaAndNewline() {
        let ds = Self.load("quoted-utf8bom.csv")
        #expect(ds.diagnostics.isEmpty, "\(ds.diagnostics)")
        #expect(ds.records.map(\.recipient) == ["壬公司, 南京分公司", "癸\"质量\"公司"])
        #expect(ds.records.map { $0.source?.line } == [2, 4])
        #expect(ds.records[0].note == "第一行\n第二行")
    }

    @Test func xlsxNamedSheetTitleRowNumbersAndDates() {
        let ds = Self.load("register.xlsx", LoadOptions(sheet: "名单"))
        #expect(ds.rowsRead == 4)
        #expect(ds.records.map(Row.init) == [
            Row(3, "江苏甲科技有限公司", "cqa", .award, 2021, "C", "35", "320500", "320500"),
            Row(4, "乙公司", "jsgqa", .nomination, 2022, "C", "17", "320583", "320500"),
            Row(5, "丙公司", "mayor", .award, 2019, "I", nil, "320200", "320200"),
        ])
        #expect(Self.lines(ds, "register.xlsx") == [
            "1:1: warning: 1 row above the header (line 2) skipped as titles",
            "6:2: error: programme “全国质量奖” is not known; expected 中国质量奖, 江苏省省长质量奖 (formerly 江苏省质量奖), 市长质量奖 (a Jiangsu city's, e.g. 苏州市市长质量奖) or a county-level city's (e.g. 宜兴市市长质量奖), optionally followed by 提名奖; " + ProgrammeCatalog.howToAdd,
        ])
    }

    @Test func xlsxFirstSheetIsACoverPageWithoutARegister() {
        let ds = Self.load("register.xlsx")
        #expect(ds.records.isEmpty)
        #expect(Self.lines(ds, "register.xlsx") == ["1:1: error: missing required columns “recipient”, “programme”, “year”; the header must name the recipient (获奖单位), programme (奖项) and year (年度), or map them with --columns; line 1 reads “本表为获奖名单，请看“名单”工作表” (sheet “说明”; the workbook also has “名单”: choose one with --sheet)"])
    }

    @Test func xlsxUnknownSheetListsTheSheets() {
        let ds = Self.load("register.xlsx", LoadOptions(sheet: "Sheet9"))
        #expect(Self.lines(ds, "register.xlsx") == ["1:1: error: workbook has no sheet “Sheet9”; its sheets are “说明”, “名单”"])
    }

    @Test func xlsxSharedStringsAndRichText() {
        let ds = Self.load("first-sheet.xlsx")
        #expect(ds.diagnostics.isEmpty, "\(ds.diagnostics)")
        #expect(ds.records.map(Row.init) == [Row(2, "甲公司", "cqa", .award, 2016, "C", nil, "320500", "320500")])
    }

    @Test(arguments: [
        ("truncated.xlsx", "1:1: error: workbook is truncated or corrupt: its ZIP directory cannot be read"),
        ("encrypted.xlsx", "1:1: error: workbook is password-protected (encrypted)"),
        ("binary.csv", "1:1: error: file contains NUL bytes at line 1: it is binary, not CSV text"),
        ("workbook-named.csv", "1:1: error: file is a ZIP archive (an .xlsx workbook?), not CSV text"),
    ])
    func brokenFilesAreOneErrorAtLineOne(name: String, prefix: String) {
        let ds = Self.load(name)
        #expect(ds.records.isEmpty)
        let lines = Self.lines(ds, name)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(prefix) == true, "\(lines)")
    }

    @Test func sharedStringOutOfRangeIsAnErrorAtTheCell() {
        let ds = Self.load("bad-shared-strings.xlsx")
        #expect(ds.records.isEmpty)
        #expect(Self.lines(ds, "bad-shared-strings.xlsx").first == "2:2: error: cell B2 refers to shared string 999 but the workbook has 9; the workbook is corrupt")
    }
}

import BriefModel
import Foundation
import Testing

@Suite struct RobustnessTests {
    @Test func emptyFileIsOneError() throws {
        let url = try TempFiles.write("", name: "empty.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.diagnostics.map(\.description) == ["\(url.path):1:1: error: file is empty; expected a header row such as 获奖单位,奖项,年度,地区 or recipient,programme,year,region_code"])
    }

    @Test func fileAboveTheSizeLimitIsRefusedUnread() throws {
        let url = try TempFiles.write(String(repeating: "甲公司,中国质量奖,2020,320500\n", count: 100), name: "big.csv")
        let ds = DatasetLoader.load([url], options: LoadOptions(maxFileSize: 1000))
        #expect(ds.rowsRead == 0)
        #expect(ds.diagnostics.count == 1)
        #expect(ds.diagnostics[0].description.hasPrefix("\(url.path):1:1: error: file is 3800 bytes, above the 1000 bytes limit for one register; it was not read"))
    }

    @Test func rowWithTenThousandColumnsIsOneWarning() throws {
        var text = "recipient,programme,year,region_code\n甲公司,中国质量奖,2020,320500"
        text += String(repeating: ",x", count: 9_996) + "\n"
        let url = try TempFiles.write(text, name: "wide.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.count == 1)
        #expect(ds.diagnostics.map(\.description) == ["\(url.path):2:5: warning: row has 10000 fields but the header has 4; extra fields ignored"])
    }

    @Test func headerWithTenThousandUnknownColumnsIsOneWarning() throws {
        let header = "recipient,programme,year,region_code," + (1...9_996).map { "c\($0)" }.joined(separator: ",")
        let url = try TempFiles.write(header + "\n甲公司,中国质量奖,2020,320500\n", name: "wideheader.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.count == 1)
        #expect(ds.diagnostics.count == 1)
        #expect(ds.diagnostics[0].description.hasPrefix("\(url.path):1:5: warning: unknown columns “c1”, “c2”"))
        #expect(ds.diagnostics[0].message.contains("and 9988 more"))
    }

    @Test func utf16WithoutBOMIsReadWithAWarning() throws {
        let text = "recipient,programme,year,region_code\n甲公司,中国质量奖,2020,苏州\n"
        var data = Data()
        for u in text.utf16 { data.append(UInt8(u & 0xFF)); data.append(UInt8(u >> 8)) }
        let url = try TempFiles.write(data, name: "nobom16.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.map(\.cityCode) == ["320500"])
        #expect(ds.diagnostics.map(\.description) == ["\(url.path):1:1: warning: file has no byte-order mark and was read as UTF-16LE; pass --encoding to confirm"])
    }

    @Test func controlCharactersMeanBinary() throws {
        let url = try TempFiles.write(Data("recipient,programme\n\u{1}\u{2}\u{3}".utf8), name: "ctl.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.diagnostics.map(\.description) == ["\(url.path):2:1: error: file contains control character U+0001 at line 2 when read as UTF-8: it looks binary, not CSV text"])
    }

    @Test func directoryAndOldXlsAreOneErrorEach() throws {
        let dir = TempFiles.directory("d")
        let xls = try TempFiles.write("x", name: "old.xls")
        let ds = DatasetLoader.load([dir, xls])
        #expect(ds.diagnostics.map(\.message) == [
            "is a directory; expected a .csv, .xlsx or .json register",
            "not an Excel 97–2003 workbook: the file does not start with the OLE2 compound-file signature",
        ])
    }

    @Test func missingRegionColumnIsAWarningAndRecordsAreKept() throws {
        let url = try TempFiles.write("单位名称,奖项,获奖年度\n甲公司,中国质量奖,2020年\n", name: "noregion.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.map(\.year) == [2020])
        #expect(ds.records.map(\.cityCode) == [nil])
        #expect(ds.diagnostics.map(\.description) == ["\(url.path):1:1: warning: no region column (地区); every record is counted under 未知地区"])
    }

    @Test func columnsOptionMapsUnusualHeaders() throws {
        let mapping = try LoadOptions.parseColumnMapping("单位=recipient, 届次=year，荣誉=programme\n地=region")
        #expect(mapping == ["单位": .recipient, "届次": .year, "荣誉": .programme, "地": .region])
    }
}

@Suite struct ValueFormTests {
    @Test func badMappingsAreRejected() {
        #expect(throws: LoadOptions.MappingError.self) { try LoadOptions.parseColumnMapping("单位") }
        #expect(throws: LoadOptions.MappingError.self) { try LoadOptions.parseColumnMapping("单位=colour") }
    }

    @Test(arguments: [
        ("获奖组织", RecordColumn.recipient), ("单位名称 *", .recipient), ("姓名", .recipient), ("奖项名称", .programme),
        ("等次", .level), ("获奖年度", .year), ("所属行业", .sector), ("设区市", .region), ("所在地", .region),
        ("统一社会信用代码：", .creditCode), ("ＹＥＡＲ", .year), ("Region Code", .region),
    ])
    func headerAliases(header: String, column: RecordColumn) {
        #expect(RecordColumn.from(header: header) == column)
    }

    @Test(arguments: [
        ("南京市鼓楼区", "320106"), ("徐州鼓楼区", "320302"), ("江苏省苏州市", "320500"), ("江苏省南京市鼓楼区", "320106"),
        ("苏州昆山市", "320583"), ("320571", "320576"), ("昆山", "320583"), ("蘇州市", "320500"), ("南通市港闸区", "320611"),
    ])
    func qualifiedRegionNames(text: String, code: String) {
        #expect(RegionCatalog.resolve(text) == .found(RegionCatalog.region(code: code)!))
    }

    @Test func sectorWithCodeAndName() {
        #expect(SectorCatalog.lookup("C35 专用设备制造业") == .found(section: "C", division: "35", nameMismatch: nil))
        #expect(SectorCatalog.lookup("Ｃ３５专用设备制造业") == .found(section: "C", division: "35", nameMismatch: nil))
        #expect(SectorCatalog.lookup("C 制造业") == .found(section: "C", division: nil, nameMismatch: nil))
        #expect(SectorCatalog.lookup("C35 纺织业") == .found(section: "C", division: "35", nameMismatch: "纺织业"))
        #expect(SectorCatalog.lookup("X99 什么") == .notFound)
    }

    @Test func sectorNameDisagreeingWithCodeIsAWarning() throws {
        let url = try TempFiles.write("recipient,programme,year,region_code,sector\n甲,cqa,2020,320500,C35 纺织业\n", name: "sec.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.map(\.divisionCode) == ["35"])
        #expect(ds.diagnostics.map(\.description) == ["\(url.path):2:5: warning: sector “C35 纺织业”: code 35 is 专用设备制造业, not “纺织业”; the code is used"])
    }

    @Test(arguments: [
        ("2020年度江苏省省长质量奖", "jsgqa", nil), ("第三届中国质量奖提名奖", "cqa", AwardLevel.nomination),
        ("江蘇省省長質量獎", "jsgqa", nil),
    ])
    func programmeWithEditionPrefix(text: String, id: String, level: AwardLevel?) throws {
        let r = try #require(Programme.resolve(text))
        #expect(r.programme.id == id && r.level == level)
    }

    @Test func yearForms() throws {
        let url = try TempFiles.write(
            "recipient,programme,year,region_code\n甲,cqa,2020年,320500\n乙,cqa,2021.0,320500\n丙,cqa,2019-11-08,320500\n丁,cqa,2018/5/1,320500\n戊,cqa,20200,320500\n",
            name: "years.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.map(\.year) == [2020, 2021, 2019, 2018])
        #expect(ds.diagnostics.map(\.description) == ["\(url.path):6:3: error: year “20200” is not a year; expected four digits such as 2020"])
    }

    @Test func possibleDuplicatesByParenthesesAndSpaces() throws {
        let url = try TempFiles.write(
            "recipient,programme,year,region_code\n甲科技（苏州）有限公司,cqa,2020,320500\n甲科技 苏州 有限责任公司,jsgqa,2021,320500\n",
            name: "pd.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.count == 2)
        #expect(ds.diagnostics.map(\.kind) == [.possibleDuplicate])
        #expect(ds.diagnostics.first?.description.hasPrefix("\(url.path):3:1: warning: possible duplicate of line 2") == true)
    }
}

@testable import BriefModel
import Foundation
import Testing
import ZIPFoundation

/// Issue 16: inputs that crashed, hung or lost rows without a word. Each builds its own small
/// input (big ones are generated here, never committed) and ends in a located finding. The same
/// inputs are seeds of the fuzz corpus (Fuzz/make_seeds.py).
@Suite struct ReaderHardeningTests {
    static let header = "recipient,programme,year,region_code,note\n"

    static func lines(_ ds: Dataset) -> [String] {
        ds.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    }

    // MARK: CSV

    /// A UTF-8 CSV of 4 MB or more without a region column trapped in the columnar reader.
    @Test func largeCSVWithoutRegionColumn() throws {
        var text = "recipient,programme,year\n"
        let rows = 70_000
        for i in 0..<rows { text += "测试质量有限公司第\(i)号分公司,中国质量奖,2021\n" }
        #expect(text.utf8.count >= 4 << 20)
        let url = try TempFiles.write(text, name: "big-no-region.csv")
        let c = DatasetLoader.loadColumns([url])
        #expect(c.rowsRead == rows)
        #expect(c.count == rows)
        #expect(c.diagnostics.contains { $0.location.line == 1 && $0.message.hasPrefix("no region column (地区)") }, "\(c.diagnostics.prefix(3))")
    }

    /// A register truncated by another program while it is read: the columnar reader reads it
    /// window by window with pread (a mapped page past the new end would kill the process with
    /// SIGBUS), so the read just ends early: the rows read before the cut are kept, whole.
    @Test func registerTruncatedWhileBeingRead() throws {
        let row = "甲公司,中国质量奖,2020,320500,\n"
        let text = Self.header + String(repeating: row, count: 20_000)
        let url = try TempFiles.write(text, name: "shrinking.csv")
        let source = try #require(RegisterBytes(path: url.path))
        #expect(source.count == text.utf8.count)
        var windows = 0, rows = 0
        // The file is cut to its header and 1 000 rows after the first window was read.
        let kept = Self.header.utf8.count + 1000 * row.utf8.count
        let end = source.scanWindows(from: 0, to: source.count, window: 4096, firstLine: 1) { bytes, line, atFileEnd in
            windows += 1
            if windows == 1 { #expect(truncate(url.path, off_t(kept)) == 0) }
            return CSVReader.scan(bytes, from: 0, firstLine: line, atFileEnd: atFileEnd) { _, _, _ in
                rows += 1
                return true
            }
        }
        #expect(windows >= kept / 4096)
        #expect(rows == 1001)
        #expect(end?.offset == kept)
        #expect(end?.atRecordStart == true)
        // Read again once cut to nothing: an empty file, said so.
        #expect(truncate(url.path, 0) == 0)
        #expect(source.bytes(at: 0, count: 100).isEmpty)
        let c = DatasetLoader.loadColumns([url])
        #expect(c.rowsRead == 0)
        #expect(c.diagnostics.map(\.message) == ["file is empty; expected a header row such as 获奖单位,奖项,年度,地区 or recipient,programme,year,region_code"])
    }

    /// A quote in a note that swallows the next lines (5 rows in, 2 read) is a warning at the
    /// opening quote naming the lines it took, in both readers.
    @Test func strayQuoteSwallowingRecordsIsAWarning() throws {
        let text = Self.header + """
        甲公司,中国质量奖,2020,320500,"说明
        乙公司,中国质量奖,2021,320500,
        丙公司,中国质量奖,2021,320200,"
        丁公司,中国质量奖,2022,320100,
        戊公司,中国质量奖,2022,320100,

        """
        let url = try TempFiles.write(text, name: "stray.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.rowsRead == 3)
        let expected = "2:23: warning: quoted field opened here runs to line 4 and takes lines 3–4 into one field, though they hold commas and read like records; check for a stray \" (those lines were not read as records)"
        #expect(Self.lines(ds).first == expected, "\(Self.lines(ds))")
        let c = DatasetLoader.loadColumns([url])
        #expect(c.rowsRead == 3)
        #expect(c.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }.first == expected)
    }

    /// A year written 2020.5 was read as 2020; it is an error now (2020.5.1 is still a date).
    @Test func fractionalYearIsAnError() throws {
        let url = try TempFiles.write(Self.header + "甲公司,中国质量奖,2020.5,320500,\n乙公司,中国质量奖,2020.5.1,320500,\n", name: "frac.csv")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.map(\.recipient) == ["乙公司"])
        #expect(Self.lines(ds) == ["2:3: error: year “2020.5” is not a year; expected four digits such as 2020"])
    }

    /// An invalid GBK byte is reported where it is, not at column 1.
    @Test func invalidGBKByteIsLocatedAtItsColumn() throws {
        var data = Data("recipient,programme,year,region_code\n".utf8)
        // 甲公司,中国质量奖,2020, in GBK.
        data += Data([0xBC, 0xD7, 0xB9, 0xAB, 0xCB, 0xBE, 0x2C, 0xD6, 0xD0, 0xB9, 0xFA, 0xD6, 0xCA, 0xC1, 0xBF, 0xBD, 0xB1]) + Data(",2020,".utf8)
        data += Data([0xFF, 0x41, 0x0A])
        let url = try TempFiles.write(data, name: "gbk.csv")
        let ds = DatasetLoader.load([url], options: LoadOptions(encoding: .gb18030))
        #expect(Self.lines(ds) == ["2:16: error: file is not valid GBK/GB 18030 text: byte 0xFF at offset 60 starts no GBK character; try --encoding utf8"])
    }

    /// A value with a line break keeps the message on one line (escaped as \n).
    @Test func newlineInAValueKeepsOneLineMessages() throws {
        let url = try TempFiles.write(Self.header + "甲公司,中国质量奖,\"二〇\n二〇\",320500,\n", name: "nl.csv")
        let ds = DatasetLoader.load([url])
        let d = try #require(ds.diagnostics.first)
        #expect(d.message == "year “二〇\n二〇” is not a year; expected four digits such as 2020")
        #expect(d.description.hasSuffix("nl.csv:2:3: error: year “二〇\\n二〇” is not a year; expected four digits such as 2020"), "\(d.description)")
        #expect(Diagnostic.oneLine("a\nb\r\tc\u{1B}") == "a\\nb\\r\\tc\\u{1B}")
    }

    // MARK: JSON

    @Test func jsonNULInANameIsRejectedAtTheRecord() throws {
        let url = try TempFiles.write("[\n{\"recipient\": \"甲公司\", \"programme\": \"cqa\", \"year\": 2020},\n{\"recipient\": \"乙\\u0000公司\", \"programme\": \"cqa\", \"year\": 2020}\n]", name: "nul.json")
        let ds = DatasetLoader.load([url])
        #expect(ds.records.map(\.recipient) == ["甲公司"])
        #expect(Self.lines(ds).contains("3:15: error: record 2: “recipient” contains control character U+0000; the record was left out"), "\(Self.lines(ds))")
    }

    @Test func jsonDuplicateKeysAreErrors() throws {
        let twoYears = try TempFiles.write("[{\"recipient\": \"甲\", \"programme\": \"cqa\", \"year\": 2020,\n  \"year\": 2021, \"region_code\": \"320500\"}]", name: "y.json")
        #expect(Self.lines(DatasetLoader.load([twoYears])) == ["2:3: error: record 1: key “year” appears twice (first at 1:41); the record was left out"])

        let twoLists = try TempFiles.write("{\"records\": [{\"recipient\": \"甲\", \"programme\": \"cqa\", \"year\": 2020}],\n \"records\": []}", name: "r.json")
        let ds = DatasetLoader.load([twoLists])
        #expect(ds.rowsRead == 0)
        #expect(Self.lines(ds) == ["2:2: error: key “records” appears again (first at 1:2); which list is the register is unclear, so none was read"])

        let disagree = try TempFiles.write("[{\"recipient\": \"甲\", \"programme\": \"cqa\", \"year\": 2020, \"region_code\": \"320500\", \"地区\": \"南京市\"}]", name: "d.json")
        let dd = DatasetLoader.load([disagree])
        #expect(dd.records.isEmpty)
        #expect(Self.lines(dd) == ["1:80: error: record 1: “地区” (“南京市”) and “region_code” (1:55, “320500”) both give region_code and disagree; the record was left out"])
    }

    /// Syntax errors point at the byte, not 1:6 whatever record they are in.
    @Test func jsonErrorsAreLocatedAtTheByte() throws {
        let url = try TempFiles.write("[\n {\"recipient\": \"甲\", \"year\": 2020},\n {\"recipient\": \"乙\", \"year\": 20x1}\n]", name: "bad.json")
        #expect(Self.lines(DatasetLoader.load([url])) == ["3:31: error: not valid JSON: unexpected character “x”; expected “,” or “}”; expected an array of records or {\"records\": [...]}"])
        let deep = try TempFiles.write(String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000), name: "deep.json")
        #expect(Self.lines(DatasetLoader.load([deep])) == ["1:65: error: not valid JSON: arrays and objects nest more than 64 levels deep, the limit; expected an array of records or {\"records\": [...]}"])
        let frac = try TempFiles.write("[{\"recipient\": \"甲\", \"programme\": \"cqa\", \"year\": 2020.5, \"region_code\": \"320500\"}]", name: "f.json")
        #expect(Self.lines(DatasetLoader.load([frac])) == ["1:1: error: year “2020.5” is not a year; expected four digits such as 2020"].map { $0.replacingOccurrences(of: "1:1:", with: "1:\(RecordColumn.year.ordinal):") })
    }

    // MARK: --per

    @Test func denominatorFileRejectsNaNAndInfinity() throws {
        let (values, diags) = DenominatorFile.parse(Data("code,value\n320500,125000\n320100,NaN\n320200,inf\n320300,-5\n320400,十\n".utf8), file: "per.csv")
        #expect(values == ["320500": 125000])
        #expect(diags.map { "\($0.location.line):\($0.location.column): \($0.message)" } == [
            "3:2: value “NaN” is not a number; expected a count from 0 to 10^15",
            "4:2: value “inf” is infinite; expected a count from 0 to 10^15",
            "5:2: value “-5” is negative; expected a count from 0 to 10^15",
            "6:2: value “十” is not a number; expected a count such as 12500",
        ])
    }

    // MARK: XLSX

    /// A workbook with the given worksheet XML (and shared strings), stored or deflated.
    static func workbook(sheet: String, strings: String? = nil, compress: Bool = false) throws -> Data {
        try workbook(sheetBytes: Data(sheet.utf8), strings: strings, compress: compress)
    }

    static func workbook(sheetBytes: Data, strings: String? = nil, compress: Bool = false) throws -> Data {
        let url = TempFiles.directory("xlsx").appendingPathComponent("w.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        var parts: [(String, Data)] = [
            ("xl/workbook.xml", Data(#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/sheet1.xml", sheetBytes),
        ]
        if let strings { parts.append(("xl/sharedStrings.xml", Data(strings.utf8))) }
        for (name, data) in parts {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compress ? .deflate : .none,
                                 provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return try Data(contentsOf: url)
    }

    static func sheet(_ rows: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>recipient</t></is></c><c r="B1" t="inlineStr"><is><t>programme</t></is></c><c r="C1" t="inlineStr"><is><t>year</t></is></c><c r="D1" t="inlineStr"><is><t>region_code</t></is></c></row>"#
            + rows + "</sheetData></worksheet>"
    }

    static func row(_ r: String, _ name: String = "甲公司", extra: String = "") -> String {
        #"<row r="\#(r)"><c t="inlineStr"><is><t>\#(name)</t></is></c><c t="inlineStr"><is><t>cqa</t></is></c><c><v>2020</v></c><c><v>320500</v></c>\#(extra)</row>"#
    }

    static func read(_ data: Data) -> (records: [CSVRecord], lines: [String]) {
        let (records, diags, _) = XLSXReader.read(data, file: "w.xlsx", sheet: nil)
        return (records, diags.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" })
    }

    @Test func xlsxRowNumberBeyondExcelIsAnError() throws {
        let r = Self.read(try Self.workbook(sheet: Self.sheet(Self.row("2") + Self.row("2147483647", "乙公司") + Self.row("3", "丙公司"))))
        #expect(r.records.map(\.line) == [1, 2, 3])
        #expect(r.lines == ["2:1: error: row number 2147483647 (after row 2) is outside Excel's 1…1048576; the row was not read"])
    }

    @Test func xlsxProcessingInstructionInACellIsIgnored() throws {
        let r = Self.read(try Self.workbook(sheet: Self.sheet(Self.row("2", "甲<?pi data?>公司"))))
        #expect(r.records.last?.fields.first == "甲公司")
        #expect(r.lines == ["1:1: warning: workbook part xl/worksheets/sheet1.xml holds 1 processing instruction (<?…?>), which Excel never writes; it was ignored"])
        // One that opens the part like an XML declaration, without being one.
        let body = Self.sheet(Self.row("2")).replacingOccurrences(of: #"<?xml version="1.0" encoding="UTF-8"?>"#, with: "<?xml-stylesheet href=\"a.xsl\"?>")
        let r2 = Self.read(try Self.workbook(sheet: body))
        #expect(r2.records.count == 2)
        #expect(r2.lines == r.lines)
        // Found by fuzzing: a declaration never closed, so that its “end” was the `?>` of an
        // instruction in a cell, which then reached the XML parser (a segfault in Foundation).
        let unclosed = Self.sheet(Self.row("2", "甲<?x?>公司")).replacingOccurrences(of: #"encoding="UTF-8"?>"#, with: #"encoding="UTF-8""#)
        let r3 = Self.read(try Self.workbook(sheet: unclosed))
        #expect(r3.records.isEmpty)
        #expect(r3.lines == ["1:1: warning: workbook part xl/worksheets/sheet1.xml holds 1 processing instruction (<?…?>), which Excel never writes; it was ignored",
                             "1:1: error: workbook is corrupt: worksheet xl/worksheets/sheet1.xml is not well-formed XML (after row 0); rows read so far are kept"])
    }

    @Test func xlsxInvalidUTF8AndEntitiesAreRefused() throws {
        // An element name starting with byte 0xFF (not UTF-8) in row 2.
        var sheet = Data(Self.sheet(Self.row("2", "AAAA")).utf8)
        let at = try #require(sheet.range(of: Data("<is><t>AAAA".utf8)))
        sheet[at.lowerBound + 1] = 0xFF
        let r = Self.read(try Self.workbook(sheetBytes: sheet))
        #expect(r.records.isEmpty)
        #expect(r.lines.count == 1 && r.lines[0].hasPrefix("1:1: error: workbook is corrupt: part xl/worksheets/sheet1.xml is not valid UTF-8 (byte "), "\(r.lines)")
    }

    @Test func xlsxDoctypeIsRefused() throws {
        let r = Self.read(try Self.workbook(sheet: #"<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>"# + Self.sheet(Self.row("2", "&a;"))))
        #expect(r.records.isEmpty)
        #expect(r.lines == ["1:1: error: workbook part xl/worksheets/sheet1.xml declares a document type or entities (line 1), which Excel never writes; it was not read"])
    }

    @Test func xlsxCentralDirectoryOutsideTheFileIsCorrupt() throws {
        var data = try Self.workbook(sheet: Self.sheet(Self.row("2")))
        // The end-of-directory record's directory offset (bytes 16–19) pointed far away.
        let eocd = data.count - 22
        #expect(data[eocd] == 0x50 && data[eocd + 1] == 0x4B && data[eocd + 2] == 0x05)
        data[eocd + 16] = 0xF0; data[eocd + 17] = 0xFF; data[eocd + 18] = 0xFF; data[eocd + 19] = 0x7F
        let r = Self.read(data)
        #expect(r.lines.count == 1 && r.lines[0].hasPrefix("1:1: error: workbook is truncated or corrupt: its ZIP directory points outside the file"), "\(r.lines)")
        // A local header offset past the end.
        var data2 = try Self.workbook(sheet: Self.sheet(Self.row("2")))
        let cd = try #require(data2.range(of: Data([0x50, 0x4B, 0x01, 0x02])))
        data2[cd.lowerBound + 42] = 0xFF; data2[cd.lowerBound + 43] = 0xFF; data2[cd.lowerBound + 44] = 0xFF; data2[cd.lowerBound + 45] = 0x00
        let r2 = Self.read(data2)
        #expect(r2.lines.count == 1 && r2.lines[0].contains("has no local header where the directory says"), "\(r2.lines)")
    }

    /// A part that inflates far beyond its compressed size is refused by its inflated bytes,
    /// whatever the header says.
    @Test func xlsxZipBombIsRefused() throws {
        let rows = String(repeating: Self.row("2"), count: 1) + String(repeating: "<row r=\"3\"></row>", count: 1_500_000)
        var data = try Self.workbook(sheet: Self.sheet(rows), compress: true)
        // Claim a small uncompressed size in the central directory (offset 24 of the entry).
        var search = data.startIndex
        while let cd = data.range(of: Data([0x50, 0x4B, 0x01, 0x02]), in: search..<data.endIndex) {
            data[cd.lowerBound + 24] = 0x10; data[cd.lowerBound + 25] = 0; data[cd.lowerBound + 26] = 0; data[cd.lowerBound + 27] = 0
            search = cd.upperBound
        }
        let started = Date()
        let r = Self.read(data)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(r.records.isEmpty)
        #expect(r.lines.count == 1 && r.lines[0].contains("inflates to more than 100 times its compressed size"), "\(r.lines)")
    }

    /// A deflate stream without a final block ends in a message, not a hang.
    @Test func xlsxInflateStreamThatNeverEnds() throws {
        var data = try Self.workbook(sheet: Self.sheet(Self.row("2")), compress: true)
        let archive = try XLSXArchive(data)
        let e = try #require(archive.entries["xl/worksheets/sheet1.xml"])
        // A non-final stored block of 5 bytes, repeated over the entry's compressed bytes.
        let block: [UInt8] = [0x00, 0x05, 0x00, 0xFA, 0xFF, 0x3C, 0x3C, 0x3C, 0x3C, 0x3C]
        for k in 0..<(e.compressedSize / block.count * block.count) { data[e.dataStart + k] = block[k % block.count] }
        let started = Date()
        let r = Self.read(data)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(r.lines.count == 1 && r.lines[0].contains("workbook is truncated or corrupt"), "\(r.lines)")
    }

    /// A 9 MB shared string referenced 4,000 times: cut to Excel's cell limit, and the sheet
    /// stops at 64 MB of cell text.
    @Test func xlsxHugeSharedStringReferencedManyTimes() throws {
        let big = String(repeating: "a", count: 9 << 20)
        let strings = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>\#(big)</t></si></sst>"#
        let rows = (2..<4002).map { #"<row r="\#($0)"><c t="s"><v>0</v></c><c t="inlineStr"><is><t>cqa</t></is></c><c><v>2020</v></c></row>"# }.joined()
        let started = Date()
        let r = Self.read(try Self.workbook(sheet: Self.sheet(rows), strings: strings, compress: true))
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(r.records.count < 2100)
        #expect(r.lines.first == "2:1: warning: cell A2 holds more than 32767 characters (Excel's limit for a cell); its text was cut there")
        #expect(r.lines.last?.contains("error: worksheet holds more than 16777216 cells or 64 MB of cell text, the limits for one sheet; reading stopped at row") == true, "\(r.lines.suffix(1))")
        #expect(r.records.last?.fields.first?.count == 32_767)
    }

    /// Cells at XFD (column 16 384) no longer pad every row to 16 384 fields.
    @Test func xlsxFarRightCellsAreIgnoredWithOneWarning() throws {
        let rows = (2..<2002).map { Self.row(String($0), extra: #"<c r="XFD\#($0)"><v>1</v></c>"#) }.joined()
        let r = Self.read(try Self.workbook(sheet: Self.sheet(rows), compress: true))
        #expect(r.records.count == 2001)
        #expect(r.records.allSatisfy { $0.fields.count <= 4 })
        #expect(r.lines == ["2:16384: warning: cell XFD2 is beyond column AMJ (1024), where reading stops; cells that far right are ignored"])
    }
}

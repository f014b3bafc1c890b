import Foundation
import Testing
import TestSupport
@testable import BriefModel

/// Reading a file's rows in concurrent chunks must give exactly what one pass gives: the same
/// rows in the same order, codes, spellings, lines, kept diagnostics (caps crossing chunks
/// included), counts, and duplicates reported against their first line in file order.
@Suite struct ColumnarChunkTests {
    /// A register of `rows` rows with a bit of everything every few rows.
    static func register(rows: Int, crlf: Bool = false, quotedNewlineAt: Int? = nil) -> String {
        let regions = ["320500", "320100", "苏州", "昆山市", "320611", "鼓楼区", "999999", "", "江苏省", "320576"]
        let sectors = ["C", "C35", "制造业", "", "Z9", "C35 专用设备制造业", "I"]
        let programmes = ["中国质量奖", "江苏省省长质量奖", "市长质量奖", "江苏省质量奖", "江苏省省长质量奖提名奖", "某某奖"]
        var lines = ["id,recipient,recipient_type,programme,year,sector_code,region_code,credit_code,note"]
        for i in 0..<rows {
            let prefix = "91320500MA1M" + String(format: "%05d", i % 997)
            let right = CreditCode.checkCharacter(for: prefix)!
            var credit = prefix + (i % 3 == 0 ? String(right) : (right == "0" ? "1" : "0"))
            var type = "organization"
            if i % 17 == 0 { type = "individual"; credit = "320700********\(String(format: "%04d", i % 10000))" }
            if i % 23 == 0 { credit = "123" }
            // Names repeat (duplicates across chunks), some quoted with commas, some in other forms.
            var name = "公司\(i % 211)有限公司"
            if i % 29 == 0 { name = "\"公司\(i % 211)有限公司, 分部\"" }
            if i % 31 == 0 { name = "（公司\(i % 211)）有限公司 " }
            if i % 19 == 0 { name = "公司\(i % 211)有限责任公司" }
            if i % 67 == 0 { name = "公司\(i % 211) 有限责任公司" }
            if i % 37 == 0 { name = "" }
            let year = i % 41 == 0 ? "20x0" : (i % 43 == 0 ? "２０２１" : String(2012 + i % 12))
            var note = i % 13 == 0 ? "\"备注, \"\"引号\"\"\"" : ""
            if i == quotedNewlineAt { note = "\"第一行\n第二行\n第三行\"" }
            var row = "\(i + 1),\(name),\(type),\(programmes[i % programmes.count]),\(year),\(sectors[i % sectors.count]),\(regions[i % regions.count]),\(credit),\(note)"
            if i % 53 == 0 { row += ",extra" }
            lines.append(row)
            if i % 47 == 0 { lines.append("") }
            if i % 59 == 0 { lines.append(" , ,,,,,,,") }
        }
        return lines.joined(separator: crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n")
    }

    static func write(_ text: String) throws -> URL {
        let u = scratchDirectory.appendingPathComponent("chunks-\(UUID().uuidString).csv")
        try text.write(to: u, atomically: true, encoding: .utf8)
        return u
    }

    static func expectSame(_ a: ColumnarRegister, _ b: ColumnarRegister, _ label: String) {
        #expect(a.count == b.count, "\(label)")
        #expect(a.rowsRead == b.rowsRead, "\(label)")
        #expect(a.programme == b.programme, "\(label)")
        #expect(a.level == b.level, "\(label)")
        #expect(a.recipientType == b.recipientType, "\(label)")
        #expect(a.year == b.year, "\(label)")
        for (x, y) in [(a.section, b.section), (a.division, b.division), (a.region, b.region), (a.city, b.city)] {
            #expect(x.codes == y.codes, "\(label)")
            #expect(x.values == y.values, "\(label)")
        }
        #expect(a.recipient == b.recipient, "\(label)")
        #expect(a.recipientNameID == b.recipientNameID, "\(label)")
        #expect(a.recipientNameCount == b.recipientNameCount, "\(label)")
        #expect(a.recipientSpellingCount == b.recipientSpellingCount, "\(label)")
        #expect((0..<a.recipientSpellingCount).map { a.recipientName(spelling: $0) }
                == (0..<b.recipientSpellingCount).map { b.recipientName(spelling: $0) }, "\(label)")
        #expect(a.line == b.line, "\(label)")
        #expect(a.diagnostics == b.diagnostics, "\(label)")
        #expect(a.suppressed == b.suppressed, "\(label)")
        #expect(a.errorCount == b.errorCount, "\(label)")
        #expect(a.warningCount == b.warningCount, "\(label)")
        #expect(a.summary == b.summary, "\(label)")
    }

    @Test(arguments: [false, true])
    func chunkedReadMatchesOnePass(crlf: Bool) throws {
        // 2 600 rows: more than the cap of one kind (credit code check character) overall.
        let u = try Self.write(Self.register(rows: 2600, crlf: crlf))
        let one = DatasetLoader.loadColumns([u], chunks: 1, parallelMinimum: 0)
        #expect(one.count > 1000)
        #expect(!one.suppressed.isEmpty)
        #expect(one.diagnostics.contains { $0.kind == .duplicate })
        for chunks in [2, 3, 5] {
            let many = DatasetLoader.loadColumns([u], chunks: chunks, parallelMinimum: 0)
            Self.expectSame(one, many, "\(chunks) chunks, crlf \(crlf)")
        }
        // Two files: lines, duplicates and caps carry across them.
        let u2 = try Self.write(Self.register(rows: 700))
        Self.expectSame(DatasetLoader.loadColumns([u, u2], chunks: 1, parallelMinimum: 0),
                        DatasetLoader.loadColumns([u, u2], chunks: 4, parallelMinimum: 0), "two files")
    }

    /// Reading a file window by window gives what one window over the whole file gives,
    /// whatever the window's size: windows then end inside quoted fields, between CR and LF,
    /// inside a UTF-8 sequence, and records longer than a window make it grow. The file ends
    /// in an unclosed quote, which must be reported at its line and column either way.
    @Test(arguments: [false, true])
    func windowedReadMatchesOneWindow(crlf: Bool) throws {
        let text = "\u{FEFF}" + Self.register(rows: 300, crlf: crlf, quotedNewlineAt: 150) + "丙公司,市长质量奖,2021,320500,,,\"未完"
        let u = try Self.write(text)
        let whole = DatasetLoader.loadColumns([u], options: LoadOptions(), chunks: 1, parallelMinimum: 0, window: 1 << 22)
        #expect(whole.count > 150)
        #expect(whole.diagnostics.contains { $0.message.hasPrefix("quoted field is never closed") && $0.location.line > 300 })
        for window in [1, 2, 3, 7, 16, 61, 100, 257, 1000, 4096] {
            Self.expectSame(whole, DatasetLoader.loadColumns([u], options: LoadOptions(), chunks: 1, parallelMinimum: 0, window: window),
                            "window \(window), crlf \(crlf)")
            Self.expectSame(whole, DatasetLoader.loadColumns([u], options: LoadOptions(), chunks: 3, parallelMinimum: 0, window: window),
                            "3 chunks, window \(window), crlf \(crlf)")
        }
    }

    @Test func duplicateNamesTheFirstLineInFileOrder() throws {
        // The first occurrence is in the first chunk, its repeats in the last.
        var text = "recipient,programme,year,region_code\n甲公司,市长质量奖,2020,320500\n"
        for i in 0..<400 { text += "公司\(i),市长质量奖,2020,320500\n" }
        text += "甲公司,市长质量奖,2020,320500\n甲公司,市长质量奖,2020,320500\n"
        let u = try Self.write(text)
        let one = DatasetLoader.loadColumns([u], chunks: 1, parallelMinimum: 0)
        let many = DatasetLoader.loadColumns([u], chunks: 4, parallelMinimum: 0)
        Self.expectSame(one, many, "duplicates")
        let dups = many.diagnostics.filter { $0.kind == .duplicate }
        #expect(dups.map(\.location.line) == [403, 404])
        #expect(dups.allSatisfy { $0.message.hasPrefix("duplicate of line 2:") })
    }

    @Test func cutsInsideQuotesFallBackToOnePass() throws {
        // A quoted field with newlines somewhere in every chunk's cut region: wherever a cut
        // lands inside it, the result is still the one-pass result.
        for at in stride(from: 100, to: 2400, by: 230) {
            let u = try Self.write(Self.register(rows: 2500, quotedNewlineAt: at))
            let one = DatasetLoader.loadColumns([u], chunks: 1, parallelMinimum: 0)
            for chunks in [2, 3, 7] {
                Self.expectSame(one, DatasetLoader.loadColumns([u], chunks: chunks, parallelMinimum: 0), "quoted newline at \(at), \(chunks) chunks")
            }
        }
        // A cut that must land inside quotes: one huge quoted field spanning the middle.
        let big = "recipient,programme,year,region_code,note\n甲,市长质量奖,2020,320500,\"" + String(repeating: "x\n", count: 5000) + "\"\n乙,市长质量奖,2021,320500,\n"
        let u = try Self.write(big)
        let one = DatasetLoader.loadColumns([u], chunks: 1, parallelMinimum: 0)
        #expect(one.count == 2)
        #expect(one.line == [2, 5003])
        Self.expectSame(one, DatasetLoader.loadColumns([u], chunks: 2, parallelMinimum: 0), "huge quoted field")
    }

    @Test func byteShortcutsAgreeWithTheStringForms() {
        // Display names: the byte shortcut or TextNormalizer.name, the same text either way.
        let names = ["甲公司", " 甲公司", "甲公司 ", "\u{3000}甲公司", "甲公司\u{3000}", "\u{FEFF}甲", "甲(乙)", "甲（乙）",
                     "\t甲\r\n", "甲\r\n", "a\u{301}", " \u{301}甲", "甲 \u{301}", "", " ", "(", "ABC 公司", "é"]
        for n in names {
            let shortcut = Array(n.utf8).withUnsafeBufferPointer { ColumnarLoader.displayName($0) }
            #expect(shortcut == TextNormalizer.name(n), "\(n.debugDescription)")
        }
        // Loose forms (one implementation for both readers), worked out by hand.
        let keys = ["江苏甲科技有限责任公司": "江苏甲科技有限公司", "江苏甲科技有限公司": "江苏甲科技有限公司", "甲（苏州）有限责任公司": "甲苏州有限公司",
                    "甲[乙]·丙-丁_戊\"己\"'庚'": "甲乙丙丁戊己庚", "有限责任公司有限责任公司": "有限公司有限公司", "有限责(任公司": "有限公司",
                    "有限有限责任公司": "有限有限公司", "甲，乙、丙“丁”—戊": "甲乙丙丁戊", "有限责任公": "有限责任公", "责任": "责任", "": "",
                    "甲【乙】.丙,丁": "甲乙丙丁"]
        for (k, loose) in keys {
            #expect(String(decoding: ColumnarLoader.looseKey(Array(k.utf8)), as: UTF8.self) == loose, "\(k)")
        }
        // The credit check character over bytes agrees with CreditCode.
        let alphabet = Array(CreditCode.alphabet)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let prefix = String((0..<17).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
            let right = CreditCode.checkCharacter(for: prefix)!
            let last = Bool.random(using: &rng) ? right : alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
            var packed = PackedCode.none
            let r = Array((prefix + String(last)).utf8).withUnsafeBufferPointer { ColumnarLoader.fastCreditCheck($0, packed: &packed) }
            #expect(r != nil)
            if let (expected, found) = r {
                #expect(expected == 0 ? last == right : Character(Unicode.Scalar(expected)) == right && Character(Unicode.Scalar(found)) == last)
            }
            #expect(packed.text == prefix + String(last))
        }
    }

    @Test func onePassAgreesWithTheRecordPath() throws {
        let u = try Self.write(Self.register(rows: 600))
        let ds = DatasetLoader.load([u])
        let cols = DatasetLoader.loadColumns([u], chunks: 3, parallelMinimum: 0)
        #expect(cols.count == ds.records.count)
        #expect(cols.rowsRead == ds.rowsRead)
        #expect(cols.suppressed.isEmpty)
        #expect(cols.diagnostics.map(\.description).sorted() == ds.diagnostics.map(\.description).sorted())
        #expect(cols.diagnostics.contains { $0.kind == .possibleDuplicate && $0.message.contains("differ only") })
    }
}

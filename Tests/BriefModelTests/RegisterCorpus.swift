import Foundation
@testable import BriefModel

/// SplitMix64: a small seeded generator, so a corpus is the same on every run and machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}

/// One generated register: its files (name and bytes, in load order) and the `--columns`
/// mapping it needs.
struct GeneratedRegister {
    var files: [(name: String, data: Data)]
    var mapping: [String: RecordColumn]
    var seed: UInt64
}

/// Writes messy registers the way real ones come: headers taken from the aliases (any order,
/// decorated), title rows above them, `--columns` mappings for headers no alias knows, unknown
/// and repeated columns, missing optional (and now and then required) columns, trailing empty
/// and extra fields, blank rows, quoted commas, quotes and newlines, CRLF, a BOM, GBK, and the
/// values the readers' rules are about: blank recipients, every form of year, credit codes with
/// bad check characters or lengths, masked identity numbers, ambiguous, retired, statistical,
/// provincial and out-of-province regions, sectors by code and name, exact duplicates (also
/// across files), names that differ only in 有限公司/有限责任公司, parentheses or spaces, and one
/// credit code under two names.
enum RegisterCorpus {
    static let names = ["江苏甲科技有限公司", "苏州乙精密机械有限公司", "无锡丙电子股份有限公司", "南通丁建设集团有限公司", "常州戊新材料有限公司",
                        "徐州己重工有限公司", "扬州庚食品有限公司", "盐城辛汽车有限公司", "泰州壬医药有限公司", "宿迁癸纺织有限公司",
                        "张三", "李四", "蘇州甲電子有限公司", "ABC Electronics (Suzhou) Co., Ltd.", "淮安子物流有限公司"]
    static let nameTraps = ["", " ", "\u{3000}", " 江苏甲科技有限公司 ", "江苏甲科技有限责任公司", "江苏甲科技 有限公司", "江苏甲（苏州）科技有限公司",
                            "江苏甲(苏州)科技有限公司", "江苏甲[苏州]科技有限公司", "江苏甲·科技有限公司", "江苏甲—科技有限公司", "江苏甲“科技”有限公司",
                            "江苏甲，科技有限公司", "苏州乙精密机械有限责任公司", "ｘｙｚ公司", "xyz公司", "XYZ公司", "\u{FEFF}甲公司", "甲公司\t",
                            "公司, 分部", "名称含\"引号\"公司", "第一行\n第二行公司", "𠀀字公司", "a\u{301}公司", "责任公司", "有限责任公司"]
    static let programmes = ["中国质量奖", "江苏省省长质量奖", "江苏省质量奖", "市长质量奖", "江苏省省长质量奖提名奖", "中国质量奖提名奖",
                             "苏州市市长质量奖", "某某奖", "", " 中国质量奖 ", "china quality award"]
    static let levels = ["award", "nomination", "获奖", "提名奖", "提名", "", "奖", "bad", " 提名奖 "]
    static let years = ["2020", "2021", "2016", "2013", "２０２１", "2020年", "2020年度", "2020.0", "2020-05-01", "2020/5/1", "2020.5.1",
                        "2020年5月", "2020.5", "20x0", "", " 2019 ", "1999", "2099", "二〇二〇", "2020 ", "02020"]
    static let sectors = ["C", "C35", "制造业", "", "Z9", "7020", "物业管理", "K7020", "C35 专用设备制造业", "C17 农副食品加工业", "I", " ", "651", "未知行业"]
    static let regions = ["320500", "320100", "苏州", "苏州市", "蘇州市", "昆山市", "320611", "320684", "鼓楼区", "999999", "", "江苏省",
                          "320000", "320576", "110000", "北京市", "330100", "宜兴市", " 320200 ", "３２０５００", "  "]
    static let types = ["organization", "individual", "组织", "个人", "", "robot", "person", "单位"]
    static let notes = ["", "备注", "备注, 含逗号", "说\"明\"", "两行\n备注", "  前后空格  ", "\u{3000}"]
    static let ids = ["", "A-1", "ＩＤ７", " 9 "]

    /// Header names no alias knows, for the `--columns` mapping.
    static let mappedNames: [RecordColumn: String] = [
        .recipient: "获奖主体", .programme: "奖励名称", .year: "届", .region: "地市", .creditCode: "代码",
        .recipientType: "主体性质", .sector: "门类", .level: "档次", .note: "附注", .id: "流水号",
    ]

    /// A credit code for `n` with the right check character, or a wrong one.
    static func creditCode(_ n: Int, right: Bool) -> String {
        let prefix = "91320500MA1M" + String(format: "%05d", n % 99991)
        let c = CreditCode.checkCharacter(for: prefix)!
        if right { return prefix + String(c) }
        return prefix + (c == "0" ? "1" : "0")
    }

    static func creditValue(_ g: inout SeededGenerator, _ n: Int) -> String {
        switch g.int(0...14) {
        case 0...5: return creditCode(n, right: true)
        case 6, 7: return creditCode(n, right: false)
        case 8: return "123"
        case 9: return "320700********1736"
        case 10: return creditCode(n, right: true).lowercased()
        case 11: return " " + creditCode(n, right: true) + " "
        case 12: return "91320500MA1MI0000O"
        case 13: return "320700********173X"
        default: return ""
        }
    }

    /// A CSV field as written: quoted when it must be, and now and then when it need not be.
    static func quoted(_ value: String, _ g: inout SeededGenerator) -> String {
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || g.chance(0.05) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    static func headerName(_ c: RecordColumn, _ g: inout SeededGenerator) -> String {
        var h = g.pick(c.aliases)
        if g.chance(0.1) { h = h.uppercased() }
        if g.chance(0.1) { h += g.pick(["*", "：", ":"]) }
        if g.chance(0.05) { h = " " + h }
        return h
    }

    /// One file of a register.
    static func file(_ g: inout SeededGenerator, index: Int, mapping: inout [String: RecordColumn], shared: inout [[String: String]]) -> Data {
        var columns: [RecordColumn] = [.recipient, .programme, .year]
        if g.chance(0.85) { columns.append(.region) }
        for c in [RecordColumn.id, .recipientType, .level, .sector, .creditCode, .note] where g.chance(0.5) { columns.append(c) }
        if g.chance(0.04) { columns.remove(at: g.int(0...2)) }
        var order = columns
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, g.int(0...i)) }
        var header = order.map { headerName($0, &g) }
        for (i, c) in order.enumerated() where g.chance(0.12) {
            header[i] = mappedNames[c]!
            mapping[header[i]] = c
        }
        var cells = order.map { Optional($0) }
        if g.chance(0.2) { cells.insert(nil, at: g.int(0...cells.count)); header.insert(cells.count % 2 == 0 ? "联系人" : "Contact", at: cells.firstIndex(where: { $0 == nil })!) }
        if g.chance(0.08), let c = order.first {
            cells.append(c)
            header.append(headerName(c, &g))
        }
        var lines: [String] = []
        for _ in 0..<(g.chance(0.3) ? g.int(1...2) : 0) {
            lines.append(g.pick(["2024年江苏省质量奖获奖名单", "表1 获奖名单,,,", "", "（截至2024年底）"]))
        }
        lines.append(header.map { quoted($0, &g) }.joined(separator: ","))
        let rows = g.int(3...45)
        for r in 0..<rows {
            if g.chance(0.04) { lines.append(g.pick(["", " , ,", ",,,,", "\u{3000}"])); continue }
            var v: [RecordColumn: String] = [:]
            let n = g.int(0...40)
            v[.recipient] = g.chance(0.75) ? names[n % names.count] : g.pick(nameTraps)
            v[.programme] = g.chance(0.8) ? g.pick(Array(programmes.prefix(4))) : g.pick(programmes)
            v[.year] = g.chance(0.75) ? String(g.int(2012...2024)) : g.pick(years)
            v[.region] = g.pick(regions)
            v[.sector] = g.pick(sectors)
            v[.level] = g.pick(levels)
            v[.recipientType] = g.chance(0.7) ? "" : g.pick(types)
            v[.creditCode] = creditValue(&g, n)
            v[.note] = g.pick(notes)
            v[.id] = g.chance(0.5) ? String(r + 1) : g.pick(ids)
            if v[.recipientType] == "individual" || v[.recipientType] == "个人", g.chance(0.6) {
                v[.creditCode] = g.pick(["320700********1736", "32070019800101173X", "320700********173x", "320700*******1736", "３２０７００********１７３６"])
            }
            // Exact repeats of an earlier row (also of another file's), possible duplicates by
            // name form, one code under two names.
            if !shared.isEmpty, g.chance(0.12) {
                let earlier = g.pick(shared)
                for (k, x) in earlier { if let c = RecordColumn(rawValue: k) { v[c] = x } }
                if g.chance(0.4), let name = v[.recipient] {
                    v[.recipient] = g.pick([name.replacingOccurrences(of: "有限公司", with: "有限责任公司"), name + " ", "（" + name + "）",
                                            name.replacingOccurrences(of: "公司", with: " 公司")])
                } else if g.chance(0.3) {
                    v[.recipient] = g.pick(names)
                }
            }
            shared.append(Dictionary(uniqueKeysWithValues: v.map { ($0.key.rawValue, $0.value) }))
            var fields = cells.map { c -> String in
                guard let c else { return g.pick(["王五", "", "13800000000"]) }
                return v[c] ?? ""
            }
            if g.chance(0.1) { fields += ["", ""] }
            if g.chance(0.05) { fields.append("extra") }
            if g.chance(0.05) { fields.append(" ") }
            if g.chance(0.04) { fields.removeLast(min(fields.count - 1, 2)) }
            lines.append(fields.map { quoted($0, &g) }.joined(separator: ","))
        }
        let crlf = g.chance(0.3)
        var text = lines.joined(separator: crlf ? "\r\n" : "\n")
        if g.chance(0.85) { text += crlf ? "\r\n" : "\n" }
        if g.chance(0.03) { text += "\"未闭合,中国质量奖,2020,320500\n" }
        if g.chance(0.25), let gbk = GBK.encode(text) { return gbk }
        var data = Data()
        if g.chance(0.15) { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        data.append(Data(text.utf8))
        return data
    }

    /// The register of one seed: one file, or two (duplicates across files).
    static func make(seed: UInt64) -> GeneratedRegister {
        var g = SeededGenerator(seed: seed)
        var mapping: [String: RecordColumn] = [:]
        var shared: [[String: String]] = []
        var files: [(String, Data)] = []
        for i in 0..<(g.chance(0.2) ? 2 : 1) {
            files.append(("seed\(seed)-\(i).csv", file(&g, index: i, mapping: &mapping, shared: &shared)))
        }
        return GeneratedRegister(files: files, mapping: mapping, seed: seed)
    }
}

/// GBK (GB 18030 two-byte) encoding for the generator, built from the loader's own decoder
/// over every two-byte sequence: nil when the text has a character outside it.
enum GBK {
    static let table: [Character: [UInt8]] = {
        var map: [Character: [UInt8]] = [:]
        // One decode per lead byte (a row the decoder refuses is left out).
        for a in UInt8(0x81)...0xF7 {
            let trails = a >= 0xA1 ? Array(UInt8(0xA1)...0xFE) : Array(UInt8(0x40)...0xFE).filter { $0 != 0x7F }
            var bytes: [UInt8] = []
            for b in trails { bytes += [a, b, 0x0A] }
            guard case .success(let d) = TextDecoding.decode(Data(bytes), forced: .gb18030) else { continue }
            let lines = d.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (b, line) in zip(trails, lines) where line.count == 1 && line.unicodeScalars.count == 1 {
                if map[line.first!] == nil { map[line.first!] = [a, b] }
            }
        }
        return map
    }()

    static func encode(_ text: String) -> Data? {
        var out = Data()
        for u in text.unicodeScalars {
            if u.isASCII { out.append(UInt8(u.value)); continue }
            guard let b = table[Character(u)] else { return nil }
            out.append(contentsOf: b)
        }
        return out
    }
}

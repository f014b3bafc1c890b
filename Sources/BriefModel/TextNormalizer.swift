/// Clean-up rules for text read from registers: trimming, full-width to ASCII in codes,
/// consistent parentheses in names, traditional to simplified characters for look-ups.
package enum TextNormalizer {
    /// Removes ASCII whitespace, U+3000 and the BOM from both ends.
    public static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isTrimmed($0.value) }) else { return "" }
        let end = scalars.lastIndex(where: { !isTrimmed($0.value) })!
        if start == scalars.startIndex && end == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[start...end])
    }

    /// The characters `trim(_:)` removes: space, tab, CR, LF, U+3000 and the BOM.
    @inline(__always)
    private static func isTrimmed(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0D || v == 0x0A || v == 0x3000 || v == 0xFEFF
    }

    /// Trims and turns full-width ASCII forms (Ｕ+FF01…FF5E, e.g. ２０２０, Ｃ１７) and U+3000
    /// into their ASCII counterparts: for codes, years and identifiers.
    public static func code(_ text: String) -> String {
        let trimmed = trim(text)
        guard trimmed.unicodeScalars.contains(where: { ($0.value >= 0xFF01 && $0.value <= 0xFF5E) || $0.value == 0x3000 }) else {
            return trimmed
        }
        var scalars = String.UnicodeScalarView()
        for s in trimmed.unicodeScalars {
            if s.value >= 0xFF01 && s.value <= 0xFF5E, let a = Unicode.Scalar(s.value - 0xFEE0) {
                scalars.append(a)
            } else if s.value == 0x3000 {
                scalars.append(" ")
            } else {
                scalars.append(s)
            }
        }
        return String(scalars)
    }

    /// Trims a name and writes parentheses consistently as full-width （）, the form
    /// Chinese registers use, so "甲公司(苏州)" and "甲公司（苏州）" read the same.
    public static func name(_ text: String) -> String {
        let trimmed = trim(text)
        guard trimmed.utf8.contains(where: { $0 == 0x28 || $0 == 0x29 }) else { return trimmed }
        var out = String.UnicodeScalarView()
        for u in trimmed.unicodeScalars {
            switch u {
            case "(": out.append("（")
            case ")": out.append("）")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// A name reduced for comparison: `name(_:)`, inner spaces removed, full-width letters and
    /// digits as ASCII, Latin letters upper-cased, traditional characters simplified.
    public static func comparisonKey(_ text: String) -> String {
        // One pass over the scalars for the names registers hold (ASCII, CJK and their
        // punctuation); anything whose upper case needs Unicode's tables takes the long way.
        let table = traditionalToSimplified
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0.value) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0.value) })!
        var out = String.UnicodeScalarView()
        for u in scalars[first...last] {
            var v = u.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            switch v {
            case 0x20, 0x3000: continue
            case 0x28: out.append("（"); continue
            case 0x29: out.append("）"); continue
            case 0x61...0x7A: v -= 0x20
            case 0x00...0x7F, 0xB7, 0x2000...0x206F, 0x2E80...0xA4CF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
                 0xFE10...0xFE6F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
                break
            default:
                return comparisonKeyByCharacters(text)
            }
            if let simple = table[v] { out.append(simple) } else { out.append(Unicode.Scalar(v)!) }
        }
        return String(out)
    }

    /// `comparisonKey(_:)` spelled out step by step over Characters (its definition; the fast
    /// path must agree with it, which the tests check).
    static func comparisonKeyByCharacters(_ text: String) -> String {
        name(simplified(code(name(text))).filter { $0 != " " && $0 != "\u{3000}" }.uppercased())
    }

    /// Replaces the traditional characters that occur in Chinese place and organisation names
    /// (蘇州 → 苏州, 無錫 → 无锡…) by their simplified forms; others pass through.
    public static func simplified(_ text: String) -> String {
        // Most names hold no traditional character: look at scalars, build nothing.
        let table = traditionalToSimplified
        guard text.unicodeScalars.contains(where: { table[$0.value] != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(table[s.value] ?? s) }
        return String(out)
    }

    /// Traditional → simplified, one scalar to one scalar (every pair below is).
    private static let traditionalToSimplified: [UInt32: Unicode.Scalar] = {
        let pairs = "蘇苏錫锡無无鎮镇連连雲云淮淮鹽盐揚扬遷迁寧宁門门東东區区縣县陽阳陰阴灣湾關关豐丰華华廣广張张圖图蘭兰貴贵龍龙澤泽鄉乡莊庄觀观溝沟灘滩壩坝濱滨滬沪閩闽贛赣黃黄嶺岭遼辽吳吴吴吴瀋沈島岛橋桥興兴慶庆齊齐彎弯紅红鳳凤鄭郑長长億亿萬万豐丰歲岁舊旧廈厦臺台灣湾澳澳廟庙漢汉濟济鄂鄂綏绥鶴鹤雞鸡濰潍遼辽綿绵瀘泸內内蒙蒙藏藏疆疆維维爾尔孫孙盧卢黨党莊庄贊赞鐵铁頭头灤滦滄沧邯邯衛卫駐驻馬马開开蕪芜銅铜亳亳滁滁鞍鞍葫葫撫抚闊阔豐丰倉仓彭彭儀仪鄲郸邢邢晉晋陝陕隴陇蓮莲鄖郧漳漳莆莆寶宝貢贡鵬鹏寧宁峽峡鄰邻廬庐潯浔贛赣萊莱瀏浏楊杨遠远韶韶潮潮揭揭譚谭縉缙鍾钟銀银渾浑傑杰學学電电氣气業业團团檢检測测質质獎奖國国際际發发產产工工實实機机電电紡纺織织網网絡络醫医藥药際际區区權权廠厂創创設设計计書书據据億亿協协會会級级資资農农礦矿運运輸输貿贸軟软現现術术優优"
        var map: [UInt32: Unicode.Scalar] = [:]
        var it = pairs.unicodeScalars.makeIterator()
        while let t = it.next(), let s = it.next() {
            if t != s { map[t.value] = s }
        }
        return map
    }()
}

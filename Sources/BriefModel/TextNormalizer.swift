/// Clean-up rules for text read from registers: trimming, full-width to ASCII in codes,
/// consistent parentheses in names, traditional to simplified characters for look-ups.
package enum TextNormalizer {
    /// Removes ASCII whitespace, U+3000 and the BOM from both ends.
    public static func trim(_ text: String) -> String {
        let drop: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{FEFF}" || $0 == "\r" || $0 == "\n" }
        guard let start = text.firstIndex(where: { !drop($0) }) else { return "" }
        let end = text.lastIndex(where: { !drop($0) })!
        return String(text[start...end])
    }

    /// Trims and turns full-width ASCII forms (Ｕ+FF01…FF5E, e.g. ２０２０, Ｃ１７) and U+3000
    /// into their ASCII counterparts: for codes, years and identifiers.
    public static func code(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in trim(text).unicodeScalars {
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
        var out = ""
        for ch in trim(text) {
            switch ch {
            case "(": out.append("（")
            case ")": out.append("）")
            default: out.append(ch)
            }
        }
        return out
    }

    /// A name reduced for comparison: `name(_:)`, inner spaces removed, full-width letters and
    /// digits as ASCII, Latin letters upper-cased, traditional characters simplified.
    public static func comparisonKey(_ text: String) -> String {
        name(simplified(code(name(text))).filter { $0 != " " && $0 != "\u{3000}" }.uppercased())
    }

    /// Replaces the traditional characters that occur in Chinese place and organisation names
    /// (蘇州 → 苏州, 無錫 → 无锡…) by their simplified forms; others pass through.
    public static func simplified(_ text: String) -> String {
        String(text.map { traditionalToSimplified[$0] ?? $0 })
    }

    private static let traditionalToSimplified: [Character: Character] = {
        let pairs = "蘇苏錫锡無无鎮镇連连雲云淮淮鹽盐揚扬遷迁寧宁門门東东區区縣县陽阳陰阴灣湾關关豐丰華华廣广張张圖图蘭兰貴贵龍龙澤泽鄉乡莊庄觀观溝沟灘滩壩坝濱滨滬沪閩闽贛赣黃黄嶺岭遼辽吳吴吴吴瀋沈島岛橋桥興兴慶庆齊齐彎弯紅红鳳凤鄭郑長长億亿萬万豐丰歲岁舊旧廈厦臺台灣湾澳澳廟庙漢汉濟济鄂鄂綏绥鶴鹤雞鸡濰潍遼辽綿绵瀘泸內内蒙蒙藏藏疆疆維维爾尔孫孙盧卢黨党莊庄贊赞鐵铁頭头灤滦滄沧邯邯衛卫駐驻馬马開开蕪芜銅铜亳亳滁滁鞍鞍葫葫撫抚闊阔豐丰倉仓彭彭儀仪鄲郸邢邢晉晋陝陕隴陇蓮莲鄖郧漳漳莆莆寶宝貢贡鵬鹏寧宁峽峡鄰邻廬庐潯浔贛赣萊莱瀏浏楊杨遠远韶韶潮潮揭揭譚谭縉缙鍾钟銀银渾浑傑杰學学電电氣气業业團团檢检測测質质獎奖國国際际發发產产工工實实機机電电紡纺織织網网絡络醫医藥药際际區区權权廠厂創创設设計计書书據据億亿協协會会級级資资農农礦矿運运輸输貿贸軟软現现術术優优"
        var map: [Character: Character] = [:]
        var it = pairs.makeIterator()
        while let t = it.next(), let s = it.next() {
            if t != s { map[t] = s }
        }
        return map
    }()
}

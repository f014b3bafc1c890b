/// An award programme: the China Quality Award, the Jiangsu Governor's Quality Award or a
/// city mayor's quality award.
public struct Programme: Sendable, Hashable, Codable {
    /// Short stable identifier: "cqa", "jsgqa" or "mayor".
    public let id: String
    /// Chinese name, e.g. 中国质量奖.
    public let name: String
    /// Seniority: 0 is the national award; lists sort by it.
    public let rank: Int

    /// Creates a programme.
    public init(id: String, name: String, rank: Int) {
        self.id = id
        self.name = name
        self.rank = rank
    }

    /// 中国质量奖, the national award of the State Council.
    public static let chinaQualityAward = Programme(id: "cqa", name: "中国质量奖", rank: 0)
    /// 江苏省省长质量奖 (called 江苏省质量奖 in its 2012 and 2014 editions).
    public static let jiangsuGovernorAward = Programme(id: "jsgqa", name: "江苏省省长质量奖", rank: 1)
    /// 市长质量奖, the quality awards of Jiangsu's city mayors taken together.
    public static let mayorAward = Programme(id: "mayor", name: "市长质量奖", rank: 2)

    /// Every programme, in rank order.
    public static let all: [Programme] = [.chinaQualityAward, .jiangsuGovernorAward, .mayorAward]

    /// Recognises a programme written as its id, its Chinese name, the earlier name
    /// 江苏省质量奖, or a city form such as 苏州市市长质量奖 or 南京市长质量奖. A trailing 提名奖
    /// (or 提名) gives `.nomination`; otherwise `level` is nil (not stated). Full-width
    /// letters, spaces and U+3000 around the text are tolerated.
    public static func resolve(_ text: String) -> (programme: Programme, level: AwardLevel?)? {
        var t = TextNormalizer.simplified(TextNormalizer.code(text))
        t = t.filter { $0 != " " }
        t = stripEdition(t)
        var level: AwardLevel?
        for suffix in ["（提名奖）", "(提名奖)", "（提名）", "(提名)", "提名奖", "提名"] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count))
            level = .nomination
            break
        }
        if level == nil, t.hasSuffix("获奖") { t = String(t.dropLast(2)) }
        if let p = all.first(where: { $0.id == t.lowercased() }) { return (p, level) }
        switch t {
        case "中国质量奖": return (.chinaQualityAward, level)
        case "江苏省省长质量奖", "江苏省长质量奖", "江苏省质量奖", "省长质量奖": return (.jiangsuGovernorAward, level)
        default: break
        }
        if t.hasSuffix("市长质量奖") { return (.mayorAward, level) }
        return nil
    }

    /// Drops an edition written before the name: "2020年度", "2020年", "第三届", "第3届".
    private static func stripEdition(_ text: String) -> String {
        var t = Substring(text)
        if t.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }), t.count > 4 {
            let rest = t.dropFirst(4)
            if rest.hasPrefix("年度") { t = rest.dropFirst(2) } else if rest.hasPrefix("年") { t = rest.dropFirst() }
        }
        if t.hasPrefix("第"), let end = t.firstIndex(of: "届"),
           t[t.index(after: t.startIndex)..<end].allSatisfy({ "0123456789一二三四五六七八九十".contains($0) }) {
            t = t[t.index(after: end)...]
        }
        return String(t)
    }
}

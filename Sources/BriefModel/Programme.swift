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
        var t = TextNormalizer.code(text)
        t = t.filter { $0 != " " }
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
}

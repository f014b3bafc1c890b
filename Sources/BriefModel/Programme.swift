/// An award programme as records carry it and counts list it: the China Quality Award, the
/// Jiangsu Governor's Quality Award, Jiangsu's city mayors' awards taken together, its
/// county-level cities' mayors' awards taken together, or a programme added from a
/// programmes file (see `ProgrammeCatalog`).
public struct Programme: Sendable, Hashable, Codable {
    /// Short stable identifier: "cqa", "jsgqa", "mayor", "county-mayor", or a file's own.
    public let id: String
    /// Chinese name, e.g. 中国质量奖.
    public let name: String
    /// Seniority: 0 is the national award; lists sort by it.
    public let rank: Int
    /// The level of government that awards it.
    public let level: ProgrammeLevel

    /// Creates a programme; the level defaults to the one its rank stands for (0 national,
    /// 1 provincial, 2 city, 3 and above county).
    public init(id: String, name: String, rank: Int, level: ProgrammeLevel? = nil) {
        self.id = id
        self.name = name
        self.rank = rank
        self.level = level ?? ProgrammeLevel(rank: rank)
    }

    private enum CodingKeys: String, CodingKey { case id, name, rank, level }

    /// Decodes a programme; a missing level is the one its rank stands for.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let rank = try c.decode(Int.self, forKey: .rank)
        self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name), rank: rank,
                  level: try c.decodeIfPresent(ProgrammeLevel.self, forKey: .level))
    }

    /// 中国质量奖, the national award of the State Council.
    public static let chinaQualityAward = Programme(id: "cqa", name: "中国质量奖", rank: 0)
    /// 江苏省省长质量奖 (called 江苏省质量奖 in its 2012 and 2014 editions).
    public static let jiangsuGovernorAward = Programme(id: "jsgqa", name: "江苏省省长质量奖", rank: 1)
    /// 市长质量奖, the quality awards of Jiangsu's 13 city mayors taken together.
    public static let mayorAward = Programme(id: "mayor", name: "市长质量奖", rank: 2)
    /// 县级市市长质量奖, the quality awards of Jiangsu's county-level cities' mayors
    /// (宜兴市市长质量奖, 如皋市市长质量奖…) taken together: county level, not the city's.
    public static let countyMayorAward = Programme(id: "county-mayor", name: "县级市市长质量奖", rank: 3)

    /// The three programmes every count lists, in rank order (others are listed when present).
    public static let all: [Programme] = [.chinaQualityAward, .jiangsuGovernorAward, .mayorAward]

    /// Recognises a programme of the shipped Jiangsu catalog (`ProgrammeCatalog.jiangsu`):
    /// its id, Chinese name, an alias or former name (江苏省质量奖), or a city or county-level
    /// city form such as 苏州市市长质量奖, 南京市长质量奖 or 宜兴市市长质量奖. A trailing 提名奖
    /// (or 提名) gives `.nomination`; otherwise `level` is nil (not stated). An edition before
    /// the name (2020年度, 第三届), full-width letters, spaces and U+3000 are tolerated.
    public static func resolve(_ text: String) -> (programme: Programme, level: AwardLevel?)? {
        ProgrammeCatalog.jiangsu.resolve(text)
    }
}

/// The level of government an award programme belongs to.
public enum ProgrammeLevel: String, Sendable, Codable, CaseIterable, Comparable {
    /// 国家级: the State Council's 中国质量奖.
    case national
    /// 省级: a province's government award.
    case provincial
    /// 市级: a prefecture-level city's.
    case city
    /// 县级: a county-level city's or a county's.
    case county

    /// The level a rank stands for: 0 national, 1 provincial, 2 city, 3 and above county.
    public init(rank: Int) {
        switch rank {
        case ...0: self = .national
        case 1: self = .provincial
        case 2: self = .city
        default: self = .county
        }
    }

    /// The usual rank of a programme at this level (0–3).
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// 国家级, 省级, 市级 or 县级.
    public var label: String {
        switch self {
        case .national: return "国家级"
        case .provincial: return "省级"
        case .city: return "市级"
        case .county: return "县级"
        }
    }

    /// Coarser (more senior) levels sort first.
    public static func < (a: ProgrammeLevel, b: ProgrammeLevel) -> Bool { a.rank < b.rank }
}

/// A property of an award record that counts can be broken down by.
public enum Dimension: String, Sendable, CaseIterable, Codable {
    /// 中国质量奖, 江苏省省长质量奖, 市长质量奖 (in rank order).
    case programme
    /// The level of the awarding government: 国家级, 省级, 市级, then 县级 when present.
    case programmeLevel = "programme_level"
    /// Award or nomination.
    case level
    /// Edition year.
    case year
    /// GB/T 4754-2017 section A–T, then 未分类.
    case sector
    /// GB/T 4754-2017 division (大类, "17") present, by code, then 未细分.
    case division
    /// GB/T 4754-2017 group (中类, "702") present, by code, then 未细分.
    case group
    /// GB/T 4754-2017 class (小类, "7020") present, by code, then 未细分.
    case sectorClass = "class"
    /// Prefecture-level city: Jiangsu's 13 first, then others, then 未知地区. Counties and
    /// statistical or retired codes are rolled up into their city.
    case region
    /// The region as registered, at county level, by code (a record registered with a city
    /// code is listed as that city's 本级), then 未知地区.
    case county
    /// Province of the registered region, by code, then 未知地区.
    case province
    /// Organisation or individual.
    case recipientType

    /// The region dimension at a level of the hierarchy.
    public static func region(_ level: RegionLevel) -> Dimension {
        switch level {
        case .province: return .province
        case .city: return .region
        case .county: return .county
        }
    }
}

/// A level of the administrative hierarchy (GB/T 2260).
public enum RegionLevel: String, Sendable, CaseIterable, Codable {
    /// 省级.
    case province
    /// 地级 (prefecture-level city), the `region` dimension.
    case city
    /// 县级.
    case county
}

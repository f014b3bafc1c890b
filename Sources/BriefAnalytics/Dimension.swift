/// A property of an award record that counts can be broken down by.
public enum Dimension: String, Sendable, CaseIterable, Codable {
    /// 中国质量奖, 江苏省省长质量奖, 市长质量奖 (in rank order).
    case programme
    /// Award or nomination.
    case level
    /// Edition year.
    case year
    /// GB/T 4754-2017 section A–T, then 未分类.
    case sector
    /// Prefecture-level city: Jiangsu's 13 first, then others, then 未知地区.
    case region
    /// Organisation or individual.
    case recipientType
}

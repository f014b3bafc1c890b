/// An award proper or a nomination (提名奖) within the same programme and edition.
public enum AwardLevel: String, Sendable, Codable, CaseIterable, Hashable {
    /// The award itself (获奖).
    case award
    /// A nomination award (提名奖).
    case nomination

    /// Reads award / 获奖 / 奖 / empty text as `.award`, and nomination / 提名 / 提名奖 as
    /// `.nomination`. Case and surrounding spaces are ignored.
    public static func resolve(_ text: String) -> AwardLevel? {
        switch TextNormalizer.code(text).lowercased() {
        case "award", "获奖", "奖", "": return .award
        case "nomination", "提名", "提名奖": return .nomination
        default: return nil
        }
    }
}

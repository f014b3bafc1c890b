/// Whether an award went to an organisation (company, hospital, institute…) or to a person.
public enum RecipientType: String, Sendable, Codable, CaseIterable {
    /// A company, institution or other body.
    case organization
    /// A natural person.
    case individual

    /// Reads the English or Chinese forms used in registers: organization / org / 组织 / 单位 /
    /// 企业, and individual / person / 个人. Case and surrounding spaces are ignored.
    public static func resolve(_ text: String) -> RecipientType? {
        switch TextNormalizer.code(text).lowercased() {
        case "organization", "organisation", "org", "组织", "单位", "企业": return .organization
        case "individual", "person", "个人": return .individual
        default: return nil
        }
    }
}

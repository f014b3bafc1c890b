/// A GB/T 4754-2017 category at any of its four levels: a section (门类, a letter A–T), a
/// division (大类, two digits 01–97), a group (中类, three digits) or a class (小类, four digits).
public struct Sector: Sendable, Hashable, Codable {
    /// "C" for a section, "17" for a division, "702" for a group, "7020" for a class.
    public let code: String
    /// Chinese name, e.g. 制造业, 纺织业 or 物业管理.
    public let name: String
    /// The section letter; a section's own code.
    public let section: String

    /// Creates a sector.
    public init(code: String, name: String, section: String) {
        self.code = code
        self.name = name
        self.section = section
    }

    /// The level the code sits at.
    public var level: SectorLevel {
        switch code.count {
        case 1: return .section
        case 2: return .division
        case 3: return .group
        default: return .sectorClass
        }
    }

    /// The two-digit division a division, group or class belongs to; nil for a section.
    public var division: String? { code.count >= 2 ? String(code.prefix(2)) : nil }

    /// The three-digit group a group or class belongs to; nil above group level.
    public var group: String? { code.count >= 3 ? String(code.prefix(3)) : nil }
}

/// The four levels of GB/T 4754-2017.
public enum SectorLevel: String, Sendable, Codable, CaseIterable, Comparable {
    /// 门类: a letter A–T.
    case section
    /// 大类: two digits.
    case division
    /// 中类: three digits.
    case group
    /// 小类: four digits.
    case sectorClass = "class"

    /// Coarser levels sort first.
    public static func < (a: SectorLevel, b: SectorLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

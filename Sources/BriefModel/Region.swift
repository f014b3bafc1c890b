/// An administrative division identified by its six-digit GB/T 2260 code (or a statistical
/// zone code the statistics bureau uses alongside it).
public struct Region: Sendable, Hashable, Codable {
    /// Six-digit code, e.g. "320500".
    public let code: String
    /// Full name, e.g. 苏州市.
    public let name: String
    /// Code of the enclosing division; nil for a province.
    public let parentCode: String?
    /// 1 province, 2 prefecture (地级), 3 county (县级).
    public let level: Int

    /// Creates a region.
    public init(code: String, name: String, parentCode: String?, level: Int) {
        self.code = code
        self.name = name
        self.parentCode = parentCode
        self.level = level
    }

    /// Administrative suffixes `shortName` drops, longest first where one ends another.
    private static let shortNameSuffixes = ["壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市", "地区", "盟", "区", "县"]

    /// The name without its administrative suffix, as used in running text and chart axes:
    /// 苏州市 → 苏州, 江苏省 → 江苏, 广西壮族自治区 → 广西, 鼓楼区 → 鼓楼. Names that would become
    /// a single character (城区) or that are autonomous prefectures stay whole.
    public var shortName: String {
        // Compared as UTF-8 bytes: the names and suffixes are plain CJK, one scalar a character.
        let bytes = name.utf8
        func ends(with suffix: String) -> Bool {
            bytes.count >= suffix.utf8.count && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
        }
        if ends(with: "自治州") || ends(with: "自治县") || ends(with: "自治旗") { return name }
        for s in Self.shortNameSuffixes where ends(with: s) {
            let short = String(decoding: bytes.dropLast(s.utf8.count), as: UTF8.self)
            return short.unicodeScalars.count >= 2 ? short : name
        }
        return name
    }
}

/// The outcome of looking a region up by code or name.
public enum RegionLookup: Sendable, Equatable {
    /// Exactly one region matches.
    case found(Region)
    /// Several regions share the name (e.g. 鼓楼区 in 南京市 and 徐州市); ordered by code.
    case ambiguous([Region])
    /// Nothing matches.
    case notFound
}

/// A Jiangsu code retired since 2000, with the codes that took over its area.
package struct RetiredRegion: Sendable, Hashable, Codable {
    /// The division as it was: code, name, parent city, level.
    public let region: Region
    /// Year the code was retired.
    public let retiredIn: Int
    /// Codes that took over the area (some may themselves be retired later).
    public let successorCodes: [String]

    /// Creates a retirement record.
    public init(region: Region, retiredIn: Int, successorCodes: [String]) {
        self.region = region
        self.retiredIn = retiredIn
        self.successorCodes = successorCodes
    }
}

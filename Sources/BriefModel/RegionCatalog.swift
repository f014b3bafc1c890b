/// GB/T 2260 administrative divisions: every province and prefecture of China, Jiangsu's
/// county-level units, Jiangsu's statistical-only zones and the Jiangsu codes retired since
/// 2000. Look-ups are by code or name and never touch the file system.
public enum RegionCatalog {
    /// What kind of entry a code is in the catalog.
    package enum CodeStatus: Sendable, Equatable {
        /// A GB/T 2260 code in use.
        case current
        /// A statistics-bureau zone code not in GB/T 2260 (e.g. 320576 苏州工业园区).
        case statisticalZone
        /// A Jiangsu code retired since 2000.
        case retired
    }

    private struct Index: Sendable {
        var byCode: [String: Region] = [:]
        var status: [String: CodeStatus] = [:]
        var retired: [String: RetiredRegion] = [:]
        var provinces: [Region] = []
        var prefectures: [Region] = []
        var jiangsuCities: [Region] = []
        var byName: [String: [Region]] = [:]
        var byShortName: [String: [Region]] = [:]
        var retiredByName: [String: [Region]] = [:]
    }

    private static let index: Index = {
        var ix = Index()
        func add(_ r: Region, _ s: CodeStatus) {
            ix.byCode[r.code] = r
            ix.status[r.code] = s
            if s == .retired {
                ix.retiredByName[r.name, default: []].append(r)
                return
            }
            ix.byName[r.name, default: []].append(r)
            if r.shortName != r.name { ix.byShortName[r.shortName, default: []].append(r) }
        }
        for (code, name, parent) in chinaEntries {
            let r = Region(code: code, name: name, parentCode: parent, level: parent == nil ? 1 : 2)
            add(r, .current)
            if r.level == 1 { ix.provinces.append(r) } else { ix.prefectures.append(r) }
            if r.parentCode == "320000" { ix.jiangsuCities.append(r) }
        }
        for (code, name, parent) in jiangsuCountyEntries {
            add(Region(code: code, name: name, parentCode: parent, level: 3), .current)
        }
        for (code, name, parent) in jiangsuStatisticalZoneEntries {
            add(Region(code: code, name: name, parentCode: parent, level: 3), .statisticalZone)
        }
        for (code, name, level, year, successors) in jiangsuRetiredEntries {
            let parent = level == 3 ? String(code.prefix(4)) + "00" : "320000"
            let r = Region(code: code, name: name, parentCode: parent, level: level)
            add(r, .retired)
            ix.retired[code] = RetiredRegion(region: r, retiredIn: year, successorCodes: successors)
        }
        ix.jiangsuCities.sort { $0.code < $1.code }
        return ix
    }()

    /// The region with this code: current, statistical zone or retired Jiangsu code.
    public static func region(code: String) -> Region? {
        let c = TextNormalizer.code(code)
        return index.byCode[c] ?? codeAliases[c].flatMap { index.byCode[$0] }
    }

    /// Other codes in public use for a zone in the catalog: the statistics bureau's published
    /// division codes number 苏州工业园区 320571. Read as the catalog's code.
    static let codeAliases: [String: String] = ["320571": "320576"]

    /// Whether `code` is current, a statistical zone or retired; nil if unknown.
    package static func status(code: String) -> CodeStatus? {
        region(code: code).flatMap { index.status[$0.code] }
    }

    /// Whether `code` is a Jiangsu code retired since 2000.
    package static func isRetired(code: String) -> Bool {
        status(code: code) == .retired
    }

    /// Whether `code` is a statistical-only zone code such as 320576 苏州工业园区.
    package static func isStatisticalZone(code: String) -> Bool {
        status(code: code) == .statisticalZone
    }

    /// Retirement details for a retired Jiangsu code.
    package static func retirement(of code: String) -> RetiredRegion? {
        region(code: code).flatMap { index.retired[$0.code] }
    }

    /// The prefecture-level city a code belongs to: a county (current, statistical or
    /// retired) gives its city, a prefecture gives itself, a province or unknown code nil.
    public static func prefecture(of code: String) -> Region? {
        guard let r = region(code: code) else { return nil }
        switch r.level {
        case 2: return r
        case 3:
            if let p = r.parentCode, let city = index.byCode[p], city.level == 2 { return city }
            return nil
        default: return nil
        }
    }

    /// The 13 prefecture-level cities of Jiangsu, by code (320100 南京市 … 321300 宿迁市).
    public static var jiangsuCities: [Region] { index.jiangsuCities }

    /// The 34 provincial-level units, by code.
    public static var provinces: [Region] { index.provinces }

    /// The 333 prefecture-level units of China, by code.
    public static var prefectures: [Region] { index.prefectures }

    /// Every county-level unit in the catalog (Jiangsu's 95), by code.
    public static var counties: [Region] {
        index.byCode.values.filter { $0.level == 3 && index.status[$0.code] == .current }.sorted { $0.code < $1.code }
    }

    /// Every retired Jiangsu code, by code.
    package static var retiredRegions: [RetiredRegion] {
        index.retired.values.sorted { $0.region.code < $1.region.code }
    }

    /// Every statistical-only zone, by code.
    package static var statisticalZones: [Region] {
        index.byCode.values.filter { index.status[$0.code] == .statisticalZone }.sorted { $0.code < $1.code }
    }

    /// Finds a region from a code ("320500"), a full name (苏州市), a short name (苏州) or a
    /// traditional form (蘇州). Full names win over short names, and among several matches the
    /// higher level wins (吉林 → 吉林省); matches left tied are `.ambiguous` (鼓楼区). Retired
    /// names are tried last.
    public static func resolve(_ text: String) -> RegionLookup {
        let t = TextNormalizer.simplified(TextNormalizer.code(text)).filter { $0 != " " }
        if t.isEmpty { return .notFound }
        if t.allSatisfy(\.isASCII) {
            if let r = region(code: t) { return .found(r) }
            return .notFound
        }
        for table in [index.byName, index.byShortName, index.retiredByName] {
            if let matches = table[t], !matches.isEmpty { return pick(matches) }
        }
        return qualified(t)
    }

    /// A name written with its parents, as addresses are: 江苏省苏州市, 南京市鼓楼区, 苏州昆山市,
    /// 江苏省南京市鼓楼区. The longest known parent prefix is taken, and the rest is looked up
    /// among that parent's children (or the parent itself when nothing is left).
    private static func qualified(_ t: String) -> RegionLookup {
        var candidates: [(parent: Region, rest: String)] = []
        let bytes = Array(t.utf8)
        for (name, r) in parentNames where bytes.count > name.count && bytes.starts(with: name) {
            candidates.append((r, String(decoding: bytes[name.count...], as: UTF8.self)))
        }
        for (parent, rest) in candidates.sorted(by: { $0.rest.utf8.count < $1.rest.utf8.count }) {
            var matches: [Region] = []
            for table in [index.byName, index.byShortName, index.retiredByName] {
                matches = (table[rest] ?? []).filter { isInside($0, parent) }
                if !matches.isEmpty { break }
            }
            if matches.isEmpty, case .found(let r) = qualified(rest), isInside(r, parent) { matches = [r] }
            if !matches.isEmpty { return pick(matches) }
        }
        return .notFound
    }

    /// Full and short names of provinces and prefectures, for `qualified(_:)`.
    private static let parentNames: [([UInt8], Region)] = {
        var out: [([UInt8], Region)] = []
        for r in index.byCode.values where r.level < 3 && index.status[r.code] == .current {
            out.append((Array(r.name.utf8), r))
            if r.shortName != r.name { out.append((Array(r.shortName.utf8), r)) }
        }
        return out.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.1.code < $1.1.code }
    }()

    private static func isInside(_ r: Region, _ parent: Region) -> Bool {
        var p = r.parentCode
        while let code = p {
            if code == parent.code { return true }
            p = index.byCode[code]?.parentCode
        }
        return false
    }

    private static func pick(_ matches: [Region]) -> RegionLookup {
        let top = matches.map(\.level).min()!
        let best = matches.filter { $0.level == top }.sorted { $0.code < $1.code }
        return best.count == 1 ? .found(best[0]) : .ambiguous(best)
    }
}

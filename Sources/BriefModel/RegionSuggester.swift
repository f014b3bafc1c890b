/// A region inferred from the start of a recipient's name, with the reason; only ever offered
/// for review (`qbrief validate --suggest`, `qbrief fix`), never used by a briefing.
package struct RegionSuggestion: Sendable, Equatable {
    /// The region the name points to: a city, or a county when the name gives one.
    public var region: Region
    /// The text of the name that was matched, e.g. 江阴 or 苏州市吴江区.
    public var matched: String
    /// Why, in words: the name starts with “江阴”, the county-level unit 320281 江阴市 (无锡市).
    public var reason: String
}

/// Infers a region from a recipient name that starts with a city or county of the home
/// province (连云港…, 常州市…, 江阴…, 宜兴…, 江苏省南通市…). Weak or ambiguous matches are not
/// offered: a place word anywhere but at the start, a district's short name (鼓楼, 新北), a full
/// name shared by several units (鼓楼区) or with other provinces (通州区, 海州区), words that are
/// place names only sometimes (东海, 滨海), individuals' names, and names that are nothing but
/// the place.
package enum RegionSuggester {
    /// Names that also denote units of other provinces or common words; never suggested.
    static let weakNames: Set<String> = ["通州", "通州区", "海州", "海州区", "鼓楼", "鼓楼区", "东海", "滨海", "新北", "城区",
                                         "六合", "玄武", "钟楼", "天宁", "滨湖", "栖霞", "云龙", "清河"]

    /// (text, region) candidates of a home province, longest text first.
    private static func candidates(home: String) -> [(text: String, region: Region)] {
        var out: [(String, Region)] = []
        let cities = RegionCatalog.prefectures.filter { $0.parentCode == home }
        let cityCodes = Set(cities.map(\.code))
        for c in cities {
            out.append((c.name, c))
            if c.shortName != c.name { out.append((c.shortName, c)) }
        }
        let counties = RegionCatalog.counties + RegionCatalog.statisticalZones
        for c in counties where cityCodes.contains(c.parentCode ?? "") {
            out.append((c.name, c))
            // Short forms only for county-level cities and counties (江阴, 宜兴), not districts.
            if (c.name.hasSuffix("市") || c.name.hasSuffix("县")) && c.shortName != c.name {
                out.append((c.shortName, c))
            }
        }
        return out.filter { !weakNames.contains($0.0) }.sorted { $0.0.count > $1.0.count }
    }

    private static let jiangsu = candidates(home: "320000")

    /// The region a name starts with, or nil when there is no clear one.
    public static func suggest(name: String, homeProvinceCode: String = "320000") -> RegionSuggestion? {
        let table = homeProvinceCode == "320000" ? jiangsu : candidates(home: homeProvinceCode)
        var rest = Substring(TextNormalizer.simplified(TextNormalizer.name(name)))
        var prefix = ""
        if let home = RegionCatalog.region(code: homeProvinceCode) {
            for p in [home.name, home.shortName] where rest.hasPrefix(p) {
                rest = rest.dropFirst(p.count)
                prefix = p
                break
            }
        }
        guard let (region, text) = match(rest, table) else { return nil }
        var found = region
        var matched = text
        // A city followed by one of its counties: 苏州市吴江区…, 无锡江阴…
        if region.level == 2, let (county, more) = match(rest.dropFirst(text.count), table), county.parentCode == region.code {
            found = county
            matched = text + more
        }
        // Something must be left after the place: a name that is only 常州 says nothing.
        guard rest.count - matched.count >= 2 else { return nil }
        let city = found.level == 3 ? RegionCatalog.prefecture(of: found.code).map { " (\($0.name))" } ?? "" : ""
        let kind = found.level == 2 ? "the city" : "the county-level unit"
        return RegionSuggestion(region: found, matched: prefix + matched,
                                reason: "the name starts with “\(prefix + matched)”, \(kind) \(found.code) \(found.name)\(city)")
    }

    /// The longest candidate the text starts with; nil when none, or when the longest text
    /// names two different units.
    private static func match(_ text: Substring, _ table: [(text: String, region: Region)]) -> (Region, String)? {
        guard let best = table.first(where: { text.hasPrefix($0.text) }) else { return nil }
        let same = table.filter { $0.text == best.text }
        guard Set(same.map(\.region.code)).count == 1 else { return nil }
        return (best.region, best.text)
    }
}

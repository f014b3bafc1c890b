import BriefAnalytics
import BriefDocument
import BriefModel

/// Every sentence a briefing writes about its figures, in one place (public so that a caller
/// can word figures it computed, and tests can check sentences without rendering). Nothing here counts:
/// all numbers come from `BriefingFigures`. The rules (README, "How the briefing words its
/// figures"): no zero is claimed for a group that records of unknown place could belong to;
/// an unknown part is stated with its count and share, before the ranking when it is large;
/// out-of-province records are a group of their own; ties are worded 并列; small bases get
/// counts without percentages; a single year gets no growth sentence.
public struct BriefingWording: Sendable {
    /// The figures worded.
    public let f: BriefingFigures
    typealias Group = BriefingFigures.Group

    /// Words `figures`.
    public init(_ figures: BriefingFigures) { f = figures }

    // MARK: - Numbers

    /// `61/183` → `33.3%`, after the figures' rounding policy.
    func pct(_ part: Int, _ base: Int) -> String {
        ChineseNumbers.fixed(BriefingFigures.percent(part, of: base), digits: 1) + "%"
    }

    /// Whether shares of `base` are given in percent.
    func showsPercent(_ base: Int) -> Bool { base >= BriefingFigures.minimumForPercentages }

    /// `（80项，占43.7%）` or `（3项）` for a small base; `each` words a tie (各…，各占…).
    func amount(_ n: Int, of base: Int, each: Bool = false, tie: Bool = false, baseNote: String = "") -> String {
        var s = "（" + (tie ? "并列，" : "") + (each ? "各" : "") + "\(n)项"
        if showsPercent(base) { s += "，" + (each ? "各" : "") + "占\(baseNote)\(pct(n, base))" }
        return s + "）"
    }

    /// Non-zero groups by descending count in tiers of equal counts, ties in display order.
    static func tiers(_ groups: [Group]) -> [[Group]] {
        let sorted = groups.enumerated().filter { $0.element.count > 0 }
            .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map(\.element)
        var out: [[Group]] = []
        for g in sorted {
            if let c = out.last?.first?.count, c == g.count { out[out.count - 1].append(g) } else { out.append([g]) }
        }
        return out
    }

    /// How many of `tiers` `leaders` names: whole tiers until three names, at most six after
    /// the first tier.
    static func namedTiers(_ tiers: [[Group]]) -> Int {
        var count = 0, names = 0
        for tier in tiers {
            if count > 0 && (names >= 3 || names + tier.count > 6) { break }
            count += 1
            names += tier.count
        }
        return count
    }

    /// The leading groups, at least three names unless fewer have records, whole tiers only
    /// (a tie is never cut), at most six names after the first tier:
    /// 苏州市获奖最多（30项，占16.4%），其次为南京市、无锡市（并列，各20项，各占10.9%），以上3个设区市合计70项，占38.3%.
    /// Shares are of `base`; the combined share is computed from the combined count.
    func leaders(_ groups: [Group], base: Int, noun: String, baseNote: String = "") -> String? {
        let all = Self.tiers(groups)
        guard !all.isEmpty else { return nil }
        let named = Array(all.prefix(Self.namedTiers(all)))
        let n = named.reduce(0) { $0 + $1.count }
        var parts: [String] = []
        for (i, tier) in named.enumerated() {
            let names = tier.map(\.label).joined(separator: "、")
            let c = tier[0].count
            let tie = tier.count > 1
            switch i {
            case 0:
                parts.append(names + (tie ? "并列最多" : "获奖最多") + amount(c, of: base, each: tie, baseNote: baseNote))
            case 1: parts.append("其次为" + names + amount(c, of: base, each: tie, tie: tie))
            default: parts.append("再次为" + names + amount(c, of: base, each: tie, tie: tie))
            }
        }
        var s = parts.joined(separator: "，")
        if n >= 2 {
            let sum = named.joined().reduce(0) { $0 + $1.count }
            s += "，以上\(n)个\(noun)合计\(sum)项"
            if showsPercent(base) { s += "，占\(pct(sum, base))" }
        }
        return s
    }

    // MARK: - Summary (总体情况)

    /// Paragraphs of the 总体情况 section.
    public func summary() -> [String] {
        guard f.total > 0 else { return ["所选范围内没有获奖记录。"] }
        return [overview(), regionSentences(), sectorSentences(), changeSentence()].filter { !$0.isEmpty }
    }

    /// Years covered: 2024年, 2012年至2024年.
    var span: String {
        let first = f.years.first?.label ?? "", last = f.years.last?.label ?? ""
        return first == last ? "\(last)年" : "\(first)年至\(last)年"
    }

    /// Where the briefing is about, before 共有: empty for the home province.
    var placePrefix: String {
        switch f.region.scope {
        case .province: return ""
        case .city(let c): return c.name
        case .cities(let cs): return "所选" + cs.map(\.name).joined(separator: "、")
        }
    }

    func overview() -> String {
        var s = "\(span)，\(placePrefix)共有"
        var who: [String] = []
        if f.organizations > 0 { who.append("\(f.organizations)家组织") }
        if f.individuals > 0 { who.append("\(f.individuals)名个人") }
        s += who.joined(separator: "和") + "获得质量奖励\(f.total)项"
        if f.nominations > 0 { s += "（含提名奖\(f.nominations)项）" }
        let parts = f.programmes.map { g -> String in
            let name = g.key == Programme.jiangsuGovernorAward.id ? "江苏省省长质量奖（含原江苏省质量奖）" : g.label
            return "\(name)\(g.count)项"
        }
        if !parts.isEmpty { s += "，其中" + parts.joined(separator: "、") }
        return s + "。"
    }

    /// The noun of the region groups: 设区市, or 区县 for a one-city briefing.
    var regionNoun: String {
        if case .city = f.region.scope { return "区县" }
        return "设区市"
    }

    /// The groups that are places (not the 市本级/未注明区县 line).
    var places: [Group] {
        if case .city(let c) = f.region.scope { return f.region.groups.filter { $0.key != c.code } }
        return f.region.groups
    }

    /// Records of unknown place within the scope: blank region, or coded only as the home
    /// province (仅注明江苏省、未注明设区市), or (one city) city level only; the words say which.
    var unplaced: (count: Int, words: String) {
        let r = f.region
        if case .city(let c) = r.scope { return (r.cityLevelOnly, "仅注明\(c.name)、未注明区县") }
        let province = "仅注明\(r.home.name)、未注明设区市"
        if r.provinceOnly == 0 { return (r.unknown, "未注明所在地区") }
        if r.blank == 0 { return (r.unknown, province) }
        return (r.unknown, "未注明所在设区市（其中\(r.blank)项未注明地区，\(r.provinceOnly)项仅注明\(r.home.name)）")
    }

    /// What the region chart leaves out, for its source line: 未注明地区的5项、仅注明江苏省的2项、省外3项.
    var leftOutOfChart: [String] {
        let r = f.region
        var left: [String] = []
        if case .city = r.scope {
            if r.cityLevelOnly > 0 { left.append("市本级/未注明区县的\(r.cityLevelOnly)项") }
        } else {
            if r.blank > 0 { left.append("未注明地区的\(r.blank)项") }
            if r.provinceOnly > 0 { left.append("仅注明\(r.home.name)的\(r.provinceOnly)项") }
        }
        if r.outside > 0 { left.append("省外\(r.outside)项") }
        return left
    }

    /// 从地区看… for the summary.
    func regionSentences() -> String {
        "从地区看，" + regionRanking(withLeast: false) + outsideSentence() + unplacedOutsideSentence()
    }

    /// For chosen cities, the records left out for naming no city: 此外，登记表中另有27项记录未注明
    /// 所在设区市，无法判断是否属于南通市，未计入本期统计。
    func unplacedOutsideSentence() -> String {
        let n = f.region.unplacedOutsideSelection
        guard n > 0 else { return "" }
        let place: String
        switch f.region.scope {
        case .province: return ""
        case .city(let c): place = c.name
        case .cities: place = "所选设区市"
        }
        return "此外，登记表中另有\(n)项记录未注明所在设区市，无法判断是否属于\(place)，未计入本期统计。"
    }

    /// The ranking of places with its caveats: unknowns first when notable (else after), zero
    /// groups only when no unknown record could belong to them, the least only then too.
    func regionRanking(withLeast: Bool) -> String {
        let r = f.region
        let (unknown, words) = unplaced
        let placed = places.reduce(0) { $0 + $1.count }
        if placed == 0 {
            let outside = r.outside
            if unknown > 0 && outside > 0 {
                return "有\(unknown)项" + (showsPercent(f.total) ? "（\(pct(unknown, f.total))）" : "") + words
                    + "，其余\(outside)项授予\(r.outsideProvinces)个省（区、市）的省外组织和个人，无法按\(regionNoun)分析。"
            }
            if unknown > 0 { return "所选记录均\(words)，无法按\(regionNoun)分析。" }
            return "所选记录均授予\(r.outsideProvinces)个省（区、市）的省外组织和个人，无法按\(regionNoun)分析。"
        }
        var s = ""
        let notable = unknown > 0 && Double(unknown) >= BriefingFigures.notableUnknownShare * Double(f.total)
        if notable {
            s += "有\(unknown)项" + (showsPercent(f.total) ? "（\(pct(unknown, f.total))）" : "") + words
            s += "，以下仅就已注明\(regionNoun)的\(placed)项而言："
        }
        let baseNote = placed < f.total && showsPercent(f.total) ? "全部获奖的" : ""
        s += leaders(places, base: f.total, noun: regionNoun, baseNote: baseNote) ?? ""
        let tiers = Self.tiers(places)
        if withLeast && r.zeroIsKnown && tiers.count > Self.namedTiers(tiers), let last = tiers.last {
            let names = last.map(\.label).joined(separator: "、")
            s += "；" + names + (last.count > 1 ? "并列最少" : "最少") + amount(last[0].count, of: f.total, each: last.count > 1)
        }
        let zero = places.filter { $0.count == 0 }
        if r.zeroIsKnown && !zero.isEmpty {
            s += "；" + zero.map(\.label).joined(separator: "、") + "暂无获奖"
        }
        s += "。"
        if unknown > 0 && !notable {
            s += "另有\(unknown)项" + (showsPercent(f.total) ? "（\(pct(unknown, f.total))）" : "") + words + "。"
        }
        return s
    }

    /// 另有12项授予9个省（区、市）的省外组织和个人，均为中国质量奖，未计入各设区市。
    func outsideSentence() -> String {
        let r = f.region
        guard r.outside > 0, r.placed > 0 else { return "" }
        var s = "另有\(r.outside)项授予\(r.outsideProvinces)个省（区、市）的省外组织和个人，"
        if r.outsideByProgramme.count == 1 {
            s += r.outside == 1 ? "为\(r.outsideByProgramme[0].label)" : "均为\(r.outsideByProgramme[0].label)"
        } else {
            s += "其中" + r.outsideByProgramme.map { "\($0.label)\($0.count)项" }.joined(separator: "、")
        }
        return s + "，未计入各\(regionNoun)。"
    }

    /// 从行业看… for the summary.
    func sectorSentences() -> String {
        let s = f.sector
        if s.classified == 0 { return "所选记录均未标注所属行业，本期不作行业分析。" }
        var out = "从行业看，"
        let notable = s.unclassified > 0 && Double(s.unclassified) >= BriefingFigures.notableUnknownShare * Double(f.total)
        if notable {
            out += "有\(s.unclassified)项" + (showsPercent(f.total) ? "（\(pct(s.unclassified, f.total))）" : "")
            out += "未标注行业，以下仅就已标注行业的\(s.classified)项而言："
        }
        let baseNote = s.classified < f.total && showsPercent(f.total) ? "全部获奖的" : ""
        out += (leaders(s.groups, base: f.total, noun: "门类", baseNote: baseNote) ?? "") + "。"
        if s.unclassified > 0 && !notable {
            out += "另有\(s.unclassified)项" + (showsPercent(f.total) ? "（\(pct(s.unclassified, f.total))）" : "") + "未标注行业。"
        }
        return out
    }

    /// The latest year against the one before; empty for a single year. When the year before
    /// has no record (the China Quality Award is not given every year), the comparison is with
    /// the latest earlier year that has records, and says so.
    func changeSentence() -> String {
        guard let c = f.change else { return "" }
        var previous = (year: c.previousYear, count: c.previousCount, note: "")
        if c.previousCount == 0, let earlier = f.years.last(where: { $0.count > 0 && (Int($0.key) ?? c.year) < c.year }) {
            previous = (Int(earlier.key) ?? c.previousYear, earlier.count, "（此前最近有获奖记录的年度）")
        }
        let change = c.count - previous.count
        var s = "\(c.year)年获奖\(c.count)项，"
        if change == 0 { return s + "与\(previous.year)年\(previous.note)持平。" }
        s += "比\(previous.year)年\(previous.note)\(change > 0 ? "增加" : "减少")\(abs(change))项"
        if previous.count > 0 && showsPercent(previous.count) {
            let rate = Double(change) / Double(previous.count)
            s += "，\(rate >= 0 ? "增长" : "下降")\(ChineseNumbers.fixed(abs(rate) * 100, digits: 1))%"
        }
        return s + "。"
    }

    // MARK: - Section leads

    /// Lead of 地区分布; `table` and `figure` are the numbers of the table and chart it cites
    /// (no figure when nil).
    public func regionLead(table: Int, figure: Int?) -> String {
        var s = regionRanking(withLeast: true) + outsideSentence()
        let what: String
        switch f.region.scope {
        case .province: what = "各设区市获奖情况"
        case .city(let c): what = "\(c.name)各区县获奖情况"
        case .cities: what = "所选设区市获奖情况"
        }
        s += what + "见表\(table)" + (figure.map { "、图\($0)" } ?? "") + "。"
        return s
    }

    /// Lead of 行业分布, or the one sentence that replaces the section when no record has a sector.
    public func sectorLead() -> String {
        let s = f.sector
        if s.classified == 0 { return "所选\(f.total)项记录均未标注所属行业，本期不作行业分析。" }
        var out = "获奖组织和个人分布在\(s.groups.count)个国民经济行业门类。"
        out += String(sectorSentences().dropFirst("从行业看，".count))
        return out
    }

    /// Lead of 年度趋势.
    public func yearLead() -> String {
        guard let first = f.years.first else { return "所选范围内没有获奖记录。" }
        if f.years.count == 1 { return "所选记录均为\(first.label)年度，共\(first.count)项。" }
        let top = Self.tiers(f.years).first ?? []
        var s = "\(first.label)年以来，"
        if top.count == 1 {
            s += "获奖数量最多的年度为\(top[0].label)年（\(top[0].count)项）"
        } else {
            s += top.map { "\($0.label)年" }.joined(separator: "、") + "并列为获奖数量最多的年度（各\(top[0].count)项）"
        }
        let change = changeSentence()
        if !change.isEmpty { s += "；" + change.dropLast() }
        return s + "。"
    }

    /// Lead of 奖项构成.
    public func programmeLead() -> String {
        let parts = f.programmes.map { "\($0.label)\($0.count)项" }
        return "按奖项分，" + parts.joined(separator: "、") + "；其中获奖\(f.total - f.nominations)项，提名奖\(f.nominations)项。"
    }
}

import BriefDocument
import BriefModel
import Foundation
import Yams

/// What a briefing says about itself: masthead text, title, sections, distribution.
/// Read from a YAML file under `Reports/templates/`; command-line flags override fields.
public struct ReportDefinition: Codable, Sendable, Equatable {
    /// Red briefing name in the masthead, e.g. 质量工作简报.
    public var name: String
    /// Issue number (第N期).
    public var issue: Int
    /// Compiling unit.
    public var unit: String
    /// Briefing date `YYYY-MM-DD`; also the PDF creation date. In YAML, `today` stands for
    /// the date the file is read (China Standard Time).
    public var date: String
    /// Classification mark top left (e.g. 内部资料), if any.
    public var classification: String?
    /// Briefing title.
    public var title: String
    /// A notice printed under the masthead rule and at the top of every page (e.g. 示例数据).
    public var notice: String?
    /// Where the data come from, printed under each chart and table.
    public var source: String
    /// Sections in order: summary, region, sector, year, programme, recipients.
    public var sections: [BriefingSection]
    /// Distribution lines (报：…, 送：…, 发：…).
    public var distribution: [String]
    /// Print run (共印N份); nil to omit.
    public var printRun: Int?
    /// Rows of the recipient list at most; nil for all.
    public var recipientLimit: Int?
    /// briefing (default), memo (a 公文 with the briefing as 附件1) or attachment.
    public var layout: LayoutKind?
    /// The memo's fields (issuer mark, document number, 主送, body, signature, 版记); used by
    /// the memo and attachment layouts.
    public var memo: MemoDefinition?
    /// The province whose prefecture-level cities the briefing lists (name or code; nil for
    /// 江苏省). Records elsewhere are counted as 省外, never among the cities.
    public var homeProvince: String?

    enum CodingKeys: String, CodingKey {
        case name, issue, unit, date, classification, title, notice, source, sections, distribution
        case layout, memo
        case printRun = "print_run"
        case recipientLimit = "recipient_limit"
        case homeProvince = "home_province"
    }

    /// Creates a definition.
    public init(
        name: String = "质量工作简报", issue: Int = 1, unit: String, date: String,
        classification: String? = nil, title: String, notice: String? = nil, source: String,
        sections: [BriefingSection] = BriefingSection.briefing, distribution: [String] = [],
        printRun: Int? = nil, recipientLimit: Int? = nil
    ) {
        self.name = name
        self.issue = issue
        self.unit = unit
        self.date = date
        self.classification = classification
        self.title = title
        self.notice = notice
        self.source = source
        self.sections = sections
        self.distribution = distribution
        self.printRun = printRun
        self.recipientLimit = recipientLimit
    }

    /// Reads a definition from a YAML file.
    public static func load(_ url: URL) throws -> ReportDefinition {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw QualityBriefError.badDefinition(file: url.path, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, file: url.path)
    }

    /// Parses a definition from YAML text.
    public static func parse(_ yaml: String, file: String = "<yaml>") throws -> ReportDefinition {
        var def: ReportDefinition
        do { def = try YAMLDecoder().decode(ReportDefinition.self, from: yaml) } catch let error as DecodingError {
            throw QualityBriefError.badDefinition(file: file, message: describe(error))
        } catch {
            throw QualityBriefError.badDefinition(file: file, message: "\(error)")
        }
        if def.date == "today" { def.date = Self.today() }
        try def.validate(file: file)
        return def
    }

    /// Today's date in China Standard Time, `YYYY-MM-DD`.
    public static func today(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// Checks the values a YAML decoder cannot.
    public func validate(file: String = "<definition>") throws {
        if ChineseNumbers.date(date) == nil {
            throw QualityBriefError.badDefinition(file: file, message: "date “\(date)” is not YYYY-MM-DD")
        }
        if issue < 1 { throw QualityBriefError.badDefinition(file: file, message: "issue must be 1 or more") }
        if let memo { try memo.validate(file: file) }
        do { _ = try homeProvinceRegion() } catch let QualityBriefError.badDefinition(_, message) {
            throw QualityBriefError.badDefinition(file: file, message: message)
        }
        if layout == .memo && memo == nil {
            throw QualityBriefError.badDefinition(file: file, message: "layout memo needs a `memo:` section (see Reports/templates/memo.yaml or Reports/sample/memo.yaml)")
        }
    }

    /// The home province as a catalog region: `homeProvince` resolved (江苏省 when nil).
    /// Throws `badDefinition` when it does not name one of the 34 provincial-level units.
    public func homeProvinceRegion() throws -> Region {
        guard let text = homeProvince else { return BriefingFigures.jiangsu }
        if case .found(let r) = RegionCatalog.resolve(text), r.level == 1 { return r }
        throw QualityBriefError.badDefinition(
            file: "<definition>", message: "home_province “\(text)” is not a province; expected a name such as 浙江省 or a code such as 330000")
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing key “\(key.stringValue)”"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return "wrong value at “\(c.codingPath.map(\.stringValue).joined(separator: "."))”: \(c.debugDescription)"
        case .dataCorrupted(let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "at “\(path)”: ") + c.debugDescription
        @unknown default: return "\(error)"
        }
    }
}

/// The sections a briefing can hold, in their usual order.
public enum BriefingSection: String, Codable, Sendable, CaseIterable {
    /// 总体情况: the written summary.
    case summary
    /// 地区分布: bar chart and table by city.
    case region
    /// 行业分布: donut by sector.
    case sector
    /// 年度趋势: line chart by year.
    case year
    /// 奖项构成: stacked bars programme × year.
    case programme
    /// 获奖名单: the recipient list.
    case recipients
    // Showcase sections (Reports/sample/showcase.yaml), not in the default briefing:
    /// 地区分布图: Jiangsu tile map by city.
    case map
    /// 获奖与提名: grouped, hatched bars of awards and nominations by city.
    case levelBars = "level_bars"
    /// 行业排名: horizontal bars of the leading sectors.
    case sectorBars = "sector_bars"
    /// 累计构成: stacked areas programme × year, hatched.
    case programmeArea = "programme_area"
    /// 奖项占比: pie by programme, hatched.
    case programmePie = "programme_pie"
    /// 分级统计: table by city with grouped headers (获奖 / 提名奖 by programme).
    case regionProgrammeTable = "region_programme_table"

    /// The sections of the default briefing.
    public static let briefing: [BriefingSection] = [.summary, .region, .sector, .year, .programme, .recipients]
}

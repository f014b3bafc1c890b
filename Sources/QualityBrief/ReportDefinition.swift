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
    /// A draft: masthead or memo fields may still be missing or the template's placeholders,
    /// and every page carries a large 草稿 mark (`qbrief report --draft`, YAML `draft: true`).
    /// Without it such a definition is refused (`QualityBriefError.unfinishedDefinition`).
    public var draft: Bool?
    /// Where the definition was read from, so that problems found later (placeholders, a
    /// value set in Swift or by a flag) point at the file and line; nil when built in Swift.
    public var origin: DefinitionOrigin?

    enum CodingKeys: String, CodingKey {
        case name, issue, unit, date, classification, title, notice, source, sections, distribution
        case layout, memo, draft
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

    /// Reads a definition from a YAML file (at most `DefinitionLimits.fileSize` bytes);
    /// `QualityBriefError.fileNotFound` when there is none, `invalidDefinition` for what is
    /// wrong in it (see `parse(_:file:)`).
    public static func load(_ url: URL) throws -> ReportDefinition {
        if !FileManager.default.fileExists(atPath: url.path) { throw QualityBriefError.fileNotFound(path: url.path) }
        let text: String
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            if size > DefinitionLimits.fileSize {
                throw QualityBriefError.invalidDefinition([DefinitionProblem(
                    file: url.path, key: "", message: "the file has \(size) bytes; a report definition may have at most \(DefinitionLimits.fileSize)")])
            }
            text = try String(contentsOf: url, encoding: .utf8)
        } catch let e as QualityBriefError { throw e } catch {
            throw QualityBriefError.invalidDefinition([DefinitionProblem(
                file: url.path, key: "", message: "cannot read the report definition (\(error.localizedDescription))")])
        }
        return try parse(text, file: url.path)
    }

    /// Parses a definition from YAML text. Every problem — YAML syntax, nesting deeper than
    /// `DefinitionLimits.yamlNesting`, a wrong type, a value out of range (`problems()`) — is
    /// thrown as `QualityBriefError.invalidDefinition` located at its line and column.
    public static func parse(_ yaml: String, file: String = "<yaml>") throws -> ReportDefinition {
        func fail(_ key: String, _ message: String, _ line: Int?, _ column: Int?) -> QualityBriefError {
            .invalidDefinition([DefinitionProblem(file: file, line: line, column: column, key: key, message: message)])
        }
        if yaml.utf8.count > DefinitionLimits.fileSize {
            throw fail("", "the text has \(yaml.utf8.count) bytes; a report definition may have at most \(DefinitionLimits.fileSize)", nil, nil)
        }
        if let deep = YAMLNesting.firstBeyond(DefinitionLimits.yamlNesting, in: yaml) {
            throw fail("", "YAML nested deeper than \(DefinitionLimits.yamlNesting) levels; a report definition needs 3", deep.line, deep.column)
        }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch let e as YamlError {
            let (message, mark) = YAMLNesting.describe(e)
            throw fail("", "YAML: " + message, mark?.line, mark?.column)
        } catch {
            throw fail("", "YAML: \(error)", nil, nil)
        }
        if let root, let dup = YAMLNesting.firstDuplicateKey(in: root) {
            throw fail(dup.key, "duplicate key “\(dup.key)” (first given on line \(dup.first.line)); give each key once", dup.second.line, dup.second.column)
        }
        var def: ReportDefinition
        do { def = try YAMLDecoder().decode(ReportDefinition.self, from: yaml) } catch let error as DecodingError {
            let (message, path) = describe(error, root: root)
            let mark = YAMLNesting.node(at: path, in: root)?.mark
            throw fail(path.map(\.stringValue).joined(separator: "."), message, mark?.line, mark?.column)
        } catch {
            throw fail("", "YAML: \(error)", nil, nil)
        }
        if def.date == "today" { def.date = Self.today() }
        def.origin = DefinitionOrigin(file: file, root: root)
        try def.validate()
        return def
    }

    /// Today's date in China Standard Time, `YYYY-MM-DD`.
    public static func today(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// Throws `QualityBriefError.invalidDefinition` with every problem (`problems()`), each
    /// located through `origin` (file, line and column; or the flag that set the value), else
    /// attributed to `file`.
    public func validate(file: String = "<definition>") throws {
        let found = problems()
        if !found.isEmpty { throw QualityBriefError.invalidDefinition(found.map { locate($0, file: file) }) }
    }

    /// `problem` with its position from `origin`, or `file`.
    func locate(_ problem: DefinitionProblem, file: String = "<definition>") -> DefinitionProblem {
        var p = problem
        p.file = file
        guard let origin else { return p }
        if let setter = origin.overridden[p.key] {
            p.file = origin.overrider
            p.message = setter + ": " + p.message
            return p
        }
        p.file = origin.file
        if let at = origin.positions[p.key] { p.line = at.line; p.column = at.column }
        return p
    }

    /// The home province as a catalog region: `homeProvince` resolved (江苏省 when nil).
    /// Throws `badDefinition` when it does not name one of the 34 provincial-level units.
    public func homeProvinceRegion() throws -> Region {
        guard let text = homeProvince else { return BriefingFigures.jiangsu }
        do { return try Self.province(named: text) } catch {
            throw QualityBriefError.badDefinition(file: "<definition>", message: "home_province \(error)")
        }
    }

    /// A home province that names no province; its message leaves out the setting's name, so
    /// each caller puts its own in front (`home_province` in a definition, a program its flag).
    public struct NotAProvince: Error, CustomStringConvertible, Sendable, Equatable {
        /// The text given.
        public var given: String
        /// “苏州” is not a province; expected a name such as 浙江省 or a code such as 330000.
        public var description: String {
            "“\(given)” is not a province; expected a name such as 浙江省 or a code such as 330000"
        }
    }

    /// The one rule for a home province, wherever it is given (`home_province`, a program's
    /// flag): `text` must name one of the 34 provincial-level units, by name or code.
    public static func province(named text: String) throws(NotAProvince) -> Region {
        if case .found(let r) = RegionCatalog.resolve(text), r.level == 1 { return r }
        throw NotAProvince(given: text)
    }

    private static func describe(_ error: DecodingError, root: Node?) -> (String, [any CodingKey]) {
        func name(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0 + 1)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        func given(_ path: [any CodingKey]) -> String {
            guard let node = YAMLNesting.node(at: path, in: root) else { return "" }
            if let s = node.scalar?.string { return ", got “\(s.count > 40 ? String(s.prefix(40)) + "…" : s)”" }
            return node.sequence != nil ? ", got a list" : node.mapping != nil ? ", got a mapping" : ""
        }
        switch error {
        case .keyNotFound(let key, let c):
            return ("missing key “\(name(c.codingPath + [key]))”", c.codingPath)
        case .typeMismatch(let type, let c), .valueNotFound(let type, let c):
            let wanted = type == Int.self ? "a whole number" : type == Double.self ? "a number" : type == Bool.self ? "true or false"
                : type == String.self ? "text" : String(describing: type).hasPrefix("Array") ? "a list" : "a mapping of keys"
            return ("“\(name(c.codingPath))” must be \(wanted)\(given(c.codingPath))", c.codingPath)
        case .dataCorrupted(let c):
            return ((c.codingPath.isEmpty ? "" : "“\(name(c.codingPath))”: ") + c.debugDescription, c.codingPath)
        @unknown default: return ("\(error)", [])
        }
    }
}

/// Where a report definition was read from: the file and the line and column of each value.
public struct DefinitionOrigin: Sendable, Equatable {
    /// The YAML file.
    public var file: String
    /// Keys set after reading, each with the name of what set it (a program's option, say):
    /// their problems are attributed to `overrider` and start with that name.
    public var overridden: [String: String] = [:]
    /// Who set the `overridden` keys (a program's name), the file of their problems.
    public var overrider = "<override>"
    /// Other ways a program offers to set a key (key → name, e.g. of an option): messages
    /// about a missing or placeholder value offer it beside the YAML key.
    public var alternatives: [String: String] = [:]
    /// Key path (`unit`, `memo.mark_size`) → position of its value.
    var positions: [String: Position] = [:]

    struct Position: Sendable, Equatable { var line: Int; var column: Int }

    init(file: String, root: Node?) {
        self.file = file
        func walk(_ node: Node, prefix: String) {
            guard let mapping = node.mapping else { return }
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                let path = prefix + name
                if let mark = value.mark { positions[path] = Position(line: mark.line, column: mark.column) }
                if prefix.isEmpty && name == "memo" { walk(value, prefix: "memo.") }
            }
        }
        if let root { walk(root, prefix: "") }
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

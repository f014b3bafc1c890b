import BriefDocument
import BriefModel
import Foundation

/// One value of a report definition that is out of range, malformed, missing or still a
/// template placeholder, with where it is when the definition came from a file.
public struct DefinitionProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file (or `<definition>` for one built in Swift, `qbrief` for a flag).
    public var file: String
    /// 1-based line and column of the value in the file, when known.
    public var line: Int?
    /// See `line`.
    public var column: Int?
    /// The YAML key path, e.g. `memo.mark_size`.
    public var key: String
    /// What is wrong, and for placeholders how to set the field; one line.
    public var message: String

    /// Creates a problem.
    public init(file: String = "<definition>", line: Int? = nil, column: Int? = nil, key: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message` (or `FILE: error: message` without a position),
    /// always one line: control characters in the file name or the message (a value quoted in
    /// it, say) are written as escapes (\n, \t, \u{1B}).
    public var description: String {
        let at = line.map { "\(file):\($0):\(column ?? 1)" } ?? file
        return Diagnostic.oneLine("\(at): error: \(message)")
    }
}

/// The limits every report-definition value is checked against, the same for YAML files,
/// command-line flags and definitions built in Swift (`ReportDefinition.problems()`).
public enum DefinitionLimits {
    /// 第N期.
    public static let issue = 1...99_999
    /// 共印N份.
    public static let printRun = 1...1_000_000
    /// Rows of the recipient list (0 lists none).
    public static let recipientLimit = 0...1_000_000
    /// Size of the memo's issuing-authority mark, points.
    public static let markSize = 12.0...100.0
    /// Thickness of the memo's red rule, points.
    public static let redRuleWidth = 0.25...10.0
    /// Characters of a title (briefing or memo).
    public static let titleLength = 200
    /// Characters of a one-line field (name, unit, source, notice, issuer, signature, …).
    public static let lineLength = 200
    /// Characters of a memo body paragraph or a distribution line.
    public static let paragraphLength = 5_000
    /// Paragraphs of a memo body, lines of distribution.
    public static let paragraphCount = 1_000
    /// Nesting of YAML collections in a definition file (a deeper file is refused before it is parsed).
    public static let yamlNesting = 32
    /// Bytes of a definition file.
    public static let fileSize = 1 << 20
}

extension ReportDefinition {
    /// Every value out of range or malformed (not placeholders: see `placeholderProblems()`),
    /// each with its YAML key; empty when the definition is sound. Used for YAML files,
    /// flags and definitions built in Swift alike.
    public func problems() -> [DefinitionProblem] {
        var out: [DefinitionProblem] = []
        func add(_ key: String, _ message: String) { out.append(DefinitionProblem(key: key, message: message)) }
        if ChineseNumbers.date(date) == nil { add("date", Self.dateMessage("date", date)) }
        if let m = Self.rangeMessage("issue", issue, DefinitionLimits.issue) { add("issue", m) }
        if let printRun, let m = Self.rangeMessage("print_run", printRun, DefinitionLimits.printRun) { add("print_run", m) }
        if let recipientLimit, let m = Self.rangeMessage("recipient_limit", recipientLimit, DefinitionLimits.recipientLimit) {
            add("recipient_limit", m)
        }
        let lines: [(String, String?)] = [("name", name), ("unit", unit), ("classification", classification),
                                          ("notice", notice), ("source", source)]
        for (key, value) in lines {
            if let value, let m = Self.textMessage(key, value, limit: DefinitionLimits.lineLength) { add(key, m) }
        }
        if let m = Self.textMessage("title", title, limit: DefinitionLimits.titleLength) { add("title", m) }
        if distribution.count > DefinitionLimits.paragraphCount {
            add("distribution", "distribution has \(distribution.count) lines; at most \(DefinitionLimits.paragraphCount) are allowed")
        }
        for (i, line) in distribution.enumerated() {
            if let m = Self.textMessage("distribution[\(i + 1)]", line, limit: DefinitionLimits.paragraphLength) { add("distribution", m) }
        }
        if let memo { out += memo.problems(definitionDate: date) }
        if let homeProvince {
            do { _ = try Self.province(named: homeProvince) } catch { add("home_province", "home_province \(error)") }
        }
        if layout == .memo && memo == nil {
            add("layout", "layout memo needs a `memo:` section (see Reports/templates/memo.yaml or Reports/sample/memo.yaml)")
        }
        return out
    }

    /// Fields a reader of the briefing or memo would see that are empty or still the
    /// template's placeholders (（编印单位）, （发文机关）, （主送机关）…), each naming how to set it.
    /// `Briefing` refuses to render such a definition unless `draft` is set.
    public func placeholderProblems() -> [DefinitionProblem] {
        var out: [DefinitionProblem] = []
        func check(_ key: String, _ value: String?, required: Bool, hint: String) {
            let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if text.isEmpty {
                if required { out.append(DefinitionProblem(key: key, message: "\(key) is missing: \(hint)")) }
            } else if let p = Self.placeholder(in: text) {
                out.append(DefinitionProblem(key: key, message: "\(key) is still the template placeholder “\(p)”: \(hint)"))
            }
        }
        func how(_ key: String) -> String {
            (origin?.alternatives[key].map { "pass \($0) or " } ?? "") + "set `\(key):` in the report definition"
        }
        let kind = layout ?? .briefing
        check("name", name, required: kind == .briefing, hint: how("name"))
        check("unit", unit, required: kind == .briefing, hint: how("unit"))
        check("title", title, required: true, hint: how("title"))
        check("source", source, required: false, hint: how("source"))
        check("classification", classification, required: false, hint: how("classification"))
        for (i, line) in distribution.enumerated() {
            check("distribution", line, required: false, hint: "edit line \(i + 1) of `distribution:` in the report definition")
        }
        guard let memo, kind != .briefing else { return out }
        func memoHow(_ key: String) -> String { "set `\(key):` under `memo:` in the report definition (see Reports/sample/memo.yaml)" }
        let fields: [(String, String?, Bool)] = [
            ("issuer_mark", memo.issuerMark, kind == .memo), ("document_number", memo.documentNumber, true),
            ("title", memo.title, kind == .memo), ("recipients", memo.recipients, kind == .memo),
            ("signature", memo.signature, kind == .memo), ("copy_to", memo.copyTo, false),
            ("printed_by", memo.printedBy, false), ("attachment_title", memo.attachmentTitle, false),
            ("note", memo.note, false),
        ]
        for (key, value, required) in fields {
            check("memo.\(key)", value, required: required, hint: memoHow(key))
        }
        for (i, paragraph) in memo.body.enumerated() {
            check("memo.body", paragraph, required: false, hint: "edit paragraph \(i + 1) of `body:` under `memo:`")
        }
        return out
    }

    /// Placeholders of the templates under `Reports/templates/`.
    public static let templatePlaceholders = ["（编印单位）", "（发文机关）", "（机关代字）", "（主送机关）",
                                              "（发文机关署名）", "（印发机关）", "（抄送机关）"]

    /// The placeholder in `text`: one of `templatePlaceholders`, or the whole value being a
    /// short phrase in full-width parentheses (（单位名称）).
    static func placeholder(in text: String) -> String? {
        if let p = templatePlaceholders.first(where: { text.contains($0) }) { return p }
        if text.hasPrefix("（"), text.hasSuffix("）"), text.count <= 14,
           !text.dropFirst().dropLast().contains(where: { $0 == "（" || $0 == "）" }) {
            return text
        }
        return nil
    }

    // MARK: - Messages shared by every check

    static func rangeMessage(_ key: String, _ value: Int, _ range: ClosedRange<Int>) -> String? {
        range.contains(value) ? nil : "\(key) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)"
    }

    static func rangeMessage(_ key: String, _ value: Double, _ range: ClosedRange<Double>, unit: String) -> String? {
        range.contains(value) ? nil
            : "\(key) is \(value); it must be a number between \(number(range.lowerBound)) and \(number(range.upperBound)) (\(unit))"
    }

    static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    static func dateMessage(_ key: String, _ value: String) -> String {
        "\(key) “\(value.unicodeScalars.count > 40 ? String(value.prefix(40)) + "…" : value)” is not a date YYYY-MM-DD of the calendar (years \(ChineseNumbers.dateYears.lowerBound)–\(ChineseNumbers.dateYears.upperBound))"
    }

    /// A control character (NUL, a newline in a one-line field…) or a text over `limit`
    /// characters.
    static func textMessage(_ key: String, _ value: String, limit: Int) -> String? {
        for (i, u) in value.unicodeScalars.enumerated() where u.properties.generalCategory == .control {
            return "\(key) contains the control character U+\(String(format: "%04X", u.value)) at character \(i + 1); remove it"
        }
        let n = value.count
        if n > limit { return "\(key) has \(n) characters; at most \(limit) are allowed (it is never cut short)" }
        return nil
    }
}

extension MemoDefinition {
    /// Problems of the memo's values (份号, 发文字号 form and year, dates, colour, mark size,
    /// rule width, text), each keyed `memo.…`; `definitionDate` is the report's date, the
    /// memo's default 成文日期.
    public func problems(definitionDate: String) -> [DefinitionProblem] {
        var out: [DefinitionProblem] = []
        func add(_ key: String, _ message: String) { out.append(DefinitionProblem(key: "memo.\(key)", message: message)) }
        let header = header(title: title)
        for p in header.problems() {
            add(p.hasPrefix("份号") ? "copy_number" : "document_number", "memo.\(p.hasPrefix("份号") ? "copy_number" : "document_number") \(p)")
        }
        for (key, value) in [("date", date), ("printed_on", printedOn)] {
            if let value, ChineseNumbers.date(value) == nil { add(key, ReportDefinition.dateMessage("memo.\(key)", value)) }
        }
        // A number still holding a placeholder is reported as unfinished, not as a wrong year.
        if let n = documentNumber, ReportDefinition.placeholder(in: n) == nil, let year = Self.year(of: n),
           let dated = ChineseNumbers.dateParts(date ?? definitionDate), dated.year != year {
            add("document_number", "memo.document_number “\(n)” has the year \(year) but the memo is dated \(date ?? definitionDate) (\(date == nil ? "date" : "memo.date")); a 发文字号 carries the year of its 成文日期")
        }
        if let red, Self.color(red) == nil { add("red", "memo.red “\(red)” is not a colour #RRGGBB") }
        if let markSize, let m = ReportDefinition.rangeMessage("memo.mark_size", markSize, DefinitionLimits.markSize, unit: "points") {
            add("mark_size", m)
        }
        if let redRuleWidth, let m = ReportDefinition.rangeMessage("memo.red_rule_width", redRuleWidth, DefinitionLimits.redRuleWidth, unit: "points") {
            add("red_rule_width", m)
        }
        let lines: [(String, String?, Int)] = [
            ("issuer_mark", issuerMark, DefinitionLimits.lineLength), ("document_number", documentNumber, DefinitionLimits.lineLength),
            ("title", title, DefinitionLimits.titleLength), ("recipients", recipients, DefinitionLimits.paragraphLength),
            ("attachment_title", attachmentTitle, DefinitionLimits.titleLength), ("attachment_label", attachmentLabel, DefinitionLimits.lineLength),
            ("signature", signature, DefinitionLimits.lineLength), ("note", note, DefinitionLimits.paragraphLength),
            ("copy_to", copyTo, DefinitionLimits.paragraphLength), ("printed_by", printedBy, DefinitionLimits.lineLength),
            ("secrecy", secrecy, DefinitionLimits.lineLength), ("urgency", urgency, DefinitionLimits.lineLength),
        ]
        for (key, value, limit) in lines {
            if let value, let m = ReportDefinition.textMessage("memo.\(key)", value, limit: limit) { add(key, m) }
        }
        if body.count > DefinitionLimits.paragraphCount {
            add("body", "memo.body has \(body.count) paragraphs; at most \(DefinitionLimits.paragraphCount) are allowed")
        }
        for (i, paragraph) in body.enumerated() {
            if let m = ReportDefinition.textMessage("memo.body[\(i + 1)]", paragraph, limit: DefinitionLimits.paragraphLength) { add("body", m) }
        }
        return out
    }

    /// Problems of a memo built in Swift (`Document(memo:)`): its header's 份号 and 发文字号 and
    /// the settings' mark size and rule width, keyed as in YAML.
    static func problems(of memo: Memo) -> [DefinitionProblem] {
        var d = MemoDefinition(issuerMark: memo.header.issuerMark, documentNumber: memo.header.documentNumber,
                               title: memo.header.title, recipients: memo.header.recipients)
        d.copyNumber = memo.header.copyNumber
        d.markSize = memo.settings.markSize
        d.redRuleWidth = memo.settings.redRuleWidth
        return d.problems(definitionDate: "2000-01-01").filter { $0.key != "memo.document_number" || !$0.message.contains("has the year") }
    }

    /// The four-digit year in the 〔〕 of a 发文字号, if any.
    static func year(of number: String) -> Int? {
        guard let open = number.firstIndex(of: "〔"), let close = number.firstIndex(of: "〕"), open < close else { return nil }
        let y = number[number.index(after: open)..<close]
        return y.count == 4 && y.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(y) : nil
    }
}

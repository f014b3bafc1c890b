/// The columns a register may have, with the header names (English and Chinese) that mean
/// each one.
public enum RecordColumn: String, Sendable, CaseIterable {
    /// Record identifier.
    case id
    /// Recipient name.
    case recipient
    /// organization or individual.
    case recipientType = "recipient_type"
    /// Programme name or id.
    case programme
    /// award or nomination.
    case level
    /// Edition year.
    case year
    /// GB/T 4754 section, division or name.
    case sector = "sector_code"
    /// GB/T 2260 code or region name.
    case region = "region_code"
    /// Unified social credit code.
    case creditCode = "credit_code"
    /// Free text.
    case note

    /// Columns a header must have. A missing region or sector column is a warning: those
    /// records are counted under 未知地区 / 未分类.
    public static let required: [RecordColumn] = [.recipient, .programme, .year]

    /// Header names accepted for this column, compared after `headerKey(_:)` (case,
    /// full-width forms, spaces, parentheses and a trailing * or ：are ignored).
    public var aliases: [String] {
        switch self {
        case .id: return ["id", "no", "编号", "序号", "序", "记录编号"]
        case .recipient: return ["recipient", "name", "organization", "获奖单位", "获奖组织", "单位名称", "单位", "企业名称",
                                 "组织名称", "名称", "获奖单位（个人）", "获奖单位（组织）", "获奖者", "获奖人", "姓名",
                                 "获奖单位/个人", "获奖单位或个人", "获奖组织/个人"]
        case .recipientType: return ["recipient_type", "recipienttype", "type", "类型", "获奖者类型", "单位类型", "主体类型"]
        case .programme: return ["programme", "program", "award", "奖项", "奖项名称", "获奖名称", "获得奖项", "荣誉名称"]
        case .level: return ["level", "级别", "等次", "等级", "获奖等级", "获奖等次", "获奖类别"]
        case .year: return ["year", "edition", "年度", "年份", "获奖年度", "获奖年份", "获奖时间", "评选年度", "届次年份"]
        case .sector: return ["sector_code", "sector", "industry", "行业", "所属行业", "行业代码", "行业类别", "行业分类",
                              "所属行业代码", "国民经济行业", "国民经济行业分类"]
        case .region: return ["region_code", "region", "city", "地区", "所在地区", "设区市", "所在地", "地区代码",
                              "所在城市", "城市", "所属地区", "行政区划", "行政区划代码", "所在设区市"]
        case .creditCode: return ["credit_code", "uscc", "统一社会信用代码", "社会信用代码", "信用代码", "统一代码"]
        case .note: return ["note", "notes", "remark", "remarks", "备注", "说明"]
        }
    }

    /// A header cell reduced for comparison: full-width folded, lower-cased, spaces, U+3000,
    /// underscores, hyphens, a trailing * or colon removed, parentheses full-width.
    public static func headerKey(_ header: String) -> String {
        var t = TextNormalizer.code(header).lowercased().filter { !" \t\n\r_-".contains($0) }
        while let last = t.last, "*:：".contains(last) { t.removeLast() }
        return TextNormalizer.name(t)
    }

    private static let aliasIndex: [String: RecordColumn] = {
        var ix: [String: RecordColumn] = [:]
        for c in allCases { for a in c.aliases { ix[headerKey(a)] = c } }
        return ix
    }()

    /// The column a header cell names, or nil if unknown.
    public static func from(header: String) -> RecordColumn? {
        aliasIndex[headerKey(header)]
    }

    /// The column a header cell names, trying `mapping` (keys compared like headers) first.
    public static func from(header: String, mapping: [String: RecordColumn]) -> RecordColumn? {
        if !mapping.isEmpty {
            let k = headerKey(header)
            if let c = mapping.first(where: { headerKey($0.key) == k })?.value { return c }
        }
        return from(header: header)
    }

    /// 1-based position in `allCases`, used as the column of JSON diagnostics.
    var ordinal: Int { RecordColumn.allCases.firstIndex(of: self)! + 1 }
}

/// A row before validation: the raw text of each known column and the column number it sits in.
struct RawRecord {
    /// The file path as given.
    var file: String
    /// Line where the row starts.
    var line: Int
    /// Raw values by column, with their 1-based column numbers.
    var fields: [RecordColumn: (value: String, column: Int)]

    func value(_ c: RecordColumn) -> String? { fields[c]?.value }

    func diagnostic(_ c: RecordColumn, _ severity: Severity, _ message: String) -> Diagnostic {
        Diagnostic(location: location(c), severity: severity, message: message, kind: c.diagnosticKind)
    }

    func location(_ c: RecordColumn) -> SourceLocation {
        SourceLocation(file: file, line: line, column: fields[c]?.column ?? 1)
    }
}

extension RecordColumn {
    /// The diagnostic kind of a problem in this column.
    var diagnosticKind: DiagnosticKind {
        switch self {
        case .id: return .id
        case .recipient: return .recipient
        case .recipientType: return .recipientType
        case .programme: return .programme
        case .level: return .level
        case .year: return .year
        case .sector: return .sector
        case .region: return .region
        case .creditCode: return .creditCode
        case .note: return .note
        }
    }
}

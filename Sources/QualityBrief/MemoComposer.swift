import BriefDocument
import Foundation

/// The memo (公文) fields of a report definition: the `memo:` section of the YAML.
/// `Reports/templates/memo.yaml` lists every field; `Reports/sample/memo.yaml` fills them in.
public struct MemoDefinition: Codable, Sendable, Equatable {
    /// 份号: six digits, e.g. `000001`.
    public var copyNumber: String?
    /// 密级和保密期限, e.g. `秘密★1年`.
    public var secrecy: String?
    /// 紧急程度: 特急 or 加急.
    public var urgency: String?
    /// 发文机关标志 (red), e.g. `江苏省市场监督管理局（示例）`.
    public var issuerMark: String
    /// 发文字号, e.g. `苏市监〔2024〕7号`.
    public var documentNumber: String?
    /// Memo title (2号 小标宋).
    public var title: String
    /// 主送机关, without the colon.
    public var recipients: String?
    /// Body paragraphs; one starting with 一、 is a level-1 heading (黑体), with （一） a
    /// level-2 heading (楷体). `{summary}` is replaced by the briefing's first summary
    /// paragraph.
    public var body: [String]
    /// The attachment's name in 附件说明 (default: the briefing's title).
    public var attachmentTitle: String?
    /// The attachment's label (default 附件: a memo with one attachment numbers neither it
    /// nor its 附件说明 entry, GB/T 9704-2012 7.3.4 and 8).
    public var attachmentLabel: String?
    /// 发文机关署名.
    public var signature: String?
    /// 成文日期 `YYYY-MM-DD` (default: the definition's date); printed as 2024年12月20日.
    public var date: String?
    /// 附注, without parentheses.
    public var note: String?
    /// 抄送机关.
    public var copyTo: String?
    /// 印发机关.
    public var printedBy: String?
    /// 印发日期 `YYYY-MM-DD` (default: the memo's date).
    public var printedOn: String?
    /// 发文机关标志 size in points (default 42, 初号; shrunk to fit the block).
    public var markSize: Double?
    /// Red of the mark and rule as `#RRGGBB` (default #E60012).
    public var red: String?
    /// Red rule thickness in points (default 2.25).
    public var redRuleWidth: Double?

    enum CodingKeys: String, CodingKey {
        case copyNumber = "copy_number", secrecy, urgency, issuerMark = "issuer_mark"
        case documentNumber = "document_number", title, recipients, body
        case attachmentTitle = "attachment_title", attachmentLabel = "attachment_label"
        case signature, date, note, copyTo = "copy_to", printedBy = "printed_by", printedOn = "printed_on"
        case markSize = "mark_size", red, redRuleWidth = "red_rule_width"
    }

    /// Creates a memo definition.
    public init(issuerMark: String, documentNumber: String? = nil, title: String, recipients: String? = nil,
                body: [String] = [], signature: String? = nil, date: String? = nil, copyTo: String? = nil,
                printedBy: String? = nil, printedOn: String? = nil) {
        self.issuerMark = issuerMark
        self.documentNumber = documentNumber
        self.title = title
        self.recipients = recipients
        self.body = body
        self.signature = signature
        self.date = date
        self.copyTo = copyTo
        self.printedBy = printedBy
        self.printedOn = printedOn
    }

    func header(title: String) -> MemoHeader {
        MemoHeader(copyNumber: copyNumber, classification: secrecy, urgency: urgency, issuerMark: issuerMark,
                   documentNumber: documentNumber, title: title, recipients: recipients)
    }

    var settings: MemoSettings {
        var s = MemoSettings()
        if let markSize { s.markSize = markSize }
        if let red, let c = Self.color(red) { s.red = c }
        if let redRuleWidth { s.redRuleWidth = redRuleWidth }
        return s
    }

    static func color(_ text: String) -> RGBColor? {
        let hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return nil }
        return RGBColor(hex: v)
    }
}

/// Turns a composed briefing into a memo with the briefing as its attachment, or into a standalone
/// attachment.
enum MemoComposer {
    /// The briefing as an attachment: no masthead or distribution block, 附件N top left,
    /// the title on line 3. `memoNumber` goes in front of the label when the attachment is
    /// not bound with its memo.
    static func attachment(_ briefing: Document, label: String, memoNumber: String?) -> Document {
        var doc = briefing
        doc.masthead = nil
        doc.footer = nil
        doc.attachment = AttachmentHeader(label: label, memoNumber: memoNumber, title: briefing.metadata.title)
        return doc
    }

    /// The label of attachment `index` (0-based) of `count`: 附件 when there is one (its
    /// 附件说明 then reads "附件：name"), 附件1, 附件2 … when there are several (附件说明 "附件：1. …"),
    /// so the two always match (GB/T 9704-2012 7.3.4 and 8).
    static func attachmentLabel(_ index: Int, of count: Int) -> String {
        count == 1 ? "附件" : "附件\(index + 1)"
    }

    /// A memo transmitting the briefing as its one attachment, bound behind it.
    static func memo(_ briefing: Document, definition d: ReportDefinition, memo m: MemoDefinition,
                     summary: [String]) -> Document {
        let date = ChineseNumbers.date(m.date ?? d.date) ?? d.date
        let printed = ChineseNumbers.date(m.printedOn ?? m.date ?? d.date) ?? date
        let attachmentTitle = m.attachmentTitle ?? briefing.metadata.title
        let label = m.attachmentLabel ?? attachmentLabel(0, of: 1)
        var body: [Block] = []
        for raw in m.body {
            let text = raw.replacingOccurrences(of: "{summary}", with: summary.first ?? "")
            body.append(block(text))
        }
        let memo = Memo(
            header: m.header(title: m.title), body: body,
            closing: MemoClosing(attachments: [attachmentTitle], signature: m.signature, date: date, note: m.note),
            end: m.printedBy.map { MemoEnd(copyTo: m.copyTo, printedBy: $0, printedOn: printed) },
            settings: m.settings)
        var attached = attachment(briefing, label: label, memoNumber: nil)
        attached.attachment?.title = attachmentTitle
        let meta = DocumentMetadata(
            title: m.title, author: m.signature ?? d.unit, subject: m.documentNumber ?? m.title,
            creator: briefing.metadata.creator, keywords: "公文,质量奖,\(d.name)", date: m.date ?? d.date)
        return Document(metadata: meta, page: .a4Briefing, styles: .memo, blocks: [],
                        runningHeader: d.notice, memo: memo, attachments: [attached])
    }

    /// A body paragraph, or a heading when it starts with 一、 or （一）.
    static func block(_ text: String) -> Block {
        let numerals = Set("一二三四五六七八九十")
        let chars = Array(text)
        var n = 0
        while n < chars.count && numerals.contains(chars[n]) { n += 1 }
        if n > 0 && n < chars.count && chars[n] == "、" && chars.count <= 30 {
            return .heading(Heading(level: 1, text: text))
        }
        if chars.first == "（" {
            var k = 1
            while k < chars.count && numerals.contains(chars[k]) { k += 1 }
            if k > 1 && k < chars.count && chars[k] == "）" && chars.count <= 30 {
                return .heading(Heading(level: 2, text: text))
            }
        }
        return .paragraph(Paragraph(text))
    }
}

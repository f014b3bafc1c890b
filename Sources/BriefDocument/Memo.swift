/// Official-document (公文) layouts after GB/T 9704-2012 《党政机关公文格式》.

/// Which layout a document uses.
public enum LayoutKind: String, Codable, Sendable, Equatable, CaseIterable {
    /// The 简报: red masthead on page 1, distribution lines at the foot of the last page.
    case briefing
    /// A memo (公文) after GB/T 9704-2012: header, red mark and rule, body on the 22 × 28 grid,
    /// signature, 版记 on the last page.
    case memo
    /// The content as an attachment (附件N) to be bound behind a memo.
    case attachment
}

/// The free values GB/T 9704-2012 leaves to the issuer, and the grid it fixes. Every length
/// is in millimetres unless the name says otherwise.
public struct MemoSettings: Codable, Sendable, Equatable {
    /// Size of the issuing-authority mark (发文机关标志) in points. The standard only asks for
    /// a red 小标宋 mark that is "醒目、美观、庄重"; default 初号 (42 pt). A mark wider than
    /// the type block is set smaller until it fits.
    public var markSize: Double
    /// Colour of the mark and of the red rule; default `RGBColor.officialRed`.
    public var red: RGBColor
    /// Distance from the type block's top to the mark's top edge (GB/T 9704 7.2.4: 35 mm).
    public var markTop: Double
    /// Thickness of the red rule under the document number, in points. The standard gives no
    /// value; default 2.25 pt (0.79 mm), the common 2.25 磅 of bureau templates.
    public var redRuleWidth: Double
    /// Distance from the document number's bottom edge to the red rule (7.2.5: 4 mm).
    public var ruleGap: Double
    /// Outer (first and last) rules of the end block (7.4.1: 0.35 mm).
    public var endRuleOuter: Double
    /// Inner rules of the end block (7.4.1: 0.25 mm).
    public var endRuleInner: Double
    /// Lines per page of the body grid (5.2.2: 22).
    public var linesPerPage: Int
    /// Characters per line of the body grid (5.2.2: 28).
    public var charsPerLine: Int

    /// Creates settings; every argument defaults to the standard's value or the common one.
    public init(
        markSize: Double = ChineseFontSize.chuhao, red: RGBColor = .officialRed, markTop: Double = 35,
        redRuleWidth: Double = 2.25, ruleGap: Double = 4, endRuleOuter: Double = 0.35,
        endRuleInner: Double = 0.25, linesPerPage: Int = 22, charsPerLine: Int = 28
    ) {
        self.markSize = markSize
        self.red = red
        self.markTop = markTop
        self.redRuleWidth = redRuleWidth
        self.ruleGap = ruleGap
        self.endRuleOuter = endRuleOuter
        self.endRuleInner = endRuleInner
        self.linesPerPage = linesPerPage
        self.charsPerLine = charsPerLine
    }

    /// The ideographic em box of CJK fonts lies 0.88 em above and 0.12 em below the
    /// baseline; "top edge" and "bottom edge" of a line of Chinese text mean this box.
    public static let ideographicAscent = 0.88
    /// See `ideographicAscent`.
    public static let ideographicDescent = 0.12
}

/// The 版头 and the title block of a memo (GB/T 9704 7.2, 7.3.1–7.3.2).
public struct MemoHeader: Codable, Sendable, Equatable {
    /// 份号: six Arabic digits, e.g. `000123`; nil for none.
    public var copyNumber: String?
    /// 密级和保密期限, e.g. `秘密★1年`; nil for none.
    public var classification: String?
    /// 紧急程度, e.g. `特急` or `加急`; nil for none.
    public var urgency: String?
    /// 发文机关标志, e.g. `江苏省市场监督管理局文件`.
    public var issuerMark: String
    /// 发文字号, e.g. `苏市监〔2024〕7号`; nil for none.
    public var documentNumber: String?
    /// 标题.
    public var title: String
    /// 主送机关 without the trailing colon, e.g. `各设区市市场监督管理局`; nil for none.
    public var recipients: String?

    /// Creates a header.
    public init(
        copyNumber: String? = nil, classification: String? = nil, urgency: String? = nil,
        issuerMark: String, documentNumber: String? = nil, title: String, recipients: String? = nil
    ) {
        self.copyNumber = copyNumber
        self.classification = classification
        self.urgency = urgency
        self.issuerMark = issuerMark
        self.documentNumber = documentNumber
        self.title = title
        self.recipients = recipients
    }

    /// Problems with the values GB/T 9704 constrains (份号 six digits; 发文字号 with the year
    /// in 〔〕, no 第, no leading zero, ending in 号); empty when all is well.
    public func problems() -> [String] {
        var out: [String] = []
        if let c = copyNumber, !(c.count == 6 && c.allSatisfy { $0.isASCII && $0.isNumber }) {
            out.append("份号 “\(c)” must be six Arabic digits")
        }
        if let n = documentNumber {
            if n.contains("第") { out.append("发文字号 “\(n)” must not contain 第") }
            if !n.hasSuffix("号") { out.append("发文字号 “\(n)” must end with 号") }
            if let close = n.firstIndex(of: "〕"), let open = n.firstIndex(of: "〔"), open < close {
                let year = n[n.index(after: open)..<close]
                if !(year.count == 4 && year.allSatisfy { $0.isASCII && $0.isNumber }) {
                    out.append("发文字号 “\(n)” needs a four-digit year in 〔〕")
                }
                let serial = n[n.index(after: close)...].dropLast()
                if serial.first == "0" || serial.isEmpty || !serial.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    out.append("发文字号 “\(n)” needs a serial number without leading zeros")
                }
            } else {
                out.append("发文字号 “\(n)” needs the year in 〔〕, e.g. 苏市监〔2024〕7号")
            }
        }
        return out
    }
}

/// What follows the body: 附件说明, signature, date, 附注 (GB/T 9704 7.3.4–7.3.7).
public struct MemoClosing: Codable, Sendable, Equatable {
    /// Attachment names in order (附件说明); numbered `1.` `2.` when more than one.
    public var attachments: [String]
    /// 发文机关署名, e.g. `江苏省市场监督管理局`; nil for none.
    public var signature: String?
    /// 成文日期 with Arabic numerals and no leading zeros, e.g. `2024年7月1日`.
    public var date: String
    /// 附注 without the parentheses; nil for none.
    public var note: String?

    /// Creates a closing.
    public init(attachments: [String] = [], signature: String? = nil, date: String, note: String? = nil) {
        self.attachments = attachments
        self.signature = signature
        self.date = date
        self.note = note
    }
}

/// The end block (版记) at the foot of the last page (GB/T 9704 7.4).
public struct MemoEnd: Codable, Sendable, Equatable {
    /// 抄送机关 without the label, e.g. `省政府办公厅，省发展改革委`; nil for none.
    public var copyTo: String?
    /// 印发机关, e.g. `江苏省市场监督管理局办公室`.
    public var printedBy: String
    /// 印发日期 with Arabic numerals, e.g. `2024年12月20日`; `印发` is added.
    public var printedOn: String

    /// Creates an end block.
    public init(copyTo: String? = nil, printedBy: String, printedOn: String) {
        self.copyTo = copyTo
        self.printedBy = printedBy
        self.printedOn = printedOn
    }
}

/// A memo: header, body, closing and end block, with the settings they are drawn with.
public struct Memo: Codable, Sendable, Equatable {
    /// 版头 and title.
    public var header: MemoHeader
    /// The body (正文): headings 一、（一）1.（1） and paragraphs.
    public var body: [Block]
    /// 附件说明, signature, date, 附注.
    public var closing: MemoClosing
    /// 版记, printed at the foot of the last page (after any attachments); nil for none.
    public var end: MemoEnd?
    /// Free values of the standard.
    public var settings: MemoSettings

    /// Creates a memo.
    public init(header: MemoHeader, body: [Block], closing: MemoClosing, end: MemoEnd? = nil,
                settings: MemoSettings = MemoSettings()) {
        self.header = header
        self.body = body
        self.closing = closing
        self.end = end
        self.settings = settings
    }
}

/// The head of an attachment page (GB/T 9704 8, 附件): 附件N top left in 3号 黑体, the
/// title centred on line 3.
public struct AttachmentHeader: Codable, Sendable, Equatable {
    /// `附件1`, or `附件` for a single unnumbered attachment.
    public var label: String
    /// The memo's document number, printed in front of the label when the attachment is
    /// not bound with its memo (e.g. `苏市监〔2024〕7号附件1`); nil when bound.
    public var memoNumber: String?
    /// Attachment title, centred on line 3.
    public var title: String

    /// Creates an attachment header.
    public init(label: String, memoNumber: String? = nil, title: String) {
        self.label = label
        self.memoNumber = memoNumber
        self.title = title
    }
}

extension StyleSheet {
    /// Memo styles (GB/T 9704-2012): 2号 小标宋 title, 3号 仿宋 body on the 22-line grid,
    /// headings 一、黑体, （一）楷体, 1. and （1）仿宋, all without extra space.
    public static let memo: StyleSheet = {
        let line = 225.0 / 25.4 * 72 / 22
        var s = StyleSheet.briefing
        s.title = TextStyle(role: .xiaobiaosong, size: ChineseFontSize.erhao, lineHeight: line, alignment: .center)
        s.headings = [
            TextStyle(role: .heiti, size: ChineseFontSize.sanhao, lineHeight: line, indentChars: 2),
            TextStyle(role: .kaiti, size: ChineseFontSize.sanhao, lineHeight: line, indentChars: 2),
            TextStyle(role: .fangsong, size: ChineseFontSize.sanhao, lineHeight: line, indentChars: 2),
            TextStyle(role: .fangsong, size: ChineseFontSize.sanhao, lineHeight: line, indentChars: 2),
        ]
        s.body = TextStyle(role: .fangsong, size: ChineseFontSize.sanhao, lineHeight: line,
                           alignment: .justified, indentChars: 2)
        return s
    }()
}

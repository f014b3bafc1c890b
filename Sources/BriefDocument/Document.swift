/// A briefing as data: what to say, not where it goes.
///
/// `Document` is the hand-over point between the recipes in `QualityBrief` and the layout
/// engine in `BriefLayout`. It is `Codable`, so a document can be written to JSON, inspected
/// and laid out later.
public struct Document: Codable, Sendable, Equatable {
    /// PDF metadata (title, author, subject, creator, date).
    public var metadata: DocumentMetadata
    /// Paper, margins and page-number style.
    public var page: PageStyle
    /// Fonts, sizes and colours of each kind of text.
    public var styles: StyleSheet
    /// The 简报 masthead on page 1, if the document has one.
    public var masthead: Masthead?
    /// The content, in reading order.
    public var blocks: [Block]
    /// Distribution lines and print run at the foot of the last page, if any.
    public var footer: DistributionFooter?
    /// A short mark printed in the top margin of every page (e.g. 示例数据), if any; page 1
    /// leaves it out when the masthead's notice already says the same.
    public var runningHeader: String?
    /// A mark set large and light across every page (e.g. 草稿 for a draft whose masthead or
    /// memo fields are not filled in yet), if any.
    public var draftMark: String?
    /// The memo (公文) this document is, if any: laid out after GB/T 9704-2012 instead of
    /// the masthead; `blocks` are then unused and the memo's own body is set.
    public var memo: Memo?
    /// Set when this document is an attachment (附件N) bound behind a memo.
    public var attachment: AttachmentHeader?
    /// Attachments bound behind this memo, each starting on a new page, page numbers
    /// continuing; the memo's 版记 follows the last of them.
    public var attachments: [Document]?

    /// The layout this document asks for.
    public var layout: LayoutKind { memo != nil ? .memo : attachment != nil ? .attachment : .briefing }

    /// Creates a document.
    public init(
        metadata: DocumentMetadata,
        page: PageStyle = .a4Briefing,
        styles: StyleSheet = .briefing,
        masthead: Masthead? = nil,
        blocks: [Block] = [],
        footer: DistributionFooter? = nil,
        runningHeader: String? = nil,
        memo: Memo? = nil,
        attachment: AttachmentHeader? = nil,
        attachments: [Document]? = nil
    ) {
        self.metadata = metadata
        self.page = page
        self.styles = styles
        self.masthead = masthead
        self.blocks = blocks
        self.footer = footer
        self.runningHeader = runningHeader
        self.memo = memo
        self.attachment = attachment
        self.attachments = attachments
    }
}

/// Document information written into the PDF's Info dictionary.
public struct DocumentMetadata: Codable, Sendable, Equatable {
    /// The title shown by PDF viewers.
    public var title: String
    /// Author, usually the compiling unit.
    public var author: String
    /// Subject line.
    public var subject: String
    /// The producing program.
    public var creator: String
    /// Keywords, comma separated.
    public var keywords: String
    /// The briefing's date, `YYYY-MM-DD`; used as the PDF creation date so that the same
    /// input gives byte-identical output.
    public var date: String

    /// Creates metadata.
    public init(
        title: String, author: String = "", subject: String = "",
        creator: String = "QualityBrief", keywords: String = "", date: String
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.creator = creator
        self.keywords = keywords
        self.date = date
    }
}

/// The 简报 masthead: red briefing name, issue number, compiling unit, date, red rule.
public struct Masthead: Codable, Sendable, Equatable {
    /// Red briefing name, e.g. 质量工作简报.
    public var name: String
    /// Issue line under the name, e.g. 第12期.
    public var issue: String
    /// Compiling unit, left above the rule.
    public var unit: String
    /// Date text, right above the rule, e.g. 2024年12月20日.
    public var date: String
    /// Classification or 内部资料 mark at the top left, if any.
    public var classification: String?
    /// A short notice printed under the rule (such as 示例数据), if any.
    public var notice: String?

    /// Creates a masthead.
    public init(
        name: String, issue: String, unit: String, date: String,
        classification: String? = nil, notice: String? = nil
    ) {
        self.name = name
        self.issue = issue
        self.unit = unit
        self.date = date
        self.classification = classification
        self.notice = notice
    }
}

/// The foot of the last page of a 简报: 报 / 送 / 发 lines and the print run.
public struct DistributionFooter: Codable, Sendable, Equatable {
    /// Lines such as `报：省政府办公厅`, in order.
    public var lines: [String]
    /// Print run, e.g. 共印30份; nil to omit.
    public var printRun: String?

    /// Creates a footer.
    public init(lines: [String], printRun: String? = nil) {
        self.lines = lines
        self.printRun = printRun
    }
}

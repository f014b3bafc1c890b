/// One piece of content in a document's flow.
public indirect enum Block: Codable, Sendable, Equatable {
    /// The document title, centred (e.g. in 2号 小标宋).
    case title(String)
    /// A numbered or plain heading; level 1 is 一、, level 2 （一）.
    case heading(Heading)
    /// A justified paragraph.
    case paragraph(Paragraph)
    /// A table that may continue across pages.
    case table(TableSpec)
    /// A chart, drawn as vector shapes.
    case chart(ChartSpec)
    /// Vertical space in points.
    case spacer(Double)
    /// Start a new page.
    case pageBreak
    /// Blocks that must stay on one page (moved whole to the next page if they do not fit).
    case keepTogether([Block])
}

/// A section heading.
public struct Heading: Codable, Sendable, Equatable {
    /// 1 = 一、 (黑体), 2 = （一） (楷体), 3 = 1. , 4 = （1）.
    public var level: Int
    /// Full heading text including its number, e.g. `一、总体情况`.
    public var text: String
    /// Whether the heading gets a PDF outline entry.
    public var inOutline: Bool

    /// Creates a heading.
    public init(level: Int, text: String, inOutline: Bool = true) {
        self.level = level
        self.text = text
        self.inOutline = inOutline
    }
}

/// Running text.
public struct Paragraph: Codable, Sendable, Equatable {
    /// The text; Chinese line-breaking rules are applied in layout.
    public var text: String
    /// Which style of the style sheet to use.
    public var kind: ParagraphKind

    /// Creates a paragraph.
    public init(_ text: String, kind: ParagraphKind = .body) {
        self.text = text
        self.kind = kind
    }
}

/// Kinds of paragraph, each mapped to a `TextStyle` by the `StyleSheet`.
public enum ParagraphKind: String, Codable, Sendable, Equatable {
    /// Body text: justified, two-character first-line indent.
    case body
    /// Small print such as notes and sources.
    case note
    /// Centred text.
    case centered
    /// Right-aligned text (signatures, dates).
    case trailing
}

import BriefLayout

/// What kind of PDF the renderer writes.
public struct PDFOptions: Sendable, Equatable {
    /// Tagged PDF (structure tree in reading order, /Lang, figure alternative text, table
    /// header scope, /ID, XMP metadata). On by default.
    public var tagged: Bool
    /// PDF/A-2b (ISO 19005-2, level B): XMP with pdfaid agreeing with the document
    /// information, an sRGB output intent, /ID. Implies nothing about `tagged`, which stays as set.
    public var archival: Bool
    /// Natural language of the text (/Lang, dc:language), e.g. `zh-CN`.
    public var language: String

    /// Creates options; the defaults give a tagged, not archival, Chinese PDF.
    public init(tagged: Bool = true, archival: Bool = false, language: String = "zh-CN") {
        self.tagged = tagged
        self.archival = archival
        self.language = language
    }
}

/// The structure elements the renderer has begun, in order (the pre-order of cairo's
/// structure tree), with the attributes cairo cannot write: the post-pass finds them by index.
struct StructureRecord {
    /// An element that needs attributes added.
    struct Attributed {
        var index: Int
        var element: StructureElement
    }
    private(set) var count = 0
    private(set) var attributed: [Attributed] = []
    /// The number of elements in each element's subtree, itself included, by index; 0 for
    /// one not closed. The post-pass steps over subtrees holding nothing to attribute
    /// without reading them (a 500-row recipient list is 3 500 elements).
    private(set) var sizes: [Int] = []
    private var open: [Int] = []

    /// An element begun.
    mutating func record(_ element: StructureElement) {
        if element.alt != nil || element.scope != nil {
            attributed.append(Attributed(index: count, element: element))
        }
        sizes.append(0)
        open.append(count)
        count += 1
    }

    /// The innermost open element ended.
    mutating func close() {
        if let i = open.popLast() { sizes[i] = count - i }
    }
}

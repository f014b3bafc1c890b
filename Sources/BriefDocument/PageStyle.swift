/// Paper size, margins and page numbering, in millimetres.
public struct PageStyle: Codable, Sendable, Equatable {
    /// Paper width in mm.
    public var width: Double
    /// Paper height in mm.
    public var height: Double
    /// Top margin (paper edge to type block) in mm.
    public var top: Double
    /// Left margin in mm.
    public var left: Double
    /// Type block width in mm.
    public var blockWidth: Double
    /// Type block height in mm.
    public var blockHeight: Double
    /// Page numbers as "— N —", or none.
    public var pageNumbers: PageNumberStyle
    /// Distance from the type block's bottom edge to the page number's baseline area, in mm.
    public var pageNumberOffset: Double

    /// Creates a page style.
    public init(
        width: Double, height: Double, top: Double, left: Double,
        blockWidth: Double, blockHeight: Double,
        pageNumbers: PageNumberStyle = .alternating, pageNumberOffset: Double = 7
    ) {
        self.width = width
        self.height = height
        self.top = top
        self.left = left
        self.blockWidth = blockWidth
        self.blockHeight = blockHeight
        self.pageNumbers = pageNumbers
        self.pageNumberOffset = pageNumberOffset
    }

    /// A4 with the GB/T 9704-2012 type block (156 × 225 mm, top 37 mm, left 28 mm), used for
    /// briefings too so that they can be bound behind a memo.
    public static let a4Briefing = PageStyle(
        width: 210, height: 297, top: 37, left: 28, blockWidth: 156, blockHeight: 225)
}

/// How pages are numbered.
public enum PageNumberStyle: String, Codable, Sendable, Equatable {
    /// No page numbers.
    case none
    /// "— N —" centred on every page.
    case centered
    /// "— N —" on the right of odd pages and the left of even pages, one character in
    /// (GB/T 9704-2012 7.5).
    case alternating
}

/// An sRGB colour, components 0…1.
public struct RGBColor: Codable, Sendable, Equatable, Hashable {
    /// Red.
    public var red: Double
    /// Green.
    public var green: Double
    /// Blue.
    public var blue: Double

    /// Creates a colour.
    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Creates a colour from `0xRRGGBB`.
    public init(hex: UInt32) {
        red = Double((hex >> 16) & 0xFF) / 255
        green = Double((hex >> 8) & 0xFF) / 255
        blue = Double(hex & 0xFF) / 255
    }

    /// Black.
    public static let black = RGBColor(red: 0, green: 0, blue: 0)
    /// White.
    public static let white = RGBColor(red: 1, green: 1, blue: 1)
    /// The red of mastheads and rules (common print red, close to C0 M100 Y100 K0).
    public static let officialRed = RGBColor(hex: 0xE60012)
    /// Mid grey for grid lines and notes.
    public static let grey = RGBColor(hex: 0x808080)
}

import BriefDocument

/// Lengths in the units of WordprocessingML.
enum Units {
    /// Twentieths of a point (twips) from points.
    static func twips(_ points: Double) -> Int { Int((points * 20).rounded()) }
    /// Twips from millimetres.
    static func twips(mm: Double) -> Int { Int((mm / 25.4 * 1440).rounded()) }
    /// Points from millimetres.
    static func points(mm: Double) -> Double { mm / 25.4 * 72 }
    /// English Metric Units (DrawingML) from points.
    static func emu(_ points: Double) -> Int { Int((points * 12700).rounded()) }
    /// Half-points (`w:sz`) from points.
    static func halfPoints(_ points: Double) -> Int { Int((points * 2).rounded()) }
    /// Eighths of a point (border widths) from points.
    static func eighths(_ points: Double) -> Int { max(2, Int((points * 8).rounded())) }
    /// `RRGGBB`.
    static func hex(_ c: RGBColor) -> String {
        func byte(_ v: Double) -> Int { Int((min(1, max(0, v)) * 255).rounded()) }
        let digits = Array("0123456789ABCDEF")
        return [byte(c.red), byte(c.green), byte(c.blue)].map { "\(digits[$0 >> 4])\(digits[$0 & 15])" }.joined()
    }
}

/// How a font role is named in a Word file: the name an office PC has (the fonts Chinese
/// government offices install), and the open face that stands in for it on Linux.
package struct DocxFont: Sendable, Equatable {
    /// The role.
    public var role: FontRole
    /// Family name as installed on an office PC, e.g. 仿宋_GB2312; `w:eastAsia` of runs.
    public var officeName: String
    /// Open face named as the alternate (`w:altName`) in the font table: the first open
    /// family of the role in `Fonts/roles.txt`, which draws the PDF.
    public var alternate: String
    /// PANOSE-1 classification of the office face (20 hex digits).
    public var panose: String
    /// `w:family` of the font table: roman, swiss or modern.
    public var family: String

    /// The office name and open alternate of `role`.
    public static func of(_ role: FontRole) -> DocxFont {
        switch role {
        case .xiaobiaosong:
            return DocxFont(role: role, officeName: "方正小标宋简体", alternate: "Noto Serif CJK SC",
                            panose: "02000000000000000000", family: "roman")
        case .fangsong:
            return DocxFont(role: role, officeName: "仿宋_GB2312", alternate: "Noto Serif CJK SC",
                            panose: "02010609030101010101", family: "modern")
        case .heiti:
            return DocxFont(role: role, officeName: "黑体", alternate: "Noto Sans CJK SC",
                            panose: "02010609060101010101", family: "modern")
        case .kaiti:
            return DocxFont(role: role, officeName: "楷体_GB2312", alternate: "LXGW WenKai",
                            panose: "02010609030101010101", family: "modern")
        case .songti:
            return DocxFont(role: role, officeName: "宋体", alternate: "Noto Serif CJK SC",
                            panose: "02010600030101010101", family: "auto")
        }
    }

    /// Latin letters and digits in official documents: Times New Roman (Liberation Serif
    /// on Linux, metric-compatible).
    static let latin = "Times New Roman"
}

/// Run properties: font role, size, bold, colour.
struct RunFormat: Equatable {
    var role: FontRole?
    var size: Double?
    var bold = false
    var color: RGBColor?
    /// Extra space after each character in points (negative condenses), `w:spacing`.
    var spacing: Double?

    init(role: FontRole? = nil, size: Double? = nil, bold: Bool = false, color: RGBColor? = nil, spacing: Double? = nil) {
        self.role = role
        self.size = size
        self.bold = bold
        self.color = color
        self.spacing = spacing
    }

    init(_ style: TextStyle) {
        self.init(role: style.role, size: style.size, bold: style.bold, color: style.color == .black ? nil : style.color)
    }

    var isEmpty: Bool { role == nil && size == nil && !bold && color == nil && spacing == nil }

    /// Writes `w:rPr` (nothing when empty).
    func write(_ x: inout XMLWriter) {
        guard !isEmpty else { return }
        x.within("w:rPr") { x in
            if let role {
                let f = DocxFont.of(role)
                x.empty("w:rFonts", [("w:ascii", DocxFont.latin), ("w:hAnsi", DocxFont.latin),
                                     ("w:eastAsia", f.officeName), ("w:cs", DocxFont.latin)])
            }
            if bold { x.empty("w:b"); x.empty("w:bCs") }
            if let color { x.empty("w:color", [("w:val", Units.hex(color))]) }
            if let spacing { x.empty("w:spacing", [("w:val", "\(Units.twips(spacing))")]) }
            if let size {
                x.empty("w:sz", [("w:val", "\(Units.halfPoints(size))")])
                x.empty("w:szCs", [("w:val", "\(Units.halfPoints(size))")])
            }
        }
    }
}

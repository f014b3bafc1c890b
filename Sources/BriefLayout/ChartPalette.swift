import BriefDocument

/// Series colours for charts in official documents: restrained, printable in colour and
/// still distinguishable on a greyscale copier (every colour has a distinct luma).
///
/// Order: deep red (close to ``RGBColor/officialRed``), blue-grey, gold, teal, light grey,
/// khaki, charcoal. Luma (Rec. 601) of each: 0.23, 0.46, 0.65, 0.34, 0.78, 0.55, 0.15.
package enum ChartPalette {
    /// The series colours, in order of use.
    public static let colors: [RGBColor] = [
        RGBColor(hex: 0xC00000),  // deep red
        RGBColor(hex: 0x5B7A99),  // blue-grey
        RGBColor(hex: 0xD9A520),  // gold
        RGBColor(hex: 0x1F6F6B),  // teal
        RGBColor(hex: 0xC8C8C8),  // light grey
        RGBColor(hex: 0x9C8A6E),  // khaki
        RGBColor(hex: 0x262626),  // charcoal
    ]

    /// Colour of series (or slice) `index`, cycling through ``colors``.
    public static func color(_ index: Int) -> RGBColor {
        colors[((index % colors.count) + colors.count) % colors.count]
    }

    /// Grey level a monochrome printer would use for `color` (Rec. 601 luma, 0…1).
    public static func luma(_ color: RGBColor) -> Double {
        0.299 * color.red + 0.587 * color.green + 0.114 * color.blue
    }

    /// Axis lines: dark grey.
    public static let axis = RGBColor(hex: 0x404040)
    /// Grid lines: light grey.
    public static let grid = RGBColor(hex: 0xD0D0D0)
    /// Label text.
    public static let text = RGBColor(hex: 0x262626)
    /// Leader lines of pie labels.
    public static let leader = RGBColor(hex: 0x808080)

    /// Line patterns by series for hatched charts: none, ╱, ═, ╲, ╳, ║, ┼ (cycling), drawn
    /// white on dark fills and dark grey on light ones.
    public static func hatch(_ index: Int) -> Hatch? {
        let patterns: [[Double]] = [[], [45], [0], [-45], [45, -45], [90], [0, 90]]
        let angles = patterns[((index % patterns.count) + patterns.count) % patterns.count]
        if angles.isEmpty { return nil }
        let fill = color(index)
        return Hatch(angles: angles, spacing: 3.5, lineWidth: 0.6,
                     color: luma(fill) < 0.5 ? .white : RGBColor(hex: 0x404040))
    }

    /// The single-hue sequential scale of map tiles, light to dark (luma falls steadily, so
    /// classes read in grey): colour at `t` in 0…1.
    public static func sequential(_ t: Double) -> RGBColor {
        let lo = (0.95, 0.93, 0.92), hi = (0.48, 0.05, 0.05)
        let u = Swift.min(1, Swift.max(0, t))
        return RGBColor(red: lo.0 + (hi.0 - lo.0) * u, green: lo.1 + (hi.1 - lo.1) * u, blue: lo.2 + (hi.2 - lo.2) * u)
    }

    /// Black or white, whichever reads better on `fill`.
    public static func textColor(on fill: RGBColor) -> RGBColor {
        luma(fill) < 0.5 ? .white : .black
    }
}

import BriefDocument

/// A concrete font request: role, size, weight.
package struct FontSpec: Sendable, Equatable, Hashable {
    /// Font role, resolved to a file by the font library.
    public var role: FontRole
    /// Size in points.
    public var size: Double
    /// Bold (synthetic if the font has no bold face).
    public var bold: Bool
    /// Creates a font spec.
    public init(role: FontRole, size: Double, bold: Bool = false) {
        self.role = role; self.size = size; self.bold = bold
    }
    /// The font of a text style.
    public init(_ style: TextStyle) { self.init(role: style.role, size: style.size, bold: style.bold) }
}

/// Vertical metrics of a font at a size, in points.
package struct FontMetrics: Sendable, Equatable {
    /// Distance from baseline up to the top of the em box.
    public var ascent: Double
    /// Distance from baseline down to the bottom of the em box (positive).
    public var descent: Double
    /// Creates metrics.
    public init(ascent: Double, descent: Double) { self.ascent = ascent; self.descent = descent }
}

/// Measures text for layout. Implemented with Pango in `BriefCairo`; layout decides line
/// breaks from these measurements once, and the renderer draws what layout placed.
package protocol TextMeasuring: Sendable {
    /// Vertical metrics of `font`.
    func metrics(_ font: FontSpec) -> FontMetrics
    /// The advance width of each grapheme cluster (`Character`) of `text`, in order, in
    /// points, as shaped on one line. `advances(t).count == t.count`.
    func advances(_ text: String, font: FontSpec) -> [Double]
}

extension TextMeasuring {
    /// Width of `text` set on one line.
    public func width(_ text: String, font: FontSpec) -> Double {
        advances(text, font: font).reduce(0, +)
    }
}

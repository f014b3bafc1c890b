import BriefDocument

/// The inked extent of a line of text above and below its baseline, in points (both
/// positive when the ink lies on that side). GB/T 9704 measures some distances to the
/// visible edge of characters (the mark's top edge, the page number's dash), not to the
/// font's em box.
package struct InkBounds: Sendable, Equatable {
    /// From the baseline up to the highest ink.
    public var ascent: Double
    /// From the baseline down to the lowest ink (negative when all ink is above the baseline).
    public var descent: Double
    /// Creates bounds.
    public init(ascent: Double, descent: Double) { self.ascent = ascent; self.descent = descent }
}

/// A measurer that also knows where glyphs put ink. Optional: layout falls back to the
/// ideographic em box (0.88 em above, 0.12 em below the baseline) without it.
package protocol InkMeasuring: TextMeasuring {
    /// The ink extent of `text` set on one line in `font`.
    func inkBounds(_ text: String, font: FontSpec) -> InkBounds
}

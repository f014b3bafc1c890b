import BriefDocument
import BriefLayout
internal import CPangoCairo

extension PangoTextMeasurer: InkMeasuring {
    public func inkBounds(_ text: String, font: FontSpec) -> InkBounds {
        library.withLock { library.inkBoundsLocked(text, font: font) }
    }
}

extension FontLibrary {
    /// Ink rectangle of `text` on one line, from a PangoLayout on the measuring context.
    /// Call under lock.
    func inkBoundsLocked(_ text: String, font: FontSpec) -> InkBounds {
        let ctx = measuringContext()
        guard let layout = pango_layout_new(ctx) else { return InkBounds(ascent: 0, descent: 0) }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        pango_layout_set_font_description(layout, description(font))
        pango_layout_set_text(layout, text, -1)
        var ink = PangoRectangle(), logical = PangoRectangle()
        guard let line = pango_layout_get_line_readonly(layout, 0) else { return InkBounds(ascent: 0, descent: 0) }
        pango_layout_line_get_extents(line, &ink, &logical)
        let scale = Double(PANGO_SCALE)
        return InkBounds(ascent: -Double(ink.y) / scale, descent: Double(ink.y + ink.height) / scale)
    }
}

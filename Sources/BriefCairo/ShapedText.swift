import BriefLayout
internal import CPangoCairo

/// One line of text itemized and shaped once (`pango_itemize` + `pango_shape_with_flags`, the
/// same calls and context settings the measurer uses), ready to be drawn run by run with
/// `pango_cairo_show_glyph_item`, which keeps the text (ToUnicode, copy and paste) in PDF.
/// Frees its Pango items and glyph strings in `deinit`; touch only under the library lock.
final class ShapedText {
    /// NUL-terminated UTF-8 of the text; the runs' offsets point into it.
    let utf8: UnsafeMutablePointer<CChar>
    let length: Int
    /// Runs in logical (= visual, for Chinese and Latin) order.
    var runs: [PangoGlyphItem] = []

    init(text: String) {
        var bytes = Array(text.utf8)
        length = bytes.count
        bytes.append(0)
        utf8 = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        bytes.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { utf8.initialize(from: $0, count: b.count) }
        }
    }

    deinit {
        for r in runs {
            pango_item_free(r.item)
            pango_glyph_string_free(r.glyphs)
        }
        utf8.deallocate()
    }

    /// Advance of one run in Pango units.
    static func width(_ run: PangoGlyphItem) -> Int64 {
        guard let g = run.glyphs else { return 0 }
        var w: Int64 = 0
        for i in 0..<Int(g.pointee.num_glyphs) { w += Int64(g.pointee.glyphs[i].geometry.width) }
        return w
    }
}

extension FontLibrary {
    /// Itemizes and shapes `text` in `font` on `context`. Call under lock.
    func shapeForDrawing(_ text: String, font: FontSpec, context ctx: OpaquePointer) -> ShapedText {
        let shaped = ShapedText(text: text)
        pango_context_set_font_description(ctx, description(font))
        let chars = shaped.utf8, length = Int32(shaped.length)
        let items = pango_itemize(ctx, chars, 0, length, nil, nil)
        defer { g_list_free(items) }
        var node = items
        while let n = node {
            let item = n.pointee.data.assumingMemoryBound(to: PangoItem.self)
            let glyphs = pango_glyph_string_new()!
            pango_shape_with_flags(chars + Int(item.pointee.offset), item.pointee.length, chars, length,
                                   &item.pointee.analysis, glyphs, PANGO_SHAPE_NONE)
            shaped.runs.append(PangoGlyphItem(item: item, glyphs: glyphs, y_offset: 0, start_x_offset: 0, end_x_offset: 0))
            node = n.pointee.next
        }
        return shaped
    }
}

/// Shaped lines kept for reuse while a document is drawn: table cells, labels and running
/// heads repeat thousands of times in a long list. Bounded: cleared when full.
final class ShapedTextCache {
    private struct Key: Hashable { var font: FontSpec; var text: String }
    private var entries: [Key: ShapedText] = [:]
    let capacity: Int

    init(capacity: Int = 20_000) { self.capacity = capacity }

    func shaped(_ text: String, font: FontSpec, make: () -> ShapedText) -> ShapedText {
        let key = Key(font: font, text: text)
        if let s = entries[key] { return s }
        let s = make()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = s
        return s
    }

    /// Drops every entry (call under the library lock: entries free Pango objects).
    func removeAll() { entries.removeAll() }
}

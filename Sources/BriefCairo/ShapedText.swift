import BriefDocument
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
        FontLibrary.processLock.lock(); defer { FontLibrary.processLock.unlock() }
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

/// Text of one page gathered by (font, colour) and drawn with one `cairo_show_text_glyphs`
/// per group instead of one call per line: a page of a long table is a few hundred cells, and
/// every call costs cairo's PDF surface a recorded command, an analysis pass and a text
/// object. Glyph positions, the text (clusters, so PDF text stays searchable) and the fonts are
/// exactly those of drawing line by line. Touch only under the library lock.
final class TextBatch {
    private struct Key: Hashable {
        var font: OpaquePointer
        var red: Double, green: Double, blue: Double
    }
    private struct Group {
        var glyphs: [cairo_glyph_t] = []
        var clusters: [cairo_text_cluster_t] = []
        var utf8: [CChar] = []
    }
    private var groups: [Key: Group] = [:]
    private var order: [Key] = []

    var isEmpty: Bool { order.isEmpty }

    /// Adds a shaped line with its baseline starting at `origin`; returns false (nothing
    /// added) when the line cannot be batched (right-to-left clusters), to be drawn alone.
    func add(_ shaped: ShapedText, at origin: Point, color: RGBColor) -> Bool {
        // Check first, so that a line is either batched whole or not at all.
        for run in shaped.runs {
            guard let g = run.glyphs, run.item != nil, run.item!.pointee.analysis.font != nil else { return false }
            let n = Int(g.pointee.num_glyphs)
            for i in 1..<max(n, 1) where g.pointee.log_clusters[i] < g.pointee.log_clusters[i - 1] { return false }
        }
        let scale = Double(PANGO_SCALE)
        var x = origin.x
        for run in shaped.runs {
            let item = run.item!.pointee, g = run.glyphs!.pointee
            let font = OpaquePointer(item.analysis.font!)
            guard let scaled = pango_cairo_font_get_scaled_font(font) else { return false }
            let key = Key(font: scaled, red: color.red, green: color.green, blue: color.blue)
            if groups[key] == nil {
                cairo_scaled_font_reference(scaled)
                groups[key] = Group()
                order.append(key)
            }
            let n = Int(g.num_glyphs), itemOffset = Int(item.offset), itemLength = Int(item.length)
            groups[key]!.glyphs.reserveCapacity(groups[key]!.glyphs.count + n)
            var i = 0
            while i < n {
                let start = Int(g.log_clusters[i])
                var j = i + 1
                while j < n && g.log_clusters[j] == g.log_clusters[i] { j += 1 }
                let end = j < n ? Int(g.log_clusters[j]) : itemLength
                var count: Int32 = 0
                for k in i..<j {
                    let info = g.glyphs[k]
                    // Empty glyphs (0x0FFFFFFF) and unknown ones (flag 0x10000000) draw nothing.
                    if info.glyph & 0x1000_0000 == 0 && info.glyph != 0x0FFF_FFFF {
                        groups[key]!.glyphs.append(cairo_glyph_t(
                            index: UInt(info.glyph), x: x + Double(info.geometry.x_offset) / scale,
                            y: origin.y + Double(info.geometry.y_offset) / scale))
                        count += 1
                    }
                    x += Double(info.geometry.width) / scale
                }
                let bytes = UnsafeBufferPointer(start: shaped.utf8 + itemOffset + start, count: max(0, end - start))
                groups[key]!.utf8.append(contentsOf: bytes)
                groups[key]!.clusters.append(cairo_text_cluster_t(num_bytes: Int32(bytes.count), num_glyphs: count))
                i = j
            }
        }
        return true
    }

    /// Draws and forgets every group, in the order they were started.
    func flush(_ cr: OpaquePointer) {
        for key in order {
            let group = groups[key]!
            if !group.glyphs.isEmpty || !group.utf8.isEmpty {
                cairo_set_scaled_font(cr, key.font)
                cairo_set_source_rgb(cr, key.red, key.green, key.blue)
                cairo_show_text_glyphs(cr, group.utf8, Int32(group.utf8.count), group.glyphs, Int32(group.glyphs.count),
                                       group.clusters, Int32(group.clusters.count), cairo_text_cluster_flags_t(0))
            }
            cairo_scaled_font_destroy(key.font)
        }
        groups.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
    }
}

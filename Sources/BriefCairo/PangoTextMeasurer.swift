import BriefDocument
import BriefLayout
internal import CPangoCairo

/// Measures text with Pango through a `FontLibrary`: the same font map, resolution (72) and
/// font options (hint metrics off, no hinting) the renderer draws with, so that layout's
/// line breaks hold in PDF, PNG and SVG alike.
///
/// Thread safe: all Pango work happens under the library's lock. Results are cached per
/// font: single CJK characters (ideographs, CJK punctuation, full-width forms) by
/// character, everything else by whole string, so that Latin kerning stays exact.
package struct PangoTextMeasurer: TextMeasuring, Sendable {
    /// The fonts measured with.
    public let library: FontLibrary

    /// Creates a measurer over `library`.
    public init(library: FontLibrary) { self.library = library }

    public func metrics(_ font: FontSpec) -> FontMetrics {
        if let known = library.cachedMetrics(font) { return known }
        return library.withLock { library.metricsLocked(font) }
    }

    public func advances(_ text: String, font: FontSpec) -> [Double] {
        if text.isEmpty { return [] }
        if let known = library.cachedAdvances(text, font: font) { return known }
        return library.withLock { library.advancesLocked(text, font: font) }
    }
}

extension FontLibrary {
    /// Whether a scalar is a CJK ideograph, CJK punctuation or a full-width form: such a
    /// scalar is a Character of its own and its advance does not depend on its neighbours.
    @inline(__always)
    static func isIsolatedCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF01...0xFF60,
             0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    /// The measuring context, created on first use. Call under lock.
    func measuringContext() -> OpaquePointer {
        if let ctx = measureContext { return ctx.opaque }
        let ctx = makeContext()
        measureContext = ctx
        return ctx.opaque
    }

    /// The metrics of `font` if they were measured before; takes `cacheLock` only.
    func cachedMetrics(_ font: FontSpec) -> FontMetrics? {
        cacheLock.lock(); defer { cacheLock.unlock() }
        return metricsCache[font]
    }

    /// The advances of `text` if they were measured before (every character of a CJK run,
    /// else the whole string); takes `cacheLock` only.
    func cachedAdvances(_ text: String, font: FontSpec) -> [Double]? {
        cacheLock.lock(); defer { cacheLock.unlock() }
        if text.unicodeScalars.allSatisfy({ Self.isIsolatedCJK($0.value) }) {
            guard let table = charAdvances[font] else { return nil }
            var result: [Double] = []
            result.reserveCapacity(text.unicodeScalars.count)
            for u in text.unicodeScalars {
                guard let a = table[u.value] else { return nil }
                result.append(a)
            }
            return result
        }
        return stringAdvances[font]?[text]
    }

    /// Call under lock.
    func metricsLocked(_ font: FontSpec) -> FontMetrics {
        if let m = cachedMetrics(font) { return m }
        let m = pango_context_get_metrics(measuringContext(), description(font), language)!
        defer { pango_font_metrics_unref(m) }
        let scale = Double(PANGO_SCALE)
        let result = FontMetrics(ascent: Double(pango_font_metrics_get_ascent(m)) / scale,
                                 descent: Double(pango_font_metrics_get_descent(m)) / scale)
        cacheLock.lock(); defer { cacheLock.unlock() }
        metricsCache[font] = result
        return result
    }

    /// Call under lock.
    func advancesLocked(_ text: String, font: FontSpec) -> [Double] {
        if let known = cachedAdvances(text, font: font) { return known }
        if text.unicodeScalars.allSatisfy({ Self.isIsolatedCJK($0.value) }) {
            var unique = String.UnicodeScalarView()
            do {
                cacheLock.lock(); defer { cacheLock.unlock() }
                let table = charAdvances[font]
                for u in text.unicodeScalars where table?[u.value] == nil && !unique.contains(u) { unique.append(u) }
            }
            let shaped = shape(String(unique), font: font)
            cacheLock.lock(); defer { cacheLock.unlock() }
            for (u, a) in zip(unique, shaped) { charAdvances[font, default: [:]][u.value] = a }
            let known = charAdvances[font]!
            return text.unicodeScalars.map { known[$0.value]! }
        }
        let result = shape(text, font: font)
        cacheLock.lock(); defer { cacheLock.unlock() }
        if stringCacheCount > 50_000 { stringAdvances.removeAll(); stringCacheCount = 0 }
        stringAdvances[font, default: [:]][text] = result
        stringCacheCount += 1
        return result
    }

    /// Shapes `text` on one line and sums glyph advances per Character. Call under lock.
    ///
    /// Itemizes and shapes directly (`pango_itemize` + `pango_shape_with_flags`, unrounded)
    /// rather than through a PangoLayout: the same fonts, fallbacks and glyph widths the
    /// renderer's layout gets, without the layout's line-breaking analysis.
    func shape(_ text: String, font: FontSpec) -> [Double] {
        let ctx = measuringContext()
        pango_context_set_font_description(ctx, description(font))
        var utf8 = Array(text.utf8)
        let length = utf8.count
        // Byte offset → Character index.
        var charOfByte = [Int32](repeating: 0, count: length + 1)
        var count = 0
        var byte = 0
        for c in text {
            let n = c.utf8.count
            for k in 0..<n { charOfByte[byte + k] = Int32(count) }
            byte += n
            count += 1
        }
        charOfByte[length] = Int32(max(count - 1, 0))
        var advances = [Double](repeating: 0, count: count)
        utf8.append(0)
        utf8.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { chars in
                let items = pango_itemize(ctx, chars, 0, Int32(length), nil, nil)
                defer { g_list_free(items) }
                guard let glyphs = pango_glyph_string_new() else { return }
                defer { pango_glyph_string_free(glyphs) }
                var node = items
                while let n = node {
                    let item = n.pointee.data.assumingMemoryBound(to: PangoItem.self)
                    let offset = Int(item.pointee.offset)
                    pango_shape_with_flags(chars + offset, item.pointee.length, chars, Int32(length),
                                           &item.pointee.analysis, glyphs, PANGO_SHAPE_NONE)
                    for i in 0..<Int(glyphs.pointee.num_glyphs) {
                        let b = min(max(offset + Int(glyphs.pointee.log_clusters[i]), 0), length)
                        advances[Int(charOfByte[b])] += Double(glyphs.pointee.glyphs[i].geometry.width) / Double(PANGO_SCALE)
                    }
                    pango_item_free(item)
                    node = n.pointee.next
                }
            }
        }
        return advances
    }
}

import BriefDocument
import BriefLayout
import Foundation
internal import CPangoCairo

/// The kinds of file the renderer writes.
package enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// One PDF with metadata, outline and page labels.
    case pdf
    /// One PNG per page (`name-1.png`, `name-2.png` …).
    case png
    /// One SVG per page (`name-1.svg`, `name-2.svg` …).
    case svg
}

/// Draws laid-out pages onto a cairo surface as they arrive and forgets them (memory does not
/// grow with the page count). Nothing appears at the destination until `finish()`: pages go to
/// hidden temporary files in the destination directory, which `finish()` renames into place
/// and which any failure, or dropping the writer unfinished, removes.
package final class CairoPageWriter {
    /// Where the output goes (for PNG and SVG, the stem of the per-page names).
    public let url: URL
    /// Output kind.
    public let format: OutputFormat
    /// PDF document information.
    public let metadata: DocumentMetadata
    /// Raster resolution of PNG pages, dots per inch.
    public let pngResolution: Double
    /// PDF flavour: tagged (the default), untagged, PDF/A-2b.
    public let pdfOptions: PDFOptions

    private let library: FontLibrary
    private enum State { case open, finished, failed }
    private var state = State.open
    private var pageCount = 0
    /// Temporary files and where `finish()` moves them.
    private var pending: [(temp: URL, final: URL)] = []
    // PDF: one surface for the whole document.
    private var pdfSurface: SurfaceOwner?
    private var pdfCairo: CairoOwner?
    /// The PDF's file, written with checked writes (see `CheckedFileStream`).
    private var pdfStream: CheckedFileStream?
    private var outlineStack: [(level: Int, id: Int32)] = []
    /// Structure elements open in cairo (they may span pages), innermost last.
    private var openElements: [StructureRole] = []
    /// Elements begun so far, and the attributes cairo cannot write, for the post-pass.
    private var structure = StructureRecord()
    // Pango drawing state (touched under the library lock only).
    private var pangoContext: GObjectOwner?
    private let shapedCache = ShapedTextCache()

    /// Opens the output. For PDF the temporary file is created right away, so an unwritable
    /// destination fails here.
    public init(url: URL, format: OutputFormat, metadata: DocumentMetadata, library: FontLibrary,
                pngResolution: Double = 150, pdfOptions: PDFOptions = PDFOptions()) throws {
        self.url = url
        self.pdfOptions = pdfOptions
        self.format = format
        self.metadata = metadata
        self.library = library
        self.pngResolution = pngResolution
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw RenderError.cannotCreate(path: url.path, reason: "directory \(dir.path) does not exist")
        }
        guard pngResolution > 0, pngResolution <= 2400 else {
            throw RenderError.cannotCreate(path: url.path, reason: "PNG resolution \(pngResolution) is out of range")
        }
        if format == .pdf {
            let temp = Self.temporaryURL(for: url)
            TemporaryFiles.add(temp.path)
            let stream: CheckedFileStream
            do { stream = try CheckedFileStream(path: temp.path) } catch {
                TemporaryFiles.forget(temp.path)
                throw error
            }
            pdfStream = stream
            guard let surface = cairo_pdf_surface_create_for_stream(CheckedFileStream.callback, stream.closure, 595.276, 841.89) else {
                try? FileManager.default.removeItem(at: temp)
                TemporaryFiles.forget(temp.path)
                throw RenderError.cannotCreate(path: temp.path, reason: "cairo returned no surface")
            }
            stream.bind(to: surface)
            let owner = SurfaceOwner(surface)
            guard owner.status == CAIRO_STATUS_SUCCESS else {
                let reason = cairoMessage(owner.status)
                try? FileManager.default.removeItem(at: temp)
                TemporaryFiles.forget(temp.path)
                throw RenderError.cannotCreate(path: url.path, reason: reason)
            }
            pending.append((temp, url))
            TemporaryFiles.add(temp.path)
            pdfSurface = owner
            setMetadata(surface)
            let cr = CairoOwner(cairo_create(surface))
            pdfCairo = cr
            if cr.status != CAIRO_STATUS_SUCCESS {
                let reason = cairoMessage(cr.status)
                abandon()
                throw RenderError.cairo(reason)
            }
        }
    }

    deinit {
        if state != .finished { abandon() }
        // Pango objects are released under the library lock like every other Pango call.
        library.withLock {
            shapedCache.removeAll()
            pangoContext = nil
        }
    }

    /// Draws `page` now. PDF pages are appended to the document; PNG and SVG pages are
    /// written to their own (temporary) files.
    public func consume(_ page: LaidOutPage) throws {
        guard state == .open else { throw RenderError.writerClosed }
        do {
            // A PDF or SVG page is drawn whole under the process lock, `cairo_show_page`
            // included: cairo plays the page's recording back there, loading glyphs and
            // reopening FreeType faces (see `FontLibrary.lock`). A PNG page is drawn at once
            // (under the lock, in `drawItems`) and then only encoded.
            if format == .png {
                try draw(page)
            } else {
                try library.withLock { try draw(page) }
            }
            pageCount += 1
        } catch {
            abandon()
            throw error
        }
    }

    /// Ends the document and moves the files into place; returns them in page order.
    public func finish() throws -> [URL] {
        guard state == .open else { throw RenderError.writerClosed }
        do {
            if let surface = pdfSurface {
                if pageCount == 0 {
                    throw RenderError.cairo("no pages to write")
                }
                if let cr = pdfCairo {
                    while let role = openElements.popLast() {
                        cairo_tag_end(cr.pointer, role.rawValue)
                        structure.close()
                    }
                }
                pdfCairo = nil
                FontLibrary.finish(surface.pointer)
                let status = surface.status
                pdfSurface = nil
                let stream = pdfStream
                pdfStream = nil
                try stream?.close()  // the first failed write, or a failed close
                if status != CAIRO_STATUS_SUCCESS { throw RenderError.cairo(cairoMessage(status)) }
                if pdfOptions.tagged || pdfOptions.archival {
                    try PDFUpdater.append(to: pending[0].temp, metadata: metadata, structure: structure,
                                          options: pdfOptions)
                }
            }
            for (temp, final) in pending {
                if rename(temp.path, final.path) != 0 {
                    throw RenderError.io(path: final.path, reason: String(cString: strerror(errno)))
                }
                TemporaryFiles.forget(temp.path)
            }
        } catch {
            abandon()
            throw error
        }
        state = .finished
        let files = pending.map(\.final)
        pending = []
        return files
    }

    // MARK: - Files

    private static let counter = Counter()

    /// The prefix of temporary output names: `.qbrief-tmp-PID-N-NAME` beside the target, so
    /// that the next run can remove what a killed one left (`TemporaryFiles.removeStale`).
    public static let temporaryPrefix = ".qbrief-tmp-"

    private static func temporaryURL(for url: URL) -> URL {
        let name = "\(temporaryPrefix)\(getpid())-\(counter.next())-\(url.lastPathComponent)"
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// `stem-N.ext` next to `url`.
    private func pageURL(_ n: Int) -> URL {
        let ext = url.pathExtension.isEmpty ? format.rawValue : url.pathExtension
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-\(n).\(ext)")
    }

    /// Closes surfaces and removes every temporary file.
    private func abandon() {
        state = .failed
        pdfCairo = nil
        // cairo writes the rest of the file when the surface finishes: now, while the stream
        // is certainly alive, rather than whenever the last reference goes (removed below).
        if let surface = pdfSurface { FontLibrary.finish(surface.pointer) }
        pdfSurface = nil
        try? pdfStream?.close()
        pdfStream = nil
        for (temp, _) in pending {
            try? FileManager.default.removeItem(at: temp)
            TemporaryFiles.forget(temp.path)
        }
        pending = []
    }

    private func setMetadata(_ surface: OpaquePointer) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords)
        let date = Self.pdfDate(metadata.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }

    /// `YYYY-MM-DD` → `YYYY-MM-DDT00:00:00+08:00` (China Standard Time); anything else is
    /// pinned to the epoch so that output stays reproducible.
    static func pdfDate(_ date: String) -> String {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        let ok = parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        return ok ? "\(date)T00:00:00+08:00" : "1970-01-01T00:00:00Z"
    }

    // MARK: - Pages

    private func draw(_ page: LaidOutPage) throws {
        let n = pageCount + 1
        switch format {
        case .pdf:
            let surface = pdfSurface!.pointer, cr = pdfCairo!
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            cairo_pdf_surface_set_page_label(surface, page.label)
            for entry in page.outline {
                while let top = outlineStack.last, top.level >= entry.level { outlineStack.removeLast() }
                let parent = outlineStack.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
                let attrs = "page=\(n) pos=[0 \(max(0, entry.y))]"
                let flags = entry.level <= 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
                let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, attrs, flags)
                outlineStack.append((entry.level, id))
            }
            // The page is first painted white, as paper is. Besides, cairo's PDF surface
            // unions the box of every drawing operation into one region per page (pixman, a
            // cost that grows with the boxes already in it): a region that starts as the
            // whole page stays one box. A tagged 500-record briefing draws 3 000 table cells
            // apart; the white page saves it 50 million instructions.
            cairo_set_source_rgb(cr.pointer, 1, 1, 1)
            cairo_paint(cr.pointer)
            try drawItems(page, cr: cr)
            cairo_show_page(cr.pointer)
            try check(cr)
        case .png:
            let scale = pngResolution / 72
            let w = Int32((page.size.width * scale).rounded()), h = Int32((page.size.height * scale).rounded())
            guard let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h) else {
                throw RenderError.cairo("no image surface")
            }
            let surface = SurfaceOwner(s)
            guard surface.status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(cairoMessage(surface.status)) }
            let cr = CairoOwner(cairo_create(s))
            cairo_set_source_rgb(cr.pointer, 1, 1, 1)
            cairo_paint(cr.pointer)
            cairo_scale(cr.pointer, scale, scale)
            try drawItems(page, cr: cr)
            try check(cr)
            cairo_surface_flush(s)
            let final = pageURL(n), temp = Self.temporaryURL(for: final)
            pending.append((temp, final))
            TemporaryFiles.add(temp.path)
            let status = cairo_surface_write_to_png(s, temp.path)
            if status != CAIRO_STATUS_SUCCESS {
                throw RenderError.cannotCreate(path: temp.path, reason: cairoMessage(status))
            }
        case .svg:
            let final = pageURL(n), temp = Self.temporaryURL(for: final)
            pending.append((temp, final))
            TemporaryFiles.add(temp.path)
            let stream = try CheckedFileStream(path: temp.path)
            guard let s = cairo_svg_surface_create_for_stream(CheckedFileStream.callback, stream.closure, page.size.width, page.size.height) else {
                throw RenderError.cannotCreate(path: temp.path, reason: "cairo returned no surface")
            }
            stream.bind(to: s)
            let surface = SurfaceOwner(s)
            // However this page ends, cairo has written its last byte before the stream goes.
            defer { withExtendedLifetime(stream) { FontLibrary.finish(s) } }
            guard surface.status == CAIRO_STATUS_SUCCESS else {
                throw RenderError.cannotCreate(path: temp.path, reason: cairoMessage(surface.status))
            }
            cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT)
            let cr = CairoOwner(cairo_create(s))
            try drawItems(page, cr: cr)
            cairo_show_page(cr.pointer)
            try check(cr)
            FontLibrary.finish(s)
            try stream.close()  // the first failed write, or a failed close
            if surface.status != CAIRO_STATUS_SUCCESS { throw RenderError.cairo(cairoMessage(surface.status)) }
        }
    }

    private func check(_ cr: CairoOwner) throws {
        if cr.status != CAIRO_STATUS_SUCCESS { throw RenderError.cairo(cairoMessage(cr.status)) }
    }

    private func drawItems(_ page: LaidOutPage, cr owner: CairoOwner) throws {
        let cr = owner.pointer
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        let tagging = format == .pdf && pdfOptions.tagged && !page.structure.isEmpty
        library.withLock {
            let batch = TextBatch()
            defer { batch.flush(cr) }
            guard tagging else {
                for item in page.items {
                    drawItem(item, cr: cr, batch: batch)
                    if cairo_status(cr) != CAIRO_STATUS_SUCCESS { break }
                }
                return
            }
            // Decorations (page number, running header) are drawn where no content element is
            // open, so that cairo leaves them out of the tree; else at the end of the page.
            let artifactStart = page.structure.first { $0.event == .artifacts }?.item ?? page.items.count
            var decorationsDrawn = artifactStart >= page.items.count
            func drawDecorations() {
                batch.flush(cr)
                for item in page.items[artifactStart...] { drawItem(item, cr: cr, batch: batch) }
                batch.flush(cr)
                decorationsDrawn = true
            }
            var next = 0
            let marks = page.structure
            func applyMarks(upTo index: Int) {
                while next < marks.count && marks[next].item <= index {
                    switch marks[next].event {
                    case .begin(let element):
                        batch.flush(cr)
                        structure.record(element)
                        cairo_tag_begin(cr, element.role.rawValue, "")
                        openElements.append(element.role)
                    case .end:
                        batch.flush(cr)
                        if let role = openElements.popLast() {
                            cairo_tag_end(cr, role.rawValue)
                            structure.close()
                        }
                    case .artifacts:
                        break
                    }
                    next += 1
                    if !decorationsDrawn && !openElements.contains(where: \.holdsContent) { drawDecorations() }
                }
            }
            if !openElements.contains(where: \.holdsContent) && !decorationsDrawn { drawDecorations() }
            for (i, item) in page.items[..<artifactStart].enumerated() {
                applyMarks(upTo: i)
                drawItem(item, cr: cr, batch: batch)
                if cairo_status(cr) != CAIRO_STATUS_SUCCESS { break }
            }
            applyMarks(upTo: page.items.count)
            if !decorationsDrawn { drawDecorations() }
        }
        try check(owner)
    }

    /// Draws one item (text lines join the page's batch). Call under lock.
    private func drawItem(_ item: PageItem, cr: OpaquePointer, batch: TextBatch) {
        switch item {
        case .text(let t):
            if !batchText(t, into: batch) { drawText(t, cr: cr) }
        case .rect(let r) where r.fill != nil:
            // Text already gathered stays under a filled shape drawn after it.
            if !batch.isEmpty { batch.flush(cr) }
            paint(cr, fill: r.fill, stroke: r.stroke, width: r.strokeWidth, hatch: r.hatch) {
                cairo_rectangle(cr, r.rect.x, r.rect.y, r.rect.width, r.rect.height)
            }
        case .path(let p) where p.fill != nil:
            if !batch.isEmpty { batch.flush(cr) }
            paint(cr, fill: p.fill, stroke: p.stroke, width: p.strokeWidth, hatch: p.hatch) { trace(p, cr) }
        case .line(let l):
            cairo_new_path(cr)
            setColor(cr, l.color)
            cairo_set_line_width(cr, l.width)
            if !l.dash.isEmpty { cairo_set_dash(cr, l.dash, Int32(l.dash.count), 0) }
            cairo_move_to(cr, l.from.x, l.from.y)
            cairo_line_to(cr, l.to.x, l.to.y)
            cairo_stroke(cr)
            if !l.dash.isEmpty { cairo_set_dash(cr, nil, 0, 0) }
        case .rect(let r):
            paint(cr, fill: r.fill, stroke: r.stroke, width: r.strokeWidth, hatch: r.hatch) {
                cairo_rectangle(cr, r.rect.x, r.rect.y, r.rect.width, r.rect.height)
            }
        case .path(let p):
            paint(cr, fill: p.fill, stroke: p.stroke, width: p.strokeWidth, hatch: p.hatch) { trace(p, cr) }
        }
    }

    private func trace(_ p: PathItem, _ cr: OpaquePointer) {
        for e in p.elements {
            switch e {
            case .move(let pt): cairo_move_to(cr, pt.x, pt.y)
            case .line(let pt): cairo_line_to(cr, pt.x, pt.y)
            case .arc(let c, let r, let a, let b): cairo_arc(cr, c.x, c.y, r, a, b)
            case .arcNegative(let c, let r, let a, let b): cairo_arc_negative(cr, c.x, c.y, r, a, b)
            case .close: cairo_close_path(cr)
            }
        }
    }

    /// Adds a plain (unrotated, unjustified) line of text to the page's batch; false if it
    /// must be drawn alone. Call under lock.
    private func batchText(_ t: TextItem, into batch: TextBatch) -> Bool {
        if t.text.isEmpty { return true }
        guard t.rotation == 0, t.justifyWidth == nil, t.squeezes.isEmpty else { return false }
        if pangoContext == nil { pangoContext = library.makeContext() }
        let ctx = pangoContext!.opaque
        let shaped = shapedCache.shaped(t.text, font: t.font) { library.shapeForDrawing(t.text, font: t.font, context: ctx) }
        return batch.add(shaped, at: t.origin, color: t.color)
    }

    private func setColor(_ cr: OpaquePointer, _ c: RGBColor) {
        cairo_set_source_rgb(cr, c.red, c.green, c.blue)
    }

    private func paint(_ cr: OpaquePointer, fill: RGBColor?, stroke: RGBColor?, width: Double, hatch: Hatch? = nil,
                       path: () -> Void) {
        if let fill {
            cairo_new_path(cr); path()
            setColor(cr, fill)
            cairo_fill(cr)
        }
        if let hatch, hatch.spacing > 0 {
            cairo_save(cr)
            cairo_new_path(cr); path()
            cairo_clip(cr)
            var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
            cairo_clip_extents(cr, &x0, &y0, &x1, &y1)
            let cx = (x0 + x1) / 2, cy = (y0 + y1) / 2
            let reach = ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot() / 2 + hatch.spacing
            cairo_new_path(cr)
            for angle in hatch.angles {
                let a = angle * .pi / 180
                let dx = cos(a), dy = -sin(a)   // along the line (y down)
                let nx = -dy, ny = dx           // across
                var k = -reach
                while k <= reach {
                    let px = cx + nx * k, py = cy + ny * k
                    cairo_move_to(cr, px - dx * reach, py - dy * reach)
                    cairo_line_to(cr, px + dx * reach, py + dy * reach)
                    k += hatch.spacing
                }
            }
            setColor(cr, hatch.color)
            cairo_set_line_width(cr, hatch.lineWidth)
            cairo_stroke(cr)
            cairo_restore(cr)
        }
        if let stroke, width > 0 {
            cairo_new_path(cr); path()
            setColor(cr, stroke)
            cairo_set_line_width(cr, width)
            cairo_stroke(cr)
        }
    }

    /// Draws one line of text with its baseline at the item's origin. Call under lock.
    ///
    /// The text is itemized and shaped once per (font, text) and kept (see `ShapedTextCache`);
    /// each run is drawn with `pango_cairo_show_glyph_item`, which passes the text along so
    /// that PDF text stays searchable. No PangoLayout: layout already broke the lines.
    private func drawText(_ t: TextItem, cr: OpaquePointer) {
        if t.text.isEmpty { return }
        if pangoContext == nil { pangoContext = library.makeContext() }
        let ctx = pangoContext!.opaque
        let shaped: ShapedText
        if t.justifyWidth != nil || !t.squeezes.isEmpty {
            shaped = library.shapeForDrawing(t.text, font: t.font, context: ctx)
            if !t.squeezes.isEmpty { squeeze(shaped, text: t.text, by: t.squeezes) }
            if let w = t.justifyWidth { justify(shaped, text: t.text, to: w) }
        } else {
            shaped = shapedCache.shaped(t.text, font: t.font) {
                library.shapeForDrawing(t.text, font: t.font, context: ctx)
            }
        }
        cairo_save(cr)
        cairo_translate(cr, t.origin.x, t.origin.y)
        if t.rotation != 0 { cairo_rotate(cr, -t.rotation * .pi / 180) }
        setColor(cr, t.color)
        var x = 0.0
        for var run in shaped.runs {
            cairo_move_to(cr, x, 0)
            pango_cairo_show_glyph_item(cr, shaped.utf8, &run)
            x += Double(ShapedText.width(run)) / Double(PANGO_SCALE)
        }
        cairo_restore(cr)
    }

    /// The last glyph of each Character of the shaped line (nil for a Character drawn by
    /// another's glyph, as in a ligature).
    private func lastGlyphs(_ shaped: ShapedText, chars: [Character]) -> [UnsafeMutablePointer<PangoGlyphInfo>?] {
        let count = chars.count
        let utf8Count = shaped.length
        var charOfByte = [Int](repeating: max(count - 1, 0), count: utf8Count + 1)
        var byte = 0
        for (i, c) in chars.enumerated() {
            for k in 0..<c.utf8.count where byte + k <= utf8Count { charOfByte[byte + k] = i }
            byte += c.utf8.count
        }
        var lastGlyph = [UnsafeMutablePointer<PangoGlyphInfo>?](repeating: nil, count: count)
        for run in shaped.runs {
            let itemOffset = Int(run.item!.pointee.offset)
            let glyphs = run.glyphs!
            for i in 0..<Int(glyphs.pointee.num_glyphs) {
                let offset = itemOffset + Int(glyphs.pointee.log_clusters[i])
                lastGlyph[charOfByte[min(max(offset, 0), utf8Count)]] = glyphs.pointee.glyphs.advanced(by: i)
            }
        }
        return lastGlyph
    }

    /// Applies layout's punctuation squeezes (clreq 标点挤压): each Character's advance changes
    /// by its entry of `squeezes` (points), taken off its last glyph.
    private func squeeze(_ shaped: ShapedText, text: String, by squeezes: [Double]) {
        let chars = Array(text)
        let glyphs = lastGlyphs(shaped, chars: chars)
        for (i, d) in squeezes.enumerated() where i < glyphs.count && d != 0 {
            glyphs[i]?.pointee.geometry.width += Int32((d * Double(PANGO_SCALE)).rounded())
        }
    }

    /// Widens (or, for text on a character grid, narrows) the gaps between Characters of the shaped line so that it spans `width`
    /// points. The extra space is spread evenly over the gaps next to a CJK character or a
    /// space (added to the last glyph of the Character before the gap); letters and digits
    /// of a Latin word or number are not spaced apart unless the line has no other gap.
    private func justify(_ shaped: ShapedText, text: String, to width: Double) {
        let chars = Array(text)
        let count = chars.count
        guard count > 1 else { return }
        let utf8Count = shaped.length
        var charOfByte = [Int](repeating: count - 1, count: utf8Count + 1)
        var byte = 0
        for (i, c) in chars.enumerated() {
            for k in 0..<c.utf8.count { charOfByte[byte + k] = i }
            byte += c.utf8.count
        }
        var natural: Int64 = 0
        var lastGlyph = [UnsafeMutablePointer<PangoGlyphInfo>?](repeating: nil, count: count)
        for run in shaped.runs {
            let itemOffset = Int(run.item!.pointee.offset)
            let glyphs = run.glyphs!
            for i in 0..<Int(glyphs.pointee.num_glyphs) {
                let info = glyphs.pointee.glyphs.advanced(by: i)
                natural += Int64(info.pointee.geometry.width)
                let offset = itemOffset + Int(glyphs.pointee.log_clusters[i])
                lastGlyph[charOfByte[min(max(offset, 0), utf8Count)]] = info
            }
        }
        let extra = width * Double(PANGO_SCALE) - Double(natural)
        // Negative: lines on the GB/T 9704 character grid (28 characters of 3号 in 156 mm).
        guard abs(extra) > 0.5 else { return }
        // Gap i lies between chars[i] and chars[i + 1]; a gap inside one glyph (the two
        // dashes of a —— ligature) cannot open.
        let open = (0..<(count - 1)).filter { lastGlyph[$0 + 1] != nil }
        var gaps = open.filter { i in
            let a = chars[i], b = chars[i + 1]
            return a == " " || b == " " || LineBreaker.isIdeographic(a) || LineBreaker.isIdeographic(b)
        }
        if gaps.isEmpty { gaps = open }
        guard !gaps.isEmpty else { return }
        let gap = extra / Double(gaps.count)
        var carry = 0.0  // space of Characters without a glyph of their own (ligatures)
        for (k, i) in gaps.enumerated() {
            carry += (gap * Double(k + 1)).rounded() - (gap * Double(k)).rounded()
            var j = i
            while j >= 0 && lastGlyph[j] == nil { j -= 1 }
            guard j >= 0, let g = lastGlyph[j] else { continue }
            g.pointee.geometry.width += Int32(carry)
            carry = 0
        }
    }
}

extension CairoPageWriter: PageSink {}

/// A process-wide counter for unique temporary names.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// Renders `pages` to `url` in `format` and returns the files written.
package func renderPages(_ pages: [LaidOutPage], to url: URL, format: OutputFormat, metadata: DocumentMetadata,
                        library: FontLibrary, pdfOptions: PDFOptions = PDFOptions()) throws -> [URL] {
    let writer = try CairoPageWriter(url: url, format: format, metadata: metadata, library: library,
                                     pdfOptions: pdfOptions)
    for page in pages { try writer.consume(page) }
    return try writer.finish()
}

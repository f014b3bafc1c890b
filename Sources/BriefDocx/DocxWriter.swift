import BriefDocument
import Foundation

/// Why a Word file could not be written.
package enum DocxError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The output or its temporary file could not be created.
    case cannotCreate(path: String, reason: String)
    /// Drawing a chart or packaging the file failed.
    case failed(String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): return "cannot create \(path): \(reason)"
        case .failed(let m): return m
        }
    }
}

/// Writes a `Document` (briefing, memo with attachments, showcase) as a WordprocessingML
/// file that Word, WPS and LibreOffice open as editable text: role-named styles, the page
/// set-up of the PDF (A4, GB/T 9704 margins, the 22 × 28 document grid for memos), odd and
/// even footers "— N —", real tables with repeated header rows, charts as 300 dpi pictures
/// with alternative text.
///
/// The same document and date give the same bytes: ZIP entries in a fixed order with the
/// document's date as their time stamp.
package struct DocxWriter {
    /// The document to write.
    public let document: Document
    /// Draws each chart as a picture.
    public let drawChart: DocxChartDrawing

    /// Whether charts other than tile maps are written as editable DrawingML charts with an
    /// embedded workbook instead of pictures.
    public let editableCharts: Bool
    /// Series colours of editable charts (e.g. the PDF's palette); empty for Word's own.
    public let chartColors: [RGBColor]

    /// Creates a writer; `drawChart` turns charts into pictures (nil: charts become their
    /// title and a sentence of their values); `editableCharts` writes DrawingML charts
    /// instead, in `chartColors`.
    public init(document: Document, drawChart: DocxChartDrawing? = nil, editableCharts: Bool = false,
                chartColors: [RGBColor] = []) {
        self.document = document
        self.drawChart = drawChart ?? { _, _ in nil }
        self.editableCharts = editableCharts
        self.chartColors = chartColors
    }

    /// The file's parts, in the order they are stored: path in the package and bytes.
    public func parts() throws -> [(path: String, data: Data)] {
        let doc = document
        let alternating = doc.page.pageNumbers == .alternating
        let styles = DocxStyles(sheet: doc.styles, grid: doc.memo != nil, alternatingFooters: alternating)
        let body = DocxBody(page: doc.page, sheet: doc.styles, drawChart: drawChart)
        if editableCharts { body.charts = [] }
        body.chartColors = chartColors
        body.date = doc.metadata.date
        var headerFooter: [(kind: String, type: String, path: String, data: [UInt8])] = []
        let notice = doc.runningHeader.flatMap { $0.isEmpty ? nil : $0 }
        let firstPageDiffers = notice != nil && doc.masthead?.notice == notice
        if doc.page.pageNumbers != .none {
            let odd = footerXML(alignment: alternating ? .trailing : .center)
            headerFooter.append(("footer", "default", "footer1.xml", odd))
            if alternating { headerFooter.append(("footer", "even", "footer2.xml", footerXML(alignment: .leading))) }
            if firstPageDiffers { headerFooter.append(("footer", "first", "footer3.xml", odd)) }
        }
        if let notice {
            headerFooter.append(("header", "default", "header1.xml", headerXML(notice)))
            if alternating { headerFooter.append(("header", "even", "header2.xml", headerXML(notice))) }
            if firstPageDiffers { headerFooter.append(("header", "first", "header3.xml", headerXML(nil))) }
        }

        // Body.
        let x = body
        x.x.open("w:document", [("xmlns:w", Namespace.w), ("xmlns:r", Namespace.r), ("xmlns:wp", Namespace.wp)])
        x.x.open("w:body")
        switch doc.layout {
        case .memo:
            let memo = doc.memo!
            x.memoHeader(memo.header, settings: memo.settings)
            try x.write(memo.body)
            x.memoClosing(memo.closing)
        case .attachment:
            try x.attachment(doc.attachment!, blocks: doc.blocks, newPage: false)
        case .briefing:
            if let m = doc.masthead { x.masthead(m) }
            try x.write(doc.blocks)
        }
        for a in doc.attachments ?? [] {
            try x.attachment(a.attachment ?? AttachmentHeader(label: "附件", title: a.metadata.title), blocks: a.blocks, newPage: true)
        }
        if let f = doc.footer { x.distribution(f) }
        if let end = doc.memo?.end { x.memoEnd(end, settings: doc.memo!.settings) }
        // A table may not end the body: a last, tiny paragraph.
        var last = ParagraphFormat(style: StyleID.body)
        last.snapToGrid = false
        last.exactLine = 20
        x.x.paragraph("", last)
        sectionProperties(&x.x, headerFooter: headerFooter.map { ($0.kind, $0.type, $0.path) },
                          titlePage: firstPageDiffers, grid: doc.memo != nil)
        x.x.close()
        x.x.close()

        // Relationships of the document part.
        var rels: [(id: String, type: String, target: String)] = [
            ("rIdStyles", "styles", "styles.xml"),
            ("rIdSettings", "settings", "settings.xml"),
            ("rIdFontTable", "fontTable", "fontTable.xml"),
        ]
        for part in headerFooter { rels.append(("rId\(part.path.replacingOccurrences(of: ".xml", with: ""))", part.kind, part.path)) }
        for (i, m) in x.media.enumerated() { rels.append((DocxBody.pictureRelationship(i), "image", "media/\(m.name)")) }
        let charts = x.charts ?? []
        for i in charts.indices { rels.append((DocxBody.chartRelationship(i), "chart", "charts/chart\(i + 1).xml")) }

        var out: [(String, Data)] = []
        out.append(("[Content_Types].xml", Data(contentTypes(headerFooter.map { ($0.kind, $0.path) }, hasPictures: !x.media.isEmpty,
                                                             charts: charts.count))))
        out.append(("_rels/.rels", Data(relationships([
            ("rId1", Namespace.officeRel + "/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", Namespace.officeRel + "/extended-properties", "docProps/app.xml"),
        ]))))
        out.append(("docProps/core.xml", Data(coreXML)))
        out.append(("docProps/app.xml", Data(appXML)))
        out.append(("word/document.xml", x.x.takeData()))
        out.append(("word/_rels/document.xml.rels", Data(relationships(rels.map { ($0.id, Namespace.officeRel + "/" + $0.type, $0.target) }))))
        out.append(("word/styles.xml", Data(styles.stylesXML)))
        out.append(("word/settings.xml", Data(styles.settingsXML)))
        out.append(("word/fontTable.xml", Data(styles.fontTableXML)))
        for part in headerFooter { out.append(("word/\(part.path)", Data(part.data))) }
        for m in x.media { out.append(("word/media/\(m.name)", m.data)) }
        for (i, chart) in charts.enumerated() {
            out.append(("word/charts/chart\(i + 1).xml", Data(chart.chartXML)))
            out.append(("word/charts/_rels/chart\(i + 1).xml.rels", Data(relationships([
                ("rId1", Namespace.officeRel + "/package", "../embeddings/Microsoft_Excel_Worksheet\(i + 1).xlsx")]))))
            out.append(("word/embeddings/Microsoft_Excel_Worksheet\(i + 1).xlsx", try chart.workbook()))
        }
        return out
    }

    /// Writes the file to `url` under a temporary name in the same directory and renames
    /// it into place when complete; nothing is left behind on failure.
    public func write(to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw DocxError.cannotCreate(path: url.path, reason: "directory \(dir.path) does not exist")
        }
        let parts = try parts()
        try DocxPackage.write(parts, to: url, date: document.metadata.date)
    }

    // MARK: Parts

    private func sectionProperties(_ x: inout XMLWriter, headerFooter: [(String, String, String)], titlePage: Bool, grid: Bool) {
        let p = document.page
        let right = p.width - p.left - p.blockWidth
        let bottom = p.height - p.top - p.blockHeight
        // The page number's dash 7 mm under the block: a 4号 line whose top is ~2.6 mm
        // above the dash, so the footer's bottom lies (7 − 2.6 + 4.9) mm under the block.
        let footerDistance = max(5, bottom - (p.pageNumberOffset - 2.6 + 4.94))
        x.within("w:sectPr") { x in
            for order in ["header", "footer"] {
                for (kind, type, path) in headerFooter where kind == order {
                    x.empty("w:\(kind)Reference", [("w:type", type), ("r:id", "rId\(path.replacingOccurrences(of: ".xml", with: ""))")])
                }
            }
            x.empty("w:pgSz", [("w:w", "\(Units.twips(mm: p.width))"), ("w:h", "\(Units.twips(mm: p.height))")])
            x.empty("w:pgMar", [("w:top", "\(Units.twips(mm: p.top))"), ("w:right", "\(Units.twips(mm: right))"),
                                ("w:bottom", "\(Units.twips(mm: bottom))"), ("w:left", "\(Units.twips(mm: p.left))"),
                                ("w:header", "\(Units.twips(mm: 15))"), ("w:footer", "\(Units.twips(mm: footerDistance))"),
                                ("w:gutter", "0")])
            x.empty("w:pgNumType", [("w:start", "1")])
            x.empty("w:cols", [("w:space", "425")])
            if titlePage { x.empty("w:titlePg") }
            if grid, let memo = document.memo {
                // 22 lines in the block; 28 characters of 3号: the grid pitch differs from
                // the 16 pt font size by charSpace/4096 points.
                let pitch = Units.points(mm: p.blockWidth) / Double(memo.settings.charsPerLine)
                let linePitch = Units.points(mm: p.blockHeight) / Double(memo.settings.linesPerPage)
                let charSpace = Int(((pitch - document.styles.body.size) * 4096).rounded())
                x.empty("w:docGrid", [("w:type", "linesAndChars"), ("w:linePitch", "\(Units.twips(linePitch))"),
                                      ("w:charSpace", "\(charSpace)")])
            } else {
                x.empty("w:docGrid", [("w:linePitch", "\(Units.twips(document.styles.body.lineHeight))")])
            }
        }
    }

    /// "— N —" in 4号 宋体; odd pages right and even pages left, one character in (7.5).
    private func footerXML(alignment: TextAlignment) -> [UInt8] {
        var x = XMLWriter()
        x.open("w:ftr", [("xmlns:w", Namespace.w), ("xmlns:r", Namespace.r)])
        var p = ParagraphFormat(style: StyleID.footer)
        p.alignment = alignment
        let one = Units.twips(document.styles.pageNumber.size)
        if alignment == .trailing { p.right = one }
        if alignment == .leading { p.left = one }
        p.exactLine = Units.twips(document.styles.pageNumber.size * 1.25)
        x.within("w:p") { x in
            p.write(&x)
            x.run("— ")
            x.within("w:r") { $0.empty("w:fldChar", [("w:fldCharType", "begin")]) }
            x.within("w:r") { $0.element("w:instrText", [("xml:space", "preserve")], text: " PAGE ") }
            x.within("w:r") { $0.empty("w:fldChar", [("w:fldCharType", "separate")]) }
            x.run("1")
            x.within("w:r") { $0.empty("w:fldChar", [("w:fldCharType", "end")]) }
            x.run(" —")
        }
        x.close()
        return x.data
    }

    /// The running mark (such as 示例数据) in the top margin; nil for an empty header.
    private func headerXML(_ text: String?) -> [UInt8] {
        var x = XMLWriter()
        x.open("w:hdr", [("xmlns:w", Namespace.w), ("xmlns:r", Namespace.r)])
        x.paragraph(text ?? "", ParagraphFormat(style: StyleID.header))
        x.close()
        return x.data
    }

    private func relationships(_ rels: [(String, String, String)]) -> [UInt8] {
        var x = XMLWriter()
        x.within("Relationships", [("xmlns", Namespace.relationships)]) { x in
            for (id, type, target) in rels { x.empty("Relationship", [("Id", id), ("Type", type), ("Target", target)]) }
        }
        return x.data
    }

    private func contentTypes(_ headerFooter: [(String, String)], hasPictures: Bool, charts: Int) -> [UInt8] {
        let base = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var x = XMLWriter()
        x.within("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")]) { x in
            x.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
            x.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
            if hasPictures { x.empty("Default", [("Extension", "png"), ("ContentType", "image/png")]) }
            if charts > 0 {
                x.empty("Default", [("Extension", "xlsx"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")])
            }
            x.empty("Override", [("PartName", "/word/document.xml"), ("ContentType", "\(base).document.main+xml")])
            x.empty("Override", [("PartName", "/word/styles.xml"), ("ContentType", "\(base).styles+xml")])
            x.empty("Override", [("PartName", "/word/settings.xml"), ("ContentType", "\(base).settings+xml")])
            x.empty("Override", [("PartName", "/word/fontTable.xml"), ("ContentType", "\(base).fontTable+xml")])
            for i in 0..<charts {
                x.empty("Override", [("PartName", "/word/charts/chart\(i + 1).xml"),
                                     ("ContentType", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")])
            }
            for (kind, path) in headerFooter {
                x.empty("Override", [("PartName", "/word/\(path)"), ("ContentType", "\(base).\(kind)+xml")])
            }
            x.empty("Override", [("PartName", "/docProps/core.xml"), ("ContentType", "application/vnd.openxmlformats-package.core-properties+xml")])
            x.empty("Override", [("PartName", "/docProps/app.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.extended-properties+xml")])
        }
        return x.data
    }

    /// W3CDTF date of the document (`YYYY-MM-DD` → midnight UTC), epoch otherwise.
    var isoDate: String {
        let d = document.metadata.date
        return DocxPackage.dateComponents(d) != nil ? "\(d)T00:00:00Z" : "1980-01-01T00:00:00Z"
    }

    private var coreXML: [UInt8] {
        let m = document.metadata
        var x = XMLWriter()
        x.within("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"), ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ]) { x in
            x.element("dc:title", text: m.title)
            x.element("dc:subject", text: m.subject)
            x.element("dc:creator", text: m.author)
            x.element("cp:keywords", text: m.keywords)
            x.element("dc:language", text: "zh-CN")
            x.element("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: isoDate)
            x.element("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], text: isoDate)
        }
        return x.data
    }

    private var appXML: [UInt8] {
        var x = XMLWriter()
        x.within("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")]) { x in
            x.element("Application", text: document.metadata.creator)
        }
        return x.data
    }
}

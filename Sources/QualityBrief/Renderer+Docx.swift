import BriefCairo
import BriefDocument
import BriefDocx
import BriefLayout
import Foundation

extension Renderer {
    /// Writes `document` as a Word file: text, tables and page set-up from the document
    /// model, each chart drawn alone through the PNG renderer at `chartResolution` dpi, or
    /// with `editableCharts` (default: the environment variable
    /// `QUALITYBRIEF_DOCX_CHARTS=editable`) as DrawingML charts with their data in an embedded
    /// workbook (tile maps stay pictures). `pageCount` of the result is the number of pages
    /// the PDF of the same document has (Word and LibreOffice paginate for themselves).
    ///
    /// Charts and tables are checked as by `render(_:to:format:pngResolution:pdfOptions:progress:)`
    /// (`QualityBriefError.invalidSpec`); every error thrown is a `QualityBriefError`.
    public func renderDocx(_ document: Document, to url: URL, chartResolution: Double = 300,
                           editableCharts: Bool? = nil) throws -> RenderResult {
        try Self.check(document)
        let editable = editableCharts ?? (ProcessInfo.processInfo.environment["QUALITYBRIEF_DOCX_CHARTS"] == "editable")
        try? library.subsetFonts(to: document.characterScalars(), boldRoles: document.boldRoles)
        let measurer = PangoTextMeasurer(library: library)
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("qbrief-docx-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let library = self.library
        let draw: DocxChartDrawing = { spec, width in
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let frame = Rect(x: 0, y: 0, width: width, height: spec.height)
            let items = ChartLayout.items(for: spec, in: frame, styles: document.styles, measurer: measurer)
            let page = LaidOutPage(index: 0, size: Size(width: width, height: spec.height), items: items, label: "1")
            let writer = try CairoPageWriter(url: scratch.appendingPathComponent("chart.png"), format: .png,
                                             metadata: document.metadata, library: library, pngResolution: chartResolution)
            try writer.consume(page)
            let files = try writer.finish()
            defer { for f in files { try? FileManager.default.removeItem(at: f) } }
            return DocxPicture(png: try Data(contentsOf: files[0]), width: width, height: spec.height)
        }
        do {
            try DocxWriter(document: document, drawChart: draw, editableCharts: editable,
                           chartColors: ChartPalette.colors).write(to: url)
        } catch let e as RenderError {
            throw QualityBriefError.render(path: url.path, message: "chart picture: \(e)")
        } catch {
            throw QualityBriefError.writing(url.path, error)
        }
        let pages: Int
        do { pages = try DocumentLayouter(measurer: measurer).layout(document) { _ in } } catch {
            throw QualityBriefError.writing(url.path, error)
        }
        return RenderResult(pageCount: pages, files: [url])
    }
}

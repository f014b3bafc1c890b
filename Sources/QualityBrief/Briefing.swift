import BriefAnalytics
import BriefCairo
import BriefDocument
import BriefLayout
import BriefModel
import Foundation

/// A briefing: a register, a report definition and a filter, ready to compose and render.
///
/// ```swift
/// import QualityBrief
/// let register = try Register.load(["Reports/sample/awards.csv"])
/// let definition = try ReportDefinition.load(URL(fileURLWithPath: "Reports/sample/briefing.yaml"))
/// let briefing = Briefing(register: register, definition: definition)
/// let result = try briefing.render(to: URL(fileURLWithPath: "briefing.pdf"))
/// print(result.pageCount)
/// ```
public struct Briefing: Sendable {
    /// The loaded register.
    public let register: Register
    /// Masthead, title, sections.
    public var definition: ReportDefinition
    /// Which records the briefing covers.
    public var filter: RecordFilter

    /// Creates a briefing over `register`.
    public init(register: Register, definition: ReportDefinition, filter: RecordFilter = RecordFilter()) {
        self.register = register
        self.definition = definition
        self.filter = filter
    }

    /// The document the briefing will render: masthead, title, summary, charts, tables.
    public func document() throws -> Document {
        let count = register.table.counts(by: .level, filter: filter).total
        if count == 0 { throw QualityBriefError.emptySelection(filter.summary) }
        let briefing = BriefingComposer(table: register.table, records: register.records(matching: filter), filter: filter,
                                        definition: definition, creator: "QualityBrief \(QualityBriefVersion.current)").document()
        switch layout {
        case .briefing: return briefing
        case .attachment:
            return MemoComposer.attachment(briefing, label: definition.memo?.attachmentLabel ?? "附件1",
                                           memoNumber: definition.memo?.documentNumber)
        case .memo:
            guard let memo = definition.memo else {
                throw QualityBriefError.badDefinition(file: "<definition>", message: "layout memo needs a `memo:` section")
            }
            return MemoComposer.memo(briefing, definition: definition, memo: memo, summary: summary())
        }
    }

    /// briefing (the 简报 masthead), memo (a 公文 after GB/T 9704-2012 with the briefing as
    /// 附件1) or attachment (the briefing as 附件1 on its own); the definition's `layout:`.
    public var layout: LayoutKind {
        get { definition.layout ?? .briefing }
        set { definition.layout = newValue }
    }

    /// The summary paragraphs, as they appear under 总体情况.
    public func summary() -> [String] {
        BriefingSummary(table: register.table, filter: filter).paragraphs()
    }

    /// Lays out and renders the briefing to `url` (PDF, or numbered PNG/SVG files per page).
    /// The output is written under a temporary name and renamed when complete. `progress`,
    /// if given, is called after each page is drawn with the number of pages drawn so far.
    /// A PDF is tagged by default; `PDFOptions(archival: true)` writes PDF/A-2b.
    @discardableResult
    public func render(to url: URL, format: OutputFormat = .pdf, fontsDirectory: URL? = nil,
                       pngResolution: Double = 150, pdfOptions: PDFOptions = PDFOptions(),
                       progress: ((Int) -> Void)? = nil) throws -> RenderResult {
        try Renderer(fontsDirectory: fontsDirectory).render(document(), to: url, format: format,
                                                            pngResolution: pngResolution, pdfOptions: pdfOptions,
                                                            progress: progress)
    }
}

/// PDF flavour: tagged (default), untagged, PDF/A-2b (`BriefCairo.PDFOptions`).
public typealias PDFOptions = BriefCairo.PDFOptions

/// What a render produced.
public struct RenderResult: Sendable, Equatable {
    /// Pages laid out.
    public var pageCount: Int
    /// Files written (one PDF, or one PNG/SVG per page).
    public var files: [URL]
    /// What the user should know about the output, e.g. that a very large PDF was written
    /// untagged (see `PDFOptions.tagged`); empty when there is nothing to say.
    public var notes: [String] = []
}

/// Renders any `Document` through Pango and Cairo.
public struct Renderer: Sendable {
    private let library: FontLibrary

    /// Creates a renderer with fonts from `fontsDirectory` (default: the project's `Fonts/`).
    public init(fontsDirectory: URL? = nil) throws {
        do {
            library = try FontLibrary(fontsDirectory: fontsDirectory ?? ResourceLocator.fontsDirectory())
        } catch {
            throw QualityBriefError.renderFailed("fonts: \(error)")
        }
    }

    /// Lays out `document` and writes it to `url` page by page.
    /// `progress`, if given, is called on the calling thread after each page is drawn, with
    /// the number of pages drawn so far.
    /// `pdfOptions` chooses tagged (default), untagged or PDF/A-2b output.
    public func render(_ document: Document, to url: URL, format: OutputFormat = .pdf,
                       pngResolution: Double = 150, pdfOptions: PDFOptions = PDFOptions(),
                       progress: ((Int) -> Void)? = nil) throws -> RenderResult {
        // Fonts cut down to the document's characters: same pages, a fraction of the memory.
        // Should that fail (no writable temporary directory), the whole fonts draw the same.
        try? library.subsetFonts(to: document.characterScalars(), boldRoles: document.boldRoles)
        let measurer = PangoTextMeasurer(library: library)
        let (pdfOptions, note) = StructureBudget.apply(pdfOptions, to: document, format: format)
        let writer: CairoPageWriter
        do {
            writer = try CairoPageWriter(url: url, format: format, metadata: document.metadata,
                                         library: library, pngResolution: pngResolution, pdfOptions: pdfOptions)
        } catch {
            throw QualityBriefError.renderFailed("cannot write \(url.path): \(error)")
        }
        // Layout runs on its own thread, a few pages ahead of drawing (see PagePipeline).
        let pipeline = PagePipeline()
        pipeline.start(DocumentLayouter(measurer: measurer), document)
        do {
            var drawn = 0
            while let page = try pipeline.next() {
                try writer.consume(page)
                drawn += 1
                progress?(drawn)
            }
        } catch let e as LayoutError {
            pipeline.cancelAndWait()
            throw QualityBriefError.renderFailed("layout: \(e)")
        } catch {
            pipeline.cancelAndWait()
            throw error
        }
        let files = try writer.finish()
        return RenderResult(pageCount: pipeline.pageCount, files: files, notes: note.map { [$0] } ?? [])
    }
}

/// The library version.
public enum QualityBriefVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}

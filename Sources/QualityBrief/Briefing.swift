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
/// print(result.pageCount, try briefing.summary().first!)
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
    ///
    /// The definition is checked first, exactly as a YAML file is (`ReportDefinition.problems()`:
    /// `QualityBriefError.invalidDefinition`), then for missing fields and template
    /// placeholders (`placeholderProblems()`: `QualityBriefError.unfinishedDefinition`) unless
    /// it is a draft, whose every page then carries a large 草稿 mark.
    public func document() throws -> Document {
        try definition.validate()
        let draft = definition.draft ?? false
        if !draft {
            let unfinished = definition.placeholderProblems()
            if !unfinished.isEmpty { throw QualityBriefError.unfinishedDefinition(unfinished.map { definition.locate($0) }) }
        }
        let count = register.table.counts(by: .level, filter: filter).total
        if count == 0 { throw QualityBriefError.emptySelection(filter.summary) }
        let briefing = BriefingComposer(table: register.table, records: register.records(matching: filter), filter: filter,
                                        definition: definition, creator: "QualityBrief \(QualityBriefVersion.current)",
                                        figures: try figures()).document()
        var document: Document
        switch layout {
        case .briefing: document = briefing
        case .attachment:
            document = MemoComposer.attachment(briefing, label: definition.memo?.attachmentLabel ?? MemoComposer.attachmentLabel(0, of: 1),
                                               memoNumber: definition.memo?.documentNumber)
        case .memo:
            guard let memo = definition.memo else {
                throw QualityBriefError.badDefinition(file: "<definition>", message: "layout memo needs a `memo:` section")
            }
            document = MemoComposer.memo(briefing, definition: definition, memo: memo, summary: try summary())
        }
        if draft {
            document.draftMark = Self.draftMark
            for i in (document.attachments ?? []).indices { document.attachments?[i].draftMark = Self.draftMark }
        }
        return document
    }

    /// The mark set across every page of a draft.
    public static let draftMark = "草稿"

    /// briefing (the 简报 masthead), memo (a 公文 after GB/T 9704-2012 with the briefing as
    /// 附件1) or attachment (the briefing as 附件1 on its own); the definition's `layout:`.
    public var layout: LayoutKind {
        get { definition.layout ?? .briefing }
        set { definition.layout = newValue }
    }

    /// The summary paragraphs, as they appear under 总体情况. Throws `badDefinition` when the
    /// definition's home province is not a province (only possible for one built in Swift; YAML
    /// is checked on reading), exactly as `figures()`, `document()` and `render` do: a summary
    /// is never worded for a province the definition did not name.
    public func summary() throws -> [String] {
        BriefingWording(try figures()).summary()
    }

    /// The figures the briefing quotes, computed once from the register, the filter and the
    /// definition's home province (default 江苏省); testable without rendering.
    public func figures() throws -> BriefingFigures {
        BriefingFigures(table: register.table, filter: filter, home: try definition.homeProvinceRegion())
    }

    /// Lays out and renders the briefing to `url` (PDF, numbered PNG/SVG files per page, or
    /// a Word file).
    /// The output is written under a temporary name and renamed when complete; `url` is
    /// checked first (`OutputTarget`: regular files only, links followed, never a register
    /// of this briefing, extension agreeing with `format`). `progress`,
    /// if given, is called after each page is drawn with the number of pages drawn so far.
    /// A PDF is tagged by default; `PDFOptions(archival: true)` writes PDF/A-2b.
    @discardableResult
    public func render(to url: URL, format: OutputFormat = .pdf, fontsDirectory: URL? = nil,
                       pngResolution: Double = 150, pdfOptions: PDFOptions = PDFOptions(),
                       progress: ((Int) -> Void)? = nil) throws -> RenderResult {
        let target = try OutputTarget.resolve(url, format: format, inputs: register.sources)
        return try Renderer(fontsDirectory: fontsDirectory).render(document(), to: target, format: format,
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
    /// For a memo (公文): the roles set with an open stand-in rather than the face GB/T 9704
    /// names (see `FontReport.standInWarning`); empty for other documents.
    public var fontStandIns: [FontReport.Row] = []
    /// What the user should know about the output, e.g. that a very large PDF was written
    /// untagged (see `PDFOptions.tagged`); empty when there is nothing to say.
    public var notes: [String] = []
}

/// Renders any `Document` through Pango and Cairo.
///
/// Renderers are cheap and may live as long as a server: all renderers of one fonts directory
/// share the process's one font library (one fontconfig configuration, built on first use),
/// and renders through it take turns. Each render cuts the fonts to its document's characters
/// and deletes those temporary subset files when it ends, so the same document gives the same
/// bytes from a new renderer or one that drew a thousand others.
public struct Renderer: Sendable {
    let library: FontLibrary

    /// Creates a renderer with fonts from `fontsDirectory` (default: the project's `Fonts/`).
    public init(fontsDirectory: URL? = nil) throws {
        do {
            library = try FontLibrary.shared(fontsDirectory: fontsDirectory ?? ResourceLocator.fontsDirectory())
        } catch {
            throw QualityBriefError.fonts(error)
        }
    }

    /// Lays out `document` and writes it to `url` page by page (checked by `OutputTarget`:
    /// a regular file, a link's target, an extension agreeing with `format`).
    /// `progress`, if given, is called on the calling thread after each page is drawn, with
    /// the number of pages drawn so far.
    ///
    /// A memo built in Swift is held to the same rules as a YAML `memo:` section (份号 and
    /// 发文字号 form, mark size and rule width in `DefinitionLimits`): `QualityBriefError.invalidDefinition`.
    /// Charts and tables are checked by `Document.specProblems()` (negative values, series
    /// shorter or longer than their categories, rows wider than their table):
    /// `QualityBriefError.invalidSpec`. `pdfOptions` chooses tagged (default), untagged or
    /// PDF/A-2b output.
    ///
    /// Every error thrown is a `QualityBriefError`: `layout` for a block larger than a page,
    /// `render` for fonts and cairo, `io` for files that cannot be written.
    public func render(_ document: Document, to url: URL, format: OutputFormat = .pdf,
                       pngResolution: Double = 150, pdfOptions: PDFOptions = PDFOptions(),
                       progress: ((Int) -> Void)? = nil) throws -> RenderResult {
        try Self.check(document)
        // Regular files only, links followed, extension agreeing (`OutputTarget`).
        let url = try OutputTarget.resolve(url, format: format, inputs: [])
        guard let cairoFormat = format.cairoFormat else { return try renderDocx(document, to: url) }
        // Fonts cut down to the document's characters (same pages, a fraction of the memory)
        // for this render only: the subset files are gone when it returns.
        let (pdfOptions, note) = StructureBudget.apply(pdfOptions, to: document, format: format)
        do {
            return try library.withDocumentFonts(document.characterScalars(), boldRoles: document.boldRoles) {
                try renderWithFonts(document, to: url, format: cairoFormat, pngResolution: pngResolution,
                                    pdfOptions: pdfOptions, note: note, progress: progress)
            }
        } catch {
            throw QualityBriefError.writing(url.path, error)
        }
    }

    /// Throws `invalidDefinition` for a memo that breaks the `memo:` rules and `invalidSpec`
    /// for charts and tables that cannot be drawn as given.
    static func check(_ document: Document) throws(QualityBriefError) {
        let memoProblems = document.memo.map(MemoDefinition.problems(of:)) ?? []
        if !memoProblems.isEmpty { throw .invalidDefinition(memoProblems) }
        let specProblems = document.specProblems()
        if !specProblems.isEmpty { throw .invalidSpec(specProblems) }
    }

    /// `render` once the fonts are cut.
    private func renderWithFonts(_ document: Document, to url: URL, format cairoFormat: BriefCairo.OutputFormat,
                                 pngResolution: Double, pdfOptions: PDFOptions, note: String?,
                                 progress: ((Int) -> Void)?) throws -> RenderResult {
        let measurer = PangoTextMeasurer(library: library)
        let writer = try CairoPageWriter(url: url, format: cairoFormat, metadata: document.metadata,
                                         library: library, pngResolution: pngResolution, pdfOptions: pdfOptions)
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
        } catch {
            pipeline.cancelAndWait()
            throw error
        }
        let files = try writer.finish()
        var result = RenderResult(pageCount: pipeline.pageCount, files: files, notes: note.map { [$0] } ?? [])
        if document.memo != nil {
            result.fontStandIns = FontRole.allCases.compactMap { role in
                let s = library.standIn(for: role)
                guard s.isStandIn else { return nil }
                return FontReport.Row(role: FontReport.chineseName(role), family: library.resolvedFamily(for: role),
                                      file: "", standInFor: s.standInFor)
            }
        }
        return result
    }
}

/// The library version.
public enum QualityBriefVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}

import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import QualityBrief
import Testing
import TestSupport

/// `Renderer` cuts the fonts down to the document's characters before laying out. These
/// tests check that this changes nothing a reader sees: every character the layout puts on a
/// page is one the subsets were cut for, and the pages are drawn the same as with the whole
/// fonts.
@Suite(.serialized)
struct FontSubsetTests {
    static let csv = packageRoot.appendingPathComponent("Reports/sample/awards.csv")
    static let fonts = packageRoot.appendingPathComponent("Fonts")

    func document(_ definition: String) throws -> Document {
        let register = try Register.load(urls: [Self.csv])
        let url = packageRoot.appendingPathComponent("Reports/sample/\(definition)")
        return try Briefing(register: register, definition: try ReportDefinition.load(url)).document()
    }

    /// Every character laid out on the pages of the three sample reports (briefing, memo with
    /// its attachment, showcase) is in the document's strings or in `LayoutText`.
    @Test(arguments: ["briefing.yaml", "memo.yaml", "showcase.yaml"])
    func laidOutTextStaysInsideTheSubsets(definition: String) throws {
        let doc = try document(definition)
        let allowed = Set(doc.characterScalars()).union(LayoutText.generatedScalars)
        let library = try FontLibrary(fontsDirectory: Self.fonts)
        let pages = try DocumentLayouter(measurer: PangoTextMeasurer(library: library)).layoutPages(doc)
        var outside = Set<Character>(), checked = 0
        for page in pages {
            for case .text(let t) in page.items {
                for c in t.text where !c.unicodeScalars.allSatisfy({ allowed.contains($0.value) }) { outside.insert(c) }
                checked += t.text.count
            }
        }
        #expect(checked > 1000)
        #expect(outside.isEmpty, "laid out but not in the subsets: \(String(outside.sorted()))")
    }

    /// The sample briefing drawn with the subsets (`Renderer`) and with the whole fonts
    /// (`renderPages` on a library that was never cut down) gives the same text and the same
    /// pixels: every page at 30 dpi grey, no pixel off by more than 32 levels and a mean
    /// difference under 0.1.
    @Test func subsetFontsDrawTheSamePagesAsTheWholeFonts() throws {
        let doc = try document("briefing.yaml")
        let dir = temporaryDirectory("subset")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cut = dir.appendingPathComponent("cut.pdf"), whole = dir.appendingPathComponent("whole.pdf")
        let result = try Renderer(fontsDirectory: Self.fonts).render(doc, to: cut)
        let library = try FontLibrary(fontsDirectory: Self.fonts)
        let pages = try DocumentLayouter(measurer: PangoTextMeasurer(library: library)).layoutPages(doc)
        _ = try renderPages(pages, to: whole, format: .pdf, metadata: doc.metadata, library: library)
        #expect(result.pageCount == pages.count)

        let cutText = try runTool("pdftotext", [cut.path, "-"]).stdout
        #expect(cutText == (try runTool("pdftotext", [whole.path, "-"]).stdout))
        #expect(cutText.contains("江苏省省长质量奖"))
        // The same faces are embedded (as subsets, with their own names).
        func faces(_ pdf: URL) throws -> [String] {
            try runTool("pdffonts", [pdf.path]).stdout.split(separator: "\n").dropFirst(2)
                .compactMap { $0.split(separator: " ").first?.split(separator: "+").last.map(String.init) }.sorted()
        }
        let cutFaces = try faces(cut)
        #expect(cutFaces == (try faces(whole)))
        #expect(cutFaces.contains("NotoSerifCJKsc-Regular"))

        try runTool("pdftoppm", ["-r", "30", "-gray", cut.path, dir.appendingPathComponent("c").path])
        try runTool("pdftoppm", ["-r", "30", "-gray", whole.path, dir.appendingPathComponent("w").path])
        for n in 1...pages.count {
            let name = pages.count >= 10 ? String(format: "%02d", n) : "\(n)"
            let a = try readGreyPGM(dir.appendingPathComponent("c-\(name).pgm"))
            let b = try readGreyPGM(dir.appendingPathComponent("w-\(name).pgm"))
            guard let diff = GreyDifference(a, b) else { Issue.record("page \(n): sizes differ"); continue }
            #expect(diff.worst <= 32, "page \(n): a pixel differs by \(diff.worst)")
            #expect(diff.mean < 0.1, "page \(n): mean difference \(diff.mean)")
        }
    }
}

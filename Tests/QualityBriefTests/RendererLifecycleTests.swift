@testable import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import QualityBrief
import Testing
import TestSupport

/// A `Renderer` that lives as long as a server: the same document gives the same PDF bytes
/// from a new renderer, a reused one and a library that never drew anything else, and the
/// subset font files of a render are gone when it returns; renders on several threads at once
/// give the same bytes.
struct RendererLifecycleTests {
    static let csv = packageRoot.appendingPathComponent("Reports/sample/awards.csv")
    static let fonts = packageRoot.appendingPathComponent("Fonts")

    func document(_ definition: String) throws -> Document {
        let register = try Register.load(urls: [Self.csv])
        let url = packageRoot.appendingPathComponent("Reports/sample/\(definition)")
        return try Briefing(register: register, definition: try ReportDefinition.load(url)).document()
    }

    func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test func reusedRendererWritesTheSameBytesAsANewOne() throws {
        let briefing = try document("briefing.yaml"), memo = try document("memo.yaml")
        let dir = temporaryDirectory("lifecycle")
        defer { try? FileManager.default.removeItem(at: dir) }
        func out(_ name: String) -> URL { dir.appendingPathComponent(name) }

        let renderer = try Renderer(fontsDirectory: Self.fonts)
        let first = try renderer.render(briefing, to: out("first.pdf"))
        _ = try renderer.render(memo, to: out("memo.pdf"))
        _ = try renderer.render(briefing, to: out("again.pdf"))
        _ = try Renderer(fontsDirectory: Self.fonts).render(briefing, to: out("new.pdf"))
        // A library of its own that draws only this document.
        let library = try FontLibrary(fontsDirectory: Self.fonts)
        let pages = try library.withDocumentFonts(briefing.characterScalars(), boldRoles: briefing.boldRoles) {
            let pages = try DocumentLayouter(measurer: PangoTextMeasurer(library: library)).layoutPages(briefing)
            _ = try renderPages(pages, to: out("fresh.pdf"), format: .pdf, metadata: briefing.metadata, library: library)
            return pages.count
        }

        let reference = try bytes(out("first.pdf"))
        #expect(first.pageCount == pages && pages >= 2)
        #expect(reference.count > 10_000)
        #expect(try bytes(out("again.pdf")) == reference, "the renderer drew the memo in between")
        #expect(try bytes(out("new.pdf")) == reference)
        #expect(try bytes(out("fresh.pdf")) == reference, "a library that drew nothing else")
        #expect(try bytes(out("memo.pdf")) != reference)
        let text = try runTool("pdftotext", [out("again.pdf").path, "-"]).stdout
        #expect(text.contains("江苏省省长质量奖"))
        #expect(try runTool("qpdf", ["--check", out("again.pdf").path]).status == 0)
    }

    /// Renders from several threads at once — a shared renderer, new renderers, and a library
    /// of their own — give the bytes a lone render gives (one process-wide font lock; with a
    /// lock per library this crashed about one run in six).
    @Test func rendersOnSeveralThreadsGiveTheLoneRendersBytes() async throws {
        let briefing = try document("briefing.yaml"), memo = try document("memo.yaml")
        let dir = temporaryDirectory("concurrent")
        defer { try? FileManager.default.removeItem(at: dir) }
        let refB = dir.appendingPathComponent("ref-briefing.pdf"), refM = dir.appendingPathComponent("ref-memo.pdf")
        _ = try Renderer(fontsDirectory: Self.fonts).render(briefing, to: refB)
        _ = try Renderer(fontsDirectory: Self.fonts).render(memo, to: refM)
        let expected = [try Data(contentsOf: refB), try Data(contentsOf: refM)]
        let shared = try Renderer(fontsDirectory: Self.fonts)
        let results = try await withThrowingTaskGroup(of: (Int, Int, Data).self) { group in
            for task in 0..<4 {
                group.addTask {
                    var last = Data()
                    let which = task % 2
                    let doc = which == 0 ? briefing : memo
                    for round in 0..<2 {
                        let out = dir.appendingPathComponent("t\(task)-\(round).pdf")
                        switch (task + round) % 3 {
                        case 0: _ = try shared.render(doc, to: out)
                        case 1: _ = try Renderer(fontsDirectory: Self.fonts).render(doc, to: out)
                        default:
                            let library = try FontLibrary(fontsDirectory: Self.fonts)
                            try library.withDocumentFonts(doc.characterScalars(), boldRoles: doc.boldRoles) {
                                let pages = try DocumentLayouter(measurer: PangoTextMeasurer(library: library)).layoutPages(doc)
                                _ = try renderPages(pages, to: out, format: .pdf, metadata: doc.metadata, library: library)
                            }
                        }
                        last = try Data(contentsOf: out)
                        if last != expected[which] { return (task, round, last) }
                    }
                    return (task, -1, last)
                }
            }
            var all: [(Int, Int, Data)] = []
            for try await r in group { all.append(r) }
            return all
        }
        for (task, round, _) in results { #expect(round == -1, "task \(task) round \(round) differs from the lone render") }
    }

    /// During a render its subset files exist (in the shared library of the fonts directory);
    /// when the render returns they, their folder and their fontconfig entries are gone.
    @Test func subsetFolderIsRemovedWhenTheRenderEnds() throws {
        let doc = try document("briefing.yaml")
        let dir = temporaryDirectory("lifecycle-subsets")
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = try FontLibrary.shared(fontsDirectory: Self.fonts)
        var seen: (directory: URL, files: [String], registered: Int)?
        let result = try Renderer(fontsDirectory: Self.fonts).render(doc, to: dir.appendingPathComponent("b.pdf")) { drawn in
            guard drawn == 1, let s = library.withLock({ library.subsets }) else { return }
            seen = (s.directory, (try? FileManager.default.contentsOfDirectory(atPath: s.directory.path)) ?? [],
                    library.applicationFontFiles().filter { $0.hasPrefix(s.directory.path + "/") }.count)
        }
        #expect(result.pageCount >= 2)
        let during = try #require(seen, "subsets in use while drawing")
        #expect(during.files.filter { $0.hasSuffix(".otf") }.count >= 2, "\(during.files)")
        #expect(during.registered == during.files.filter { $0.hasSuffix(".otf") }.count, "every subset file is in fontconfig while drawing")
        #expect(!FileManager.default.fileExists(atPath: during.directory.path))
        // The subsets' entries are out of fontconfig. (Not "no family of this tag": another
        // test may be drawing the same briefing through the shared library by now.)
        #expect(!library.applicationFontFiles().contains { $0.hasPrefix(during.directory.path + "/") })
        let fonts = try runTool("pdffonts", [dir.appendingPathComponent("b.pdf").path]).stdout
        #expect(fonts.contains("NotoSerifCJKsc-Regular"))
    }
}

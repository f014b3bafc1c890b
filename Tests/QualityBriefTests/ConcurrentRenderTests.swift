@testable import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import QualityBrief
import Testing
import TestSupport

/// Renders from several threads at once — renderers sharing the process's font library,
/// new renderers, and a library of their own — give the bytes a lone render gives.
struct ConcurrentRenderTests {
    static let csv = packageRoot.appendingPathComponent("Reports/sample/awards.csv")
    static let fonts = packageRoot.appendingPathComponent("Fonts")

    func document(_ definition: String) throws -> Document {
        let register = try Register.load(urls: [Self.csv])
        let url = packageRoot.appendingPathComponent("Reports/sample/\(definition)")
        return try Briefing(register: register, definition: try ReportDefinition.load(url)).document()
    }

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
}

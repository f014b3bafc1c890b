import BriefCairo
import BriefLayout
import Foundation
import QualityBrief
import Testing

/// The showcase report (Reports/sample/showcase.yaml): every chart kind and both table
/// styles, laid out with the real fonts, with no stranded headings and no line starting with
/// closing punctuation.
struct ShowcaseTests {
    static let definitionURL = packageRoot.appendingPathComponent("Reports/sample/showcase.yaml")

    func briefing() throws -> Briefing {
        let register = try Register.load(urls: [packageRoot.appendingPathComponent("Reports/sample/awards.csv")])
        return Briefing(register: register, definition: try ReportDefinition.load(Self.definitionURL))
    }

    @Test func everyChartKindAndBothTableStyles() throws {
        let doc = try briefing().document()
        var kinds = Set<String>(), styles = Set<String>(), grouped = false
        func visit(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .chart(let c): kinds.insert(c.kind.rawValue)
                case .table(let t):
                    styles.insert(t.style.rawValue)
                    if (t.headerRows?.count ?? 1) > 1 { grouped = true }
                case .keepTogether(let inner): visit(inner)
                default: break
                }
            }
        }
        visit(doc.blocks)
        #expect(kinds == ["bar", "horizontalBar", "stackedBar", "line", "area", "pie", "donut", "tileMap"])
        #expect(styles == ["threeLine", "grid"])
        #expect(grouped)
    }

    @Test func pagesHaveNoStrandedHeadingsOrBadLineStarts() throws {
        let library = try FontLibrary(fontsDirectory: packageRoot.appendingPathComponent("Fonts"))
        let pages = try DocumentLayouter(measurer: PangoTextMeasurer(library: library)).layoutPages(try briefing().document())
        #expect(pages.count >= 8)
        let heading = /^[一二三四五六七八九十]+、/
        for page in pages {
            let texts = page.items.compactMap { item -> TextItem? in if case .text(let t) = item { return t } else { return nil } }
            for t in texts where t.text.firstMatch(of: heading) != nil {
                #expect(texts.contains { $0.origin.y > t.origin.y + 10 && $0.origin.y < 780 },
                        "heading “\(t.text)” alone at the foot of page \(page.label)")
            }
            // Page numbers “— 3 —” are decorations, not wrapped lines.
            for t in texts where !(t.text.hasPrefix("—") && t.text.hasSuffix("—")) {
                if let f = t.text.first { #expect(!LineBreaker.noLineStart.contains(f), "line starts with \(f): \(t.text)") }
                if t.text.count > 1, let l = t.text.last { #expect(!LineBreaker.noLineEnd.contains(l), "line ends with \(l): \(t.text)") }
            }
        }
    }
}

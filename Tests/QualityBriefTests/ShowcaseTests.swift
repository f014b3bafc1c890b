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

    /// A one-city showcase: the map's one tile holds the city's total (from the public-list
    /// fixture, 苏州 has 5 records), the other cities are 未选, never 0项; the lead says so.
    @Test func oneCityMapShowsTheCityTotalAndNoZeros() throws {
        let register = try Register.load(urls: [packageRoot.appendingPathComponent("Tests/QualityBriefTests/Fixtures/public-lists.csv")])
        let definition = try ReportDefinition.load(Self.definitionURL)
        let doc = try Briefing(register: register, definition: definition, filter: RecordFilter(cityCodes: ["320500"])).document()
        var maps: [ChartSpec] = [], leads: [String] = []
        func visit(_ blocks: [Block]) {
            for (i, b) in blocks.enumerated() {
                switch b {
                case .chart(let c) where c.kind == .tileMap:
                    maps.append(c)
                    if i > 0, case .paragraph(let p) = blocks[i - 1] { leads.append(p.text) }
                case .keepTogether(let inner): visit(inner)
                default: break
                }
            }
        }
        visit(doc.blocks)
        let map = try #require(maps.first)
        #expect(map.categories == ["苏州"])
        #expect(map.series.first?.values == [5])
        let lead = try #require(leads.first)
        #expect(lead.hasPrefix("按区县看，"), "\(lead)")
        #expect(lead.contains("只标出所选的苏州市（共5项），其余设区市未选，留白。"), "\(lead)")
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

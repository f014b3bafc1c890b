import BriefDocument
import Foundation
import QualityBrief
import Testing

/// What the sample briefing and showcase put in their charts: a donut's 其他 no larger than
/// the smallest slice it names, and a filled area only for cumulative figures.
struct ChartDataRulesTests {
    func charts(_ template: String) throws -> [ChartSpec] {
        let register = try Register.load(urls: [packageRoot.appendingPathComponent("Reports/sample/awards.csv")])
        let doc = try Briefing(register: register, definition: ReportDefinition.load(
            packageRoot.appendingPathComponent("Reports/sample/\(template).yaml"))).document()
        return chartSpecs(doc.blocks)
    }

    @Test func donutOtherIsNoLargerThanTheSmallestNamedSlice() throws {
        let donut = try #require(charts("briefing").first { $0.kind == .donut })
        let values = donut.series[0].values
        #expect(donut.categories.last == "其他")
        let named = values.dropLast()
        #expect(values.last! <= named.min()!, "其他 \(values.last!) vs \(Array(named))")
        // The sample's 14 sectors: the text's second sector (建筑业) is the second slice.
        #expect(donut.categories.count >= 7 && named.count >= 6)
        #expect(Array(named) == named.sorted(by: >))
    }

    @Test func filledAreasShowCumulativeFigures() throws {
        for template in ["briefing", "showcase"] {
            for area in try charts(template) where area.kind == .area {
                #expect(area.title.contains("累计"), "\(area.title)")
                for s in area.series {
                    #expect(zip(s.values, s.values.dropFirst()).allSatisfy { $0 <= $1 }, "\(s.name) is not cumulative: \(s.values)")
                }
            }
        }
        #expect(try charts("showcase").contains { $0.kind == .area })
    }
}

/// The charts among `blocks`, those inside keep-together groups included, in order.
func chartSpecs(_ blocks: [Block]) -> [ChartSpec] {
    blocks.flatMap { b -> [ChartSpec] in
        switch b {
        case .chart(let c): return [c]
        case .keepTogether(let inner): return chartSpecs(inner)
        default: return []
        }
    }
}

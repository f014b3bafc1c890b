import Foundation
import QualityBrief
import Testing

/// Full pages: on the sample briefing, memo and showcase, pages (other than a document's last
/// and the page before an attachment) whose text ends above three quarters of the type block
/// are counted from `pdftotext -bbox`. Before tables could split and charts let their lead
/// paragraph stay, there were 7 (briefing p3, memo p3 and p5, showcase p3–p6).
@Suite(.serialized) struct PageFillTests {
    static let blockTop = 37.0, blockHeight = 225.0

    /// Pages ending above 3/4 of the type block, as (page, share of the block filled).
    static func shortPages(_ pdf: URL) throws -> (pages: Int, short: [(Int, Double)]) {
        let words = try bboxWords(pdf)
        let pageCount = words.map(\.page).max() ?? 0
        var bottoms: [Int: Double] = [:], firsts: [Int: BoxWord] = [:]
        for w in words where w.yMin > blockTop - 3 && w.yMax < blockTop + blockHeight + 3 {
            bottoms[w.page] = max(bottoms[w.page] ?? 0, w.yMax)
            if firsts[w.page].map({ w.yMin < $0.yMin || (w.yMin == $0.yMin && w.xMin < $0.xMin) }) ?? true { firsts[w.page] = w }
        }
        var short: [(Int, Double)] = []
        for page in 1..<max(pageCount, 1) {
            // The page before an attachment (附件, 附件N top left) ends where its memo ends.
            if let next = firsts[page + 1], next.text.wholeMatch(of: /附件\d*/) != nil { continue }
            guard let bottom = bottoms[page] else { continue }  // a blank page before the 版记
            let share = (bottom - blockTop) / blockHeight
            if share < 0.75 { short.append((page, share)) }
        }
        return (pageCount, short)
    }

    @Test func atMostOneShortPageInTheSamples() throws {
        let register = try Register.load(urls: [packageRoot.appendingPathComponent("Reports/sample/awards.csv")])
        let dir = temporaryDirectory("page-fill")
        defer { try? FileManager.default.removeItem(at: dir) }
        var total = 0
        var report: [String] = []
        for name in ["briefing", "memo", "showcase"] {
            let definition = try ReportDefinition.load(packageRoot.appendingPathComponent("Reports/sample/\(name).yaml"))
            let url = dir.appendingPathComponent("\(name).pdf")
            try Briefing(register: register, definition: definition)
                .render(to: url, fontsDirectory: packageRoot.appendingPathComponent("Fonts"))
            let (pages, short) = try Self.shortPages(url)
            total += short.count
            report.append("\(name): \(short.count) of \(pages) pages short \(short.map { "p\($0.0) \(Int($0.1 * 100))%" })")
        }
        print("short pages — " + report.joined(separator: "; "))
        #expect(total <= 1, "\(report)")
    }
}

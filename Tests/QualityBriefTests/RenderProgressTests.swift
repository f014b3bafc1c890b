import Foundation
import QualityBrief
import Testing

/// `render(progress:)` reports every page drawn, in order, on the calling thread.
struct RenderProgressTests {
    @Test func progressCountsEveryPageInOrder() throws {
        let register = try Register.load(urls: [packageRoot.appendingPathComponent("Reports/sample/awards.csv")])
        let definition = try ReportDefinition.load(packageRoot.appendingPathComponent("Reports/sample/briefing.yaml"))
        let dir = temporaryDirectory("progress")
        defer { try? FileManager.default.removeItem(at: dir) }
        var seen: [Int] = []
        let caller = pthread_self()
        var otherThread = false
        let result = try Briefing(register: register, definition: definition)
            .render(to: dir.appendingPathComponent("b.pdf"), fontsDirectory: packageRoot.appendingPathComponent("Fonts")) { n in
                seen.append(n)
                if pthread_equal(pthread_self(), caller) == 0 { otherThread = true }
            }
        #expect(result.pageCount > 5)
        #expect(seen == Array(1...result.pageCount))
        #expect(!otherThread, "called on the thread that called render")
    }
}

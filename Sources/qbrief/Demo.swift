import ArgumentParser
import Foundation
import QualityBrief

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the sample briefing (示例数据) from Reports/sample/awards.csv.",
        discussion: "The default output is Reports/out/sample-briefing.pdf in the project folder.")

    @Option(name: .long, help: "Output file (default Reports/out/sample-briefing.pdf).")
    var out: String?
    @Option(name: .long, help: "pdf | png | svg (PNG and SVG write one file per page).")
    var format: OutputFormat = .pdf

    func run() throws {
        try reportingErrors {
            guard let reports = ResourceLocator.reportsDirectory() else {
                throw QualityBriefError.missingResource(
                    "cannot find the Reports/ folder; run from the project folder or set QUALITYBRIEF_HOME")
            }
            let register = try Register.load(urls: [reports.appendingPathComponent("sample/awards.csv")])
            let definition = try ReportDefinition.load(reports.appendingPathComponent("sample/briefing.yaml"))
            let target = out.map { URL(fileURLWithPath: $0) }
                ?? reports.appendingPathComponent("out/sample-briefing.\(format.rawValue)")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let result = try Briefing(register: register, definition: definition).render(to: target, format: format)
            for file in result.files { print(file.path) }
            printError("qbrief: \(register.dataset.records.count) records, \(result.pageCount) pages")
        }
    }
}

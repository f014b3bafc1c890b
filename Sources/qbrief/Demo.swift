import ArgumentParser
import Foundation
import QualityBrief

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the sample briefing and the sample memo (示例数据) from Reports/sample/awards.csv.",
        discussion: """
        The default outputs are Reports/out/sample-briefing.pdf and Reports/out/sample-memo.pdf (a memo after
        GB/T 9704-2012 from Reports/sample/memo.yaml, with the briefing bound behind it as 附件1).
        """)

    @Option(name: .long, help: "Output file (default Reports/out/sample-briefing.pdf).")
    var out: String?
    @Option(name: .long, help: "Output file of the memo sample (default: sample-memo.pdf next to --out).")
    var memoOut: String?
    @Option(name: .long, help: "pdf | png | svg | docx (PNG and SVG write one file per page; docx a Word file).")
    var format: OutputFormat = .pdf
    @Option(name: .long, help: "Resolution of PNG pages in dots per inch, 36–1200 (default 150).")
    var dpi: Double?
    @Flag(name: .long, help: "Write only the showcase report (every chart kind, both table styles) to Reports/out/showcase.pdf, or --out.")
    var showcase = false

    func validate() throws {
        if let dpi, !(36...1200).contains(dpi) { throw ValidationError("--dpi must be between 36 and 1200, got \(dpi)") }
        if dpi != nil && format != .png { throw ValidationError("--dpi applies to PNG output (--format png)") }
    }

    func run() throws {
        try reportingErrors {
            guard let reports = ResourceLocator.reportsDirectory() else {
                throw QualityBriefError.missingResource(
                    "cannot find the Reports/ folder; run from the project folder or set QUALITYBRIEF_HOME")
            }
            let register = try Register.load(urls: [reports.appendingPathComponent("sample/awards.csv")])
            if showcase {
                let definition = try ReportDefinition.load(reports.appendingPathComponent("sample/showcase.yaml"))
                let target = out.map { URL(fileURLWithPath: $0) } ?? reports.appendingPathComponent("out/showcase.\(format.rawValue)")
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                let result = try Briefing(register: register, definition: definition).render(to: target, format: format, pngResolution: dpi ?? 150)
                for file in result.files { try StandardOutput.print(file.path) }
                printError("qbrief: showcase, \(result.pageCount) pages")
                return
            }
            let definition = try ReportDefinition.load(reports.appendingPathComponent("sample/briefing.yaml"))
            let target = out.map { URL(fileURLWithPath: $0) }
                ?? reports.appendingPathComponent("out/sample-briefing.\(format.rawValue)")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let result = try Briefing(register: register, definition: definition).render(to: target, format: format, pngResolution: dpi ?? 150)
            for file in result.files { try StandardOutput.print(file.path) }
            printError("qbrief: \(register.recordCount) records, \(result.pageCount) pages")
            // Second sample: a memo (公文, 示例) with the briefing bound behind it as 附件1.
            let memoDefinition = try ReportDefinition.load(reports.appendingPathComponent("sample/memo.yaml"))
            let memoTarget = memoOut.map { URL(fileURLWithPath: $0) }
                ?? target.deletingLastPathComponent().appendingPathComponent("sample-memo.\(format.rawValue)")
            let memo = try Briefing(register: register, definition: memoDefinition).render(to: memoTarget, format: format, pngResolution: dpi ?? 150)
            for file in memo.files { try StandardOutput.print(file.path) }
            if let warning = FontReport.standInWarning(memo.fontStandIns) { printError("qbrief: \(warning)") }
            printError("qbrief: memo with its 附件, \(memo.pageCount) pages")
        }
    }
}

import ArgumentParser
import Foundation
import QualityBrief

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a charted briefing from one or more registers.",
        discussion: """
        The masthead, title and sections come from a YAML report definition (default \
        Reports/templates/briefing.yaml); the flags below override it. A register with errors \
        is refused: run `qbrief validate --data FILE` to see them.

        Examples:
          qbrief report --data awards.csv --out 简报.pdf
          qbrief report --data awards.csv --out 简报.pdf --issue 13 --date 2025-01-15 --from 2016
          qbrief report --data awards.csv --out pages.png --format png   (pages-1.png, pages-2.png, …)
          qbrief report --data awards.csv --out pages.png --dpi 300      (print-quality PNG pages)
        """)

    @OptionGroup var input: DataOptions
    @Option(name: .long, help: "Output file (.pdf; for png/svg a stem: out.png → out-1.png …).")
    var out: String
    @Option(name: .long, help: "pdf | png | svg.")
    var format: OutputFormat?
    @Option(name: .long, help: "Resolution of PNG pages in dots per inch, 36–1200 (default 150; 72 gives one pixel per point).")
    var dpi: Double?
    @Option(name: .long, help: "Report definition (YAML).")
    var template: String?
    @Option(name: .long, help: "Briefing title.") var title: String?
    @Option(name: .long, help: "Issue number (第N期).") var issue: Int?
    @Option(name: .long, help: "Compiling unit.") var unit: String?
    @Option(name: .long, help: "Briefing date, YYYY-MM-DD.") var date: String?
    @Option(name: .long, help: "Briefing name in the red masthead (e.g. 质量工作简报).") var name: String?
    @Option(name: .long, help: "List at most N recipients in the 获奖名单 table.") var recipientLimit: Int?
    @Option(name: .long, help: "briefing (简报) | memo (公文, GB/T 9704-2012, briefing as 附件1; needs memo: in the template) | attachment.")
    var layout: LayoutKind?
    @OptionGroup var filters: FilterOptions

    func validate() throws {
        if let date, ChineseNumbers.date(date) == nil { throw ValidationError("--date must be YYYY-MM-DD, got “\(date)”") }
        if let issue, issue < 1 { throw ValidationError("--issue must be 1 or more") }
        if let dpi, !(36...1200).contains(dpi) { throw ValidationError("--dpi must be between 36 and 1200, got \(dpi)") }
        let fmt = format ?? OutputFormat(rawValue: URL(fileURLWithPath: out).pathExtension.lowercased()) ?? .pdf
        if dpi != nil && fmt != .png { throw ValidationError("--dpi applies to PNG output (--format png, or --out ending in .png)") }
    }

    func run() throws {
        try reportingErrors {
            let templateURL: URL
            if let template { templateURL = URL(fileURLWithPath: template) } else {
                guard let reports = ResourceLocator.reportsDirectory() else {
                    throw QualityBriefError.missingResource("cannot find Reports/templates/briefing.yaml; pass --template FILE")
                }
                templateURL = reports.appendingPathComponent("templates/briefing.yaml")
            }
            var definition = try ReportDefinition.load(templateURL)
            if let title { definition.title = title }
            if let issue { definition.issue = issue }
            if let unit { definition.unit = unit }
            if let date { definition.date = date }
            if let name { definition.name = name }
            if let recipientLimit { definition.recipientLimit = recipientLimit }
            if let layout { definition.layout = layout }
            if definition.layout == .memo && definition.memo == nil {
                throw QualityBriefError.badDefinition(
                    file: templateURL.path, message: "--layout memo needs a `memo:` section (see Reports/templates/memo.yaml or Reports/sample/memo.yaml)")
            }
            let register = try input.register()
            let target = URL(fileURLWithPath: out)
            let fmt = format ?? OutputFormat(rawValue: target.pathExtension.lowercased()) ?? .pdf
            let briefing = Briefing(register: register, definition: definition, filter: try filters.filter(programmes: try input.loadOptions().programmes))
            let progress = ProgressLine()
            let result = try {
                defer { progress.finish() }  // erased before anything else is printed
                return try briefing.render(to: target, format: fmt, pngResolution: dpi ?? 150, progress: progress.pages)
            }()
            for file in result.files { print(file.path) }
            printError("qbrief: \(result.pageCount) pages")
        }
    }
}

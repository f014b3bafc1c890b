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
    @Option(name: .long, help: "Output file (.pdf; for png/svg a stem: out.png → out-1.png …); - for standard output (PDF). A symbolic link is followed (its target is replaced); a register of the run, a directory or a device is refused.")
    var out: String
    @Option(name: .long, help: "pdf | png | svg | docx (default: from --out's extension, else pdf; the two must agree).")
    var format: OutputFormat?
    @Option(name: .long, parsing: .unconditional, help: "Resolution of PNG pages in dots per inch, 36–1200 (default 150; 72 gives one pixel per point).")
    var dpi: Double?
    @Option(name: .long, help: "Report definition (YAML).")
    var template: String?
    @Option(name: .long, parsing: .unconditional, help: "Briefing title (at most 200 characters).") var title: String?
    @Option(name: .long, parsing: .unconditional, help: "Issue number (第N期), 1–99999.") var issue: Int?
    @Option(name: .long, parsing: .unconditional, help: "Compiling unit.") var unit: String?
    @Option(name: .long, parsing: .unconditional, help: "Briefing date, YYYY-MM-DD, or today (China Standard Time).") var date: String?
    @Option(name: .long, parsing: .unconditional, help: "Briefing name in the red masthead (e.g. 质量工作简报).") var name: String?
    @Option(name: .long, parsing: .unconditional, help: "List at most N recipients in the 获奖名单 table (0–1000000).") var recipientLimit: Int?
    @Flag(name: .long, help: "Render even when masthead or memo fields are missing or still the template's placeholders; every page is marked 草稿.")
    var draft = false
    @Option(name: .long, help: "briefing (简报) | memo (公文, GB/T 9704-2012, briefing as 附件1; needs memo: in the template) | attachment.")
    var layout: LayoutKind?
    @Flag(name: .long, help: "Write PDF/A-2b (archival: XMP with pdfaid, sRGB output intent); tagged unless --untagged.")
    var pdfa = false
    @Flag(name: .long, help: "Leave out the PDF structure tags (tagged PDF is the default).")
    var untagged = false
    @OptionGroup var filters: FilterOptions

    func validate() throws {
        if let template {
            try PathFlag.check(template, flag: "--template", expected: "a report definition (YAML) such as Reports/templates/briefing.yaml",
                               maxBytes: DefinitionLimits.fileSize)
        }
        if let dpi, !(36...1200).contains(dpi) { throw ValidationError("--dpi must be between 36 and 1200, got \(dpi)") }
        if out.isEmpty { throw ValidationError("--out is empty; give a file name such as briefing.pdf, or - for standard output") }
        let fmt = outputFormat
        if dpi != nil && fmt != .png { throw ValidationError("--dpi applies to PNG output (--format png, or --out ending in .png)") }
        if out == "-" && fmt != .pdf && fmt != .docx { throw ValidationError("--out - streams a PDF or DOCX; PNG and SVG write one file per page: give a file name") }
        if (pdfa || untagged) && fmt != .pdf { throw ValidationError("--pdfa and --untagged apply to PDF output") }
        let ext = URL(fileURLWithPath: out).pathExtension.lowercased()
        if let format, let named = OutputFormat(rawValue: ext), named != format {
            throw ValidationError("--out \(out) ends in .\(ext) but --format is \(format.rawValue); name the file .\(format.rawValue) or drop --format")
        }
        // The flags are checked by the same rules as the YAML keys they override.
        var probe = ReportDefinition(unit: unit ?? "", date: date ?? "2000-01-01", title: title ?? "", source: "")
        let overridden = applyFlags(to: &probe)
        let problems = probe.problems().filter { overridden.contains($0.key) }
        if let first = problems.first {
            throw ValidationError("\(Self.flags[first.key] ?? first.key): \(first.message)")
        }
    }

    /// The flags that set a report-definition key (key → flag), for messages.
    static let flags: [String: String] = [
        "name": "--name", "issue": "--issue", "unit": "--unit", "date": "--date", "title": "--title",
        "recipient_limit": "--recipient-limit", "layout": "--layout", "home_province": "--home-province",
    ]

    /// --format, else the extension of --out, else PDF.
    var outputFormat: OutputFormat {
        format ?? OutputFormat(rawValue: URL(fileURLWithPath: out).pathExtension.lowercased()) ?? .pdf
    }

    /// Sets the fields given as flags; returns their YAML keys.
    @discardableResult
    func applyFlags(to definition: inout ReportDefinition) -> Set<String> {
        var keys: Set<String> = []
        if let title { definition.title = title; keys.insert("title") }
        if let issue { definition.issue = issue; keys.insert("issue") }
        if let unit { definition.unit = unit; keys.insert("unit") }
        if let date { definition.date = date == "today" ? ReportDefinition.today() : date; keys.insert("date") }
        if let name { definition.name = name; keys.insert("name") }
        if let recipientLimit { definition.recipientLimit = recipientLimit; keys.insert("recipient_limit") }
        if let layout { definition.layout = layout; keys.insert("layout") }
        if let home = input.homeProvince { definition.homeProvince = home; keys.insert("home_province") }
        if draft { definition.draft = true }
        return keys
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
            let overridden = applyFlags(to: &definition)
            definition.origin?.overridden = Dictionary(uniqueKeysWithValues: overridden.map { ($0, Self.flags[$0] ?? $0) })
            definition.origin?.overrider = "qbrief"
            definition.origin?.alternatives = Self.flags
            if definition.layout == .memo && definition.memo == nil {
                throw QualityBriefError.badDefinition(
                    file: templateURL.path, message: "--layout memo needs a `memo:` section (see Reports/templates/memo.yaml or Reports/sample/memo.yaml)")
            }
            let fmt = outputFormat
            let toStandardOutput = out == "-"
            let target = toStandardOutput
                ? FileManager.default.temporaryDirectory.appendingPathComponent(".qbrief-tmp-\(getpid())-0-stdout.\(fmt.rawValue)")
                : URL(fileURLWithPath: out)
            // Checked before the register is read: a bad name costs nothing.
            _ = try OutputTarget.resolve(target, format: fmt, inputs: input.urls)
            let register = try input.register()
            let briefing = Briefing(register: register, definition: definition, filter: try filters.filter(programmes: try input.loadOptions().programmes))
            let progress = ProgressLine()
            let result = try {
                defer { progress.finish() }  // erased before anything else is printed
                return try briefing.render(to: target, format: fmt, pngResolution: dpi ?? 150,
                                           pdfOptions: PDFOptions(tagged: !untagged, archival: pdfa), progress: progress.pages)
            }()
            if toStandardOutput {
                TemporaryCleanup.track(target)
                defer { try? FileManager.default.removeItem(at: target); TemporaryCleanup.forget(target) }
                try StandardOutput.copy(target)
            } else {
                for file in result.files { try StandardOutput.print(file.path) }
            }
            for note in result.notes { printError("qbrief: note: \(note)") }
            if let warning = FontReport.standInWarning(result.fontStandIns) { printError("qbrief: \(warning)") }
            if definition.draft == true { printError("qbrief: draft: every page is marked 草稿") }
            printError("qbrief: \(result.pageCount) pages")
        }
    }
}

import ArgumentParser
import Foundation
import QualityBrief

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check registers and list every problem as FILE:LINE:COLUMN: error|warning: message.",
        discussion: """
        One finding a line on standard output, then a summary on standard error (rows read,
        accepted, errors, warnings, counts by kind). Exit status 65 when any row has an error
        (or, with --strict, a warning). A plain UTF-8 CSV above the 64 MB limit of the ordinary
        reader is read into columns: the first 1000 findings of each kind are listed and the
        repeats beyond that are counted (the summary gives the totals by kind).

        Examples:
          qbrief validate --data 获奖名单.csv
          qbrief validate --data 名单.xlsx --sheet 2024年 --columns 届次=year --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var input: DataOptions
    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false
    @Option(name: .long, help: "text | json.")
    var format: Format = .text
    @Flag(name: .long, help: "Also list, for each row with a blank region, the region its name suggests and why (CSV and XLSX).")
    var suggest = false

    func run() throws {
        // A plain UTF-8 CSV above the record path's size limit is read into columns: the first
        // findings of each kind are listed, the rest counted (see RegisterCheck).
        let check = RegisterCheck.run(input.urls, options: try input.loadOptions())
        let errors = check.errorCount, warnings = check.warningCount
        let kinds = check.byKind.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let failed = errors > 0 || (strict && warnings > 0)
        let cap = DatasetLoader.diagnosticCapPerKind
        let notListedText = check.notListedCount == 0 ? "" :
            "; large register read into columns: only the first \(cap) findings of each kind are listed, repeats beyond \(cap) per kind are counted, not listed (\(check.notListedCount) not listed: "
            + check.notListed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        var blankRows: [BlankRegionRow] = []
        if suggest {
            for url in input.urls {
                do { blankRows += try RegionFill.blankRows(url, options: try input.loadOptions()) } catch let e as RegionFillError {
                    printError("qbrief: \(e)")
                }
            }
        }
        // A reader that stops reading (`| head -1`) ends the listing quietly, with the status the
        // check earned (65 when the register has errors).
        let stopped = failed ? Exit.badData : ExitCode.success
        switch format {
        case .text:
            for d in check.diagnostics {
                try StandardOutput.print(strict && d.severity == .warning ? d.description.replacingOccurrences(of: ": warning: ", with: ": error: ", options: [], range: nil) : d.description,
                                         closedPipeStatus: stopped)
            }
        case .json:
            struct Finding: Encodable {
                let file: String, line: Int, column: Int, severity: String, kind: String, message: String
            }
            struct Summary: Encodable {
                let rowsRead: Int, accepted: Int, errors: Int, warnings: Int, byKind: [String: Int], strict: Bool, ok: Bool
                let listedPerKind: Int?, notListed: [String: Int]?
            }
            struct Suggestion: Encodable {
                let file: String, line: Int, column: Int, recipient: String
                let regionCode: String?, regionName: String?, reason: String?
            }
            struct Output: Encodable { let findings: [Finding]; let summary: Summary; let blankRegions: [Suggestion]? }
            let out = Output(
                findings: check.diagnostics.map {
                    Finding(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                            severity: strict ? "error" : $0.severity.rawValue, kind: $0.kind.rawValue, message: $0.message)
                },
                summary: Summary(rowsRead: check.rowsRead, accepted: check.accepted, errors: errors, warnings: warnings,
                                 byKind: check.byKind, strict: strict, ok: !failed,
                                 listedPerKind: check.columnar ? cap : nil, notListed: check.columnar ? check.notListed : nil),
                blankRegions: suggest ? blankRows.map {
                    Suggestion(file: $0.location.file, line: $0.location.line, column: $0.location.column, recipient: $0.recipient,
                               regionCode: $0.suggestion?.region.code, regionName: $0.suggestion?.region.name, reason: $0.suggestion?.reason)
                } : nil)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try StandardOutput.print(String(decoding: try encoder.encode(out), as: UTF8.self), closedPipeStatus: stopped)
        }
        if suggest {
            if format == .text { for r in blankRows { try StandardOutput.print(r.description, closedPipeStatus: stopped) } }
            let blank = blankRows.count, suggested = blankRows.filter { $0.suggestion != nil }.count
            printError("qbrief: \(blank) blank region\(blank == 1 ? "" : "s"), \(suggested) with a region suggested from the name; `qbrief fix --data FILE --out FIXED.csv` writes them into a copy for review")
        }
        let kindText = kinds.isEmpty ? "" : " (" + kinds.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        printError("qbrief: \(check.rowsRead) rows read, \(check.accepted) accepted, \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\(kindText)"
                   + notListedText + (strict && warnings > 0 ? "; --strict counts warnings as errors" : ""))
        if failed { throw Exit.badData }
    }
}

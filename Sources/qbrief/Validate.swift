import ArgumentParser
import Foundation
import QualityBrief

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check registers and list every problem as FILE:LINE:COLUMN: error|warning: message.",
        discussion: """
        One finding a line on standard output, then a summary on standard error (rows read,
        accepted, errors, warnings, counts by kind). Exit status 65 when any row has an error
        (or, with --strict, a warning).

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

    func run() throws {
        let ds = try input.dataset()
        let errors = ds.diagnostics.filter { $0.severity == .error }.count
        let warnings = ds.diagnostics.count - errors
        var byKind: [String: Int] = [:]
        for d in ds.diagnostics { byKind[d.kind.rawValue, default: 0] += 1 }
        let kinds = byKind.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let failed = errors > 0 || (strict && warnings > 0)
        switch format {
        case .text:
            for d in ds.diagnostics {
                print(strict && d.severity == .warning ? d.description.replacingOccurrences(of: ": warning: ", with: ": error: ", options: [], range: nil) : d.description)
            }
        case .json:
            struct Finding: Encodable {
                let file: String, line: Int, column: Int, severity: String, kind: String, message: String
            }
            struct Summary: Encodable {
                let rowsRead: Int, accepted: Int, errors: Int, warnings: Int, byKind: [String: Int], strict: Bool, ok: Bool
            }
            struct Output: Encodable { let findings: [Finding]; let summary: Summary }
            let out = Output(
                findings: ds.diagnostics.map {
                    Finding(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                            severity: strict ? "error" : $0.severity.rawValue, kind: $0.kind.rawValue, message: $0.message)
                },
                summary: Summary(rowsRead: ds.rowsRead, accepted: ds.records.count, errors: errors, warnings: warnings,
                                 byKind: byKind, strict: strict, ok: !failed))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(out), as: UTF8.self))
        }
        let kindText = kinds.isEmpty ? "" : " (" + kinds.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        printError("qbrief: \(ds.rowsRead) rows read, \(ds.records.count) accepted, \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\(kindText)"
                   + (strict && warnings > 0 ? "; --strict counts warnings as errors" : ""))
        if failed { throw Exit.badData }
    }
}

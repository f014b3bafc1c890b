import ArgumentParser
import Foundation
import QualityBrief

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check registers and list every problem as FILE:LINE:COLUMN: error|warning: message.",
        discussion: "Exit status 65 when any row has an error (or, with --strict, a warning).")

    @OptionGroup var input: DataOptions
    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let register = Register.loadLeniently(urls: input.urls)
        let ds = register.dataset
        for d in ds.diagnostics { print(d.description) }
        let errors = ds.diagnostics.filter { $0.severity == .error }.count
        let warnings = ds.diagnostics.count - errors
        printError("qbrief: \(ds.rowsRead) rows read, \(ds.records.count) accepted, \(errors) errors, \(warnings) warnings")
        if errors > 0 || (strict && warnings > 0) { throw Exit.badData }
    }
}

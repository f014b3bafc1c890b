import ArgumentParser
import QualityBrief

/// `qbrief`: turns a register of quality awards into charted Chinese briefing PDFs.
@main
struct QBrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qbrief",
        abstract: "Turn a register of quality awards into charted Chinese briefing PDFs.",
        discussion: """
        Start with `qbrief demo`, which writes the sample briefing (示例数据) to Reports/out/.
        Then point `qbrief report` at your own register (CSV or JSON; see the README for the
        columns). `qbrief validate` lists every problem in a register as FILE:LINE:COLUMN.

        Exit status: 0 success, 64 usage error, 65 bad data, 70 rendering failed.
        """,
        version: QualityBriefVersion.current,
        subcommands: [Demo.self, Report.self, Stats.self, Validate.self, Fonts.self]
    )
}

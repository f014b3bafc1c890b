import ArgumentParser
import QualityBrief

/// `qbrief`: turns a register of quality awards into charted Chinese briefing PDFs.
struct QBrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qbrief",
        abstract: "Turn a register of quality awards into charted Chinese briefing PDFs.",
        discussion: """
        Start with `qbrief demo`, which writes the sample briefing (示例数据) to Reports/out/. \
        Then check your own register with `qbrief validate --data FILE` (every problem is listed \
        as FILE:LINE:COLUMN), count it with `qbrief stats`, and render it with `qbrief report`. \
        The README lists the accepted columns.

        Examples:
          qbrief demo
          qbrief validate --data 获奖名录.csv
          qbrief stats --data 获奖名录.csv --by region
          qbrief report --data 获奖名录.csv --out 简报.pdf --issue 13 --date 2025-01-15

        Exit status: 0 success, 64 usage error, 65 bad data, 70 rendering failed.
        """,
        version: QualityBriefVersion.current,
        subcommands: [Demo.self, Report.self, Stats.self, Validate.self, Fix.self, Fonts.self]
    )

    /// Installs the signal handlers that remove temporary files, then runs the command.
    static func main() {
        SignalCleanup.install()
        main(nil)
    }
}

// The fuzz build (Fuzz/build.sh, -DQB_FUZZ) has no entry point of its own: libFuzzer's main
// drives `LLVMFuzzerTestOneInput` in FuzzEntry.swift.
#if !QB_FUZZ
@main extension QBrief {}
#endif

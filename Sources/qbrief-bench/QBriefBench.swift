import ArgumentParser
import Foundation

/// `qbrief-bench`: QualityBrief against its peers (pandas, ReportLab + matplotlib, Typst) on the
/// registers of `../shared/bench/make_data.py`, run alternately in one session; medians and ratios.
@main
struct QBriefBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qbrief-bench",
        abstract: "Benchmark QualityBrief against the peer baselines, side by side.",
        discussion: """
        Workloads (each run as a whole process, alternating with the peers):
          analytics  load the 1 000 000-record register and compute every briefing aggregate
                     (QualityBrief in-process phases vs pandas), answers compared
          briefing   the 500-record briefing PDF: qbrief report vs ReportLab + matplotlib vs Typst
          big        the 100 000-record briefing with the full recipient list (peers with --slow-peers)
        `qbrief-bench lifecycle` (not timed, not in `run`): the sample briefing rendered N times in
        one process with a reused and with new Renderers, resident memory printed at intervals.
        Run through `make bench` (release build). Peers and data come from ../shared/bench/setup.sh.
        """,
        subcommands: [Run.self, AnalyticsChild.self, Lifecycle.self],
        defaultSubcommand: Run.self)
}

/// Loads a register and computes the aggregates; prints `TIMING …` like the pandas script.
struct AnalyticsChild: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analytics-child", abstract: "One analytics run (used by the benchmark).")
    @Argument var csv: String
    @Option var json: String?

    func run() throws {
        let o = try AnalyticsWorkload.run(csv)
        print(String(format: "TIMING load=%.3fs stats=%.4fs load+stats=%.3fs rows=%d", o.load, o.stats, o.load + o.stats, o.rows))
        if let json {
            let data = try JSONSerialization.data(withJSONObject: o.answers, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: URL(fileURLWithPath: json))
        }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the workloads and print a report.")

    @Option(help: "Workloads: analytics, briefing, big (comma separated).")
    var only: String = "analytics,briefing,big"
    @Option(help: "Runs per tool and workload (alternating).")
    var runs: Int = 5
    @Option(help: "Peer baselines directory.")
    var peers: String = "../shared/bench"
    @Option(help: "Data directory written by setup.sh.")
    var data: String = "/tmp/qualitybrief-peers"
    @Flag(help: "Also run the peers on the 100 000-record full list (Typst ~40 s, ReportLab ~300 s per run).")
    var slowPeers = false

    func run() throws {
        let env = try BenchEnvironment(peers: peers, data: data)
        let workloads = Set(only.split(separator: ",").map { String($0) })
        var report = BenchReport()
        report.line("# QualityBrief benchmark — \(ISO8601DateFormatter().string(from: Date()))")
        report.line("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; runs per tool: \(runs); medians; peers alternate with qbrief")
        if workloads.contains("analytics") { try AnalyticsBench(env: env, runs: runs).run(into: &report) }
        if workloads.contains("briefing") { try BriefingBench(env: env, runs: runs).run500(into: &report) }
        if workloads.contains("big") { try BriefingBench(env: env, runs: max(1, min(runs, 3))).runBig(into: &report, slowPeers: slowPeers) }
    }
}

import Foundation

/// Whole-process briefing renders: qbrief report vs ReportLab + matplotlib vs Typst.
struct BriefingBench {
    let env: BenchEnvironment
    let runs: Int

    private struct Tool {
        let name: String
        let command: (String, String) -> (String, [String])  // (csv, out) → executable, args
    }

    private var tools: [Tool] {
        [
            Tool(name: "QualityBrief") { csv, out in (env.qbrief, ["report", "--data", csv, "--out", out, "--unit", "质量发展处"]) },
            Tool(name: "ReportLab + matplotlib") { csv, out in (env.python, [env.peer("briefing_reportlab.py"), csv, "-o", out]) },
            Tool(name: "Typst") { csv, out in (env.python, [env.peer("briefing_typst.py"), csv, "-o", out]) },
        ]
    }

    func run500(into report: inout BenchReport) throws {
        report.line()
        report.line("## Briefing: 500 records (whole process, wall clock)")
        try measure(csv: env.dataset(500), tools: tools, into: &report)
    }

    func runBig(into report: inout BenchReport, slowPeers: Bool) throws {
        report.line()
        report.line("## Briefing: 100 000 records with the full recipient list")
        try measure(csv: env.dataset(100_000), tools: slowPeers ? tools : [tools[0]], into: &report)
    }

    private func measure(csv: String, tools: [Tool], into report: inout BenchReport) throws {
        var results = Array(repeating: [ChildResult](), count: tools.count)
        var pages = Array(repeating: 0, count: tools.count)
        // One untimed warm-up each (font caches, the peers' one-time font conversion).
        for (i, tool) in tools.enumerated() {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("qbench-\(i).pdf").path
            let (exe, args) = tool.command(csv, out)
            let r = try ChildProcess.run(exe, args)
            guard r.status == 0 else { throw BenchError.failed(tool.name, r) }
            pages[i] = pageCount(out)
        }
        for _ in 0..<runs {
            for (i, tool) in tools.enumerated() {
                let out = FileManager.default.temporaryDirectory.appendingPathComponent("qbench-\(i).pdf").path
                let (exe, args) = tool.command(csv, out)
                let r = try ChildProcess.run(exe, args)
                guard r.status == 0 else { throw BenchError.failed(tool.name, r) }
                results[i].append(r)
            }
        }
        report.line("| tool | pages | median wall | min | max | peak memory | vs QualityBrief |")
        report.line("|---|---|---|---|---|---|---|")
        let base = median(results[0].map(\.seconds))
        for (i, tool) in tools.enumerated() {
            let t = results[i].map(\.seconds)
            let ratio = i == 0 ? "1×" : String(format: "%.1f× slower", median(t) / base)
            report.line("| \(tool.name) | \(pages[i]) | \(secs(median(t))) | \(secs(t.min()!)) | \(secs(t.max()!)) | \(mb(results[i].map(\.peakBytes).max()!)) | \(ratio) |")
        }
    }

    private func pageCount(_ pdf: String) -> Int {
        guard let r = try? ChildProcess.run("pdfinfo", [pdf]) else { return 0 }
        let line = r.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
    }
}

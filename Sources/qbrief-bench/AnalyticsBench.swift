import Foundation

/// 1 000 000 records: load and aggregate, QualityBrief vs pandas, answers compared.
struct AnalyticsBench {
    let env: BenchEnvironment
    let runs: Int

    func run(into report: inout BenchReport) throws {
        let csv = env.dataset(1_000_000)
        let ours = FileManager.default.temporaryDirectory.appendingPathComponent("qbench-ours.json").path
        let theirs = FileManager.default.temporaryDirectory.appendingPathComponent("qbench-pandas.json").path
        var q: [(load: Double, stats: Double, wall: Double, peak: Int)] = []
        var p: [(load: Double, stats: Double, wall: Double, peak: Int)] = []
        for i in 0..<runs {
            let a = try ChildProcess.run(env.bench, ["analytics-child", csv] + (i == 0 ? ["--json", ours] : []))
            guard a.status == 0 else { throw BenchError.failed("qbrief analytics", a) }
            q.append((timing(a.stdout, "load") ?? .nan, timing(a.stdout, "stats") ?? .nan, a.seconds, a.peakBytes))
            let b = try ChildProcess.run(env.python, [env.peer("analytics_pandas.py"), csv] + (i == 0 ? ["--json", theirs] : []))
            guard b.status == 0 else { throw BenchError.failed("pandas", b) }
            p.append((timing(b.stdout, "load") ?? .nan, timing(b.stdout, "stats") ?? .nan, b.seconds, b.peakBytes))
        }
        let agreement = try compare(ours: ours, pandas: theirs)
        report.line()
        report.line("## Analytics: 1 000 000 records (load + every briefing aggregate)")
        report.line("| | load | aggregates | load + aggregates | whole process | peak memory |")
        report.line("|---|---|---|---|---|---|")
        func row(_ name: String, _ xs: [(load: Double, stats: Double, wall: Double, peak: Int)]) -> (Double, Double) {
            let l = median(xs.map(\.load)), s = median(xs.map(\.stats)), w = median(xs.map(\.wall))
            report.line("| \(name) | \(secs(l)) | \(secs(s)) | \(secs(l + s)) | \(secs(w)) | \(mb(xs.map(\.peak).max()!)) |")
            return (l + s, w)
        }
        let (qt, qw) = row("QualityBrief", q)
        let (pt, pw) = row("pandas", p)
        report.line(String(format: "ratio pandas / QualityBrief: load + aggregates %.1f×, whole process %.1f×", pt / qt, pw / qw))
        report.line("answers: \(agreement)")
    }

    /// Compares the aggregates both sides wrote.
    private func compare(ours: String, pandas: String) throws -> String {
        func load(_ p: String) throws -> [String: Any] {
            // pandas writes NaN (e.g. the first year's change), which is not JSON.
            let text = try String(contentsOf: URL(fileURLWithPath: p), encoding: .utf8)
                .replacingOccurrences(of: ": NaN", with: ": null")
            return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        }
        let a = try load(ours), b = try load(pandas)
        var diffs: [String] = []
        for key in ["n", "n_org", "n_ind"] where intValue(a[key]) != intValue(b[key]) {
            diffs.append("\(key): \(a[key] ?? "nil") vs \(b[key] ?? "nil")")
        }
        for key in ["by_programme", "by_year", "by_sector", "by_region"] {
            let x = intDict(a[key]), y = intDict(b[key]).filter { $0.value != 0 || x[$0.key] != nil }
            if x.filter({ $0.value != 0 || y[$0.key] != nil }) != y { diffs.append("\(key) differs: \(x) vs \(y)") }
        }
        let rsA = a["region_sector"] as? [String: Any] ?? [:], rsB = b["region_sector"] as? [String: Any] ?? [:]
        for (sector, col) in rsB where intDict(col) != intDict(rsA[sector]) { diffs.append("region_sector[\(sector)] differs") }
        return diffs.isEmpty ? "agree (n, n_org, n_ind, by programme, year, sector, region, region × sector)" : "DISAGREE: " + diffs.joined(separator: "; ")
    }

    private func intValue(_ v: Any?) -> Int? { (v as? NSNumber)?.intValue }
    private func intDict(_ v: Any?) -> [String: Int] {
        (v as? [String: Any] ?? [:]).compactMapValues { ($0 as? NSNumber)?.intValue }
    }
}

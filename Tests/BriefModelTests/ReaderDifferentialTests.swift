import Foundation
import Testing
import TestSupport
@testable import BriefModel

/// Both readers — the record reader (`DatasetLoader.load`) and the columnar one
/// (`DatasetLoader.loadColumns`) — must give the same register for the same files: the same
/// records (every field, id, credit code, note and source included), the same findings (kind,
/// location, severity, message) and the same counts. The path is forced, not chosen by size.
@Suite struct ReaderDifferentialTests {
    /// The seeds of the generated corpus (fixed: the corpus is the same on every run).
    static let seeds: [UInt64] = Array(1...400)

    /// What one reader made of some files, in comparable form.
    struct Outcome {
        var records: [AwardRecord]
        var findings: [String]
        var rowsRead: Int, accepted: Int, errors: Int, warnings: Int
    }

    static func finding(_ d: Diagnostic) -> String {
        "\(d.location.file):\(d.location.line):\(d.location.column): \(d.severity) [\(d.kind.rawValue)] \(d.message)"
    }

    static func viaRecords(_ urls: [URL], _ options: LoadOptions) -> Outcome {
        let ds = DatasetLoader.load(urls, options: options)
        let errors = ds.diagnostics.filter { $0.severity == .error }.count
        return Outcome(records: ds.records, findings: ds.diagnostics.map(finding), rowsRead: ds.rowsRead, accepted: ds.records.count,
                       errors: errors, warnings: ds.diagnostics.count - errors)
    }

    static func viaColumns(_ urls: [URL], _ options: LoadOptions, chunks: Int, window: Int = ColumnarLoader.window) -> Outcome {
        let c = DatasetLoader.loadColumns(urls, options: options, chunks: chunks, parallelMinimum: chunks > 1 ? 0 : ColumnarLoader.parallelMinimum,
                                          window: window)
        return Outcome(records: c.records(), findings: c.diagnostics.map(finding), rowsRead: c.rowsRead, accepted: c.count,
                       errors: c.errorCount, warnings: c.warningCount)
    }

    /// A message with its quoted values and numbers blurred, to group disagreements by rule.
    static func shape(_ s: String) -> String {
        var out = "", inQuote = false
        // File paths as their names.
        let text = s.split(separator: " ").map { w -> String in
            guard w.hasPrefix("/"), let slash = w.lastIndex(of: "/") else { return String(w) }
            return String(w[w.index(after: slash)...])
        }.joined(separator: " ")
        for ch in text {
            if ch == "“" { inQuote = true; out += "“…"; continue }
            if ch == "”" { inQuote = false; out.append(ch); continue }
            if inQuote { continue }
            if ch.isNumber, out.last == "N" { continue }
            out.append(ch.isNumber ? "N" : ch)
        }
        return out.split(separator: " ").dropFirst().joined(separator: " ")
    }

    /// The disagreements between two outcomes, as rule-shaped descriptions.
    static func disagreements(_ r: Outcome, _ c: Outcome) -> [String] {
        var out: [String] = []
        if r.rowsRead != c.rowsRead { out.append("rows read differ") }
        if r.accepted != c.accepted { out.append("accepted counts differ") }
        if r.errors != c.errors { out.append("error counts differ") }
        if r.warnings != c.warnings { out.append("warning counts differ") }
        if r.records.count == c.records.count {
            for (a, b) in zip(r.records, c.records) where a != b {
                for (x, y) in zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children) where "\(x.value)" != "\(y.value)" {
                    out.append("record field \(x.label ?? "?") differs")
                }
            }
        }
        let rs = r.findings.sorted(), cs = c.findings.sorted()
        if rs != cs {
            var left = rs
            for f in cs {
                if let i = left.firstIndex(of: f) { left.remove(at: i) } else { out.append("only columnar: " + shape(f)) }
            }
            out += left.map { "only records: " + shape($0) }
        } else if r.findings != c.findings {
            out.append("findings in another order")
        }
        return out
    }

    /// Writes a generated register into its own folder.
    static func write(_ reg: GeneratedRegister) throws -> [URL] {
        let dir = TempFiles.directory("diff-\(reg.seed)")
        return try reg.files.map { f in
            let u = dir.appendingPathComponent(f.name)
            try f.data.write(to: u)
            return u
        }
    }

    /// The ways the columnar reader is run: in one pass with its usual window, and in 3 chunks
    /// each read 61 bytes at a time (so records are cut by windows everywhere: in quotes,
    /// between CR and LF, records longer than a window).
    static let columnarRuns: [(chunks: Int, window: Int)] = [(1, ColumnarLoader.window), (3, 61)]

    /// Loads `urls` through both readers (the columnar one as `columnarRuns` says) and
    /// collects what they disagree on, with the first label showing each.
    static func compare(_ urls: [URL], _ options: LoadOptions, label: String,
                        into found: inout [String: (count: Int, example: String)]) {
        let r = viaRecords(urls, options)
        for (k, w) in columnarRuns {
            for d in Set(disagreements(r, viaColumns(urls, options, chunks: k, window: w))) {
                found[d, default: (0, "\(label), \(k) chunk\(k > 1 ? "s" : ""), \(w)-byte window")].count += 1
            }
        }
    }

    static func report(_ found: [String: (count: Int, example: String)], corpus: Int) -> String {
        "\(found.count) disagreement(s) over \(corpus) registers:\n" + found.sorted { $0.key < $1.key }
            .map { "  \($0.key) — \($0.value.count)×, e.g. \($0.value.example)" }.joined(separator: "\n")
    }

    @Test func generatedRegistersReadAlikeBothWays() throws {
        var found: [String: (count: Int, example: String)] = [:]
        var rows = 0, files = 0, gbk = 0, mapped = 0
        for seed in Self.seeds {
            let reg = RegisterCorpus.make(seed: seed)
            let urls = try Self.write(reg)
            files += urls.count
            if !reg.mapping.isEmpty { mapped += 1 }
            gbk += reg.files.filter { String(data: $0.data, encoding: .utf8) == nil }.count
            rows += Self.viaRecords(urls, LoadOptions(columnMapping: reg.mapping)).rowsRead
            Self.compare(urls, LoadOptions(columnMapping: reg.mapping), label: "seed \(seed)", into: &found)
        }
        print("differential corpus: \(Self.seeds.count) registers, \(files) files (\(gbk) GBK, \(mapped) registers with --columns), \(rows) data rows")
        #expect(rows > 5000)
        #expect(gbk > 10)
        #expect(found.isEmpty, "\(Self.report(found, corpus: Self.seeds.count))")
    }

    /// The fuzz seeds and the reader fixtures (GB 18030, UTF-16, title rows, stray quotes…).
    @Test func corpusAndFixtureFilesReadAlikeBothWays() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let dirs = [here.appendingPathComponent("Fixtures"), here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/csv")]
        var urls: [URL] = []
        for d in dirs {
            let names = try FileManager.default.contentsOfDirectory(atPath: d.path).filter { $0.hasSuffix(".csv") }.sorted()
            urls += names.map { d.appendingPathComponent($0) }
        }
        #expect(urls.count >= 15)
        var found: [String: (count: Int, example: String)] = [:]
        for u in urls { Self.compare([u], LoadOptions(), label: u.lastPathComponent, into: &found) }
        // And all of them as one register (duplicates across files).
        Self.compare(urls, LoadOptions(), label: "all files", into: &found)
        #expect(found.isEmpty, "\(Self.report(found, corpus: urls.count + 1))")
    }

    /// Files on both sides of the size at which the columnar reader takes over read alike both
    /// ways (long notes make them large with few rows).
    @Test func registersAroundTheThresholdReadAlikeBothWays() throws {
        var found: [String: (count: Int, example: String)] = [:]
        let threshold = LoadOptions.defaultColumnarThreshold
        // Below, above, and above without a region column (the columnar reader once trapped there).
        for (k, (target, region)) in [(threshold - 2048, true), (threshold + 2048, true), (threshold + 2048, false)].enumerated() {
            var g = SeededGenerator(seed: 9000 + UInt64(k))
            var text = "id,recipient,recipient_type,programme,year,\(region ? "region_code," : "")credit_code,note\n"
            var n = 0
            while text.utf8.count < target - 20_000 {
                let name = g.chance(0.8) ? g.pick(RegisterCorpus.names) : g.pick(RegisterCorpus.nameTraps)
                let fields = [String(n + 1), name, g.pick(RegisterCorpus.types), g.pick(RegisterCorpus.programmes), g.pick(RegisterCorpus.years)]
                    + (region ? [g.pick(RegisterCorpus.regions)] : []) + [RegisterCorpus.creditValue(&g, n), String(repeating: "备注", count: 1500)]
                text += fields.map { RegisterCorpus.quoted($0, &g) }.joined(separator: ",") + "\n"
                n += 1
            }
            text += "1,甲公司,,中国质量奖,2020,\(region ? "320500," : ""),\"" + String(repeating: "x", count: target - text.utf8.count - 35) + "\"\n"
            let u = try TempFiles.write(text, name: "around-\(k).csv")
            let size = try FileManager.default.attributesOfItem(atPath: u.path)[.size] as! Int
            #expect(k == 0 ? size < threshold : size >= threshold)
            // The size policy picks the reader from the same threshold for every caller.
            #expect(LoadOptions().readsAsColumns([u]) == (size >= threshold))
            var forced = LoadOptions()
            forced.reader = k == 0 ? .columns : .records
            #expect(forced.readsAsColumns([u]) == (k == 0))
            #expect(RegisterCheck.run([u], options: forced).columnar == (k == 0))
            Self.compare([u], LoadOptions(), label: "\(size) bytes\(region ? "" : ", no region column")", into: &found)
        }
        #expect(found.isEmpty, "\(Self.report(found, corpus: 3))")
    }
}

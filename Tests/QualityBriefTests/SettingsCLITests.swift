import Foundation
import QualityBrief
import Testing

/// Flags and report-definition settings anyone can type (issue 16): each out-of-range or
/// malformed value ends with a located message and exit 64, never a crash; placeholders
/// (issue 10) end with exit 65 naming the field unless --draft.
@Suite(.serialized)
struct SettingsCLITests {
    /// A two-row register and a folder for one test.
    static func scratch(_ name: String) throws -> (dir: URL, csv: URL) {
        let dir = temporaryDirectory(name)
        let csv = dir.appendingPathComponent("awards.csv")
        try "recipient,programme,year,region_code,sector_code\n甲公司,江苏省质量奖,2014,320583,C\n乙公司,中国质量奖提名奖,2016,昆山市,C35\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        return (dir, csv)
    }

    /// A report definition of `lines`, then `sections:` and `distribution:` unless the lines
    /// set them (so the lines keep their numbers).
    static func template(_ dir: URL, _ lines: [String], name: String = "def.yaml") throws -> URL {
        let url = dir.appendingPathComponent(name)
        var all = lines
        for key in ["sections: [summary, region]", "distribution: []"] where !lines.contains(where: { $0.hasPrefix(key.prefix(while: { $0 != ":" }) + ":") }) {
            all.append(key)
        }
        try all.joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let baseLines = ["name: 质量工作简报", "issue: 3", "unit: 某市市场监督管理局", "date: 2024-12-20",
                            "title: 质量奖获奖情况分析", "source: 质量奖获奖名录"]

    func report(_ args: [String]) throws -> ToolResult {
        try runTool(try qbriefBinary().path, ["report"] + args, cwd: packageRoot)
    }

    @Test func negativeRecipientLimitIsARangeError() throws {
        let (dir, csv) = try Self.scratch("set-limit")
        let out = dir.appendingPathComponent("o.pdf").path
        for form in [["--recipient-limit=-1"], ["--recipient-limit", "-1"]] {
            let r = try report(["--data", csv.path, "--out", out, "--unit", "某局"] + form)
            #expect(r.status == 64, "\(form): \(r.stderr)")
            #expect(r.stderr.contains("--recipient-limit: recipient_limit is -1; it must be between 0 and 1000000"), "\(r.stderr)")
            #expect(!r.stderr.contains("Missing value"))
        }
        // The same key in YAML: located at the value (line 7, column 18).
        let yaml = try Self.template(dir, Self.baseLines + ["recipient_limit: -1"])
        let y = try report(["--data", csv.path, "--out", out, "--template", yaml.path])
        #expect(y.status == 64)
        #expect(y.stderr.contains("\(yaml.path):7:18: error: recipient_limit is -1; it must be between 0 and 1000000"), "\(y.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func yamlValuesOutOfRangeAreLocated() throws {
        let (dir, csv) = try Self.scratch("set-yaml")
        let out = dir.appendingPathComponent("o.pdf").path
        let cases: [(String, String)] = [
            ("print_run: -1", ":7:12: error: print_run is -1; it must be between 1 and 1000000"),
            ("issue: 9223372036854775807", ":6:8: error: issue is 9223372036854775807; it must be between 1 and 99999"),
            ("print_run: 9223372036854775807", ":7:12: error: print_run is 9223372036854775807"),
            ("title: \"质量\\0奖\"", ":6:8: error: title contains the control character U+0000 at character 3; remove it"),
            ("title: " + String(repeating: "质", count: 20_000), ":6:8: error: title has 20000 characters; at most 200 are allowed"),
        ]
        for (i, (line, expected)) in cases.enumerated() {
            // The line replaces the base key of the same name (issue, title: line 6), or comes
            // after the six base lines (line 7).
            let key = line.split(separator: ":")[0]
            let yaml = try Self.template(dir, Self.baseLines.filter { !$0.hasPrefix(key + ":") } + [line], name: "c\(i).yaml")
            let r = try report(["--data", csv.path, "--out", out, "--template", yaml.path])
            #expect(r.status == 64, "\(line.prefix(40)): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(yaml.path + expected), "\(line.prefix(40)): \(r.stderr.prefix(400))")
        }
        // An impossible date: line 4 of the base.
        var lines = Self.baseLines
        lines[3] = "date: 2024-02-30"
        let bad = try Self.template(dir, lines, name: "date.yaml")
        let d = try report(["--data", csv.path, "--out", out, "--template", bad.path])
        #expect(d.status == 64)
        #expect(d.stderr.contains("\(bad.path):4:7: error: date “2024-02-30” is not a date YYYY-MM-DD of the calendar"), "\(d.stderr)")
        let flag = try report(["--data", csv.path, "--out", out, "--unit", "某局", "--date", "2023-02-29"])
        #expect(flag.status == 64 && flag.stderr.contains("--date: date “2023-02-29” is not a date"), "\(flag.stderr)")
        let long = try report(["--data", csv.path, "--out", out, "--unit", "某局", "--title", String(repeating: "长", count: 20_000)])
        #expect(long.status == 64 && long.stderr.contains("--title: title has 20000 characters; at most 200 are allowed"), "\(long.stderr.prefix(300))")
        let issue = try report(["--data", csv.path, "--out", out, "--unit", "某局", "--issue", "9223372036854775807"])
        #expect(issue.status == 64 && issue.stderr.contains("--issue: issue is 9223372036854775807; it must be between 1 and 99999"), "\(issue.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func memoSettingsOutOfRangeAreLocated() throws {
        let (dir, csv) = try Self.scratch("set-memo")
        let out = dir.appendingPathComponent("o.pdf").path
        let memo = ["layout: memo", "memo:", "  issuer_mark: 某市市场监督管理局文件", "  document_number: 某市监〔2024〕7号",
                    "  title: 关于印发质量奖获奖情况分析的通知", "  recipients: 各区市场监督管理局", "  signature: 某市市场监督管理局",
                    "  body: [现将分析印发给你们。]"]
        let cases: [(String, String)] = [
            ("  mark_size: 1e9", ":15:14: error: memo.mark_size is 1000000000.0; it must be a number between 12 and 100 (points)"),
            ("  mark_size: .inf", ":15:14: error: memo.mark_size is inf; it must be a number between 12 and 100 (points)"),
            ("  red_rule_width: .nan", ":15:19: error: memo.red_rule_width is nan; it must be a number between 0.25 and 10 (points)"),
        ]
        for (i, (line, expected)) in cases.enumerated() {
            let yaml = try Self.template(dir, Self.baseLines + memo + [line], name: "m\(i).yaml")
            let r = try report(["--data", csv.path, "--out", out, "--template", yaml.path])
            #expect(r.status == 64, "\(line): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(yaml.path + expected), "\(line): \(r.stderr)")
        }
        // A document number whose year contradicts the date (2024-12-20).
        var wrongYear = memo
        wrongYear[3] = "  document_number: 某市监〔2023〕7号"
        let yaml = try Self.template(dir, Self.baseLines + wrongYear, name: "year.yaml")
        let r = try report(["--data", csv.path, "--out", out, "--template", yaml.path])
        #expect(r.status == 64)
        #expect(r.stderr.contains("\(yaml.path):10:20: error: memo.document_number “某市监〔2023〕7号” has the year 2023 but the memo is dated 2024-12-20 (date)"), "\(r.stderr)")
        // The good memo renders.
        let good = try Self.template(dir, Self.baseLines + memo, name: "good.yaml")
        let ok = try report(["--data", csv.path, "--out", out, "--template", good.path])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func deepYAMLAndSyntaxErrorsAreLocated() throws {
        let (dir, csv) = try Self.scratch("set-deep")
        let out = dir.appendingPathComponent("o.pdf").path
        // 5000 levels of flow nesting (Yams overflowed the stack between 4000 and 5000 in a
        // release build, 6000 and 7000 in a debug one), and 1000 of
        // block nesting (a deeper one is over the 1 MiB limit): refused before Yams recurses.
        let flow = try Self.template(dir, Self.baseLines + ["distribution: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)], name: "flow.yaml")
        let f = try report(["--data", csv.path, "--out", out, "--template", flow.path])
        #expect(f.status == 64, "\(f.stderr.prefix(300))")
        #expect(f.stderr.contains("\(flow.path):7:"), "\(f.stderr.prefix(300))")
        #expect(f.stderr.contains("YAML nested deeper than 32 levels"))
        var block = Self.baseLines + ["distribution:"]
        for depth in 0..<1000 { block.append(String(repeating: " ", count: depth + 1) + "- ") }
        let deep = try Self.template(dir, block, name: "block.yaml")
        let b = try report(["--data", csv.path, "--out", out, "--template", deep.path])
        #expect(b.status == 64, "\(b.stderr.prefix(300))")
        #expect(b.stderr.contains("YAML nested deeper than 32 levels"), "\(b.stderr.prefix(300))")
        // A syntax error: line and column, not "The given data was not valid YAML."
        let broken = try Self.template(dir, Self.baseLines + ["sections: [summary, region", "distribution: []"], name: "broken.yaml")
        let s = try report(["--data", csv.path, "--out", out, "--template", broken.path])
        #expect(s.status == 64)
        #expect(s.stderr.contains("\(broken.path):8:13: error: YAML: while parsing a flow sequence did not find expected ',' or ']'"), "\(s.stderr)")
        #expect(!s.stderr.contains("not valid YAML"))
    }

    /// A key given twice was resolved silently by the decoder; a value of the wrong type was
    /// "Expected to decode Int but found Scalar instead".
    @Test func duplicateKeysAndWrongTypesAreLocated() throws {
        let (dir, csv) = try Self.scratch("set-dup")
        let out = dir.appendingPathComponent("o.pdf").path
        let dup = try Self.template(dir, Self.baseLines + ["issue: 4"], name: "dup.yaml")
        let d = try report(["--data", csv.path, "--out", out, "--template", dup.path])
        #expect(d.status == 64)
        #expect(d.stderr.contains("\(dup.path):7:1: error: duplicate key “issue” (first given on line 2); give each key once"), "\(d.stderr)")
        let typed = try Self.template(dir, Self.baseLines + ["print_run: 1.5"], name: "typed.yaml")
        let t = try report(["--data", csv.path, "--out", out, "--template", typed.path])
        #expect(t.status == 64)
        #expect(t.stderr.contains("\(typed.path):7:12: error: “print_run” must be a whole number, got “1.5”"), "\(t.stderr)")
    }

    @Test func statsFlagsAndFilters() throws {
        let (_, csv) = try Self.scratch("set-stats")
        let bin = try qbriefBinary().path
        let from = try runTool(bin, ["stats", "--data", csv.path, "--by", "region", "--from", "9223372036854775807"], cwd: packageRoot)
        #expect(from.status == 64)
        #expect(from.stderr.contains("--from 9223372036854775807 is out of range: give a year between 1900 and 2200"), "\(from.stderr)")
        // --per-unit 1e300, nan and inf crashed the density table (a Swift trap).
        let per = csv.deletingLastPathComponent().appendingPathComponent("per.csv")
        try "code,value\n320500,1000\n".write(to: per, atomically: true, encoding: .utf8)
        for unit in ["1e300", "nan", "inf", "-5"] {
            let r = try runTool(bin, ["stats", "--data", csv.path, "--by", "region", "--per", per.path, "--per-unit", unit], cwd: packageRoot)
            #expect(r.status == 64, "\(unit): \(r.status) \(r.stderr.prefix(300))")
            #expect(r.stderr.contains("is out of range: give a number between 1 and 1000000000"), "\(unit): \(r.stderr.prefix(300))")
        }
        let compare = try runTool(bin, ["stats", "--data", csv.path, "--by", "region", "--compare", "2021-9223372036854775807:2017-2020"], cwd: packageRoot)
        #expect(compare.status == 64 && compare.stderr.contains("--compare 2021-9223372036854775807:2017-2020: years must be between 1900 and 2200"), "\(compare.stderr)")
        let negative = try runTool(bin, ["stats", "--data", csv.path, "--by", "region", "--compare", "-5:3"], cwd: packageRoot)
        #expect(negative.status == 64 && negative.stderr.contains("--compare -5:3: years must be between 1900 and 2200"), "\(negative.stderr)")
        let top = try runTool(bin, ["stats", "--data", csv.path, "--by", "region", "--top", "-3"], cwd: packageRoot)
        #expect(top.status == 64 && top.stderr.contains("--top must be at least 1"), "\(top.stderr)")
        // Filters that leave nothing are named, not "no filter".
        let none = try runTool(bin, ["stats", "--data", csv.path, "--by", "region", "--type", "individual", "--sector", "A"], cwd: packageRoot)
        #expect(none.status == 65)
        #expect(none.stderr.contains("no records left after filtering (sector A; type individual)"), "\(none.stderr)")
        // --sheet on a CSV: a warning naming the file.
        let sheet = try runTool(bin, ["stats", "--data", csv.path, "--by", "region", "--sheet", "2024年"], cwd: packageRoot)
        #expect(sheet.status == 0)
        #expect(sheet.stderr.contains("\(csv.path): warning: --sheet 2024年 applies to XLSX and XLS workbooks; ignored for this file"), "\(sheet.stderr)")
        // An Excel 97–2003 workbook reads --sheet (it used to be told the flag was ignored).
        let xls = "Tests/BriefModelTests/Fixtures/register-lo.xls"
        let named = try runTool(bin, ["validate", "--data", xls, "--sheet", "没有这张表"], cwd: packageRoot)
        #expect(!named.stderr.contains("ignored for this file"), "\(named.stderr)")
        #expect((named.stdout + named.stderr).contains("没有这张表"), "\(named.stdout) \(named.stderr)")
    }

    /// Every command's standard output is checked: `> /dev/full` is exit 70 with a message.
    @Test func fullStandardOutputExits70() throws {
        let (_, csv) = try Self.scratch("set-full")
        let bin = try qbriefBinary().path
        let runs: [[String]] = [
            ["stats", "--data", csv.path, "--by", "region"],
            ["stats", "--data", csv.path, "--by", "region", "--format", "json"],
            ["validate", "--data", csv.path, "--format", "json"],
            ["fonts"],
        ]
        for args in runs {
            let r = try runToFile(bin, args, stdout: "/dev/full")
            #expect(r.status == 70, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("qbrief: error: cannot write to standard output: No space left on device"), "\(args): \(r.stderr)")
        }
    }

    @Test func placeholdersRefusedUnlessDraft() throws {
        let (dir, csv) = try Self.scratch("set-draft")
        let out = dir.appendingPathComponent("o.pdf")
        // The default template's unit is （编印单位）.
        let r = try report(["--data", csv.path, "--out", out.path])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("Reports/templates/briefing.yaml:6:7: error: unit is still the template placeholder “（编印单位）”: pass --unit or set `unit:` in the report definition"), "\(r.stderr)")
        #expect(r.stderr.contains("--draft"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // The neutral memo template: every placeholder field named, with its key.
        let m = try report(["--data", csv.path, "--out", out.path, "--template", "Reports/templates/memo.yaml", "--unit", "某局"])
        #expect(m.status == 65)
        for key in ["memo.issuer_mark", "memo.document_number", "memo.recipients", "memo.signature", "memo.printed_by"] {
            #expect(m.stderr.contains("error: \(key) is still the template placeholder"), "\(key): \(m.stderr)")
        }
        // --draft: rendered, every page marked 草稿 (drawn as text through Pango).
        let d = try report(["--data", csv.path, "--out", out.path, "--template", "Reports/templates/memo.yaml", "--draft"])
        #expect(d.status == 0, "\(d.stderr)")
        // -raw keeps the turned mark's two characters together.
        let pages = try runTool("pdftotext", ["-raw", "-enc", "UTF-8", out.path, "-"]).stdout.split(separator: "\u{0C}", omittingEmptySubsequences: true)
        let count = Int(pdfinfoField(try runTool("pdfinfo", [out.path]).stdout, "Pages") ?? "") ?? -1
        #expect(count >= 2 && pages.count == count, "\(count) pages, \(pages.count) texts")
        #expect(pages.allSatisfy { $0.contains("草稿") })
        // A filled-in definition has no mark.
        let filled = try report(["--data", csv.path, "--out", out.path, "--unit", "某市市场监督管理局"])
        #expect(filled.status == 0, "\(filled.stderr)")
        #expect(!(try runTool("pdftotext", ["-raw", "-enc", "UTF-8", out.path, "-"]).stdout.contains("草稿")))
    }
}

/// Runs `tool` with standard output sent to the file at `stdout` (e.g. /dev/full).
func runToFile(_ tool: String, _ args: [String], stdout: String, cwd: URL = packageRoot, env: [String: String] = [:]) throws -> ToolResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    p.currentDirectoryURL = cwd
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    guard let out = FileHandle(forWritingAtPath: stdout) else { throw ToolError.missing(stdout) }
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    try? out.close()
    return ToolResult(status: p.terminationStatus, stdout: "", stderr: String(decoding: errData, as: UTF8.self), data: Data())
}

import Foundation
import Testing

/// Issue 16: a reader that stops reading (`qbrief stats … | head -1`) stops qbrief quietly —
/// no SIGPIPE death, no “cannot write” message, no temporary file left — with exit 0, or 65
/// from `validate` when the register has errors.
@Suite(.serialized)
struct ClosedPipeCLITests {
    /// Runs qbrief with standard output a pipe whose reading end is closed before it starts,
    /// so its first write meets EPIPE whatever the timing.
    func runWithReaderGone(_ args: [String], env: [String: String] = [:]) throws -> (reason: Process.TerminationReason, status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = try qbriefBinary()
        p.arguments = args
        p.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try out.fileHandleForReading.close()
        try p.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationReason, p.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// A register of `rows` rows whose region codes are all unknown (one error each).
    func badRegister(rows: Int) throws -> URL {
        let csv = temporaryDirectory("closed-pipe").appendingPathComponent("bad.csv")
        var text = "recipient,programme,year,region_code\n"
        for i in 0..<rows { text += "公司\(i),中国质量奖,\(2000 + i % 20),999999\n" }
        try Data(text.utf8).write(to: csv)
        return csv
    }

    @Test func statsAndReportStopQuietlyWithExit0() throws {
        let stats = try runWithReaderGone(["stats", "--data", "Reports/sample/awards.csv", "--by", "region"])
        #expect(stats.reason == .exit && stats.status == 0)
        #expect(stats.stderr == "")
        let tmp = temporaryDirectory("closed-pipe-tmp")
        let report = try runWithReaderGone(["report", "--data", "Reports/sample/awards.csv", "--template", "Reports/sample/briefing.yaml", "--out", "-"],
                                           env: ["TMPDIR": tmp.path])
        #expect(report.reason == .exit && report.status == 0, "\(report.stderr)")
        #expect(!report.stderr.contains("error"), "\(report.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == [])
    }

    @Test func validateKeepsItsStatus() throws {
        let csv = try badRegister(rows: 3000)
        let gone = try runWithReaderGone(["validate", "--data", csv.path])
        #expect(gone.reason == .exit && gone.status == 65)
        #expect(gone.stderr == "")
        // Through a shell pipe, as a user types it: the first finding, then a quiet stop.
        let bash = try runTool("bash", ["-c", "set -o pipefail; \"$0\" validate --data \"$1\" | head -1", try qbriefBinary().path, csv.path])
        #expect(bash.status == 65, "\(bash.stderr)")
        #expect(bash.stdout == "\(csv.path):2:4: error: region “999999” is not a known GB/T 2260 code or region name; expected a code such as 320500 or a name such as 苏州市\n")
        #expect(bash.stderr == "")
        let clean = try runWithReaderGone(["validate", "--data", "Reports/sample/awards.csv", "--format", "json"])
        #expect(clean.reason == .exit && clean.status == 0, "\(clean.stderr)")
    }
}

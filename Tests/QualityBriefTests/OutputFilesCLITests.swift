import Foundation
import QualityBrief
import Testing

/// Output files (issue 16): inputs never overwritten, regular files only, links followed,
/// `--out -`, format and name agreeing, write failures exit 70 with nothing at the target,
/// temporary files gone after any exit.
@Suite(.serialized)
struct OutputFilesCLITests {
    func report(_ args: [String], env: [String: String] = [:]) throws -> ToolResult {
        try runTool(try qbriefBinary().path, ["report", "--unit", "某市市场监督管理局", "--date", "2024-12-20"] + args,
                    cwd: packageRoot, env: env)
    }

    /// Entries of `dir` whose names start with `.qbrief-tmp-`.
    func temporaries(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasPrefix(".qbrief-tmp-") }
    }

    @Test func neverWritesOverAnInput() throws {
        let (dir, csv) = try SettingsCLITests.scratch("out-input")
        let before = try Data(contentsOf: csv)
        let link = dir.appendingPathComponent("link.pdf")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: csv.path)
        for target in [csv.path, link.path, dir.path + "/./awards.csv"] {
            let r = try report(["--data", csv.path, "--out", target, "--format", "pdf"])
            #expect(r.status == 64, "\(target): \(r.stderr)")
            #expect(r.stderr.contains("is the register \(csv.path) read in this run; choose another output name"), "\(r.stderr)")
        }
        #expect(try Data(contentsOf: csv) == before)
        // PNG pages named like an input register.
        let page = dir.appendingPathComponent("p-1.png")
        try FileManager.default.copyItem(at: csv, to: page)
        let png = try report(["--data", page.path, "--out", dir.appendingPathComponent("p.png").path])
        #expect(png.status == 64 && png.stderr.contains("would overwrite the register"), "\(png.stderr)")
    }

    @Test func regularFilesOnlyAndLinksFollowed() throws {
        let (dir, csv) = try SettingsCLITests.scratch("out-kinds")
        // A directory, an empty name, a FIFO, a device.
        let d = try report(["--data", csv.path, "--out", dir.path])
        #expect(d.status == 64 && d.stderr.contains("\(dir.path) is a directory; give a file name inside it"), "\(d.stderr)")
        let empty = try report(["--data", csv.path, "--out", ""])
        #expect(empty.status == 64 && empty.stderr.contains("--out is empty"), "\(empty.stderr)")
        let fifo = dir.appendingPathComponent("fifo.pdf")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let f = try report(["--data", csv.path, "--out", fifo.path])
        #expect(f.status == 64 && f.stderr.contains("is a FIFO; only regular files are written"), "\(f.stderr)")
        let null = try report(["--data", csv.path, "--out", "/dev/null", "--format", "pdf"])
        #expect(null.status == 64 && null.stderr.contains("/dev/null is a device"), "\(null.stderr)")
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR)
        // A link: the file it points to gets the PDF, the link stays a link.
        let real = dir.appendingPathComponent("real.pdf")
        try Data("old".utf8).write(to: real)
        let link = dir.appendingPathComponent("link.pdf")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.pdf")
        let l = try report(["--data", csv.path, "--out", link.path])
        #expect(l.status == 0, "\(l.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.pdf")
        #expect(try Data(contentsOf: real).prefix(5) == Data("%PDF-".utf8))
        #expect(temporaries(dir).isEmpty)
    }

    @Test func formatAndNameAgreeAndStandardOutputStreams() throws {
        let (dir, csv) = try SettingsCLITests.scratch("out-format")
        let x = dir.appendingPathComponent("x.pdf")
        let r = try report(["--data", csv.path, "--out", x.path, "--format", "png"])
        #expect(r.status == 64 && r.stderr.contains("ends in .pdf but --format is png"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["awards.csv"])
        let s = try runTool(try qbriefBinary().path, ["report", "--unit", "某局", "--data", csv.path, "--out", "-"], cwd: dir)
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.data.prefix(5) == Data("%PDF-".utf8))
        #expect(String(decoding: s.data.suffix(16), as: UTF8.self).contains("%%EOF"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
        let pngOut = try runTool(try qbriefBinary().path, ["report", "--unit", "某局", "--data", csv.path, "--out", "-", "--format", "png"], cwd: dir)
        #expect(pngOut.status == 64 && pngOut.stderr.contains("--out - streams a PDF"))
    }

    /// A file-size limit of 8 KB (`ulimit -f 16`, 512-byte blocks): the PDF cannot be written;
    /// exit 70 with a message, nothing at the target, no temporary file left.
    @Test func writeFailureExits70WithNothingAtTheTarget() throws {
        let (dir, csv) = try SettingsCLITests.scratch("out-full")
        let out = dir.appendingPathComponent("o.pdf")
        let bin = try qbriefBinary().path
        let r = try runTool("bash", ["-c", "ulimit -f 16; exec \"$0\" report --unit 某局 --data \"$1\" --out \"$2\"", bin, csv.path, out.path],
                            cwd: packageRoot, env: ["TMPDIR": dir.path])
        #expect(r.status == 70, "\(r.status) \(r.stderr)")
        #expect(r.stderr.contains("qbrief: error: cannot write \(out.path)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(temporaries(dir).isEmpty)
        let fonts = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("qualitybrief-fonts-") }
        #expect(fonts.isEmpty, "\(fonts)")
    }

    /// What a killed run left (its pid no longer runs) is removed by the next run; what a
    /// running process owns is not.
    @Test func staleTemporariesRemovedByTheNextRun() throws {
        let (dir, csv) = try SettingsCLITests.scratch("out-stale")
        let tmp = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let dead: Int32 = 4_000_000  // above Linux's pid_max (4194304 at most; the default is lower)
        let stale = dir.appendingPathComponent(".qbrief-tmp-\(dead)-1-o.pdf")
        let alive = dir.appendingPathComponent(".qbrief-tmp-\(getpid())-1-o.pdf")
        let staleFonts = tmp.appendingPathComponent("qualitybrief-fonts-\(dead)-AbC123")
        try Data("partial".utf8).write(to: stale)
        try Data("partial".utf8).write(to: alive)
        try FileManager.default.createDirectory(at: staleFonts, withIntermediateDirectories: true)
        let r = try report(["--data", csv.path, "--out", dir.appendingPathComponent("o.pdf").path], env: ["TMPDIR": tmp.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(!FileManager.default.fileExists(atPath: staleFonts.path))
        #expect(FileManager.default.fileExists(atPath: alive.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }

    /// SIGTERM and SIGINT in the middle of a long render: exit 128 + signal, and neither the
    /// temporary output nor the font folder survives.
    @Test func signalsRemoveTemporaries() throws {
        let (dir, _) = try SettingsCLITests.scratch("out-signal")
        let csv = dir.appendingPathComponent("big.csv")
        var text = "recipient,programme,year,region_code,sector_code\n"
        for i in 0..<4_000 { text += "测试单位\(i)有限公司,江苏省省长质量奖,\(2012 + i % 12),320\(["1", "2", "5"][i % 3])00,C\n" }
        try text.write(to: csv, atomically: true, encoding: .utf8)
        for sig in [SIGTERM, SIGINT] {
            let tmp = dir.appendingPathComponent("tmp\(sig)")
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
            let p = Process()
            p.executableURL = try qbriefBinary()
            p.arguments = ["report", "--unit", "某局", "--data", csv.path, "--out", dir.appendingPathComponent("o\(sig).pdf").path]
            p.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp.path]) { $1 }
            p.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try p.run()
            // Wait (up to 60 s) until the temporary PDF exists: drawing has begun.
            let deadline = Date().addingTimeInterval(60)
            while temporaries(dir).isEmpty && p.isRunning && Date() < deadline { usleep(5_000) }
            #expect(!temporaries(dir).isEmpty, "the render ended before it could be interrupted")
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            #expect(p.terminationStatus == 128 + sig, "signal \(sig): status \(p.terminationStatus)")
            #expect(temporaries(dir).isEmpty, "\(temporaries(dir))")
            #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o\(sig).pdf").path))
        }
    }
}

import Foundation
import Testing

/// Issue 16, flags that name files and folders (`--fonts-dir`, `--template`, `--programmes`,
/// `--columns FILE`, `--per`, `fonts --data`): a missing path, a folder for a file (or the
/// reverse), a device or FIFO, an oversized file is refused while the flags are validated, with
/// exit 64 and one line naming the flag — never a silent exit 0, a hang on a FIFO, a raw
/// NSError text or a read of /dev/zero.
@Suite(.serialized)
struct PathFlagCLITests {
    /// Runs qbrief and returns the status and the `Error: …` line ArgumentParser prints.
    func refusal(_ args: [String]) throws -> (status: Int32, line: String) {
        let r = try runTool(try qbriefBinary().path, args, cwd: packageRoot)
        let line = r.stderr.split(separator: "\n").first { $0.hasPrefix("Error: ") }.map(String.init) ?? r.stderr
        return (r.status, line)
    }

    @Test func fontsDirMustBeAFolder() throws {
        let missing = try refusal(["fonts", "--fonts-dir", "/nonexistent-qbrief-fonts"])
        #expect(missing.status == 64)
        #expect(missing.line == "Error: --fonts-dir /nonexistent-qbrief-fonts: no such folder; expected a folder of .ttf, .otf or .ttc fonts")
        let file = try refusal(["fonts", "--fonts-dir", "Reports/sample/awards.csv"])
        #expect(file.status == 64)
        #expect(file.line == "Error: --fonts-dir Reports/sample/awards.csv: is a file, not a folder; expected a folder of .ttf, .otf or .ttc fonts")
        let device = try refusal(["fonts", "--check", "--data", "/dev/zero"])
        #expect(device.status == 64)
        #expect(device.line == "Error: --data /dev/zero: not a regular file (a device, FIFO or socket); expected a register (CSV, XLSX, XLS or JSON)")
        // The project's own folder is still accepted.
        let ok = try runTool(try qbriefBinary().path, ["fonts", "--fonts-dir", "Fonts"], cwd: packageRoot)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("小标宋"))
    }

    @Test func definitionProgrammesColumnsAndPerFiles() throws {
        let dir = temporaryDirectory("path-flags")
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let big = dir.appendingPathComponent("big.txt")
        try Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1).write(to: big)
        let data = ["--data", "Reports/sample/awards.csv"]
        let stats = ["stats"] + data + ["--by", "region"]
        let report = ["report"] + data + ["--out", dir.appendingPathComponent("b.pdf").path]
        let yaml = "a report definition (YAML) such as Reports/templates/briefing.yaml"
        let programmes = "a YAML programmes file such as Reports/programmes-zhejiang.yaml"
        let columns = "HEADER=COLUMN pairs such as 单位=recipient,届次=year, or a file of them"
        let per = "a CSV of region code,value"
        let cases: [([String], String)] = [
            (report + ["--template", dir.path], "--template \(dir.path): is a folder; expected \(yaml)"),
            (report + ["--template", fifo], "--template \(fifo): not a regular file (a device, FIFO or socket); expected \(yaml)"),
            (report + ["--template", big.path], "--template \(big.path): the file has 1048577 bytes, more than the 1024 KB this flag reads; expected \(yaml)"),
            (stats + ["--programmes", dir.path], "--programmes \(dir.path): is a folder; expected \(programmes)"),
            (stats + ["--programmes", "/dev/zero"], "--programmes /dev/zero: not a regular file (a device, FIFO or socket); expected \(programmes)"),
            (stats + ["--programmes", "no-such.yaml"], "--programmes no-such.yaml: no such file; expected \(programmes)"),
            (stats + ["--columns", "no-such-mapping.txt"], "--columns no-such-mapping.txt: no such file; expected \(columns)"),
            (stats + ["--columns", dir.path], "--columns \(dir.path): is a folder; expected \(columns)"),
            (stats + ["--columns", fifo], "--columns \(fifo): not a regular file (a device, FIFO or socket); expected \(columns)"),
            (stats + ["--columns", big.path], "--columns \(big.path): the file has 1048577 bytes, more than the 1024 KB this flag reads; expected \(columns)"),
            (stats + ["--per", "no-such.csv"], "--per no-such.csv: no such file; expected \(per)"),
            (stats + ["--per", "/dev/zero"], "--per /dev/zero: not a regular file (a device, FIFO or socket); expected \(per)"),
            (stats + ["--per", dir.path], "--per \(dir.path): is a folder; expected \(per)"),
        ]
        for (args, message) in cases {
            let r = try refusal(args)
            #expect(r.status == 64, "\(args)")
            #expect(r.line == "Error: " + message)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.pdf").path))
        // A mapping file that exists is still read.
        let mapping = dir.appendingPathComponent("mapping.txt")
        try Data("单位=recipient\n".utf8).write(to: mapping)
        let csv = dir.appendingPathComponent("r.csv")
        try Data("单位,programme,year,region_code\n甲公司,中国质量奖,2020,320500\n".utf8).write(to: csv)
        let ok = try runTool(try qbriefBinary().path, ["stats", "--data", csv.path, "--columns", mapping.path, "--by", "year", "--format", "csv"], cwd: packageRoot)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout == "key,label,count,share_percent\n2020,2020,1,100.0\n")
    }

    /// `qbrief fix --out` (it used to rename its copy over whatever was there: as root,
    /// `--out /dev/full` replaced the device with a CSV and exited 0).
    @Test func fixWritesRegularFilesOnly() throws {
        let dir = temporaryDirectory("fix-out")
        let csv = dir.appendingPathComponent("r.csv")
        try Data("recipient,programme,year,region_code\n苏州某公司,中国质量奖,2020,\n".utf8).write(to: csv)
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let alias = dir.appendingPathComponent("alias.csv").path
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: csv.path)
        let fix = ["fix", "--data", csv.path, "--out"]
        let cases: [(String, String)] = [
            (fifo, "--out \(fifo): not a regular file (a device, FIFO or socket); qbrief writes regular files only"),
            (dir.path, "--out \(dir.path): is a folder; give a file name inside it"),
            (alias, "--out \(alias): is the register \(csv.path) read in this run; the register is never overwritten"),
            (dir.path + "/no/x.csv", "--out \(dir.path)/no/x.csv: the folder \(dir.path)/no does not exist"),
        ]
        for (out, message) in cases {
            let r = try refusal(fix + [out])
            #expect(r.status == 64, "\(out)")
            #expect(r.line == "Error: " + message)
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        // A link to another file: that file is written, the link stays.
        let copy = dir.appendingPathComponent("copy.csv"), link = dir.appendingPathComponent("link.csv").path
        try Data("old".utf8).write(to: copy)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: copy.path)
        let ok = try runTool(try qbriefBinary().path, fix + [link], cwd: packageRoot)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == copy.path)
        #expect(try String(contentsOf: copy, encoding: .utf8).contains("苏州某公司,中国质量奖,2020,苏州市"))
    }
}

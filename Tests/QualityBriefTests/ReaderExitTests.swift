import Foundation
import Testing

/// Issue 16 through the `qbrief` executable: bad register data and bad `--per` files end in
/// located one-line findings and exit 65, never a crash.
@Suite(.serialized)
struct ReaderExitTests {
    @Test func badJSONRegisterExits65WithALocatedFinding() throws {
        let dir = temporaryDirectory("reader-exit")
        let json = dir.appendingPathComponent("r.json")
        try Data("[{\"recipient\": \"甲\\u0000\\n公司\", \"programme\": \"cqa\", \"year\": 2020, \"year\": 2021}]".utf8).write(to: json)
        let r = try runTool(try qbriefBinary().path, ["validate", "--data", json.path], cwd: packageRoot)
        #expect(r.status == 65, "\(r.stderr)")
        let findings = (r.stderr + r.stdout).split(separator: "\n").filter { $0.hasPrefix(json.path + ":") }
        #expect(findings == [
            "\(json.path):1:16: error: record 1: “recipient” contains control character U+0000; the record was left out",
            "\(json.path):1:65: error: record 1: key “year” appears twice (first at 1:51); the record was left out",
        ], "\(r.stderr)")
    }

    @Test func perFileWithNaNExits65() throws {
        let dir = temporaryDirectory("reader-exit-per")
        let per = dir.appendingPathComponent("per.csv")
        try Data("code,value\n320500,125000\n320100,NaN\n".utf8).write(to: per)
        let bin = try qbriefBinary().path
        let r = try runTool(bin, ["stats", "--data", "Reports/sample/awards.csv", "--by", "region", "--per", per.path], cwd: packageRoot)
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("\(per.path):3:2: error: value “NaN” is not a number; expected a count from 0 to 10^15"), "\(r.stderr)")
        let huge = try runTool(bin, ["stats", "--data", "Reports/sample/awards.csv", "--by", "region", "--per", per.path, "--per-unit", "1e300"], cwd: packageRoot)
        #expect(huge.status == 64, "\(huge.stderr)")
        #expect(huge.stderr.contains("--per-unit 1e+300 is out of range: give a number between 1 and 1000000000"), "\(huge.stderr)")
    }
}

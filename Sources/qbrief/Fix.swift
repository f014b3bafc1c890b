import ArgumentParser
import Foundation
import QualityBrief

/// `qbrief fix`: a copy of a register with blank regions filled in from the recipients' names,
/// each fill marked for review.
struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a copy of a register with blank regions filled in from the names, marked for review.",
        discussion: """
        Many registers leave the region blank although the name starts with its city or county \
        (连云港…, 常州市…, 江阴…, 宜兴…). This writes FIXED.csv (UTF-8 with a byte-order mark, \
        the same rows and columns) with each such region filled in and a last column 地区补填说明 \
        saying what was filled in and from what. Ambiguous or weak matches (a place word in the \
        middle of a name, a district name shared with other places) are left blank and marked. \
        The input is never changed; briefings never infer regions themselves. CSV and XLSX input.

        Example:
          qbrief fix --data 获奖名单.csv --out 获奖名单-补填.csv
        """)

    @OptionGroup var input: DataOptions
    @Option(name: .long, help: ArgumentHelp("The copy to write (CSV).", valueName: "file"))
    var out: String

    func validate() throws {
        if input.data.count != 1 { throw ValidationError("give exactly one register with --data FILE") }
        if URL(fileURLWithPath: out).standardizedFileURL == input.urls[0].standardizedFileURL {
            throw ValidationError("--out must differ from --data: the register is never overwritten")
        }
        // A device (/dev/null as root), FIFO or folder is refused, a link followed.
        try PathFlag.checkOutput(out, flag: "--out", inputs: input.data)
    }

    func run() throws {
        let rows: [BlankRegionRow]
        do {
            // Through a symbolic link to the file it names (the link stays), as `report --out`.
            rows = try RegionFill.fix(input.urls[0], to: URL(fileURLWithPath: out).resolvingSymlinksInPath(), options: try input.loadOptions())
        } catch let e as RegionFillError {
            printError("qbrief: error: \(e)")
            throw Exit.cantCreate
        }
        for r in rows { try StandardOutput.print(r.description) }
        let filled = rows.filter { $0.suggestion != nil }.count
        try StandardOutput.print(out)
        printError("qbrief: \(rows.count) blank region\(rows.count == 1 ? "" : "s"), \(filled) filled in from the name, \(rows.count - filled) left blank; review the column \(RegionFill.noteHeader) in \(out)")
    }
}

import ArgumentParser
import Foundation
import QualityBrief

struct Fonts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which font each role (小标宋, 仿宋, 黑体, 楷体, 宋体) resolves to; --check finds characters no font draws.",
        discussion: """
        Fonts dropped into the project's Fonts/ folder win over system fonts; the role chains are in Fonts/roles.txt.

        qbrief fonts --check --data FILE... lists every character of the registers that no
        resolved font (role chain plus fontconfig's fallbacks) covers — it would print as □ —
        as FILE:LINE:COLUMN, and exits 65 if there is any.
        """)

    @Option(name: .long, help: "Fonts folder (default: the project's Fonts/).")
    var fontsDir: String?
    @Flag(name: .long, help: "Check the registers given with --data for characters no font covers.")
    var check = false
    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Register files to check.", valueName: "file"))
    var data: [String] = []

    func validate() throws {
        if check && data.isEmpty { throw ValidationError("--check needs --data FILE...") }
        if !check && !data.isEmpty { throw ValidationError("--data is only used with --check") }
        if let fontsDir { try PathFlag.check(fontsDir, flag: "--fonts-dir", expected: "a folder of .ttf, .otf or .ttc fonts", kind: .folder) }
        for path in data { try PathFlag.check(path, flag: "--data", expected: "a register (CSV, XLSX, XLS or JSON)") }
    }

    func run() throws {
        let fonts = fontsDir.map { URL(fileURLWithPath: $0) }
        try reportingErrors {
            let rows = try FontReport.rows(fontsDirectory: fonts)
            if !check {
                try StandardOutput.print(TerminalTable.render([["角色", "字体", "文件", "替代"]]
                    + rows.map { [$0.role, $0.family, $0.file, $0.standInFor.map { "stand-in for \($0)" } ?? ""] }), terminator: "")
                return
            }
            let found = try FontReport.uncovered(in: data.map { URL(fileURLWithPath: $0) }, fontsDirectory: fonts)
            for u in found { printError(u.description) }
            if found.isEmpty {
                try StandardOutput.print("qbrief: every character of \(data.count) file(s) has a font in every role")
            } else {
                printError("qbrief: \(found.count) character(s) without a font; drop a font that has them into Fonts/ or add it to Fonts/roles.txt")
                throw Exit.badData
            }
        }
    }
}

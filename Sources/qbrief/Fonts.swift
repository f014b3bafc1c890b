import ArgumentParser
import Foundation
import QualityBrief

struct Fonts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which font each role (小标宋, 仿宋, 黑体, 楷体, 宋体) resolves to.",
        discussion: "Fonts dropped into the project's Fonts/ folder win over system fonts; the role chains are in Fonts/roles.txt.")

    @Option(name: .long, help: "Fonts folder (default: the project's Fonts/).")
    var fontsDir: String?

    func run() throws {
        try reportingErrors {
            let rows = try FontReport.rows(fontsDirectory: fontsDir.map { URL(fileURLWithPath: $0) })
            print(TerminalTable.render([["角色", "字体", "文件"]] + rows.map { [$0.role, $0.family, $0.file] }), terminator: "")
        }
    }
}

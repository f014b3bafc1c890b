import Foundation
import ArgumentParser
import QualityBrief

/// The lifecycle workload: the sample briefing rendered to PDF many times in one process,
/// with one `Renderer` reused and with a new `Renderer` per render, printing the resident
/// memory at intervals. Memory should stay flat (no fontconfig configuration or subset folder
/// left behind per render) and every PDF should have the same bytes. Not timed.
struct Lifecycle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifecycle",
        abstract: "Render the sample briefing N times (reused and new Renderers) and print RSS at intervals.")

    @Option(help: "Renders per mode.")
    var renders: Int = 1000
    @Option(help: "Print the resident memory every this many renders.")
    var every: Int = 100
    @Option(help: "Modes, comma separated: reused, fresh.")
    var modes: String = "reused,fresh"
    @Option(help: "Project root (holds Reports/sample and Fonts).")
    var root: String = "."

    func run() throws {
        let base = URL(fileURLWithPath: root)
        let register = try Register.load(urls: [base.appendingPathComponent("Reports/sample/awards.csv")])
        let definition = try ReportDefinition.load(base.appendingPathComponent("Reports/sample/briefing.yaml"))
        let document = try Briefing(register: register, definition: definition).document()
        let fonts = base.appendingPathComponent("Fonts")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qbench-lifecycle-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("b.pdf")
        print("lifecycle: sample briefing, \(renders) renders per mode; RSS in MB (VmRSS)")
        print("before any render: \(rss())")
        var reference: Data?
        for mode in modes.split(separator: ",").map(String.init) {
            let shared = try Renderer(fontsDirectory: fonts)
            var differing = 0
            var line = "\(mode):"
            let clock = ContinuousClock(), start = clock.now
            for n in 1...renders {
                let renderer = mode == "fresh" ? try Renderer(fontsDirectory: fonts) : shared
                _ = try renderer.render(document, to: out)
                let bytes = try Data(contentsOf: out)
                if reference == nil { reference = bytes } else if bytes != reference { differing += 1 }
                if n == 1 || n % every == 0 { line += " \(n):\(rss())" }
            }
            let seconds = (clock.now - start) / .seconds(1)
            print(line)
            print(String(format: "%@: %d renders in %.1f s; PDFs differing from the first: %d", mode, renders, seconds, differing))
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))?
            .filter { $0.hasPrefix("qualitybrief-fonts-") }.count ?? 0
        print("qualitybrief-fonts-* folders in the temporary directory now: \(left)")
    }

    /// Resident set size now, in MB, from /proc/self/status.
    private func rss() -> String {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return "?" }
        return String(format: "%.1f", kb / 1024)
    }
}

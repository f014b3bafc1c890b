import Foundation

/// Where the peers, their Python, the data and our own binaries are.
struct BenchEnvironment {
    let peersDir: URL
    let dataDir: URL
    let python: String
    let qbrief: String
    let bench: String

    init(peers: String, data: String) throws {
        peersDir = URL(fileURLWithPath: peers).standardizedFileURL
        dataDir = URL(fileURLWithPath: data)
        python = ProcessInfo.processInfo.environment["PEERS_PYTHON"]
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/qualitybrief-peers/venv/bin/python").path
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        bench = exe.path
        qbrief = exe.deletingLastPathComponent().appendingPathComponent("qbrief").path
        guard FileManager.default.isExecutableFile(atPath: qbrief) else {
            throw BenchError.missing("qbrief not found beside the benchmark at \(qbrief); run `make bench`")
        }
        let needed = [500, 100_000, 1_000_000].map { dataDir.appendingPathComponent("awards_\($0).csv").path }
        if !FileManager.default.isExecutableFile(atPath: python) || needed.contains(where: { !FileManager.default.fileExists(atPath: $0) }) {
            let setup = peersDir.appendingPathComponent("setup.sh").path
            guard FileManager.default.fileExists(atPath: setup) else {
                throw BenchError.missing("peer baselines not found at \(peersDir.path) (pass --peers DIR)")
            }
            FileHandle.standardError.write(Data("setting up peers with \(setup) (first time only)…\n".utf8))
            let r = try ChildProcess.run("/bin/bash", [setup], environment: ProcessInfo.processInfo.environment.merging(["PEERS_OUT": dataDir.path]) { $1 })
            guard r.status == 0 else { throw BenchError.failed("setup.sh", r) }
        }
    }

    func dataset(_ n: Int) -> String { dataDir.appendingPathComponent("awards_\(n).csv").path }
    func peer(_ script: String) -> String { peersDir.appendingPathComponent(script).path }
}

/// Collects the printed report (markdown) and echoes it as it goes.
struct BenchReport {
    private(set) var text = ""
    mutating func line(_ s: String = "") {
        FileHandle.standardOutput.write(Data((s + "\n").utf8))
        text += s + "\n"
    }
}

/// Median of a non-empty sample.
func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Reads `key=1.234s` from a `TIMING …` line.
func timing(_ output: String, _ key: String) -> Double? {
    guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("TIMING") }) else { return nil }
    for field in line.split(separator: " ") where field.hasPrefix(key + "=") {
        return Double(field.dropFirst(key.count + 1).trimmingCharacters(in: CharacterSet(charactersIn: "s")))
    }
    return nil
}

func mb(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1_048_576) }
func secs(_ s: Double) -> String { s < 0.1 ? String(format: "%.1f ms", s * 1000) : String(format: "%.2f s", s) }

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One finished child process: wall time, peak resident memory, output.
struct ChildResult {
    /// Wall-clock seconds from spawn to exit.
    var seconds: Double
    /// Peak resident set size in bytes (`ru_maxrss` of this child alone, from `wait4`).
    var peakBytes: Int
    /// Exit status (or 128 + signal).
    var status: Int32
    /// Standard output.
    var stdout: String
    /// Standard error.
    var stderr: String
}

/// Runs a whole process and measures it the way a user experiences it: wall clock, whole
/// process, and that process's own peak memory (`wait4`, not the sum over all children).
enum ChildProcess {
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ChildResult {
        let dir = FileManager.default.temporaryDirectory
        let outURL = dir.appendingPathComponent("qbench-\(getpid())-out.txt")
        let errURL = dir.appendingPathComponent("qbench-\(getpid())-err.txt")
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }

        var pid: pid_t = 0
        let start = ContinuousClock.now
        let rc = posix_spawnp(&pid, executable, &actions, nil, argv, env)
        guard rc == 0 else { throw BenchError.spawn(executable, String(cString: strerror(rc))) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = start.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildResult(
            seconds: seconds, peakBytes: Int(usage.ru_maxrss) * 1024, status: exit,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}

/// Benchmark failures.
enum BenchError: Error, CustomStringConvertible {
    case spawn(String, String)
    case failed(String, ChildResult)
    case missing(String)

    var description: String {
        switch self {
        case .spawn(let exe, let why): return "cannot start \(exe): \(why)"
        case .failed(let what, let r): return "\(what) exited with \(r.status):\n\(r.stderr.suffix(2000))"
        case .missing(let what): return what
        }
    }
}

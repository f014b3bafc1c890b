import Foundation
import Testing
import TestSupport

/// The package root (the folder holding Package.swift).
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()

/// A fresh temporary folder.
func temporaryDirectory(_ name: String = "qbrief-test") -> URL {
    let url = scratchDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

struct ToolResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var data: Data
}

enum ToolError: Error, CustomStringConvertible {
    case missing(String)
    case failed(String)
    var description: String {
        switch self {
        case .missing(let t): return "\(t) is not installed; run `make deps` (it is required, not optional)"
        case .failed(let what): return what
        }
    }
}

/// Runs a command-line tool found on the usual paths; throws (so the test fails, never skips)
/// when the tool is missing.
@discardableResult
func runTool(_ name: String, _ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> ToolResult {
    let dirs = ["/usr/bin", "/usr/local/bin", "/bin"]
    let path: String
    if name.hasPrefix("/") { path = name } else {
        guard let found = dirs.map({ "\($0)/\(name)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ToolError.missing(name)
        }
        path = found
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    if let cwd { p.currentDirectoryURL = cwd }
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Standard error is drained on its own thread: a tool that fills that pipe (pdftotext
    // reporting thousands of syntax errors) would otherwise wait forever for us to read it
    // while we wait for its standard output to end.
    let errBox = DataBox()
    let errDone = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        errBox.data = err.fileHandleForReading.readDataToEndOfFile()
        errDone.signal()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errDone.wait()
    let errData = errBox.data
    p.waitUntilExit()
    return ToolResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), data: outData)
}

/// Bytes handed from the thread that reads a tool's standard error.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// The `qbrief` binary built next to the test bundle.
func qbriefBinary() throws -> URL {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("qbrief")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir.deleteLastPathComponent()
    }
    let fallback = packageRoot.appendingPathComponent(".build/debug/qbrief")
    if FileManager.default.isExecutableFile(atPath: fallback.path) { return fallback }
    throw ToolError.missing("qbrief (build it with `swift build`)")
}

/// The value of one `Field:   value` line of `pdfinfo` output.
func pdfinfoField(_ output: String, _ field: String) -> String? {
    for line in output.split(separator: "\n") where line.hasPrefix(field + ":") {
        return line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces)
    }
    return nil
}

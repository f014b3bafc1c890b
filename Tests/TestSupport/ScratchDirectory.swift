import Foundation

/// Path of this test process's scratch folder (a global, so the exit handler can reach it).
private let scratchPath: String =
    FileManager.default.temporaryDirectory.appendingPathComponent("qualitybrief-tests-\(getpid())-\(UUID().uuidString.prefix(8))").path

/// Creates the folder once and registers its removal at process exit.
private let scratchSetUp: Void = {
    try? FileManager.default.createDirectory(atPath: scratchPath, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: scratchPath) }
}()

/// A folder for the files one test process writes (registers, PDFs, rendered pages), removed
/// with everything in it when the process exits, so test runs leave nothing in the system's
/// temporary folder. Tests still make a uniquely named file or folder inside it each.
public var scratchDirectory: URL {
    _ = scratchSetUp
    return URL(fileURLWithPath: scratchPath, isDirectory: true)
}

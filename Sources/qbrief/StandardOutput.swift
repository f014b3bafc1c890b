import ArgumentParser
import Foundation
import QualityBrief
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output written with checked `write(2)` calls (no buffering to lose at exit): a
/// full disk or `> /dev/full` stops the command with exit 70 and a message. A reader that
/// stops reading (`qbrief stats … | head -1`: the pipe is closed, EPIPE) stops the command
/// quietly with exit 0 (`validate`: 65 when the register has errors), as the reader asked for
/// no more; SIGPIPE is ignored (`SignalCleanup`) so that temporary files are still removed on
/// the way out.
enum StandardOutput {
    /// Writes `text` (followed by `terminator`) to standard output.
    static func print(_ text: String, terminator: String = "\n", closedPipeStatus: ExitCode = .success) throws {
        try write(Data((text + terminator).utf8), closedPipeStatus: closedPipeStatus)
    }

    /// Writes `data` to standard output, all of it, or throws exit 70 after a message. When the
    /// reader has closed the pipe it throws `closedPipeStatus` (exit 0 unless the command has
    /// already earned another status) without a message.
    static func write(_ data: Data, closedPipeStatus: ExitCode = .success) throws {
        guard let failure = writeAll(data, to: STDOUT_FILENO) else { return }
        if failure == EPIPE { throw closedPipeStatus }
        printError("qbrief: error: cannot write to standard output: \(String(cString: strerror(failure)))")
        throw Exit.software
    }

    /// Writes all of `data` to the file descriptor; the `errno` of a failed write, else nil.
    static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }

    /// Copies the file at `url` to standard output in 1 MiB pieces.
    static func copy(_ url: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            printError("qbrief: error: cannot read \(url.path)")
            throw Exit.software
        }
        defer { try? handle.close() }
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            try write(chunk)
        }
    }
}

/// Removes temporary files on SIGINT and SIGTERM (then exits 130 / 143), lets a file-size
/// limit show as a write error (exit 70) and a closed pipe as EPIPE (a quiet stop, see
/// `StandardOutput`) instead of killing the process, and clears what a killed run left in the
/// temporary directory.
enum SignalCleanup {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        signal(SIGXFSZ, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                TemporaryCleanup.removeAll()
                _ = StandardOutput.writeAll(Data("\nqbrief: stopped by signal \(sig); temporary files removed\n".utf8), to: STDERR_FILENO)
                _exit(128 + sig)  // no atexit handlers: other threads may hold their locks
            }
            source.resume()
            sources.append(source)
        }
        TemporaryCleanup.removeStaleFontFolders()
    }
}

import Foundation
import Dispatch

/// Phase timings of `loadColumns` on standard error when `QBRIEF_LOAD_TIMING` is set (for
/// profiling the large-file path; nothing is printed otherwise).
enum LoadTiming {
    static let enabled = ProcessInfo.processInfo.environment["QBRIEF_LOAD_TIMING"] != nil
    nonisolated(unsafe) static var last = DispatchTime.now().uptimeNanoseconds

    /// CPU time of the calling thread, in nanoseconds.
    static func threadCPU() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Starts the clock.
    static func start() {
        guard enabled else { return }
        last = DispatchTime.now().uptimeNanoseconds
    }

    /// Prints the calling thread's CPU time since `start` (a `threadCPU()` reading) under
    /// `label`.
    static func note(_ label: @autoclosure () -> String, since start: UInt64) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(String(format: "load timing: %-24@ %7.1f ms\n", label() as NSString, Double(threadCPU() - start) / 1e6).utf8))
    }

    /// Prints the time since the previous mark under `label`.
    static func mark(_ label: @autoclosure () -> String) {
        guard enabled else { return }
        let now = max(DispatchTime.now().uptimeNanoseconds, last)
        FileHandle.standardError.write(Data(String(format: "load timing: %-24@ %7.1f ms\n", label() as NSString, Double(now - last) / 1e6).utf8))
        last = now
    }
}

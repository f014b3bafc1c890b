import Foundation

/// A one-line page counter on standard error for long renders ("qbrief: page 1200 …"),
/// rewritten in place. Shown only when standard error is a terminal and the render has run
/// for half a second, refreshed at most five times a second, and erased at the end, so short
/// runs, pipes and log files see nothing of it.
final class ProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var shown = false

    /// Reports that `pages` pages are drawn.
    func pages(_ pages: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 0.5, now.timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = now
        shown = true
        FileHandle.standardError.write(Data("\rqbrief: page \(pages) …\u{1B}[K".utf8))
    }

    /// Erases the line if it was shown.
    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}

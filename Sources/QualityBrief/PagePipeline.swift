import BriefLayout
import Foundation

/// Hands pages from a layout thread to the drawing thread: layout of page N + 1 runs while
/// page N is drawn (the two cores of a small office machine both work), and at most
/// `capacity` pages wait in between, so memory stays flat however long the document is.
final class PagePipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [LaidOutPage] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private var count = 0
    let capacity: Int

    init(capacity: Int = 8) { self.capacity = max(1, capacity) }

    /// Pages laid out (valid once the layout has finished).
    var pageCount: Int { condition.lock(); defer { condition.unlock() }; return count }

    /// Called by the layout thread with each finished page; blocks while the hand-over is
    /// full; throws once the drawing side has given up.
    func put(_ page: LaidOutPage) throws {
        condition.lock(); defer { condition.unlock() }
        while buffer.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        buffer.append(page)
        condition.broadcast()
    }

    /// Called by the layout thread when it is done, with its error if it failed.
    func finish(pages: Int, error: (any Error)?) {
        condition.lock(); defer { condition.unlock() }
        finished = true
        count = pages
        failure = error
        condition.broadcast()
    }

    /// The next page in order; nil after the last; rethrows the layout's error after the
    /// pages laid out before it.
    func next() throws -> LaidOutPage? {
        condition.lock(); defer { condition.unlock() }
        while head == buffer.count && !finished { condition.wait() }
        if head < buffer.count {
            let page = buffer[head]
            head += 1
            if head >= 32 { buffer.removeFirst(head); head = 0 }
            condition.broadcast()
            return page
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the layout thread at its next page and waits until it has finished.
    func cancelAndWait() {
        condition.lock(); defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
    }

    /// Lays out `document` on a new thread, feeding this pipeline.
    func start(_ layouter: DocumentLayouter, _ document: Document) {
        let thread = Thread { [self] in
            do {
                let n = try layouter.layout(document) { try self.put($0) }
                finish(pages: n, error: nil)
            } catch {
                finish(pages: 0, error: error)
            }
        }
        thread.stackSize = 16 << 20
        thread.name = "QualityBrief layout"
        thread.start()
    }
}

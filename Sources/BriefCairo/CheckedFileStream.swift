import Foundation
internal import CPangoCairo

/// A file cairo writes a PDF or SVG into through `cairo_*_surface_create_for_stream`, with
/// every `write(2)` checked: cairo 1.16's own file output (stdio) does not report a failed
/// write or close, so a full disk or a file-size limit left a truncated PDF and status
/// SUCCESS. Output is buffered (64 KiB); the first error is kept; `close()` reports it, or
/// the error of closing.
final class CheckedFileStream {
    let path: String
    private var fd: Int32
    /// errno of the first failed write, if any.
    private(set) var failure: Int32?

    /// Creates (or truncates) the file at `path`, readable and writable by the user (0644
    /// less the umask, like `fopen`).
    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw RenderError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit {
        if fd >= 0 { _ = Foundation.close(fd) }
        buffer.deallocate()
    }

    /// Bytes not yet written: cairo hands over output in pieces of a few bytes, so they are
    /// gathered and written 64 KiB at a time (copied with memcpy: an Array append per piece
    /// cost a 500-record briefing 20 million instructions).
    private let buffer = UnsafeMutableRawPointer.allocate(byteCount: CheckedFileStream.bufferSize, alignment: 16)
    private var buffered = 0
    private static let bufferSize = 64 << 10

    /// Takes all of `bytes`; false (and `failure` set) when the system refuses a write.
    func write(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        if failure != nil { return false }
        if buffered + count > Self.bufferSize {
            guard flush() else { return false }
            if count >= Self.bufferSize { return writeAll(bytes, count: count) }
        }
        (buffer + buffered).copyMemory(from: bytes, byteCount: count)
        buffered += count
        return true
    }

    /// Writes the buffer out.
    private func flush() -> Bool {
        if buffered == 0 { return true }
        let ok = writeAll(buffer, count: buffered)
        buffered = 0
        return ok
    }

    private func writeAll(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let n = Foundation.write(fd, bytes + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return false
            }
            offset += n
        }
        return true
    }

    /// Writes what is buffered and closes the file; throws the first write error, else the
    /// error of closing.
    func close() throws {
        if fd >= 0 && failure == nil { _ = flush() }
        let result = fd >= 0 ? Foundation.close(fd) : 0
        let closeError = result == 0 ? nil : errno
        fd = -1
        if let e = failure ?? closeError {
            throw RenderError.io(path: path, reason: String(cString: strerror(e)))
        }
    }

    /// The callback cairo calls with each piece of output; `closure` is the stream.
    static let callback: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let stream = Unmanaged<CheckedFileStream>.fromOpaque(closure).takeUnretainedValue()
        return stream.write(data, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }

    /// The `closure` argument for `callback`; `bind(to:)` keeps the stream alive meanwhile.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Keeps this stream alive as long as `surface`. cairo writes the end of a file when the
    /// surface is destroyed, and something else (a context, a pattern) may hold the surface
    /// after the writer has let the stream go: without this, cairo's last bytes would go to
    /// freed memory, which the next render's buffer may be using.
    func bind(to surface: OpaquePointer) {
        let retained = Unmanaged.passRetained(self).toOpaque()
        let status = cairo_surface_set_user_data(surface, &Self.surfaceKey, retained) {
            Unmanaged<CheckedFileStream>.fromOpaque($0!).release()
        }
        if status != CAIRO_STATUS_SUCCESS { Unmanaged<CheckedFileStream>.fromOpaque(retained).release() }
    }

    /// The key of the stream among a surface's user data (only its address matters).
    nonisolated(unsafe) private static var surfaceKey = cairo_user_data_key_t()
}

import Foundation
internal import CPangoCairo

/// A file cairo writes a PDF or SVG into through `cairo_*_surface_create_for_stream`, with
/// every `write(2)` checked: cairo 1.16's own file output (stdio) does not report a failed
/// write or close, so a full disk or a file-size limit left a truncated PDF and status
/// SUCCESS.
///
/// The bytes are gathered in memory and written when the document is closed, through a
/// descriptor opened for that moment only: a descriptor held open through a long render
/// can be closed under it by other code of the process (a double close elsewhere in a
/// server or test process), and its number reused by another file, which then gets the
/// PDF's bytes. The file is created at once, so that a path that cannot be written is
/// reported before any drawing; `close()` reports the first failed write or the close.
final class CheckedFileStream {
    let path: String
    /// errno of the first failed write, if any.
    private(set) var failure: Int32?
    private var closed = false

    /// Creates (or truncates) the file at `path`, readable and writable by the user (0644
    /// less the umask, like `fopen`).
    init(path: String) throws {
        self.path = path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw RenderError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        _ = Foundation.close(fd)
    }

    deinit { buffer.deallocate() }

    /// The document so far (cairo hands it over in pieces of a few bytes; copied with memcpy:
    /// an Array append per piece cost a 500-record briefing 20 million instructions).
    private var buffer = UnsafeMutableRawPointer.allocate(byteCount: 64 << 10, alignment: 16)
    private var capacity = 64 << 10
    private var buffered = 0

    /// Takes all of `bytes`; false once the stream is closed.
    func write(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        if closed || failure != nil { return false }
        if buffered + count > capacity {
            var grown = capacity
            while buffered + count > grown { grown *= 2 }
            let bigger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
            bigger.copyMemory(from: buffer, byteCount: buffered)
            buffer.deallocate()
            buffer = bigger
            capacity = grown
        }
        (buffer + buffered).copyMemory(from: bytes, byteCount: count)
        buffered += count
        return true
    }

    /// Writes the document to the file and closes it; throws the first write error, else the
    /// error of closing. Later writes are refused.
    func close() throws {
        if closed { return }
        closed = true
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        if fd < 0 {
            failure = errno
        } else {
            var offset = 0
            while offset < buffered {
                let n = Foundation.write(fd, buffer + offset, buffered - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                offset += n
            }
            if Foundation.close(fd) != 0 && failure == nil { failure = errno }
        }
        buffer.deallocate()
        buffer = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)
        capacity = 16
        buffered = 0
        if let e = failure {
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

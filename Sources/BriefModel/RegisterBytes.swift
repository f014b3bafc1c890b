import Foundation

/// The bytes of a register the columnar reader reads: a file, read window by window with
/// pread(2), or bytes already in memory.
///
/// A file is never mapped: one truncated by another program while it is read would kill a
/// process that mapped it (SIGBUS); read this way it only ends early. Nor is it read whole: a
/// window of about a megabyte, reused, keeps what is read in cache for the scan and spares
/// the kernel clearing a file-sized buffer.
final class RegisterBytes: @unchecked Sendable {
    /// The file, or -1 for bytes in memory.
    private let fd: Int32
    private let memory: UnsafeRawBufferPointer?
    /// Size when opened.
    let count: Int

    /// A regular, non-empty file; nil otherwise (or when it cannot be opened).
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        self.fd = fd
        memory = nil
        count = Int(st.st_size)
    }

    /// Bytes in memory, which the caller keeps alive while this is used.
    init(memory: UnsafeRawBufferPointer) {
        fd = -1
        self.memory = memory
        count = memory.count
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Copies up to `n` bytes from `offset` into `dst`. Fewer only at the end (or where the
    /// file has shrunk since it was opened); 0 there, or on a read error.
    func read(into dst: UnsafeMutableRawPointer, at offset: Int, count n: Int) -> Int {
        guard n > 0, offset >= 0 else { return 0 }
        if let memory {
            let k = max(0, min(n, memory.count - offset))
            if k > 0 { dst.copyMemory(from: memory.baseAddress! + offset, byteCount: k) }
            return k
        }
        var got = 0
        while got < n {
            let r = pread(fd, dst + got, n - got, off_t(offset + got))
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { break }
            got += r
        }
        return got
    }

    /// Up to `n` bytes from `offset`.
    func bytes(at offset: Int, count n: Int) -> [UInt8] {
        var a = [UInt8](repeating: 0, count: max(0, n))
        let got = a.withUnsafeMutableBytes { read(into: $0.baseAddress!, at: offset, count: n) }
        a.removeSubrange(got...)
        return a
    }

    /// The offset just after the first line feed at or after `offset - 1` (the first line
    /// start at or after `offset`), or `count`.
    func lineStart(atOrAfter offset: Int) -> Int {
        if offset <= 0 { return 0 }
        var at = offset - 1
        while at < count {
            let block = bytes(at: at, count: 4096)
            if block.isEmpty { break }
            if let k = block.firstIndex(of: 0x0A) { return at + k + 1 }
            at += block.count
        }
        return count
    }

    /// Reads bytes `lo..<hi` window by window and hands `scan` each window with the line of
    /// its first byte. `scan` reads the whole records in it (the last window: all of it, as
    /// the file's end) and says where it stopped; the rest is kept for the next window, which
    /// grows when not one record fits. Returns where the scan of the range stopped, its
    /// offset counted from `lo`, with every window's problems; nil when `scan` returned nil.
    func scanWindows(from lo: Int, to hi: Int, window: Int, firstLine: Int,
                     _ scan: (_ bytes: UnsafeBufferPointer<UInt8>, _ firstLine: Int, _ atFileEnd: Bool) -> CSVReader.ScanEnd?) -> CSVReader.ScanEnd? {
        var size = max(window, 16)
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        defer { buffer.deallocate() }
        var filled = 0, position = lo, consumed = 0, line = firstLine
        var problems: [CSVReader.Problem] = []
        while true {
            var ended = position >= hi
            while filled < size && !ended {
                let got = read(into: buffer + filled, at: position, count: min(size - filled, hi - position))
                filled += got
                position += got
                if got == 0 || position >= hi { ended = true }
            }
            let bytes = UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: filled)
            guard let e = scan(bytes, line, ended) else { return nil }
            problems += e.problems
            line = e.line
            if ended {
                return CSVReader.ScanEnd(offset: consumed + e.offset, line: line, atRecordStart: e.atRecordStart, problems: problems)
            }
            consumed += e.offset
            filled -= e.offset
            if e.offset > 0 {
                memmove(buffer, buffer + e.offset, filled)
            } else if filled == size {
                size *= 2
                let grown = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
                grown.copyMemory(from: buffer, byteCount: filled)
                buffer.deallocate()
                buffer = grown
            }
        }
    }
}

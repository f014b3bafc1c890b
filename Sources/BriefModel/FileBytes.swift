import Foundation

/// A file read whole into memory with read(2) (not mapped: a register truncated by another
/// program while being read would kill a process that mapped it with SIGBUS). The buffer is
/// anonymous memory asked for in huge pages where the system offers them, so reading a large
/// register takes a page fault per 2 MiB rather than per 4 KiB.
struct FileBytes {
    let raw: UnsafeRawBufferPointer
    /// The whole buffer (`raw` is its first bytes).
    private let buffer: UnsafeMutableRawBufferPointer

    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let n = Int(st.st_size)
        guard let buffer = Self.allocate(n) else { return nil }
        var got = 0
        while got < n {
            let r = readFile(fd, buffer.baseAddress! + got, n - got)
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { break }
            got += r
        }
        self.buffer = buffer
        guard got > 0 else { _ = munmap(buffer.baseAddress, buffer.count); return nil }
        raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<got])
    }

    /// Anonymous memory for `n` bytes (huge pages advised on Linux).
    private static func allocate(_ n: Int) -> UnsafeMutableRawBufferPointer? {
        guard let p = mmap(nil, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED else { return nil }
        #if os(Linux)
        _ = madvise(p, n, MADV_HUGEPAGE)
        #endif
        return UnsafeMutableRawBufferPointer(start: p, count: n)
    }

    func release() { _ = munmap(buffer.baseAddress, buffer.count) }
}

/// read(2), named so that it is not taken for `FileBytes.init`.
private func readFile(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

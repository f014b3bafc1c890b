import Foundation

/// A file read whole into memory with read(2) (not mapped: a register truncated by another
/// program while being read would kill a process that mapped it with SIGBUS).
struct FileBytes {
    let raw: UnsafeRawBufferPointer

    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let n = Int(st.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: n, alignment: 16)
        var got = 0
        while got < n {
            let r = readFile(fd, buffer.baseAddress! + got, n - got)
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { break }
            got += r
        }
        guard got > 0 else { buffer.deallocate(); return nil }
        raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<got])
    }

    func release() { UnsafeMutableRawPointer(mutating: raw.baseAddress)?.deallocate() }
}

/// read(2), named so that it is not taken for `FileBytes.init`.
private func readFile(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

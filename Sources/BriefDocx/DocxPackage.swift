import Foundation
import ZIPFoundation

/// The ZIP container of a Word file, written reproducibly: entries in the order given,
/// each stamped with the document's date (midnight UTC, the same in every time zone),
/// deflated.
enum DocxPackage {
    /// Year, month, day of `YYYY-MM-DD` (years 1980–2107, which a ZIP time stamp holds).
    static func dateComponents(_ text: String) -> DateComponents? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1980...2107).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return DateComponents(year: y, month: m, day: d, hour: 0, minute: 0, second: 0)
    }

    private static let counter = TempCounter()

    /// The time stamp of every entry: the document's date at midnight UTC (ZIPFoundation
    /// stores the UTC time, so the bytes are the same in every time zone).
    static func stamp(_ date: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: dateComponents(date) ?? DateComponents(year: 1980, month: 1, day: 1))
            ?? Date(timeIntervalSince1970: 315_532_800)
    }

    /// Adds `parts` to `archive` in order, deflated, stamped with `stamp`.
    static func add(_ parts: [(path: String, data: Data)], to archive: Archive, stamp: Date) throws {
        for part in parts {
            let data = part.data
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: stamp, permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }

    /// A ZIP package in memory (the workbook embedded behind an editable chart).
    static func data(_ parts: [(path: String, data: Data)], date: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        try add(parts, to: archive, stamp: stamp(date))
        guard let data = archive.data else { throw DocxError.failed("embedded workbook: no data") }
        return data
    }

    /// Writes `parts` to a hidden temporary file next to `url`, then renames it into place.
    static func write(_ parts: [(path: String, data: Data)], to url: URL, date: String) throws {
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(counter.next())")
        do {
            let archive: Archive
            do { archive = try Archive(url: temp, accessMode: .create) } catch {
                throw DocxError.cannotCreate(path: url.path, reason: "\(error)")
            }
            do { try add(parts, to: archive, stamp: stamp(date)) } catch {
                throw DocxError.cannotCreate(path: url.path, reason: "\(error)")
            }
            if rename(temp.path, url.path) != 0 {
                throw DocxError.cannotCreate(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }
}

/// A process-wide counter for unique temporary names.
private final class TempCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

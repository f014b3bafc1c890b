import Foundation

/// Reads Excel 97–2003 workbooks (.xls, and WPS Spreadsheets' .et, which uses the same
/// container): BIFF8 records in the "Workbook" stream of an OLE2 compound file.
///
/// The compound file is followed through its FAT, DIFAT, miniFAT and directory; the workbook
/// globals give the shared strings (SST, across CONTINUE records), number formats (FORMAT,
/// XF: which cells are dates), the 1900/1904 date system and the sheets (BOUNDSHEET); the
/// chosen sheet's cells (LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA with
/// its cached result and STRING) become one record per row, numbered as Excel numbers rows,
/// with cells at their columns. Every offset, count and chain is checked against the file:
/// a corrupt, truncated or encrypted workbook is one located error, never a crash.
enum XLSReader {
    /// A workbook that cannot be read: the message, and the row it concerns (1 for the file).
    struct Failure: Error {
        let message: String
        var line = 1
    }

    /// Reads the sheet named `sheet` (the first worksheet when nil).
    static func read(_ data: Data, file: String, sheet: String?) -> (records: [CSVRecord], diagnostics: [Diagnostic], sheets: [String]) {
        let bytes = [UInt8](data)
        do {
            let cfb = try CompoundFile(bytes)
            let names = cfb.entries.filter { $0.type == 2 }.map(\.name)
            if names.contains("EncryptionInfo") || names.contains("EncryptedPackage") {
                throw Failure(message: "workbook is password-protected (encrypted); open it in Excel or WPS, remove the password and save it again")
            }
            guard let entry = cfb.entries.first(where: { $0.type == 2 && $0.name == "Workbook" }) else {
                if names.contains("Book") {
                    throw Failure(message: "workbook is in the Excel 5.0/95 format (BIFF5), which is not read; save it as Excel 97–2003 (.xls), .xlsx or CSV UTF-8")
                }
                throw Failure(message: "not an Excel workbook: the compound file has no Workbook stream (its streams: \(names.prefix(6).joined(separator: ", ")))")
            }
            let stream = try cfb.stream(entry)
            let book = try Workbook(stream)
            let worksheets = book.sheets.filter { $0.kind == 0 }
            guard !worksheets.isEmpty else { throw Failure(message: "workbook has no worksheets") }
            let chosen: Workbook.Sheet
            if let sheet {
                let want = TextNormalizer.trim(sheet)
                guard let s = worksheets.first(where: { TextNormalizer.trim($0.name) == want }) else {
                    throw Failure(message: "workbook has no sheet “\(sheet)”; its sheets are " + worksheets.map { "“\($0.name)”" }.joined(separator: ", "))
                }
                chosen = s
            } else {
                chosen = worksheets[0]
            }
            let records = try book.rows(of: chosen)
            let others = worksheets.map(\.name).filter { $0 != chosen.name }
            return (records, [], [chosen.name] + others)
        } catch let f as Failure {
            return ([], [DatasetLoader.fileError(file, f.message, line: f.line)], [])
        } catch {
            return ([], [DatasetLoader.fileError(file, "workbook cannot be read: \(error)")], [])
        }
    }
}

/// Little-endian reads that fail instead of trapping.
extension Array where Element == UInt8 {
    @inline(__always) func u16(_ i: Int) throws -> Int {
        guard i >= 0, i + 2 <= count else { throw XLSReader.Failure(message: "workbook is truncated or corrupt") }
        return Int(self[i]) | Int(self[i + 1]) << 8
    }

    @inline(__always) func u32(_ i: Int) throws -> Int {
        guard i >= 0, i + 4 <= count else { throw XLSReader.Failure(message: "workbook is truncated or corrupt") }
        return Int(self[i]) | Int(self[i + 1]) << 8 | Int(self[i + 2]) << 16 | Int(self[i + 3]) << 24
    }
}

/// An OLE2 compound file (MS-CFB): sectors chained through the FAT, small streams in the
/// mini stream chained through the miniFAT, and a directory of named streams.
struct CompoundFile {
    struct Entry {
        let name: String
        /// 1 storage, 2 stream, 5 root.
        let type: Int
        let start: Int
        let size: Int
    }

    let bytes: [UInt8]
    let sectorSize: Int
    let miniCutoff: Int
    let fat: [Int]
    let miniFAT: [Int]
    let entries: [Entry]
    let miniStream: [UInt8]

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let endOfChain = 0xFFFF_FFFE

    init(_ b: [UInt8]) throws {
        bytes = b
        guard b.count >= 8, Array(b[0..<8]) == Self.signature else {
            if b.count >= 2, b[0] == 0x50, b[1] == 0x4B {
                throw XLSReader.Failure(message: "file is a ZIP archive (an .xlsx workbook named .xls?); rename it to .xlsx")
            }
            if let first = b.first(where: { $0 > 0x20 }), first == UInt8(ascii: "<") {
                throw XLSReader.Failure(message: "file is an HTML or XML table named .xls, not an Excel 97–2003 workbook; open it in Excel or WPS and save it as .xlsx or CSV UTF-8")
            }
            throw XLSReader.Failure(message: "not an Excel 97–2003 workbook: the file does not start with the OLE2 compound-file signature")
        }
        guard b.count >= 512 else { throw XLSReader.Failure(message: "workbook is truncated: \(b.count) bytes, less than the 512-byte compound-file header") }
        let shift = try b.u16(0x1E)
        guard shift == 9 || shift == 12, try b.u16(0x20) == 6 else {
            throw XLSReader.Failure(message: "workbook is corrupt: compound-file sector size 2^\(shift) is not 512 or 4096")
        }
        let size = 1 << shift
        sectorSize = size
        miniCutoff = try b.u32(0x38)
        let sectors = (b.count - size + size - 1) / size
        func offset(_ s: Int) throws -> Int {
            guard s >= 0, s < sectors else { throw XLSReader.Failure(message: "workbook is truncated or corrupt: sector \(s) lies beyond the end of the file") }
            return (s + 1) * size
        }
        func sector(_ s: Int) throws -> ArraySlice<UInt8> {
            let o = try offset(s)
            return b[o..<Swift.min(o + size, b.count)]
        }
        // FAT sectors: 109 in the header, the rest in the DIFAT chain.
        var fatSectors: [Int] = []
        for i in 0..<109 {
            let s = try b.u32(0x4C + 4 * i)
            if s < 0xFFFF_FFFA { fatSectors.append(s) }
        }
        var d = try b.u32(0x44)
        var hops = 0
        while d < 0xFFFF_FFFA {
            hops += 1
            guard hops <= sectors else { throw XLSReader.Failure(message: "workbook is corrupt: the DIFAT chain loops") }
            let o = try offset(d)
            for i in 0..<(size / 4 - 1) {
                let s = try b.u32(o + 4 * i)
                if s < 0xFFFF_FFFA { fatSectors.append(s) }
            }
            d = try b.u32(o + size - 4)
        }
        guard fatSectors.count <= sectors else { throw XLSReader.Failure(message: "workbook is corrupt: more FAT sectors than sectors") }
        var fat: [Int] = []
        fat.reserveCapacity(fatSectors.count * size / 4)
        for s in fatSectors {
            let o = try offset(s)
            for i in 0..<(size / 4) { fat.append(try b.u32(o + 4 * i)) }
        }
        self.fat = fat
        func chain(_ start: Int, _ table: [Int]) throws -> [Int] {
            var out: [Int] = []
            var s = start
            while s != Self.endOfChain {
                guard s >= 0, s < table.count, out.count < table.count else {
                    throw XLSReader.Failure(message: "workbook is truncated or corrupt: a sector chain is broken")
                }
                out.append(s)
                s = table[s]
            }
            return out
        }
        func read(_ chainSectors: [Int]) throws -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(chainSectors.count * size)
            for s in chainSectors { out.append(contentsOf: try sector(s)) }
            return out
        }
        // Directory.
        let dir = try read(try chain(try b.u32(0x30), fat))
        var entries: [Entry] = []
        var o = 0
        while o + 128 <= dir.count {
            let nameBytes = Swift.min(try dir.u16(o + 0x40), 64)
            var units: [UInt16] = []
            var i = 0
            while i + 1 < nameBytes { units.append(UInt16(try dir.u16(o + i))); i += 2 }
            if units.last == 0 { units.removeLast() }
            entries.append(Entry(name: String(decoding: units, as: UTF16.self), type: Int(dir[o + 0x42]),
                                 start: try dir.u32(o + 0x74), size: try dir.u32(o + 0x78)))
            o += 128
        }
        guard let root = entries.first, root.type == 5 else { throw XLSReader.Failure(message: "workbook is corrupt: the compound file has no root entry") }
        self.entries = entries
        // Mini stream (in the root entry's chain) and miniFAT.
        var mini = root.size > 0 ? try read(try chain(root.start, fat)) : []
        if mini.count > root.size { mini.removeSubrange(root.size...) }
        miniStream = mini
        let miniFATBytes = try read(try chain(try b.u32(0x3C), fat))
        miniFAT = try stride(from: 0, to: miniFATBytes.count - 3, by: 4).map { try miniFATBytes.u32($0) }
    }

    /// The bytes of a stream, exactly `entry.size` of them.
    func stream(_ entry: Entry) throws -> [UInt8] {
        guard entry.size <= bytes.count else {
            throw XLSReader.Failure(message: "workbook is truncated or corrupt: the \(entry.name) stream claims \(entry.size) bytes, more than the file holds")
        }
        let small = entry.size < miniCutoff
        let table = small ? miniFAT : fat
        let unit = small ? 64 : sectorSize
        var out: [UInt8] = []
        out.reserveCapacity(entry.size)
        var s = entry.start
        var hops = 0
        while out.count < entry.size {
            guard s != Self.endOfChain else { break }
            guard s >= 0, s < table.count, hops <= table.count else {
                throw XLSReader.Failure(message: "workbook is truncated or corrupt: the \(entry.name) stream's sector chain is broken")
            }
            hops += 1
            if small {
                let o = s * 64
                guard o + 64 <= miniStream.count || o + (entry.size - out.count) <= miniStream.count else {
                    throw XLSReader.Failure(message: "workbook is truncated or corrupt: the \(entry.name) stream lies beyond the mini stream")
                }
                out.append(contentsOf: miniStream[o..<Swift.min(o + 64, miniStream.count)])
            } else {
                let o = (s + 1) * sectorSize
                guard o < bytes.count else {
                    throw XLSReader.Failure(message: "workbook is truncated: the \(entry.name) stream lies beyond the end of the file")
                }
                out.append(contentsOf: bytes[o..<Swift.min(o + unit, bytes.count)])
            }
            s = table[s]
        }
        guard out.count >= entry.size else {
            throw XLSReader.Failure(message: "workbook is truncated: the \(entry.name) stream should hold \(entry.size) bytes, the file has \(out.count)")
        }
        out.removeSubrange(entry.size...)
        return out
    }
}

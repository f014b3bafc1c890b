import Foundation

/// The BIFF8 workbook stream of an .xls file: globals (strings, formats, sheets) and the
/// cells of one sheet.
struct Workbook {
    struct Sheet {
        let name: String
        /// Stream offset of the sheet's BOF record.
        let offset: Int
        /// 0 worksheet, 1 macro sheet, 2 chart, 6 VB module.
        let kind: Int
    }

    let stream: [UInt8]
    var sheets: [Sheet] = []
    var strings: [String] = []
    /// Per XF record, whether its number format is a date.
    var dateXF: [Bool] = []
    var date1904 = false

    enum Record {
        static let bof = 0x0809, eof = 0x000A, filePass = 0x002F, sst = 0x00FC, continueRecord = 0x003C
        static let format = 0x041E, xf = 0x00E0, dateMode = 0x0022, boundSheet = 0x0085
        static let labelSST = 0x00FD, label = 0x0204, rString = 0x00D6, number = 0x0203, rk = 0x027E
        static let mulRK = 0x00BD, boolErr = 0x0205, formula = 0x0006, string = 0x0207
    }

    /// One record: its type and where its data lies in the stream.
    struct Raw {
        let type: Int
        let start: Int
        let length: Int
    }

    /// The records from `offset` to the end of the substream (its EOF), or of the stream.
    func records(from offset: Int) throws -> [Raw] {
        var out: [Raw] = []
        var p = offset
        while p + 4 <= stream.count {
            let type = try stream.u16(p), length = try stream.u16(p + 2)
            guard p + 4 + length <= stream.count else {
                throw XLSReader.Failure(message: "workbook is truncated: a record at byte \(p) of the Workbook stream runs past its end")
            }
            out.append(Raw(type: type, start: p + 4, length: length))
            p += 4 + length
            if type == Record.eof { break }
        }
        return out
    }

    init(_ stream: [UInt8]) throws {
        self.stream = stream
        let globals = try records(from: 0)
        guard let first = globals.first, first.type == Record.bof, first.length >= 4 else {
            throw XLSReader.Failure(message: "workbook is corrupt: the Workbook stream does not start with a BOF record")
        }
        let version = try stream.u16(first.start)
        guard version == 0x0600 else {
            throw XLSReader.Failure(message: "workbook is in an Excel format older than 97 (BIFF version 0x\(String(version, radix: 16))), which is not read; save it as .xlsx or CSV UTF-8")
        }
        var formats: [Int: String] = [:]
        var xfFormats: [Int] = []
        var i = 0
        while i < globals.count {
            let r = globals[i]
            switch r.type {
            case Record.filePass:
                throw XLSReader.Failure(message: "workbook is password-protected (encrypted); open it in Excel or WPS, remove the password and save it again")
            case Record.dateMode:
                date1904 = try stream.u16(r.start) == 1
            case Record.format:
                var reader = try SegmentReader(stream, [r])
                let id = try reader.u16()
                formats[id] = try reader.unicodeString(lengthBytes: 2)
            case Record.xf:
                xfFormats.append(try stream.u16(r.start + 2))
            case Record.boundSheet:
                var reader = try SegmentReader(stream, [r])
                let pos = try reader.u32()
                _ = try reader.u8()
                let kind = try reader.u8()
                sheets.append(Sheet(name: try reader.unicodeString(lengthBytes: 1), offset: pos, kind: kind))
            case Record.sst:
                var segments = [r]
                while i + 1 < globals.count, globals[i + 1].type == Record.continueRecord { i += 1; segments.append(globals[i]) }
                strings = try Self.sharedStrings(stream, segments)
            default: break
            }
            i += 1
        }
        dateXF = xfFormats.map { Self.isDateFormat($0, formats[$0]) }
    }

    /// The SST's strings (XLUnicodeRichExtendedString), across CONTINUE records.
    static func sharedStrings(_ stream: [UInt8], _ segments: [Raw]) throws -> [String] {
        var reader = try SegmentReader(stream, segments)
        _ = try reader.u32()
        let unique = try reader.u32()
        var out: [String] = []
        // Each string takes at least three bytes: the loop ends with the data, whatever the count says.
        while out.count < unique, !reader.atEnd {
            out.append(try reader.richString())
        }
        return out
    }

    /// Whether a number format shows a date: the built-in date formats, or a format string
    /// with day, month or year letters outside quotes and brackets.
    static func isDateFormat(_ id: Int, _ code: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
        guard let code else { return false }
        var quoted = false, bracket = false
        for ch in code {
            switch ch {
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default:
                if !quoted && !bracket && "yYdD年月日".contains(ch) { return true }
            }
        }
        return false
    }

    /// The text of a number in a cell with format `xf`: a date as yyyy-MM-dd, a whole number
    /// without a fraction, others in full.
    func numberText(_ v: Double, xf: Int) -> String {
        if xf >= 0, xf < dateXF.count, dateXF[xf], let d = XLSXReader.dateText(String(v), date1904: date1904) { return d }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(v)
    }

    /// An RK number: a 30-bit integer or the top 30 bits of a double, perhaps divided by 100.
    static func rk(_ raw: Int) -> Double {
        let v = UInt32(truncatingIfNeeded: raw)
        var d: Double
        if v & 2 != 0 {
            d = Double(Int32(bitPattern: v) >> 2)
        } else {
            d = Double(bitPattern: UInt64(v & 0xFFFF_FFFC) << 32)
        }
        if v & 1 != 0 { d /= 100 }
        return d
    }

    static let errorText: [Int: String] = [0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"]

    /// The sheet's rows as records: one per row with a non-empty cell, line = Excel's row
    /// number, fields by column (empty where there is no cell).
    func rows(of sheet: Sheet) throws -> [CSVRecord] {
        guard sheet.offset >= 0, sheet.offset + 4 <= stream.count else {
            throw XLSReader.Failure(message: "workbook is corrupt: sheet “\(sheet.name)” starts beyond the end of the Workbook stream")
        }
        let recs = try records(from: sheet.offset)
        guard let first = recs.first, first.type == Record.bof else {
            throw XLSReader.Failure(message: "workbook is corrupt: sheet “\(sheet.name)” does not start with a BOF record")
        }
        var cells: [Int: [Int: String]] = [:]
        var pendingString: (row: Int, col: Int)?
        func put(_ row: Int, _ col: Int, _ text: String) throws {
            guard row < 1_048_576, col < 16_384 else {
                throw XLSReader.Failure(message: "workbook is corrupt: a cell at row \(row + 1), column \(col + 1) lies outside any sheet")
            }
            cells[row, default: [:]][col] = text
        }
        var i = 1
        while i < recs.count {
            let r = recs[i]
            let s = r.start
            switch r.type {
            case Record.filePass:
                throw XLSReader.Failure(message: "workbook is password-protected (encrypted); open it in Excel or WPS, remove the password and save it again")
            case Record.labelSST:
                let row = try stream.u16(s), col = try stream.u16(s + 2), index = try stream.u32(s + 6)
                guard index < strings.count else {
                    throw XLSReader.Failure(message: "workbook is corrupt: cell in column \(col + 1) refers to shared string \(index), but there are \(strings.count)", line: row + 1)
                }
                try put(row, col, strings[index])
            case Record.label, Record.rString:
                let row = try stream.u16(s), col = try stream.u16(s + 2)
                var reader = try SegmentReader(stream, [Raw(type: r.type, start: s + 6, length: r.length - 6)])
                try put(row, col, try reader.unicodeString(lengthBytes: 2))
            case Record.number:
                let row = try stream.u16(s), col = try stream.u16(s + 2), xf = try stream.u16(s + 4)
                guard r.length >= 14 else { throw XLSReader.Failure(message: "workbook is corrupt: a NUMBER record is short", line: row + 1) }
                let bits = UInt64(try stream.u32(s + 6)) | UInt64(try stream.u32(s + 10)) << 32
                try put(row, col, numberText(Double(bitPattern: bits), xf: xf))
            case Record.rk:
                let row = try stream.u16(s), col = try stream.u16(s + 2), xf = try stream.u16(s + 4)
                try put(row, col, numberText(Self.rk(try stream.u32(s + 6)), xf: xf))
            case Record.mulRK:
                let row = try stream.u16(s), firstCol = try stream.u16(s + 2)
                let count = (r.length - 6) / 6
                for k in 0..<Swift.max(count, 0) {
                    let o = s + 4 + 6 * k
                    try put(row, firstCol + k, numberText(Self.rk(try stream.u32(o + 2)), xf: try stream.u16(o)))
                }
            case Record.boolErr:
                let row = try stream.u16(s), col = try stream.u16(s + 2)
                guard r.length >= 8 else { throw XLSReader.Failure(message: "workbook is corrupt: a BOOLERR record is short", line: row + 1) }
                let value = Int(stream[s + 6]), isError = stream[s + 7] != 0
                try put(row, col, isError ? (Self.errorText[value] ?? "#ERROR") : (value != 0 ? "TRUE" : "FALSE"))
            case Record.formula:
                let row = try stream.u16(s), col = try stream.u16(s + 2), xf = try stream.u16(s + 4)
                guard r.length >= 20 else { throw XLSReader.Failure(message: "workbook is corrupt: a FORMULA record is short", line: row + 1) }
                if stream[s + 12] == 0xFF && stream[s + 13] == 0xFF {
                    switch stream[s + 6] {
                    case 0: pendingString = (row, col)  // the text follows in a STRING record
                    case 1: try put(row, col, stream[s + 8] != 0 ? "TRUE" : "FALSE")
                    case 2: try put(row, col, Self.errorText[Int(stream[s + 8])] ?? "#ERROR")
                    default: break
                    }
                } else {
                    let bits = UInt64(try stream.u32(s + 6)) | UInt64(try stream.u32(s + 10)) << 32
                    try put(row, col, numberText(Double(bitPattern: bits), xf: xf))
                }
            case Record.string:
                var segments = [r]
                while i + 1 < recs.count, recs[i + 1].type == Record.continueRecord { i += 1; segments.append(recs[i]) }
                if let (row, col) = pendingString {
                    var reader = try SegmentReader(stream, segments)
                    try put(row, col, try reader.unicodeString(lengthBytes: 2))
                    pendingString = nil
                }
            default: break
            }
            i += 1
        }
        return cells.keys.sorted().compactMap { row in
            let byCol = cells[row]!
            guard let last = byCol.keys.max() else { return nil }
            var fields = [String](repeating: "", count: last + 1)
            for (c, t) in byCol { fields[c] = t }
            return CSVRecord(line: row + 1, fields: fields)
        }
    }
}

/// Reads a record's data and its CONTINUE records as one run of bytes, except that character
/// data split across a CONTINUE starts again with an option byte (8- or 16-bit characters).
struct SegmentReader {
    let stream: [UInt8]
    let segments: [Workbook.Raw]
    var index = 0
    var position: Int

    init(_ stream: [UInt8], _ segments: [Workbook.Raw]) throws {
        guard let first = segments.first else { throw XLSReader.Failure(message: "workbook is corrupt: an empty record") }
        self.stream = stream
        self.segments = segments
        position = first.start
    }

    var end: Int { segments[index].start + segments[index].length }
    var atEnd: Bool { index == segments.count - 1 && position >= end }

    /// Moves to the next segment when this one is used up; false at the last one's end.
    mutating func advanceIfNeeded() -> Bool {
        while position >= end {
            guard index + 1 < segments.count else { return false }
            index += 1
            position = segments[index].start
        }
        return true
    }

    mutating func u8() throws -> Int {
        guard advanceIfNeeded() else { throw XLSReader.Failure(message: "workbook is truncated or corrupt: a record ends early") }
        defer { position += 1 }
        return Int(stream[position])
    }

    mutating func u16() throws -> Int {
        let lo = try u8()
        return try lo | u8() << 8
    }

    mutating func u32() throws -> Int {
        let lo = try u16()
        return try lo | u16() << 16
    }

    mutating func skip(_ n: Int) throws {
        var left = n
        while left > 0 {
            guard advanceIfNeeded() else { throw XLSReader.Failure(message: "workbook is truncated or corrupt: a record ends early") }
            let step = Swift.min(left, end - position)
            position += step
            left -= step
        }
    }

    /// `count` characters, 16-bit when `wide`; a CONTINUE in between brings its own option byte.
    mutating func characters(_ count: Int, wide: Bool) throws -> String {
        var units: [UInt16] = []
        units.reserveCapacity(Swift.min(count, 4096))
        var wide = wide
        while units.count < count {
            if position >= end {
                guard index + 1 < segments.count else { throw XLSReader.Failure(message: "workbook is truncated or corrupt: a string runs past its record") }
                index += 1
                position = segments[index].start
                guard position < end else { continue }
                wide = stream[position] & 1 != 0
                position += 1
                continue
            }
            if wide {
                guard position + 2 <= end else { throw XLSReader.Failure(message: "workbook is corrupt: a 16-bit character is split") }
                units.append(UInt16(stream[position]) | UInt16(stream[position + 1]) << 8)
                position += 2
            } else {
                units.append(UInt16(stream[position]))
                position += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// XLUnicodeString / ShortXLUnicodeString: a length (1 or 2 bytes), an option byte, the characters.
    mutating func unicodeString(lengthBytes: Int) throws -> String {
        let count = lengthBytes == 1 ? try u8() : try u16()
        let flags = try u8()
        return try characters(count, wide: flags & 1 != 0)
    }

    /// XLUnicodeRichExtendedString: length, options, optional run count and extension size,
    /// the characters, then the runs and extension (skipped).
    mutating func richString() throws -> String {
        let count = try u16()
        let flags = try u8()
        let runs = flags & 0x08 != 0 ? try u16() : 0
        let ext = flags & 0x04 != 0 ? try u32() : 0
        let text = try characters(count, wide: flags & 1 != 0)
        try skip(4 * runs + ext)
        return text
    }
}

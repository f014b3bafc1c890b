import CoreFoundation
import Foundation

/// A text encoding a CSV register may be written in.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8
    /// UTF-16; the byte-order mark decides the byte order (little-endian when there is none).
    case utf16
    /// UTF-16 little-endian.
    case utf16le
    /// UTF-16 big-endian.
    case utf16be
    /// GB 18030, a superset of GBK and GB 2312 (what Excel on Chinese Windows writes as "CSV").
    case gb18030

    /// Reads the names used on the command line: utf8 / utf-8, utf16 / utf-16 (le / be),
    /// gbk / gb2312 / gb18030 / cp936. Case is ignored.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
        case "utf8", "utf8bom", "utf8sig": self = .utf8
        case "utf16", "unicode", "ucs2": self = .utf16
        case "utf16le": self = .utf16le
        case "utf16be": self = .utf16be
        case "gbk", "gb2312", "gb18030", "cp936", "936", "ansi": self = .gb18030
        default: return nil
        }
    }

    /// Human name for messages.
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .utf16le: return "UTF-16LE"
        case .utf16be: return "UTF-16BE"
        case .gb18030: return "GBK (GB 18030)"
        }
    }
}

/// Turns file bytes into text. Without a forced encoding: a byte-order mark decides (UTF-8,
/// UTF-16 LE/BE); otherwise valid UTF-8 is UTF-8, and anything else is tried as GB 18030.
/// Binary content (NUL bytes, control characters, a ZIP or OLE signature) is refused.
enum TextDecoding {
    /// The decoded text and the encoding it was read in.
    struct Decoded {
        var text: String
        var encoding: TextEncoding
        /// Whether the encoding was guessed (no BOM, not UTF-8).
        var guessed: Bool
    }

    /// What went wrong, with the 1-based line of the first bad byte when known.
    struct Failure: Error {
        var message: String
        var line: Int = 1
        /// 1-based column (in characters) of the first bad byte when known.
        var column: Int = 1
    }

    static func decode(_ data: Data, forced: TextEncoding? = nil) -> Result<Decoded, Failure> {
        let bytes = [UInt8](data)
        if let sig = signature(bytes) { return .failure(Failure(message: sig)) }
        if let forced { return decode(bytes, as: forced, guessed: false) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return decode(bytes, as: .utf8, guessed: false) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return decode(bytes, as: .utf16, guessed: false) }
        if bytes.contains(0) {
            // UTF-16 without a BOM: ASCII characters leave NULs in every other byte.
            let sample = bytes.prefix(4096)
            let evenNUL = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let oddNUL = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let half = sample.count / 2
            if bytes.count % 2 == 0, half > 0, oddNUL * 3 > half, evenNUL == 0,
               case .success(var d) = decode(bytes, as: .utf16le, guessed: true) { d.guessed = true; return .success(d) }
            if bytes.count % 2 == 0, half > 0, evenNUL * 3 > half, oddNUL == 0,
               case .success(var d) = decode(bytes, as: .utf16be, guessed: true) { d.guessed = true; return .success(d) }
            return .failure(Failure(message: "file contains NUL bytes at line \(lineOf(bytes.firstIndex(of: 0)!, in: bytes)): it is binary, not CSV text; expected a CSV in UTF-8, UTF-16 or GBK (save from Excel as “CSV UTF-8”, or give the .xlsx itself)"))
        }
        if let s = String(validating: bytes, as: UTF8.self) {
            return checked(Decoded(text: s, encoding: .utf8, guessed: false))
        }
        if let s = gb18030(bytes) { return checked(Decoded(text: s, encoding: .gb18030, guessed: true)) }
        // Located where it stops being GBK (it is already known not to be UTF-8).
        let bad = firstInvalidGB18030(bytes) ?? firstInvalidUTF8(bytes) ?? 0
        let (line, column) = gbPosition(bad, in: bytes)
        return .failure(Failure(message: "file is neither UTF-8 nor GBK/GB 18030 text (byte 0x\(String(format: "%02X", bytes[min(bad, bytes.count - 1)])) at offset \(bad) is neither); expected a CSV in UTF-8, UTF-16 or GBK", line: line, column: column))
    }

    private static func decode(_ all: [UInt8], as encoding: TextEncoding, guessed: Bool) -> Result<Decoded, Failure> {
        var bytes = all[...]
        switch encoding {
        case .utf8:
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard let s = String(validating: bytes, as: UTF8.self) else {
                let bad = firstInvalidUTF8(Array(bytes)) ?? 0
                return .failure(Failure(message: "file is not valid UTF-8 (first bad byte at offset \(bad + all.count - bytes.count)); try --encoding gbk", line: lineOf(bad, in: Array(bytes))))
            }
            return checked(Decoded(text: s, encoding: .utf8, guessed: guessed))
        case .utf16, .utf16le, .utf16be:
            var little = encoding != .utf16be
            if bytes.starts(with: [0xFF, 0xFE]) { little = true; bytes = bytes.dropFirst(2) }
            else if bytes.starts(with: [0xFE, 0xFF]) { little = false; bytes = bytes.dropFirst(2) }
            guard bytes.count % 2 == 0 else {
                return .failure(Failure(message: "file has an odd number of bytes (\(all.count)), so it is not UTF-16 text; it may be truncated"))
            }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = bytes.startIndex
            while i < bytes.endIndex {
                let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
                units.append(little ? a | b << 8 : a << 8 | b)
                i += 2
            }
            guard let s = String(validating: units, as: UTF16.self) else {
                return .failure(Failure(message: "file is not valid \(little ? "UTF-16LE" : "UTF-16BE") text (unpaired surrogate)"))
            }
            if s.unicodeScalars.contains(where: { $0.value == 0 }) {
                return .failure(Failure(message: "file contains NUL characters when read as UTF-16; it is binary, not CSV text"))
            }
            return checked(Decoded(text: s, encoding: little ? .utf16le : .utf16be, guessed: guessed))
        case .gb18030:
            let all = Array(bytes)
            if let s = gb18030(all) { return checked(Decoded(text: s, encoding: .gb18030, guessed: guessed)) }
            guard let bad = firstInvalidGB18030(all) else {
                return .failure(Failure(message: "file is not valid GBK/GB 18030 text; try --encoding utf8"))
            }
            let (line, column) = gbPosition(bad, in: all)
            return .failure(Failure(message: "file is not valid GBK/GB 18030 text: byte 0x\(String(format: "%02X", all[bad])) at offset \(bad) starts no GBK character; try --encoding utf8", line: line, column: column))
        }
    }

    /// Refuses text with C0 control characters other than tab, CR and LF: binary read as text.
    private static func checked(_ d: Decoded) -> Result<Decoded, Failure> {
        var line = 1, column = 0
        for s in d.text.unicodeScalars {
            column += 1
            if s == "\n" { line += 1; column = 0; continue }
            if s.value < 0x20 && s != "\t" && s != "\r" || s.value == 0x7F || s.value == 0xFFFD && d.encoding == .gb18030 {
                return .failure(Failure(message: "file contains control character U+\(String(format: "%04X", s.value)) at line \(line) when read as \(d.encoding.displayName): it looks binary, not CSV text", line: line, column: column))
            }
        }
        return .success(d)
    }

    /// Offset of the first byte that does not start or continue a GB 18030 character (one
    /// byte 00–7F; two bytes 81–FE then 40–7E or 80–FE; four bytes 81–FE 30–39 81–FE 30–39);
    /// nil if all are well formed.
    static func firstInvalidGB18030(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard b != 0x80, b != 0xFF, i + 1 < n else { return i }
            let b2 = bytes[i + 1]
            if (0x40...0x7E).contains(b2) || (0x80...0xFE).contains(b2) { i += 2; continue }
            guard (0x30...0x39).contains(b2), i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) else { return i }
            i += 4
        }
        return nil
    }

    /// Line and column (GB 18030 characters from the line start) of byte `offset`.
    private static func gbPosition(_ offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        let line = lineOf(offset, in: bytes)
        var i = offset
        while i > 0 && bytes[i - 1] != 0x0A { i -= 1 }
        var column = 1
        while i < offset {
            let b = bytes[i]
            if b < 0x80 { i += 1 } else if i + 1 < offset, (0x30...0x39).contains(bytes[i + 1]) { i += 4 } else { i += 2 }
            column += 1
        }
        return (line, column)
    }

    private static func gb18030(_ bytes: [UInt8]) -> String? {
        if bytes.contains(0) { return nil }
        let gb = CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue))
        return String(data: Data(bytes), encoding: String.Encoding(rawValue: gb))
    }

    /// A message for files that are archives or OLE documents, whatever their extension.
    static func signature(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "file is a ZIP archive (an .xlsx workbook?), not CSV text; give it a .xlsx extension"
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "file is an OLE compound document: a password-protected workbook or an old .xls; remove the password and save as .xlsx or CSV UTF-8"
        }
        return nil
    }

    /// Offset of the first byte that does not start or continue a well-formed UTF-8
    /// sequence; nil if all are well formed.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return i
            }
            guard i + len <= n else { return i }
            if bytes[i + 1] < lo || bytes[i + 1] > hi { return i }
            for k in 2..<len where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += len
        }
        return nil
    }

    private static func lineOf(_ offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

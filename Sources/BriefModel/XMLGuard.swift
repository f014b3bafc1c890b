import Foundation

/// Checks an XML part of a workbook before it reaches the XML parser (libxml2 through
/// Foundation), refusing or removing what Excel never writes and the parser handles badly:
/// text that is not UTF-8, document type declarations (entity definitions, entity expansion),
/// and processing instructions after the XML declaration.
enum XMLGuard {
    /// Why a part was refused.
    struct Failure: Error {
        var message: String
    }

    /// The part with its processing instructions removed and how many there were, or why it
    /// cannot be read.
    static func check(_ data: Data, part: String) -> Result<(Data, Int), Failure> {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(Failure(message: "workbook part \(part) is UTF-16 XML, which Excel never writes; save the workbook again from Excel"))
        }
        if let bad = TextDecoding.firstInvalidUTF8(bytes) {
            return .failure(Failure(message: "workbook is corrupt: part \(part) is not valid UTF-8 (byte \(bad), line \(lineOf(bad, bytes))); save it again from Excel"))
        }
        if let at = find(Array("<!DOCTYPE".utf8), in: bytes, from: 0) ?? find(Array("<!ENTITY".utf8), in: bytes, from: 0) {
            return .failure(Failure(message: "workbook part \(part) declares a document type or entities (line \(lineOf(at, bytes))), which Excel never writes; it was not read"))
        }
        // The XML declaration (<?xml …?>) may open the part; any other <?…?> is removed.
        // (Only `<?xml` followed by a space and closed before any `<`: `<?xml-stylesheet?>` is a
        // processing instruction, and so is what follows an unclosed declaration.)
        var from = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { from = 3 }
        if bytes[from...].starts(with: Array("<?xml".utf8)), from + 5 < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[from + 5]),
           let end = find(Array("?>".utf8), in: bytes, from: from), !bytes[(from + 2)..<end].contains(0x3C) { from = end + 2 }
        guard find(Array("<?".utf8), in: bytes, from: from) != nil else { return .success((data, 0)) }
        // One pass over the bytes; a `<` kept just before a `?` (also one that meets it across
        // a removed instruction, as in `<<?a?>?`) starts an instruction, dropped to its `?>`.
        var kept = [UInt8](bytes[0..<from])
        kept.reserveCapacity(bytes.count)
        var removed = 0
        var i = from
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x3F, kept.count > from, kept[kept.count - 1] == 0x3C {
                kept.removeLast()
                i = find(Array("?>".utf8), in: bytes, from: i + 1).map { $0 + 2 } ?? bytes.count
                removed += 1
                continue
            }
            kept.append(b)
            i += 1
        }
        return .success((Data(kept), removed))
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == needle[0] {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    private static func lineOf(_ offset: Int, _ bytes: [UInt8]) -> Int {
        1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

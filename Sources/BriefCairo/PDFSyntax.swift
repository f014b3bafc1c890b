import Foundation

/// Just enough PDF syntax (ISO 32000-1, 7.2–7.5) to read the file cairo wrote: the cross-
/// reference table, the trailer and plain (unfiltered, not in object streams) objects.
enum PDFValue: Equatable {
    case null
    case int(Int)
    case name(String)
    case ref(Int)
    case array([PDFValue])
    case dict([String: PDFValue])
    /// Numbers with a fraction, booleans, strings: skipped, not needed.
    case other

    subscript(key: String) -> PDFValue? {
        if case .dict(let d) = self { return d[key] }
        return nil
    }
    var ref: Int? { if case .ref(let n) = self { return n }; return nil }
    var name: String? { if case .name(let n) = self { return n }; return nil }
    var int: Int? { if case .int(let n) = self { return n }; return nil }
}

/// Errors reading a PDF back.
struct PDFSyntaxError: Error, CustomStringConvertible {
    var description: String
}

/// Reads objects out of a whole PDF file held in memory.
struct PDFReader {
    let bytes: [UInt8]
    /// Byte offset of each object (index = object number; nil = free).
    private(set) var offsets: [Int?] = []
    /// The last trailer dictionary.
    private(set) var trailer: PDFValue = .null
    /// Offset of the last cross-reference section.
    private(set) var startXref = 0

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        startXref = try findStartXref()
        try readXref(at: startXref)
    }

    /// The object numbered `n`.
    func object(_ n: Int) throws -> PDFValue {
        var p = try objectBody(n)
        return try value(&p)
    }

    /// The raw bytes of object `n`'s dictionary, without its closing `>>`, so that entries
    /// can be appended.
    func openDictionary(_ n: Int) throws -> ArraySlice<UInt8> {
        var p = try objectBody(n)
        let start = p
        guard case .dict = try value(&p) else { throw PDFSyntaxError(description: "object \(n) is not a dictionary") }
        return bytes[start..<(p - 2)]
    }

    // MARK: Structure of the file

    private func findStartXref() throws -> Int {
        let key = Array("startxref".utf8)
        var i = bytes.count - key.count
        let stop = max(0, bytes.count - 1024)
        while i >= stop {
            if bytes[i] == key[0] && Array(bytes[i..<(i + key.count)]) == key {
                var p = i + key.count
                guard case .int(let off) = try value(&p) else { break }
                return off
            }
            i -= 1
        }
        throw PDFSyntaxError(description: "no startxref")
    }

    private mutating func readXref(at offset: Int) throws {
        var p = offset
        guard keyword(&p) == "xref" else { throw PDFSyntaxError(description: "no xref table at \(offset) (cross-reference streams are not read)") }
        while true {
            skipSpace(&p)
            if p < bytes.count, bytes[p] == UInt8(ascii: "t") { break }
            guard case .int(let first) = try value(&p), case .int(let count) = try value(&p) else {
                throw PDFSyntaxError(description: "bad xref subsection")
            }
            skipSpace(&p)
            if offsets.count < first + count { offsets += [Int?](repeating: nil, count: first + count - offsets.count) }
            for k in 0..<count {
                let e = p + 20 * k
                guard e + 18 <= bytes.count else { throw PDFSyntaxError(description: "truncated xref") }
                let off = Int(String(decoding: bytes[e..<(e + 10)], as: UTF8.self)) ?? 0
                if bytes[e + 17] == UInt8(ascii: "n") && offsets[first + k] == nil { offsets[first + k] = off }
            }
            p += 20 * count
        }
        guard keyword(&p) == "trailer" else { throw PDFSyntaxError(description: "no trailer") }
        trailer = try value(&p)
    }

    private func objectBody(_ n: Int) throws -> Int {
        guard n >= 0, n < offsets.count, var p = offsets[n] else { throw PDFSyntaxError(description: "object \(n) not found") }
        guard case .int(n) = try value(&p), case .int = try value(&p), keyword(&p) == "obj" else {
            throw PDFSyntaxError(description: "object \(n) is not where the xref says")
        }
        skipSpace(&p)
        return p
    }

    // MARK: Tokens

    private static func isDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): return true
        default: return false
        }
    }
    private static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 10 || c == 13 || c == 9 || c == 12 || c == 0 }

    private func skipSpace(_ p: inout Int) {
        while p < bytes.count {
            if Self.isSpace(bytes[p]) { p += 1 } else if bytes[p] == UInt8(ascii: "%") {
                while p < bytes.count && bytes[p] != 10 && bytes[p] != 13 { p += 1 }
            } else { return }
        }
    }

    private func keyword(_ p: inout Int) -> String {
        skipSpace(&p)
        let s = p
        while p < bytes.count && !Self.isSpace(bytes[p]) && !Self.isDelimiter(bytes[p]) { p += 1 }
        return String(decoding: bytes[s..<p], as: UTF8.self)
    }

    /// Parses one value at `p` (an `n g R` reference counts as one value).
    func value(_ p: inout Int) throws -> PDFValue {
        skipSpace(&p)
        guard p < bytes.count else { throw PDFSyntaxError(description: "unexpected end of file") }
        let c = bytes[p]
        switch c {
        case UInt8(ascii: "/"):
            p += 1
            let s = p
            while p < bytes.count && !Self.isSpace(bytes[p]) && !Self.isDelimiter(bytes[p]) { p += 1 }
            return .name(String(decoding: bytes[s..<p], as: UTF8.self))
        case UInt8(ascii: "["):
            p += 1
            var items: [PDFValue] = []
            while true {
                skipSpace(&p)
                guard p < bytes.count else { throw PDFSyntaxError(description: "unterminated array") }
                if bytes[p] == UInt8(ascii: "]") { p += 1; return .array(items) }
                items.append(try value(&p))
            }
        case UInt8(ascii: "<") where p + 1 < bytes.count && bytes[p + 1] == UInt8(ascii: "<"):
            p += 2
            var d: [String: PDFValue] = [:]
            while true {
                skipSpace(&p)
                guard p + 1 < bytes.count else { throw PDFSyntaxError(description: "unterminated dictionary") }
                if bytes[p] == UInt8(ascii: ">") && bytes[p + 1] == UInt8(ascii: ">") { p += 2; return .dict(d) }
                guard case .name(let key) = try value(&p) else { throw PDFSyntaxError(description: "dictionary key is not a name") }
                d[key] = try value(&p)
            }
        case UInt8(ascii: "<"):
            while p < bytes.count && bytes[p] != UInt8(ascii: ">") { p += 1 }
            p += 1
            return .other
        case UInt8(ascii: "("):
            var depth = 0
            while p < bytes.count {
                let b = bytes[p]
                if b == UInt8(ascii: "\\") { p += 2; continue }
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") { depth -= 1; if depth == 0 { p += 1; return .other } }
                p += 1
            }
            throw PDFSyntaxError(description: "unterminated string")
        default:
            let word = keyword(&p)
            if word.isEmpty { throw PDFSyntaxError(description: "unexpected byte \(c) at \(p)") }
            if word == "null" { return .null }
            guard let n = Int(word) else { return .other }
            // `n g R`?
            var q = p
            if case .int = (try? peekInt(&q)) ?? .null, keyword(&q) == "R" {
                p = q
                return .ref(n)
            }
            return .int(n)
        }
    }

    private func peekInt(_ p: inout Int) throws -> PDFValue {
        let w = keyword(&p)
        if let n = Int(w) { return .int(n) }
        return .null
    }
}

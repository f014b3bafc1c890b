import Foundation

/// A strict JSON parser (RFC 8259) that keeps what a register reader needs and Foundation's
/// `JSONSerialization` loses: the byte offset of every value and key, keys in file order with
/// duplicates kept, and numbers as written. Nesting is limited to `maxDepth` levels and strings
/// to `maxStringBytes`, so no input can exhaust the stack or memory; errors carry the offset of
/// the offending byte.
struct JSONScanner {
    /// A parsed value and the offset of its first byte.
    struct Node {
        var value: Value
        var offset: Int
    }

    /// One member of an object: its key, where the key starts, and its value.
    struct Member {
        var key: String
        var keyOffset: Int
        var node: Node
    }

    /// The value kinds; numbers stay as written.
    indirect enum Value {
        case object([Member])
        case array([Node])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    /// A syntax error at a byte offset.
    struct SyntaxError: Error {
        var offset: Int
        var message: String
    }

    /// Arrays and objects nest at most this deep (a register needs 3).
    static let maxDepth = 64
    /// One string holds at most this many bytes of UTF-8.
    static let maxStringBytes = 1 << 20

    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses a whole document (a UTF-8 byte-order mark is skipped).
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Node {
        var s = JSONScanner(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { s.i = 3 }
        let node = try s.value()
        s.skipSpace()
        if s.i < bytes.count { throw SyntaxError(offset: s.i, message: "unexpected text after the end of the JSON value") }
        return node
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private func fail(_ message: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(offset: offset ?? i, message: message)
    }

    private mutating func value() throws(SyntaxError) -> Node {
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end of file; expected a value") }
        let start = i
        switch bytes[i] {
        case UInt8(ascii: "{"): return Node(value: try object(), offset: start)
        case UInt8(ascii: "["): return Node(value: try array(), offset: start)
        case UInt8(ascii: "\""): return Node(value: .string(try string()), offset: start)
        case UInt8(ascii: "t"): try literal("true"); return Node(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try literal("false"); return Node(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try literal("null"); return Node(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return Node(value: .number(try number()), offset: start)
        default: throw fail("unexpected character \(describe(bytes[i])); expected a value")
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw fail("arrays and objects nest more than \(Self.maxDepth) levels deep, the limit") }
    }

    private mutating func object() throws(SyntaxError) -> Value {
        try enter()
        i += 1
        var members: [Member] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw fail(i < bytes.count ? "unexpected character \(describe(bytes[i])); expected a key in double quotes" : "unexpected end of file inside an object")
            }
            let keyOffset = i
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected “:” after the key “\(key)”") }
            i += 1
            members.append(Member(key: key, keyOffset: keyOffset, node: try value()))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of file inside an object; expected “,” or “}”") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
            throw fail("unexpected character \(describe(bytes[i])); expected “,” or “}”")
        }
    }

    private mutating func array() throws(SyntaxError) -> Value {
        try enter()
        i += 1
        var items: [Node] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(items) }
        while true {
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of file inside an array; expected “,” or “]”") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(items) }
            throw fail("unexpected character \(describe(bytes[i])); expected “,” or “]”")
        }
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw fail("unexpected character \(describe(bytes[i])); expected a value")
        }
        i += w.count
    }

    private mutating func number() throws(SyntaxError) -> String {
        let start = i
        func digits() -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw fail("a number needs digits after “-”") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { _ = digits() }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw fail("a number needs digits after “.”") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("a number needs digits in its exponent") }
        }
        if i - start > 64 { throw fail("number is longer than 64 characters", at: start) }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("unexpected end of file in a \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("\\u escape needs four hexadecimal digits")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private mutating func string() throws(SyntaxError) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw fail("string is never closed; expected a closing \" before the end of the file", at: open) }
            if out.count > Self.maxStringBytes { throw fail("string is longer than \(Self.maxStringBytes >> 20) MB, the limit", at: open) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw fail("control character \(describe(b)) inside a string; write it as an escape (\\n, \\t, \\u0000)") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw fail("unexpected end of file in an escape") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw fail("\\u escape is an unpaired surrogate", at: i - 6)
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("\\u escape is an unpaired surrogate", at: i - 12) }
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("\\u escape is an unpaired surrogate", at: i - 6)
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw fail("unknown escape \\\(String(decoding: [e], as: UTF8.self)) in a string", at: i - 2)
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw fail("string is not valid UTF-8", at: open)
        }
        return s
    }

    private func describe(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? "“\(String(UnicodeScalar(b)))”" : String(format: "0x%02X", b)
    }
}

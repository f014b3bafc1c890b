import Foundation

/// A small streaming XML writer: elements, attributes in the order given, escaped text.
///
/// Enough for WordprocessingML parts; the output is UTF-8 with an XML declaration and no
/// indentation (Word and LibreOffice keep whitespace inside `w:t` significant).
struct XMLWriter {
    /// The text written so far.
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    private var stack: [String] = []

    /// Opens `name` with `attributes`; close it with `close()`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        start(name, attributes)
        text += ">"
        stack.append(name)
    }

    /// Writes `<name …/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        start(name, attributes)
        text += "/>"
    }

    /// Writes `<name …>text</name>`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        start(name, attributes)
        text += ">"
        text += Self.escape(content, attribute: false)
        text += "</\(name)>"
    }

    /// Closes the innermost open element.
    mutating func close() {
        let name = stack.removeLast()
        text += "</\(name)>"
    }

    /// Runs `body` between `open(name)` and `close()`.
    mutating func within(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout XMLWriter) -> Void) {
        open(name, attributes)
        body(&self)
        close()
    }

    /// The finished document as UTF-8; every element must be closed.
    var data: [UInt8] {
        precondition(stack.isEmpty, "unclosed XML elements: \(stack)")
        return Array(text.utf8)
    }

    /// The finished document as UTF-8, leaving the writer empty: one copy of a large part
    /// (a recipient list of 100 000 rows) in memory instead of two.
    mutating func takeData() -> Data {
        precondition(stack.isEmpty, "unclosed XML elements: \(stack)")
        let out = Data(text.utf8)
        text = ""
        return out
    }

    private mutating func start(_ name: String, _ attributes: [(String, String)]) {
        text += "<" + name
        for (key, value) in attributes {
            text += " \(key)=\"\(Self.escape(value, attribute: true))\""
        }
    }

    /// `&`, `<`, `>` (and in attributes `"`) as entities; characters XML 1.0 forbids
    /// (C0 controls other than tab, newline and return, lone surrogates cannot occur in
    /// a Swift `String`) are dropped.
    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{FFFE}", "\u{FFFF}": continue
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

import Foundation
/// Aligned plain-text tables that respect the double width of Chinese characters.
enum TerminalTable {
    /// Columns of a terminal: 2 for East Asian wide and full-width characters, else 1.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            switch u.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: return w + 2
            case 0x0300...0x036F, 0x200B...0x200F: return w
            default: return w + 1
            }
        }
    }

    /// Renders rows (the first is the header) with a rule under the header.
    static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let n = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: n)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], displayWidth(c)) } }
        var out = ""
        for (k, r) in rows.enumerated() {
            var cells: [String] = []
            for i in 0..<n {
                let c = i < r.count ? r[i] : ""
                let pad = String(repeating: " ", count: widths[i] - displayWidth(c))
                cells.append(rightAligned.contains(i) ? pad + c : c + pad)
            }
            out += cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
            if k == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}

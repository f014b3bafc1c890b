/// The result of checking a unified social credit code.
package enum CreditCodeCheck: Sendable, Equatable {
    /// Well formed, and the check character agrees.
    case valid
    /// Not 18 characters long; carries the length found.
    case badLength(Int)
    /// A character outside 0-9ABCDEFGHJKLMNPQRTUWXY at a 1-based position.
    case badCharacter(Character, position: Int)
    /// The 18th character is not the one the first 17 call for.
    case checkDigitMismatch(expected: Character, found: Character)
}

/// The 18-character unified social credit code of GB 32100-2015 (统一社会信用代码).
package enum CreditCode {
    /// The 31 characters a code may use, in value order (no I, O, S, V, Z).
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// Weights 3^(i−1) mod 31 for positions 1…17.
    static let weights: [Int] = {
        var w: [Int] = []
        var p = 1
        for _ in 0..<17 {
            w.append(p)
            p = p * 3 % 31
        }
        return w
    }()

    /// Checks length, characters and the check character (31 − (Σ value·weight mod 31), where
    /// 31 becomes 0). Letters are compared upper-case; full-width forms are read as ASCII.
    public static func check(_ code: String) -> CreditCodeCheck {
        let chars = Array(TextNormalizer.code(code).uppercased())
        guard chars.count == 18 else { return .badLength(chars.count) }
        var values: [Int] = []
        for (i, ch) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: ch) else { return .badCharacter(ch, position: i + 1) }
            values.append(v)
        }
        let expected = checkCharacter(values: Array(values.prefix(17)))
        return expected == chars[17] ? .valid : .checkDigitMismatch(expected: expected, found: chars[17])
    }

    /// The check character for the first 17 characters of a code, or nil if they are not 17
    /// characters of the alphabet.
    public static func checkCharacter(for prefix: String) -> Character? {
        let chars = Array(TextNormalizer.code(prefix).uppercased())
        guard chars.count == 17 else { return nil }
        let values = chars.compactMap { alphabet.firstIndex(of: $0) }
        return values.count == 17 ? checkCharacter(values: values) : nil
    }

    private static func checkCharacter(values: [Int]) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let c = 31 - sum % 31
        return alphabet[c == 31 ? 0 : c]
    }
}

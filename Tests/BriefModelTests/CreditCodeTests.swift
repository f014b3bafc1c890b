import BriefModel
import Testing

@Suite struct CreditCodeTests {
    /// Hand derivation for the prefix 91320000100000000:
    /// weights 3^(i−1) mod 31 = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28;
    /// non-zero values: 9·1 + 1·3 + 3·9 + 2·27 + 1·20 (position 9) = 9 + 3 + 27 + 54 + 20 = 113;
    /// 113 mod 31 = 20; 31 − 20 = 11, and value 11 is “B” (0–9, then A = 10, B = 11).
    @Test func handComputedCode() {
        #expect(CreditCode.check("91320000100000000B") == .valid)
        #expect(CreditCode.checkCharacter(for: "91320000100000000") == "B")
        #expect(CreditCode.check("91320000100000000C") == .checkDigitMismatch(expected: "B", found: "C"))
    }

    @Test func publicExamples() {
        // Codes printed on public business licences and in GB 32100 explanations.
        for code in ["91350100M000100Y43", "914403001922038216", "91330100799655058B", "9144030071526726XG"] {
            #expect(CreditCode.check(code) == .valid, "\(code)")
        }
        #expect(CreditCode.check("９１３５０１００Ｍ０００１００Ｙ４３") == .valid)
        #expect(CreditCode.check("9144030071526726xg") == .valid)
    }

    @Test func checkDigitThirtyOneBecomesZero() {
        // Find a prefix whose sum is ≡ 0 mod 31 by adjusting the last position: the check is 0.
        let base = Array("9132000010000000")
        for ch in CreditCode.alphabet {
            let prefix = String(base) + String(ch)
            if CreditCode.checkCharacter(for: prefix) == "0" {
                #expect(CreditCode.check(prefix + "0") == .valid)
                return
            }
        }
        Issue.record("no prefix with check character 0 found")
    }

    @Test func malformedCodes() {
        #expect(CreditCode.check("9132") == .badLength(4))
        #expect(CreditCode.check("") == .badLength(0))
        #expect(CreditCode.check("91320000I00000000B") == .badCharacter("I", position: 9))
        #expect(CreditCode.check("91320000100000000O") == .badCharacter("O", position: 18))
    }
}

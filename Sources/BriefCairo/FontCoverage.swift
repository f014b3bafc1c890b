import BriefDocument
import Foundation
internal import CPangoCairo

extension FontLibrary {
    /// The characters of `text` that no font can draw for `role`: neither the role's
    /// family, nor its fallbacks, nor any font fontconfig would fall back to (the same sorted
    /// font set Pango's per-character fallback draws from). Each character is listed once, in
    /// order of first appearance; whitespace and control characters are ignored.
    public func uncoveredCharacters(in text: String, role: FontRole) -> [Character] {
        var seen = Set<Character>()
        var out: [Character] = []
        lock.lock(); defer { lock.unlock() }
        guard let charset = coverageLocked(role) else { return [] }
        for c in text where !seen.contains(c) {
            seen.insert(c)
            if c.isWhitespace { continue }
            for scalar in c.unicodeScalars {
                let v = scalar.value
                // Control characters, variation selectors and joiners draw nothing.
                if v < 0x20 || (0x7F...0x9F).contains(v) || (0xFE00...0xFE0F).contains(v)
                    || (0xE0100...0xE01EF).contains(v) || v == 0x200D || v == 0x200C { continue }
                if FcCharSetHasChar(charset, v) == 0 { out.append(c); break }
            }
        }
        return out
    }

    /// Union of the coverage of every font fontconfig sorts for `role`. Call under lock.
    private func coverageLocked(_ role: FontRole) -> OpaquePointer? {
        if let cached = coverage[role] { return cached.pointer }
        let choice = roles[role]!
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        for family in [choice.family] + choice.fallbacks { Self.addString(pattern, FC_FAMILY, family) }
        Self.addString(pattern, FC_LANG, "zh-cn")
        FcConfigSubstitute(config.pointer, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        var charset: OpaquePointer?
        guard let set = FcFontSort(config.pointer, pattern, 1, &charset, &result) else { return nil }
        FcFontSetDestroy(set)
        guard let charset else { return nil }
        coverage[role] = CharSetOwner(charset)
        return charset
    }
}

/// Owns an `FcCharSet`.
final class CharSetOwner: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ p: OpaquePointer) { pointer = p }
    deinit { FontLibrary.locked { FcCharSetDestroy(pointer) } }
}

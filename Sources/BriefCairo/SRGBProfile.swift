import Foundation

/// An sRGB ICC profile (version 2.1, display class, RGB → XYZ) computed here from the
/// IEC 61966-2-1 definition, for PDF/A output intents: the D65 white point, the primaries
/// adapted to D50 with the Bradford transform (the values every sRGB profile carries) and the
/// sRGB tone curve as a 1024-entry table. Written by QualityBrief; no licence attached.
enum SRGBProfile {
    /// The output condition name used with it.
    static let name = "sRGB IEC61966-2.1"

    /// The profile's bytes (the same every time).
    static let bytes: [UInt8] = build()

    private static func build() -> [UInt8] {
        func u32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func u16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
        func s15(_ d: Double) -> [UInt8] { u32(UInt32(bitPattern: Int32((d * 65536).rounded()))) }
        func sig(_ s: String) -> [UInt8] { Array(s.utf8) }
        func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] { sig("XYZ ") + u32(0) + s15(x) + s15(y) + s15(z) }
        func desc(_ s: String) -> [UInt8] {
            sig("desc") + u32(0) + u32(UInt32(s.utf8.count + 1)) + Array(s.utf8) + [0]
                + u32(0) + u32(0) + u16(0) + [0] + [UInt8](repeating: 0, count: 67)
        }
        var curve = sig("curv") + u32(0) + u32(1024)
        for i in 0..<1024 {
            let v = Double(i) / 1023
            let linear = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            curve += u16(UInt16((linear * 65535).rounded()))
        }
        let tags: [(String, [UInt8])] = [
            ("desc", desc(name)),
            ("cprt", sig("text") + u32(0) + Array("No copyright, use freely".utf8) + [0]),
            ("wtpt", xyz(0.9505, 1.0, 1.0891)),
            ("rXYZ", xyz(0.4361, 0.2225, 0.0139)),
            ("gXYZ", xyz(0.3851, 0.7169, 0.0971)),
            ("bXYZ", xyz(0.1431, 0.0606, 0.7141)),
            ("rTRC", curve), ("gTRC", curve), ("bTRC", curve),
        ]
        // Tag table; the three curves share one copy of the data.
        var table: [UInt8] = u32(UInt32(tags.count))
        var data: [UInt8] = []
        let dataStart = 128 + 4 + 12 * tags.count
        var curveOffset: Int? = nil
        for (name, body) in tags {
            var offset = dataStart + data.count
            if name.hasSuffix("TRC"), let shared = curveOffset {
                offset = shared
            } else {
                if name.hasSuffix("TRC") { curveOffset = offset }
                data += body
                while data.count % 4 != 0 { data.append(0) }
            }
            table += sig(name) + u32(UInt32(offset)) + u32(UInt32(body.count))
        }
        let size = 128 + table.count + data.count
        var header = u32(UInt32(size)) + u32(0) + u32(0x0210_0000) + sig("mntr") + sig("RGB ") + sig("XYZ ")
        header += u16(2024) + u16(1) + u16(1) + u16(0) + u16(0) + u16(0)
        header += sig("acsp") + u32(0) + u32(0) + u32(0) + u32(0) + u32(0) + u32(0) + u32(0)
        header += s15(0.9642) + s15(1.0) + s15(0.8249) + u32(0)
        header += [UInt8](repeating: 0, count: 128 - header.count)
        return header + table + data
    }
}

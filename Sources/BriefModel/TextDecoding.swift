import CoreFoundation
import Foundation

/// Turns file bytes into text: UTF-8 (a BOM is dropped), or GB 18030 (a superset of GBK and
/// GB 2312) when the bytes are not valid UTF-8.
enum TextDecoding {
    /// The encoding the text was decoded from.
    enum Source: Equatable {
        case utf8
        case gb18030
    }

    /// Decodes `data`; nil if it is neither UTF-8 nor GB 18030.
    static func decode(_ data: Data) -> (text: String, source: Source)? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let s = String(validating: bytes, as: UTF8.self) { return (s, .utf8) }
        let gb = CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue))
        if let s = String(data: Data(bytes), encoding: String.Encoding(rawValue: gb)) { return (s, .gb18030) }
        return nil
    }
}

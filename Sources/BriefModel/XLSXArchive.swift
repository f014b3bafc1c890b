import Foundation
import ZIPFoundation

/// The ZIP container of an .xlsx workbook, read defensively: the central directory is parsed
/// here and every offset and length checked against the file before a byte is used, and parts
/// are inflated through ZIPFoundation's streaming decoder with the output counted, so a header
/// that lies about sizes cannot make the reader trap, hang or grow without bound.
struct XLSXArchive {
    /// One member of the archive, as the central directory describes it (offsets checked).
    struct Entry {
        var name: String
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var declaredSize: Int
        /// Offset of the entry's data (after its local header).
        var dataStart: Int
    }

    /// Why the archive or one of its parts cannot be read (a sentence for a diagnostic).
    struct Failure: Error {
        var message: String
    }

    /// Inflated parts larger than this are refused, whatever the header claims (a ZIP bomb guard).
    static let maxPartSize = 512 << 20
    /// Parts may inflate to at most this many times their compressed size once they pass
    /// `ratioFloor` bytes (real worksheets compress about 10:1).
    static let maxCompressionRatio = 100
    /// Below this many inflated bytes the ratio is not checked.
    static let ratioFloor = 16 << 20
    /// Archives with more members than this are refused (a workbook has a few dozen).
    static let maxEntries = 10_000

    let data: Data
    private(set) var entries: [String: Entry] = [:]

    /// Parses and checks the central directory; throws a `Failure` naming what is wrong.
    init(_ data: Data) throws {
        self.data = data
        let bytes = [UInt8](data)
        let n = bytes.count
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        func corrupt(_ what: String) -> Failure {
            Failure(message: "workbook is truncated or corrupt: \(what); save it again from Excel")
        }
        // End of central directory: the last signature within the final 64 KiB + 22 bytes.
        guard n >= 22 else { throw corrupt("the file is too short to hold a ZIP directory") }
        var eocd = -1
        var i = n - 22
        while i >= max(0, n - 22 - 0xFFFF) {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw corrupt("its ZIP directory cannot be read (no end-of-directory record: the file may be cut short)") }
        let count = u16(eocd + 10), cdSize = u32(eocd + 12), cdOffset = u32(eocd + 16)
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            throw Failure(message: "workbook is a ZIP64 archive, which is not read; save it again from Excel")
        }
        guard count <= Self.maxEntries else { throw Failure(message: "workbook has \(count) ZIP members, above the \(Self.maxEntries) limit") }
        guard cdOffset <= eocd, cdSize <= eocd - cdOffset else {
            throw corrupt("its ZIP directory points outside the file (offset \(cdOffset), size \(cdSize))")
        }
        var p = cdOffset
        let cdEnd = cdOffset + cdSize
        for k in 0..<count {
            guard p + 46 <= cdEnd, u32(p) == 0x0201_4B50 else { throw corrupt("ZIP directory entry \(k + 1) is malformed") }
            let flags = u16(p + 8), method = u16(p + 10), crc = UInt32(u32(p + 16))
            let csize = u32(p + 20), usize = u32(p + 24)
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            let local = u32(p + 42)
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= cdEnd else { throw corrupt("ZIP directory entry \(k + 1) runs past the directory") }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            p = next
            if csize == 0xFFFF_FFFF || usize == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw Failure(message: "workbook member \(name) uses ZIP64 sizes, which are not read; save it again from Excel")
            }
            if flags & 1 != 0 { throw Failure(message: "workbook member \(name) is encrypted; remove the password in Excel and save as .xlsx") }
            guard local <= n - 30, u32(local) == 0x0403_4B50 else {
                throw corrupt("member \(name) has no local header where the directory says (offset \(local))")
            }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart <= n, csize <= n - dataStart else {
                throw corrupt("member \(name) claims \(csize) compressed bytes at offset \(dataStart), past the end of the file")
            }
            if entries[name] == nil {
                entries[name] = Entry(name: name, method: UInt16(method), crc: crc, compressedSize: csize,
                                      declaredSize: usize, dataStart: dataStart)
            }
        }
    }

    /// The inflated bytes of a member, nil when there is no such member. The output is counted
    /// as it is produced and refused past `maxPartSize` or `maxCompressionRatio`; a deflate
    /// stream that does not end within its compressed bytes, or a CRC mismatch, is corruption.
    func part(_ name: String) throws -> Data? {
        guard let e = entries[name] else { return nil }
        let limit = min(Self.maxPartSize, max(Self.ratioFloor, e.compressedSize * Self.maxCompressionRatio))
        func tooLarge() -> Failure {
            let ratio = limit == Self.maxPartSize
                ? "the \(Self.maxPartSize >> 20) MB limit for one part"
                : "\(Self.maxCompressionRatio) times its compressed size (\(e.compressedSize) bytes), the limit for one part"
            return Failure(message: "workbook part \(name) inflates to more than \(ratio); it was not read (a ZIP bomb, or not a real workbook)")
        }
        let start = e.dataStart
        switch e.method {
        case 0:
            guard e.compressedSize <= limit else { throw tooLarge() }
            let out = data.subdata(in: (data.startIndex + start)..<(data.startIndex + start + e.compressedSize))
            guard out.crc32(checksum: 0) == e.crc else {
                throw Failure(message: "workbook is corrupt: part \(name) fails its CRC check; save it again from Excel")
            }
            return out
        case 8:
            var out = Data()
            let chunk = 64 << 10
            let end = start + e.compressedSize
            struct StreamNeverEnds: Error {}
            struct Oversize: Error {}
            do {
                let crc = try Data.decompress(size: Int64(e.compressedSize), bufferSize: chunk, skipCRC32: false, provider: { position, size in
                    let from = start + Int(position)
                    // Called again after every compressed byte was given: the stream has no end.
                    guard from < end else { throw StreamNeverEnds() }
                    // The decoder always reads `size` bytes, so the last chunk is padded with zeros.
                    var piece = data.subdata(in: (data.startIndex + from)..<(data.startIndex + min(end, from + size)))
                    if piece.count < size { piece.append(Data(count: size - piece.count)) }
                    return piece
                }, consumer: { piece in
                    guard out.count + piece.count <= limit else { throw Oversize() }
                    out.append(piece)
                })
                guard crc == e.crc else {
                    throw Failure(message: "workbook is corrupt: part \(name) fails its CRC check; save it again from Excel")
                }
            } catch is Oversize {
                throw tooLarge()
            } catch is StreamNeverEnds {
                throw Failure(message: "workbook is truncated or corrupt: the compressed data of part \(name) never ends; save it again from Excel")
            } catch let f as Failure {
                throw f
            } catch {
                throw Failure(message: "workbook is truncated or corrupt: part \(name) cannot be inflated (\(error)); save it again from Excel")
            }
            return out
        default:
            throw Failure(message: "workbook part \(name) uses ZIP compression method \(e.method), which is not read; save it again from Excel")
        }
    }
}

import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import Testing
import TestSupport

/// The project's `Fonts/` folder.
let fontsDirectory: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Fonts")
}()

/// One library shared by all tests (as an application would share it).
let sharedLibrary: FontLibrary = try! FontLibrary(fontsDirectory: fontsDirectory)
let measurer = PangoTextMeasurer(library: sharedLibrary)

/// Errors of the test helpers.
struct ToolError: Error, CustomStringConvertible {
    var description: String
}

/// Output of an external tool.
struct ToolOutput {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs an installed tool (found on PATH). A missing tool fails the test — it is never skipped.
@discardableResult
func runTool(_ name: String, _ arguments: [String], allowFailure: Bool = false) throws -> ToolOutput {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { "\($0)/\(name)" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path else {
        Issue.record("required tool `\(name)` is not installed (apt-get install poppler-utils qpdf python3)")
        throw ToolError(description: "missing tool \(name)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting so that large outputs cannot fill the pipe and block.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let result = ToolOutput(status: process.terminationStatus,
                            stdout: String(decoding: outData, as: UTF8.self),
                            stderr: String(decoding: errData, as: UTF8.self))
    if !allowFailure && result.status != 0 {
        Issue.record("`\(name) \(arguments.joined(separator: " "))` exited \(result.status): \(result.stderr)")
        throw ToolError(description: "\(name) failed")
    }
    return result
}

/// A fresh temporary directory, removed by the caller with `cleanup`.
func makeTemporaryDirectory() throws -> URL {
    let url = scratchDirectory
        .appendingPathComponent("BriefCairoTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func cleanup(_ url: URL) { try? FileManager.default.removeItem(at: url) }

func directoryListing(_ url: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
}

/// Width and height of a PNG, from its IHDR chunk.
func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
    let data = try Data(contentsOf: url)
    guard data.count > 24, data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
        throw ToolError(description: "\(url.lastPathComponent) is not a PNG")
    }
    func be32(_ o: Int) -> Int { data[o..<o + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (be32(16), be32(20))
}

/// RGBA of pixels of a PNG, decoded by Python's zlib (stdlib only), for 8-bit RGB(A) images.
func pngPixels(_ url: URL, _ points: [(Int, Int)]) throws -> [[Int]] {
    let script = """
    import sys, zlib, struct, json
    d = open(sys.argv[1], 'rb').read()
    pos, idat, w, h, ct = 8, b'', 0, 0, 0
    while pos < len(d):
        n, t = struct.unpack('>I4s', d[pos:pos+8]); body = d[pos+8:pos+8+n]; pos += 12 + n
        if t == b'IHDR': w, h, bd, ct = struct.unpack('>IIBB', body[:10])
        elif t == b'IDAT': idat += body
    bpp = {6: 4, 2: 3}[ct]; raw = zlib.decompress(idat); stride = w * bpp
    rows, prev, i = [], bytearray(stride), 0
    for y in range(h):
        f = raw[i]; line = bytearray(raw[i+1:i+1+stride]); i += 1 + stride
        for x in range(stride):
            a = line[x-bpp] if x >= bpp else 0; b = prev[x]; c = prev[x-bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p-a), abs(p-b), abs(p-c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line); prev = line
    out = []
    for arg in sys.argv[2:]:
        x, y = map(int, arg.split(','))
        px = list(rows[y][x*bpp:(x+1)*bpp])
        out.append(px)
    print(json.dumps(out))
    """
    let out = try runTool("python3", ["-c", script, url.path] + points.map { "\($0.0),\($0.1)" })
    return try JSONDecoder().decode([[Int]].self, from: Data(out.stdout.utf8))
}

// MARK: - Sample pages

let a4 = Size(width: 595.276, height: 841.89)
let red = RGBColor.officialRed
/// The filled red rectangle of page 1 (checked in PNG output).
let redRect = Rect(x: 80, y: 700, width: 120, height: 60)
/// The justified line of page 1: origin and target width.
let justifiedOrigin = Point(x: mm(28), y: 600)
let justifiedWidth = mm(156)
let justifiedText = "质量强省建设取得新成效，获奖组织数量稳步增长。"

func text(_ s: String, _ role: FontRole, _ size: Double, x: Double, y: Double, bold: Bool = false,
          color: RGBColor = .black, justify: Double? = nil, rotation: Double = 0) -> PageItem {
    let font = FontSpec(role: role, size: size, bold: bold)
    return .text(TextItem(text: s, font: font, color: color, origin: Point(x: x, y: y),
                          width: measurer.width(s, font: font), justifyWidth: justify, rotation: rotation))
}

let sampleMetadata = DocumentMetadata(title: "质量工作简报（测试）", author: "江苏省市场监督管理局",
                                      subject: "渲染测试", keywords: "质量奖,简报", date: "2024-12-20")

/// Two hand-built pages: text in every role, a rule, a rect, a pie, a justified line.
func samplePages() -> [LaidOutPage] {
    let left = mm(28)
    var p1: [PageItem] = [
        text("质量工作简报", .xiaobiaosong, 36, x: 180, y: 150, color: red),
        text("第7期", .fangsong, 16, x: 275, y: 190),
        text("江苏省市场监督管理局", .fangsong, 16, x: left, y: 230),
        text("2024年12月20日", .fangsong, 16, x: 400, y: 230),
        .line(LineItem(from: Point(x: left, y: 240), to: Point(x: left + mm(156), y: 240), width: 2, color: red)),
        text("关于全省质量奖获奖情况的报告", .xiaobiaosong, 22, x: left, y: 300),
        text("一、总体情况", .heiti, 16, x: left, y: 340),
        text("（一）获奖数量", .kaiti, 16, x: left, y: 370),
        text("仿宋正文：全省累计获奖组织一百二十家。", .fangsong, 16, x: left, y: 400),
        text("宋体表格：苏州市 南京市 无锡市", .songti, 14, x: left, y: 430),
        text("加粗黑体 Bold 2024", .heiti, 16, x: left, y: 460, bold: true),
        text(justifiedText, .fangsong, 16, x: justifiedOrigin.x, y: justifiedOrigin.y, justify: justifiedWidth),
        .rect(RectItem(rect: redRect, fill: red)),
        .rect(RectItem(rect: Rect(x: 260, y: 700, width: 100, height: 60), stroke: .black, strokeWidth: 1)),
        .path(PathItem(elements: [.move(Point(x: 460, y: 730)),
                                  .arc(center: Point(x: 460, y: 730), radius: 40, start: -Double.pi / 2, end: 0.6),
                                  .close], fill: RGBColor(red: 0.2, green: 0.4, blue: 0.8), stroke: .white)),
        .path(PathItem(elements: [.move(Point(x: 460, y: 730)),
                                  .arcNegative(center: Point(x: 460, y: 730), radius: 40, start: -Double.pi / 2, end: 0.6),
                                  .close], fill: RGBColor(red: 0.9, green: 0.6, blue: 0.1), stroke: .white)),
        text("— 1 —", .songti, 14, x: 480, y: 800),
    ]
    p1.append(.line(LineItem(from: Point(x: left, y: 780), to: Point(x: 300, y: 780), width: 0.5, dash: [3, 2])))
    let p2: [PageItem] = [
        text("二、地区分布", .heiti, 16, x: left, y: 120),
        text("苏州市获奖最多，南京市次之。", .fangsong, 16, x: left, y: 150),
        text("旋转标签", .songti, 10.5, x: 300, y: 400, rotation: 45),
        .line(LineItem(from: Point(x: 100, y: 500), to: Point(x: 500, y: 500), width: 1, color: .grey, dash: [4, 2])),
        text("— 2 —", .songti, 14, x: left + 14, y: 800),
    ]
    return [
        LaidOutPage(index: 0, size: a4, items: p1, label: "1",
                    outline: [OutlineEntry(title: "关于全省质量奖获奖情况的报告", level: 1, y: 280),
                              OutlineEntry(title: "一、总体情况", level: 2, y: 325)]),
        LaidOutPage(index: 1, size: a4, items: p2, label: "2",
                    outline: [OutlineEntry(title: "二、地区分布", level: 2, y: 105)]),
    ]
}

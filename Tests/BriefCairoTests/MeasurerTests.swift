import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import Testing

struct MeasurerTests {
    @Test(arguments: FontRole.allCases)
    func ideographIsOneEm(role: FontRole) {
        for bold in [false, true] {
            let font = FontSpec(role: role, size: 16, bold: bold)
            let a = measurer.advances("质", font: font)
            #expect(a.count == 1)
            #expect(abs(a[0] - 16) < 0.01, "\(role) bold=\(bold): 质 advance \(a[0])")
            let latin = measurer.advances("A", font: font)
            #expect(latin[0] > 4 && latin[0] < 14, "\(role): A advance \(latin[0])")
        }
    }

    @Test func advancesCountCharacters() {
        let samples = ["质量A\u{301}e\u{301}👍🏽👨‍👩‍👧 12.5%", "〔2024〕7号", "ISO 9001:2015", "“江苏精品”——……",
                       "🇨🇳中国", "a\u{20DD}", "𠀀𪚥鿰"]
        for role in FontRole.allCases {
            let font = FontSpec(role: role, size: 12)
            for s in samples {
                let a = measurer.advances(s, font: font)
                #expect(a.count == s.count, "\(role) \(s): \(a.count) advances for \(s.count) characters")
                #expect(a.allSatisfy { $0 >= 0 })
                #expect(a.reduce(0, +) > 0)
            }
        }
        #expect(measurer.advances("", font: FontSpec(role: .fangsong, size: 16)).isEmpty)
    }

    @Test func kerningAndCachePathsAgree() {
        // The CJK per-character cache and whole-string shaping give the same ideograph widths.
        let font = FontSpec(role: .fangsong, size: 16)
        let pure = measurer.advances("质量奖", font: font)
        let mixed = measurer.advances("质量奖AV", font: font)
        #expect(Array(mixed.prefix(3)) == pure)
        #expect(abs(measurer.width(String(repeating: "质", count: 28), font: font) - 448) < 0.01)
    }

    @Test func rareCharactersFallBack() {
        // 堃 and 喆 (names of people and firms) are outside GB 2312 and missing from FandolFang
        // and FandolKai; the next family of the role (Noto Serif CJK, LXGW WenKai) draws them
        // at a full em, and no role reports them as uncovered.
        for role in [FontRole.fangsong, .kaiti] {
            let a = measurer.advances("堃喆", font: FontSpec(role: role, size: 16))
            #expect(a.count == 2 && a.allSatisfy { abs($0 - 16) < 0.01 }, "\(role): advances \(a)")
            #expect(sharedLibrary.uncoveredCharacters(in: "堃喆", role: role).isEmpty)
        }
    }

    @Test func metricsArePlausible() {
        for role in FontRole.allCases {
            let m = measurer.metrics(FontSpec(role: role, size: 16))
            #expect(m.ascent > 10 && m.ascent < 22, "\(role) ascent \(m.ascent)")
            #expect(m.descent > 1 && m.descent < 8, "\(role) descent \(m.descent)")
        }
    }

    @Test func parallelMeasuringIsConsistent() async {
        let font = FontSpec(role: .fangsong, size: 16)
        let expected = measurer.advances("质量强省Quality 2024年", font: font)
        await withTaskGroup(of: Bool.self) { group in
            for i in 0..<16 {
                group.addTask {
                    var ok = true
                    for j in 0..<200 {
                        ok = ok && measurer.advances("质量强省Quality 2024年", font: font) == expected
                        _ = measurer.advances("第\(i * 1000 + j)行：测试Text\(j)", font: FontSpec(role: .songti, size: 10.5))
                    }
                    return ok
                }
            }
            for await ok in group { #expect(ok) }
        }
    }

    /// 仿宋 and 楷体 are the Fandol faces `make fonts` extracts into the font cache (FandolFang,
    /// FandolKai); without them in the cache this test fails.
    @Test func rolesResolveToInstalledFamilies() {
        #expect(sharedLibrary.resolvedFamily(for: .xiaobiaosong) == "Noto Serif CJK SC")
        #expect(sharedLibrary.resolvedFamily(for: .fangsong) == "FandolFang")
        #expect(sharedLibrary.resolvedFamily(for: .heiti) == "Noto Sans CJK SC")
        #expect(sharedLibrary.resolvedFamily(for: .kaiti) == "FandolKai")
        #expect(sharedLibrary.resolvedFamily(for: .songti) == "Noto Serif CJK SC")
        #expect(sharedLibrary.resolvedFile(for: .fangsong)?.hasPrefix(FontLibrary.fontCacheDirectory().path) == true)
        // Every open face is marked as a stand-in for the face GB/T 9704 names.
        #expect(sharedLibrary.standIn(for: .fangsong) == (true, "仿宋_GB2312"))
        #expect(sharedLibrary.standIn(for: .kaiti) == (true, "楷体_GB2312"))
        #expect(sharedLibrary.standIn(for: .xiaobiaosong) == (true, "方正小标宋简体"))
        for role in FontRole.allCases {
            let file = sharedLibrary.resolvedFile(for: role)
            #expect(file != nil && FileManager.default.fileExists(atPath: file!), "\(role): \(file ?? "nil")")
        }
        #expect(sharedLibrary.resolvedFile(for: .xiaobiaosong)!.contains("Bold"))
        #expect(sharedLibrary.resolvedFile(for: .kaiti)!.hasSuffix("FandolKai-Regular.otf"))
    }

    @Test func rolesFileIsReadAndValidated() throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        try "# test\nheiti: No Such Family, LXGW WenKai\n".write(to: dir.appendingPathComponent("roles.txt"),
                                                                 atomically: true, encoding: .utf8)
        let lib = try FontLibrary(fontsDirectory: dir)
        #expect(lib.resolvedFamily(for: .heiti) == "LXGW WenKai")
        #expect(lib.resolvedFamily(for: .fangsong) == "FandolFang")  // built-in default
        #expect(lib.standIn(for: .heiti).isStandIn == false)  // no `|`: nothing marked
        try "heiti: 黑体 | LXGW WenKai\n".write(to: dir.appendingPathComponent("roles.txt"), atomically: true, encoding: .utf8)
        #expect(try FontLibrary(fontsDirectory: dir).standIn(for: .heiti) == (true, "黑体"))
        try "kaishu: LXGW WenKai\n".write(to: dir.appendingPathComponent("roles.txt"), atomically: true, encoding: .utf8)
        #expect(throws: RenderError.self) { try FontLibrary(fontsDirectory: dir) }
    }

    @Test func fontsInTheFolderAreLoaded() throws {
        // A font copied into the folder is found by family name without being installed.
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let wenkai = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"  // fonts-lxgw-wenkai
        #expect(FileManager.default.fileExists(atPath: wenkai))
        let system = try FontLibrary(fontsDirectory: dir)
        #expect(system.resolvedFamily(for: .kaiti) == "FandolKai")
        try FileManager.default.copyItem(atPath: wenkai, toPath: dir.appendingPathComponent("local.ttf").path)
        try "kaiti: LXGW WenKai\n".write(to: dir.appendingPathComponent("roles.txt"), atomically: true, encoding: .utf8)
        let lib = try FontLibrary(fontsDirectory: dir)
        let file = try #require(lib.resolvedFile(for: .kaiti))
        #expect(file.hasPrefix(dir.path) || file == wenkai, "resolved \(file)")
    }

    /// Speed of `advances` on 20-character CJK strings and mixed strings (printed; loose bound).
    @Test func speed() {
        let lib = try! FontLibrary(fontsDirectory: fontsDirectory)
        let m = PangoTextMeasurer(library: lib)
        let font = FontSpec(role: .fangsong, size: 16)
        let pool = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质")
        var rng = SystemRandomNumberGenerator()
        func sample() -> String { String((0..<20).map { _ in pool.randomElement(using: &rng)! }) }
        let cold = (0..<200).map { _ in sample() }
        var t0 = DispatchTime.now().uptimeNanoseconds
        for s in cold { _ = m.advances(s, font: font) }
        let coldMicros = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1000 / Double(cold.count)
        t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<10 { for s in cold { _ = m.advances(s, font: font) } }
        let warmMicros = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1000 / Double(cold.count * 10)
        let mixed = (0..<200).map { "\(sample().prefix(10))Q\($0)质量2024年增长\($0 % 97).5%" }
        t0 = DispatchTime.now().uptimeNanoseconds
        for s in mixed { _ = m.advances(s, font: font) }
        let mixedMicros = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1000 / Double(mixed.count)
        print("advances(): 20-char CJK cold \(Int(coldMicros)) µs, warm \(String(format: "%.1f", warmMicros)) µs, mixed uncached \(Int(mixedMicros)) µs per string")
        #expect(warmMicros < 200)
    }
}

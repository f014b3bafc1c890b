import BriefDocument
import BriefLayout
import Foundation
internal import CPangoCairo

/// The fonts of one run: a private fontconfig configuration (system fonts plus the fonts
/// dropped into a `Fonts/` directory), one explicit Pango font map shared by measuring and
/// drawing, and the mapping from font roles (仿宋, 黑体 …) to installed families.
///
/// Pango font maps are not thread safe and Pango's default font map is per thread, so the
/// library owns one font map and serialises every Pango call behind its lock.
package final class FontLibrary: @unchecked Sendable {
    /// One family choice for a role, as resolved from `roles.txt` or the built-in defaults.
    struct RoleChoice {
        var family: String
        var bold: Bool
        /// The other installed families of the role, used as per-character fallbacks.
        var fallbacks: [String]
        /// Whether `family` is an open stand-in (listed after `|` in `roles.txt`) rather than
        /// the face GB/T 9704 names.
        var isStandIn: Bool
        /// The first family of the role's list: the face the role stands for.
        var named: String
    }

    /// One entry of a role's list: a family, whether its bold weight is asked for, and whether
    /// it is an open stand-in for the named face.
    struct RoleEntry: Equatable {
        var family: String
        var bold: Bool
        var standIn: Bool
    }

    /// Role lists used when `roles.txt` is absent (first installed family wins), in the
    /// `roles.txt` syntax: the licensed faces first, then after `|` the open stand-ins
    /// (FandolFang and FandolKai from `make fonts`, the Noto CJK faces from the system).
    static let builtInRoleText = """
        xiaobiaosong: 方正小标宋简体, 方正小标宋_GBK, FZXiaoBiaoSong-B05S, FZXiaoBiaoSong-B05, 小标宋 | Noto Serif CJK SC:bold
        fangsong: 仿宋_GB2312, FangSong_GB2312, 仿宋, FangSong | FandolFang, Noto Serif CJK SC
        heiti: 黑体, SimHei | Noto Sans CJK SC
        kaiti: 楷体_GB2312, KaiTi_GB2312, 楷体, KaiTi | FandolKai, LXGW WenKai
        songti: 宋体, SimSun | Noto Serif CJK SC
        """

    static let builtInRoles: [FontRole: [RoleEntry]] = {
        // The text above is fixed and valid.
        try! parseRoles(builtInRoleText, file: "<built-in roles>")
    }()

    /// The cache folder `make fonts` fills with the Fandol faces, read by every library on
    /// top of the system fonts and `fontsDirectory`: `QUALITYBRIEF_FONT_CACHE`, else
    /// `$XDG_CACHE_HOME/qualitybrief/fonts`, else `~/.cache/qualitybrief/fonts`.
    public static func fontCacheDirectory() -> URL {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["QUALITYBRIEF_FONT_CACHE"], !dir.isEmpty { return URL(fileURLWithPath: dir, isDirectory: true) }
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache").path
        return URL(fileURLWithPath: base, isDirectory: true).appendingPathComponent("qualitybrief/fonts", isDirectory: true)
    }

    /// The directory given at creation.
    public let fontsDirectory: URL

    /// The lock every fontconfig, Pango and (through Pango) HarfBuzz call of the process is
    /// made under: `processLock`, one for all libraries. Two libraries have their own
    /// configurations and font maps, but fontconfig's caches and Pango's and HarfBuzz's lazily
    /// built state are shared underneath: with a lock per library, the parallel test suite
    /// crashed now and then (a write to address 0 beside a thread in fontconfig, a HarfBuzz
    /// table read from freed memory) while one library was made or freed and another shaped.
    /// cairo 1.16's FreeType backend is not safe either: all its fonts share one FT_Library,
    /// at most 10 faces stay open and the others are closed and opened again as needed, and
    /// it calls FT_New_Face outside any lock of its own and can close a face another thread
    /// is about to use. So every cairo call that may load a glyph is made under this lock
    /// too: drawing text, `cairo_show_page` of a PDF or SVG page (where cairo plays the page
    /// back and loads its glyphs), finishing a surface (where fonts are embedded), and
    /// destroying contexts, surfaces and fonts. Without `cairo_show_page` under it, the
    /// parallel test suite failed about one run in four on two loaded cores (a PDF with
    /// bytes out of place, "cairo: out of memory" when FT_New_Face failed, an abort in
    /// `index < array->n`, a bad pointer in memmove).
    var lock: NSRecursiveLock { Self.processLock }
    /// See `lock`. Recursive, so that the owners of Pango and fontconfig objects can take it
    /// in their `deinit` whether or not the last reference goes under it.
    static let processLock = NSRecursiveLock()
    let config: FcConfigOwner
    let fontMap: GObjectOwner
    let roles: [FontRole: RoleChoice]
    let fontOptions: FontOptionsOwner
    let language: OpaquePointer?

    // Measuring state, only touched under `lock`.
    var measureContext: GObjectOwner?
    var descriptions: [FontSpec: FontDescriptionOwner] = [:]
    /// Guards the measurement caches below (and nothing else). A measurement found there is
    /// answered under this lock alone, so that the layout thread does not wait while a page
    /// is drawn under `lock`; `lock` is taken first when both are held.
    let cacheLock = NSLock()
    // Measurement caches, only touched under `cacheLock`.
    var metricsCache: [FontSpec: FontMetrics] = [:]
    var charAdvances: [FontSpec: [UInt32: Double]] = [:]
    var stringAdvances: [FontSpec: [String: [Double]]] = [:]
    var stringCacheCount = 0
    /// Per-role union coverage for `uncoveredCharacters`, only touched under `lock`.
    var coverage: [FontRole: CharSetOwner] = [:]
    /// The fonts cut down to the current document's characters (`subsetFonts(to:)`), until
    /// `releaseSubsets()`. Only touched under `lock`.
    var subsets: FontSubsets?
    /// Held for a whole document by `withDocumentFonts`: documents take turns, in the whole
    /// process, not only per library. Cutting and releasing subsets rewrites a library's
    /// fontconfig configuration and clears its Pango font map's caches; with documents of
    /// different libraries drawn at once, the parallel test suite still damaged a PDF about
    /// one run in ten (and once crashed in a serial run right after the four-thread render
    /// test) although every such call is made under `lock`. Layout and drawing of the one
    /// document still run on two threads.
    static let documentLock = NSLock()

    /// The libraries made by `shared(fontsDirectory:)`, by fonts directory path.
    nonisolated(unsafe) private static var sharedLibraries: [String: FontLibrary] = [:]
    private static let sharedLock = NSLock()

    /// The process's one library for `fontsDirectory`: made on first use (one fontconfig
    /// configuration and one Pango font map, however many renderers ask), then reused. Safe
    /// to call from any thread. A failed creation is not remembered.
    public static func shared(fontsDirectory: URL?) throws -> FontLibrary {
        let key = fontsDirectory?.standardizedFileURL.path ?? ""
        sharedLock.lock(); defer { sharedLock.unlock() }
        if let library = sharedLibraries[key] { return library }
        let library = try FontLibrary(fontsDirectory: fontsDirectory)
        sharedLibraries[key] = library
        return library
    }

    /// Creates the library. Fonts in `fontsDirectory` are added to a private fontconfig
    /// configuration on top of the system fonts; `fontsDirectory/roles.txt`, if present,
    /// maps roles to families (see `Fonts/README.md`). A missing directory only means that
    /// no extra fonts are added.
    public init(fontsDirectory: URL) throws {
        Self.processLock.lock(); defer { Self.processLock.unlock() }
        self.fontsDirectory = fontsDirectory
        guard let cfg = FcInitLoadConfigAndFonts() else {
            throw RenderError.fontConfiguration("fontconfig could not load the system configuration")
        }
        config = FcConfigOwner(cfg)
        // The Fandol cache first, so that fonts in `fontsDirectory` are added after it.
        var isCacheDir: ObjCBool = false
        let cachePath = Self.fontCacheDirectory().path
        if FileManager.default.fileExists(atPath: cachePath, isDirectory: &isCacheDir), isCacheDir.boolValue {
            _ = cachePath.withCString { p in
                p.withMemoryRebound(to: FcChar8.self, capacity: strlen(p) + 1) { FcConfigAppFontAddDir(cfg, $0) }
            }
        }
        var isDir: ObjCBool = false
        let path = fontsDirectory.path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw RenderError.fontConfiguration("\(path) is not a directory")
            }
            let ok = path.withCString { p in
                p.withMemoryRebound(to: FcChar8.self, capacity: strlen(p) + 1) { FcConfigAppFontAddDir(cfg, $0) }
            }
            if ok == 0 { throw RenderError.fontConfiguration("fontconfig could not add the fonts in \(path)") }
        }
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            throw RenderError.fontConfiguration("Pango has no FreeType font map")
        }
        fontMap = GObjectOwner(UnsafeMutableRawPointer(map))
        pango_fc_font_map_set_config(OpaquePointer(map), cfg)

        guard let opts = cairo_font_options_create() else {
            throw RenderError.fontConfiguration("cairo could not create font options")
        }
        cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE)
        fontOptions = FontOptionsOwner(opts)
        language = pango_language_from_string("zh-cn")

        // Roles.
        var lists = Self.builtInRoles
        let rolesFile = fontsDirectory.appendingPathComponent("roles.txt")
        if FileManager.default.fileExists(atPath: rolesFile.path) {
            let text: String
            do { text = try String(contentsOf: rolesFile, encoding: .utf8) } catch {
                throw RenderError.fontConfiguration("cannot read \(rolesFile.path): \(error)")
            }
            for (role, list) in try Self.parseRoles(text, file: rolesFile.path) { lists[role] = list }
        }
        var resolved: [FontRole: RoleChoice] = [:]
        for role in FontRole.allCases {
            let list = lists[role] ?? []
            let installed = list.filter { Self.isInstalled(family: $0.family, config: cfg) }
            let first = installed.first ?? list.last ?? RoleEntry(family: "serif", bold: false, standIn: true)
            var fallbacks: [String] = []
            for entry in installed.dropFirst() where entry.family != first.family && !fallbacks.contains(entry.family) {
                fallbacks.append(entry.family)
            }
            resolved[role] = RoleChoice(family: first.family, bold: first.bold, fallbacks: fallbacks,
                                        isStandIn: first.standIn, named: list.first?.family ?? first.family)
        }
        roles = resolved
    }

    /// Creates the library from an optional directory (nil: system fonts and built-in roles
    /// only). Convenience for callers whose fonts folder lookup may fail.
    public convenience init(fontsDirectory: URL?) throws {
        try self.init(fontsDirectory: fontsDirectory ?? URL(fileURLWithPath: "/nonexistent-qualitybrief-fonts"))
    }

    /// The installed family that draws `role`.
    public func resolvedFamily(for role: FontRole) -> String {
        roles[role]!.family
    }

    /// Whether `role` is drawn by an open stand-in (a family listed after `|` in `roles.txt`)
    /// rather than the face GB/T 9704 names; `standInFor` is that face (e.g. 仿宋_GB2312).
    public func standIn(for role: FontRole) -> (isStandIn: Bool, standInFor: String) {
        let choice = roles[role]!
        return (choice.isStandIn, choice.named)
    }

    /// The font file fontconfig picks for `role` (regular weight, or bold where the role
    /// asks for it), if any.
    public func resolvedFile(for role: FontRole) -> String? {
        let choice = roles[role]!
        lock.lock(); defer { lock.unlock() }
        guard let pattern = FcPatternCreate() else { return nil }
        let owner = FcPatternOwner(pattern)
        Self.addString(pattern, FC_FAMILY, choice.family)
        FcPatternAddInteger(pattern, FC_WEIGHT, choice.bold ? Int32(FC_WEIGHT_BOLD) : Int32(FC_WEIGHT_REGULAR))
        Self.addString(pattern, FC_LANG, "zh-cn")
        FcConfigSubstitute(config.pointer, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(config.pointer, pattern, &result) else { return nil }
        let matchOwner = FcPatternOwner(match)
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(matchOwner.pointer, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        _ = owner
        return String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self))
    }

    // MARK: - Internals

    /// Parses `roles.txt`: `role: Family, Family:bold, … | Stand-in, …` lines, `#` comments;
    /// families after `|` are open stand-ins for the ones before it.
    static func parseRoles(_ text: String, file: String) throws -> [FontRole: [RoleEntry]] {
        var out: [FontRole: [RoleEntry]] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw RenderError.fontConfiguration("\(file):\(n + 1): expected `role: Family, Family`")
            }
            let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard let role = FontRole(rawValue: name) else {
                throw RenderError.fontConfiguration(
                    "\(file):\(n + 1): unknown role \(name) (known: \(FontRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var list: [RoleEntry] = []
            let parts = trimmed[trimmed.index(after: colon)...].split(separator: "|", omittingEmptySubsequences: false)
            if parts.count > 2 { throw RenderError.fontConfiguration("\(file):\(n + 1): more than one `|` for \(name)") }
            for (p, part) in parts.enumerated() {
                for item in part.split(separator: ",") {
                    var family = item.trimmingCharacters(in: .whitespaces)
                    var bold = false
                    if family.lowercased().hasSuffix(":bold") {
                        family = String(family.dropLast(5)).trimmingCharacters(in: .whitespaces)
                        bold = true
                    }
                    if !family.isEmpty { list.append(RoleEntry(family: family, bold: bold, standIn: p == 1)) }
                }
            }
            if list.isEmpty { throw RenderError.fontConfiguration("\(file):\(n + 1): no families for \(name)") }
            out[role] = list
        }
        return out
    }

    static func addString(_ pattern: OpaquePointer, _ object: String, _ value: String) {
        value.withCString { v in
            v.withMemoryRebound(to: FcChar8.self, capacity: strlen(v) + 1) { _ = FcPatternAddString(pattern, object, $0) }
        }
    }

    /// The files of the fonts added to this library's configuration by the program (the
    /// fonts directory, the font cache, the current subsets), as fontconfig lists them.
    func applicationFontFiles() -> [String] {
        lock.lock(); defer { lock.unlock() }
        guard let set = FcConfigGetFonts(config.pointer, FcSetApplication) else { return [] }
        var files: [String] = []
        for i in 0..<Int(set.pointee.nfont) {
            var file: UnsafeMutablePointer<FcChar8>?
            guard let pattern = set.pointee.fonts[i], FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch,
                  let file else { continue }
            files.append(String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self)))
        }
        return files
    }

    /// Whether some font of the configuration has `family` among its family names.
    static func isInstalled(family: String, config: OpaquePointer) -> Bool {
        processLock.lock(); defer { processLock.unlock() }
        guard let pattern = FcPatternCreate() else { return false }
        defer { FcPatternDestroy(pattern) }
        addString(pattern, FC_FAMILY, family)
        guard let os = FcObjectSetCreate() else { return false }
        defer { FcObjectSetDestroy(os) }
        _ = FcObjectSetAdd(os, FC_FILE)
        guard let set = FcFontList(config, pattern, os) else { return false }
        defer { FcFontSetDestroy(set) }
        return set.pointee.nfont > 0
    }

    /// Finishes a cairo surface under `processLock`: finishing a PDF embeds its fonts through
    /// cairo's FreeType faces, which the drawing of another document may be using.
    static func finish(_ surface: OpaquePointer?) {
        locked { cairo_surface_finish(surface) }
    }

    /// Runs `body` holding `processLock` (for code without a library at hand: the owners of
    /// C objects free theirs with it).
    static func locked<T>(_ body: () throws -> T) rethrows -> T {
        processLock.lock(); defer { processLock.unlock() }
        return try body()
    }

    /// Runs `body` holding the Pango lock (`processLock`).
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        return try body()
    }

    /// A new Pango context on the shared font map: resolution 72, hint metrics off, no
    /// hinting, unrounded glyph positions, Chinese (simplified) language. Call under lock.
    func makeContext() -> GObjectOwner {
        let ctx = pango_font_map_create_context(fontMap.pointer.assumingMemoryBound(to: PangoFontMap.self))!
        pango_cairo_context_set_resolution(ctx, 72)
        pango_cairo_context_set_font_options(ctx, fontOptions.pointer)
        pango_context_set_round_glyph_positions(ctx, 0)
        pango_context_set_language(ctx, language)
        return GObjectOwner(UnsafeMutableRawPointer(ctx))
    }

    /// The cached font description of `font`. Call under lock.
    func description(_ font: FontSpec) -> OpaquePointer {
        if let d = descriptions[font] { return d.pointer }
        let choice = roles[font.role]!
        let desc = pango_font_description_new()!
        var names = [choice.family] + choice.fallbacks
        if let subsets {
            // The subsets first, in the same order; the whole fonts behind them draw any
            // character the subsets were not cut for.
            let bold = font.bold || choice.bold
            names = names.compactMap { subsets.families[FontSubsets.Weighted(family: $0, bold: bold)] } + names
        }
        let families = names.joined(separator: ",")
        pango_font_description_set_family(desc, families)
        pango_font_description_set_size(desc, Int32((font.size * Double(PANGO_SCALE)).rounded()))
        pango_font_description_set_weight(desc, (font.bold || choice.bold) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        descriptions[font] = FontDescriptionOwner(desc)
        return desc
    }
}

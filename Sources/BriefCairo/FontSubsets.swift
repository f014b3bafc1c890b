import BriefDocument
import BriefLayout
import Foundation
internal import CPangoCairo

/// The role fonts cut down to the characters of the documents about to be rendered.
///
/// The open CJK fonts are 15–27 MB each, and cairo 1.16 embeds a CFF font in a PDF by reading
/// the font's whole CFF table (and so every page of the mapped file) before it keeps the few
/// hundred glyphs a briefing uses: three faces made a 500-record briefing peak at 150 MB, of
/// which 68 MB were font-file pages. HarfBuzz's subsetter (`hb-subset`, from the HarfBuzz
/// Pango already shapes with) writes each font again with only the glyphs for the given
/// characters — outlines, metrics, kerning and every layout feature unchanged — so Pango
/// shapes, measures and draws exactly what it would with the full font, and cairo's own
/// subsetting reads a file of a few hundred kilobytes (the same briefing: 50 MB peak).
///
/// The subsets are written to a private temporary directory and added to the library's
/// fontconfig configuration under their own family names
/// (`QualityBrief Subset 1a2b3c4d Noto Serif CJK SC`), so that they never stand in for the
/// system font by accident; `FontLibrary.description(_:)` lists them before the original
/// families, which stay behind them as the per-character fallback for anything outside the
/// subset. They live for one render: `FontLibrary.releaseSubsets()` takes them out of the
/// configuration and deletes the directory (`deinit` deletes it too, should a library go
/// while still holding subsets).
final class FontSubsets {
    /// Names the cut: a hash of the characters and faces, so the same document gets the same
    /// subsets (same glyph ids, same PDF bytes) in a new or a reused library, while file
    /// paths (a new directory each time) keep cairo's font cache, keyed by path, apart.
    let tag: String
    let directory: URL
    /// Characters the subsets were cut to.
    let scalars: Set<UInt32>
    /// Roles and weights the subsets were made for.
    let faces: Set<Face>
    /// Original family (as written in roles) at a weight → family name of its subset.
    let families: [Weighted: String]

    /// A family at regular or bold weight. Each weight's subset has a family name of its own,
    /// so that a bold request never settles for an emboldened regular subset while the real
    /// bold face stands behind it.
    struct Weighted: Hashable {
        var family: String
        var bold: Bool
        func subsetName(_ tag: String) -> String {
            "QualityBrief Subset \(tag)\(bold ? " Bold" : "") \(family)"
        }
    }

    /// A role at one weight. A role's regular face is always cut; its bold face only when a
    /// style of the document asks for it (the other bold faces would cost time and memory
    /// for nothing — text in them still draws, from the whole font).
    struct Face: Hashable {
        var role: FontRole
        var bold: Bool
    }

    private init(tag: String, directory: URL, scalars: Set<UInt32>, faces: Set<Face>, families: [Weighted: String]) {
        self.tag = tag
        self.directory = directory
        self.scalars = scalars
        self.faces = faces
        self.families = families
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
        TemporaryFiles.forget(directory.path)
    }

    /// The tag of a cut: FNV-1a (64 bits, printed as 8 hex digits of its fold) over the sorted
    /// characters and faces. Deterministic across processes, unlike Swift's seeded `Hasher`.
    static func tag(scalars: Set<UInt32>, faces: Set<Face>) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: UInt32) {
            for shift in stride(from: 0, to: 32, by: 8) {
                h ^= UInt64((v >> UInt32(shift)) & 0xff)
                h = h &* 0x100_0000_01b3
            }
        }
        for s in scalars.sorted() { mix(s) }
        for f in faces.map({ "\($0.role.rawValue)\($0.bold ? "+bold" : "")" }).sorted() {
            mix(0xffff_ffff)
            for b in f.utf8 { mix(UInt32(b)) }
        }
        return String(format: "%08x", UInt32(truncatingIfNeeded: h ^ (h >> 32)))
    }

    /// Takes the subset fonts out of `config`'s application fonts and deletes their files.
    /// Call under the library lock, then tell Pango the configuration changed.
    func unregister(config: OpaquePointer) {
        if let set = FcConfigGetFonts(config, FcSetApplication) {
            let prefix = directory.path + "/"
            var kept: Int32 = 0
            for i in 0..<Int(set.pointee.nfont) {
                guard let pattern = set.pointee.fonts[i] else { continue }
                var file: UnsafeMutablePointer<FcChar8>?
                if FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file,
                   String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self)).hasPrefix(prefix) {
                    FcPatternDestroy(pattern)
                } else {
                    set.pointee.fonts[Int(kept)] = pattern
                    kept += 1
                }
            }
            set.pointee.nfont = kept
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// One font file (face `index` of a collection) and the role families that resolve to it.
    struct Source: Hashable {
        var file: String
        var index: Int32
    }

    /// Cuts every file in `sources` down to `scalars` (one after the other), writes the subsets
    /// and registers them in `config`. Call under the library lock, before Pango is told the
    /// configuration changed.
    static func make(sources: [Source: [Weighted]], scalars: Set<UInt32>, faces: Set<Face>,
                     config: OpaquePointer) throws -> FontSubsets {
        let base = FileManager.default.temporaryDirectory.path + "/\(TemporaryFiles.fontFolderPrefix)\(getpid())-XXXXXX"
        var template = Array(base.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw RenderError.fontConfiguration("cannot create a temporary directory for font subsets: \(String(cString: strerror(errno)))")
        }
        let directory = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        TemporaryFiles.add(directory.path)
        let ordered = sources.keys.sorted { ($0.file, $0.index) < ($1.file, $1.index) }
        let sortedScalars = scalars.sorted()
        // Two files at a time, the largest first: cutting is most of a short briefing's time
        // before layout can start (≈ 140 ms of CPU for six CJK files), and nothing else runs
        // then. Each cut maps in a neighbourhood of its file (about 10 MB of a 26 MB font),
        // so two at once raise the peak by about that much; more would not be faster on the
        // two-core machines bureaus use and would raise it further.
        let paths = Self.inParallel(ordered.indices.sorted { fileSize(ordered[$0].file) > fileSize(ordered[$1].file) },
                                    count: ordered.count) { i -> String? in
            let path = directory.appendingPathComponent("subset-\(i).otf").path
            return subset(ordered[i], to: sortedScalars, writingTo: path) ? path : nil
        }
        let tag = tag(scalars: scalars, faces: faces)
        var families: [Weighted: String] = [:]
        for (i, source) in ordered.enumerated() {
            guard let path = paths[i] else { continue }  // left whole: the original family draws it
            let names = sources[source]!.map { $0.subsetName(tag) }
            guard register(path, families: names, config: config) else { continue }
            for w in sources[source]! { families[w] = w.subsetName(tag) }
        }
        return FontSubsets(tag: tag, directory: directory, scalars: scalars, faces: faces, families: families)
    }

    /// The size of a file in bytes, 0 if it cannot be read.
    private static func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// `work(i)` for every index in `order` on two threads (each takes the next index of
    /// `order` when it is free); the results by index, `count` of them.
    private static func inParallel(_ order: [Int], count: Int, _ work: @escaping @Sendable (Int) -> String?) -> [String?] {
        final class Shared: @unchecked Sendable {
            let lock = NSLock()
            var next = 0
            var results: [String?]
            init(count: Int) { results = Array(repeating: nil, count: count) }
        }
        let shared = Shared(count: count)
        DispatchQueue.concurrentPerform(iterations: min(2, order.count)) { _ in
            while true {
                shared.lock.lock()
                guard shared.next < order.count else { shared.lock.unlock(); return }
                let i = order[shared.next]
                shared.next += 1
                shared.lock.unlock()
                let r = work(i)
                shared.lock.lock()
                shared.results[i] = r
                shared.lock.unlock()
            }
        }
        return shared.results
    }

    /// Writes the subset of `source` for `scalars` (all layout features kept) to `path`.
    /// Returns false when HarfBuzz cannot subset the font; the original is then used.
    private static func subset(_ source: Source, to scalars: [UInt32], writingTo path: String) -> Bool {
        guard let blob = hb_blob_create_from_file_or_fail(source.file) else { return false }
        defer { hb_blob_destroy(blob) }
        guard let face = hb_face_create(blob, UInt32(source.index)) else { return false }
        defer { hb_face_destroy(face) }
        guard let input = hb_subset_input_create_or_fail() else { return false }
        defer { hb_subset_input_destroy(input) }
        // Outlines written out flat, without subroutines: the same shapes, and HarfBuzz then
        // need not walk the font's large subroutine tables (a third faster, 4 MB less read).
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue)
        let unicodes = hb_subset_input_unicode_set(input)
        for s in scalars { hb_set_add(unicodes, s) }
        // HarfBuzz's default feature list is kept: every feature its shaper applies when no
        // feature is asked for (as Pango asks for none), vertical forms included. The rest
        // (aalt, trad, jp78, fwid …) only pulls in alternates nobody draws: Noto CJK's
        // subsets for a 500-record briefing held 1088 glyphs with them and 717 without.
        guard let subsetFace = hb_subset_or_fail(face, input) else { return false }
        defer { hb_face_destroy(subsetFace) }
        guard let out = hb_face_reference_blob(subsetFace) else { return false }
        defer { hb_blob_destroy(out) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(out, &length), length > 0 else { return false }
        return FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: Int(length)))
    }

    /// Adds the font at `path` to `config` as an application font and gives it `families`
    /// as its only family names.
    private static func register(_ path: String, families: [String], config: OpaquePointer) -> Bool {
        let added = path.withCString { p in
            p.withMemoryRebound(to: FcChar8.self, capacity: strlen(p) + 1) { FcConfigAppFontAddFile(config, $0) }
        }
        guard added != 0, let set = FcConfigGetFonts(config, FcSetApplication) else { return false }
        for i in 0..<Int(set.pointee.nfont) {
            guard let pattern = set.pointee.fonts[i] else { continue }
            var file: UnsafeMutablePointer<FcChar8>?
            guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file,
                  String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self)) == path else { continue }
            FcPatternDel(pattern, FC_FAMILY)
            FcPatternDel(pattern, FC_FAMILYLANG)
            for family in families {
                FontLibrary.addString(pattern, FC_FAMILY, family)
                FontLibrary.addString(pattern, FC_FAMILYLANG, "en")
            }
            return true
        }
        return false
    }
}

extension FontLibrary {
    /// Cuts the fonts of every role (its family and fallbacks; the bold faces too for the
    /// roles in `boldRoles`) down to `scalars` plus the characters the layout adds itself
    /// (`LayoutText`), for the document measured and drawn next. Output is the same as with the
    /// whole fonts; a PDF render needs far less memory (a 500-record briefing: about 80 MB
    /// less) because cairo then embeds from files of a few hundred kilobytes.
    ///
    /// The cut is exactly these characters (not a union with an earlier cut), so a document
    /// gets the same subsets, and the same PDF bytes, however many documents the library drew
    /// before. Nothing happens when the current subsets were cut for the same characters and
    /// faces. Characters outside the subsets still draw, from the original fonts. Call before
    /// laying out a document, not while one is being measured or drawn; `releaseSubsets()`
    /// (or `withDocumentFonts`) removes them when the document is done.
    public func subsetFonts(to scalars: [UInt32], boldRoles: Set<FontRole> = []) throws {
        lock.lock(); defer { lock.unlock() }
        var wanted = Set(scalars)
        wanted.formUnion(LayoutText.generatedScalars)
        // Pango measures a font set's metrics over its language's sample sentence
        // (我能吞下玻璃而不伤身体。 for zh-cn); outside the subsets, it would open the whole fonts.
        if let sample = pango_language_get_sample_string(language) {
            wanted.formUnion(String(cString: sample).unicodeScalars.map(\.value))
        }
        var faces = Set<FontSubsets.Face>()
        for role in FontRole.allCases {
            faces.insert(FontSubsets.Face(role: role, bold: roles[role]!.bold))
            if boldRoles.contains(role) { faces.insert(FontSubsets.Face(role: role, bold: true)) }
        }
        if let current = subsets, wanted == current.scalars, faces == current.faces { return }
        releaseSubsetsLocked()
        var sources: [FontSubsets.Source: [FontSubsets.Weighted]] = [:]
        for face in faces {
            let choice = roles[face.role]!
            for family in [choice.family] + choice.fallbacks {
                guard let source = matchedSource(family: family, bold: face.bold) else { continue }
                let w = FontSubsets.Weighted(family: family, bold: face.bold)
                if !sources[source, default: []].contains(w) { sources[source, default: []].append(w) }
            }
        }
        subsets = try FontSubsets.make(sources: sources, scalars: wanted, faces: faces, config: config.pointer)
        fontsChanged()
    }

    /// Takes the current subsets out of the configuration and deletes their files; the whole
    /// fonts draw from now on. Nothing happens when there are none.
    public func releaseSubsets() {
        lock.lock(); defer { lock.unlock() }
        releaseSubsetsLocked()
    }

    /// Cuts the fonts to `scalars` (see `subsetFonts(to:boldRoles:)`), runs `body`, which lays
    /// out and draws one document, and removes the subsets when it returns or throws. Calls
    /// run one at a time in the process (`documentLock`), so a library shared by several
    /// renderers (see `shared(fontsDirectory:)`) draws each document with that document's own
    /// subsets. Not reentrant: `body` must not call it again.
    /// Should cutting fail (no writable temporary directory), the whole fonts draw the same.
    public func withDocumentFonts<T>(_ scalars: [UInt32], boldRoles: Set<FontRole> = [], _ body: () throws -> T) rethrows -> T {
        Self.documentLock.lock()
        defer {
            releaseSubsets()
            Self.documentLock.unlock()
        }
        try? subsetFonts(to: scalars, boldRoles: boldRoles)
        return try body()
    }

    /// `releaseSubsets()` under the lock.
    private func releaseSubsetsLocked() {
        guard let current = subsets else { return }
        subsets = nil
        current.unregister(config: config.pointer)
        fontsChanged()
    }

    /// Tells Pango the configuration changed and drops every cache that names fonts. Call
    /// under lock.
    private func fontsChanged() {
        pango_fc_font_map_config_changed(OpaquePointer(fontMap.pointer))
        descriptions.removeAll()
        cacheLock.lock()
        metricsCache.removeAll()
        charAdvances.removeAll()
        stringAdvances.removeAll()
        stringCacheCount = 0
        cacheLock.unlock()
        measureContext = nil
        coverage.removeAll()
    }

    /// The file and face index fontconfig picks for `family` at regular or bold weight, if a
    /// font of that family is installed (not a stand-in of another family). Call under lock.
    private func matchedSource(family: String, bold: Bool) -> FontSubsets.Source? {
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        Self.addString(pattern, FC_FAMILY, family)
        FcPatternAddInteger(pattern, FC_WEIGHT, bold ? Int32(FC_WEIGHT_BOLD) : Int32(FC_WEIGHT_REGULAR))
        Self.addString(pattern, FC_LANG, "zh-cn")
        FcConfigSubstitute(config.pointer, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(config.pointer, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var names: [String] = []
        var n: Int32 = 0
        var value: UnsafeMutablePointer<FcChar8>?
        while FcPatternGetString(match, FC_FAMILY, n, &value) == FcResultMatch, let v = value {
            names.append(String(cString: UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self)))
            n += 1
        }
        guard names.contains(where: { $0.caseInsensitiveCompare(family) == .orderedSame }) else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        var index: Int32 = 0
        _ = FcPatternGetInteger(match, FC_INDEX, 0, &index)
        return FontSubsets.Source(file: String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self)),
                                  index: index)
    }
}

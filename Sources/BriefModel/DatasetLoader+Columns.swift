import Foundation

extension DatasetLoader {
    /// How many diagnostics of one kind `loadColumns` keeps before only counting them.
    public static let diagnosticCapPerKind = 1000

    /// Reads UTF-8 CSV files straight into columns (see `ColumnarRegister`). Files that are not
    /// UTF-8 CSV (JSON, GBK text) go through `load(_:)` and are converted.
    public static func loadColumns(_ urls: [URL], programmes: ProgrammeCatalog = .jiangsu) -> ColumnarRegister {
        loadColumns(urls, homeProvinceCode: "320000", programmes: programmes)
    }

    /// `loadColumns(_:)` with a home province: regions outside `homeProvinceCode` get a
    /// warning, as in `load(_:options:)`.
    public static func loadColumns(_ urls: [URL], homeProvinceCode: String, programmes: ProgrammeCatalog = .jiangsu) -> ColumnarRegister {
        loadColumns(urls, chunks: min(ProcessInfo.processInfo.activeProcessorCount, 8), parallelMinimum: ColumnarLoader.parallelMinimum,
                    homeProvinceCode: homeProvinceCode, programmes: programmes)
    }

    /// `loadColumns(_:)` with `options` (home province and programmes), splitting the rows as
    /// `loadColumns(_:chunks:parallelMinimum:)` does, reading `window` bytes of a file at a time.
    static func loadColumns(_ urls: [URL], options: LoadOptions, chunks: Int, parallelMinimum: Int,
                            window: Int = ColumnarLoader.window) -> ColumnarRegister {
        LoadTiming.start()
        var loader = ColumnarLoader(validator: RecordValidator(homeProvinceCode: options.homeProvinceCode, programmes: options.programmes),
                                    options: options, cap: diagnosticCapPerKind)
        loader.chunks = chunks
        loader.parallelMinimum = parallelMinimum
        loader.window = window
        for (fileIndex, url) in urls.enumerated() { loader.read(url, fileIndex: fileIndex) }
        return loader.finish()
    }

    /// Reads `urls` into columns with `options` (encoding, column mapping, home province,
    /// programmes): plain UTF-8 CSV straight into columns, other files through the record
    /// reader's rows.
    public static func loadColumns(_ urls: [URL], options: LoadOptions) -> ColumnarRegister {
        loadColumns(urls, options: options, chunks: min(ProcessInfo.processInfo.activeProcessorCount, 8), parallelMinimum: ColumnarLoader.parallelMinimum)
    }

    /// `loadColumns(_:)` splitting the rows of a file of at least `parallelMinimum` bytes
    /// into `chunks` chunks read concurrently (1: one thread).
    static func loadColumns(_ urls: [URL], chunks: Int, parallelMinimum: Int, homeProvinceCode: String = "320000",
                            programmes: ProgrammeCatalog = .jiangsu) -> ColumnarRegister {
        var options = LoadOptions(programmes: programmes)
        options.homeProvinceCode = homeProvinceCode
        return loadColumns(urls, options: options, chunks: chunks, parallelMinimum: parallelMinimum)
    }
}

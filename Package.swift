// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "QualityBrief",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "QualityBrief", targets: ["QualityBrief"]),
        .executable(name: "qbrief", targets: ["qbrief"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `swift package generate-documentation --target QualityBrief` (DocC catalog in Sources/QualityBrief/QualityBrief.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // C: cairo, cairo-pdf/svg/png, pangocairo, pangofc + fontconfig. Only BriefCairo imports it.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // Records, catalogs, readers, diagnostics.
        .target(
            name: "BriefModel",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Columnar counts, cross-tabs, shares, growth, ranks.
        .target(name: "BriefAnalytics", dependencies: ["BriefModel"]),
        // Declarative document tree (no dependencies).
        .target(name: "BriefDocument"),
        // Pagination and chart geometry into positioned items.
        .target(name: "BriefLayout", dependencies: ["BriefDocument"]),
        // The only Swift module that sees C.
        .target(name: "BriefCairo", dependencies: ["BriefLayout", "BriefDocument", "CPangoCairo"]),
        // Word (WordprocessingML) output from the same Document: own XML writer, ZIPFoundation.
        .target(
            name: "BriefDocx",
            dependencies: ["BriefDocument", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Public API: load → analyse → compose → render.
        .target(
            name: "QualityBrief",
            dependencies: [
                "BriefModel", "BriefAnalytics", "BriefDocument", "BriefLayout", "BriefCairo", "BriefDocx",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "qbrief",
            dependencies: [
                "QualityBrief",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Side-by-side benchmark against the peer baselines (`make bench`); not a test.
        .executableTarget(
            name: "qbrief-bench",
            dependencies: [
                "QualityBrief",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BriefModelTests", dependencies: ["BriefModel", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "BriefAnalyticsTests", dependencies: ["BriefAnalytics", "BriefModel", "TestSupport"]),
        .testTarget(name: "BriefLayoutTests", dependencies: ["BriefLayout", "BriefDocument", "BriefCairo"]),
        .testTarget(name: "BriefCairoTests", dependencies: ["BriefCairo", "BriefLayout", "BriefDocument", "TestSupport"],
                    exclude: ["Reference"]),
        .testTarget(name: "BriefDocxTests", dependencies: ["BriefDocx", "BriefDocument",
                                                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "QualityBriefTests", dependencies: ["QualityBrief", "TestSupport",
                                                            .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Reference", "Fixtures"]),
        // Helpers shared by the test targets (reading rendered pages back); not a product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
    ],
    swiftLanguageModes: [.v6]
)

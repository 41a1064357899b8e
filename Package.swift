// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dxtrack",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dxtrack", targets: ["dxtrack"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.110.0"),
        .package(url: "https://github.com/vapor/fluent", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
    ],
    targets: [
        // Pure domain: Foundation only.
        .target(name: "DXCore"),
        // Document formats (DOCX, XLSX, CSV, HTML, PDF through LibreOffice): no domain, no framework.
        .target(name: "DXDocuments", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The official report laid out in the document formats.
        .target(name: "DXReports", dependencies: ["DXCore", "DXDocuments"]),
        // Reading what people upload: XLSX (safely), CSV, the official unit lists.
        .target(name: "DXImport", dependencies: ["DXCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                resources: [.copy("Resources/official")]),
        .target(
            name: "DXStore",
            dependencies: [
                "DXCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            resources: [.copy("Demo/Resources")]
        ),
        .target(
            name: "DXWeb",
            dependencies: [
                "DXCore", "DXStore", "DXReports", "DXDocuments", "DXImport",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // The SMTP client of the notices (no maintained SMTP package is available).
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "dxtrack",
            dependencies: [
                "DXCore", "DXStore", "DXWeb", "DXReports", "DXDocuments", "DXImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        // Test databases shared by the store, web and command-line tests.
        .target(name: "DXTestSupport", dependencies: ["DXStore"], path: "Tests/DXTestSupport"),
        .testTarget(name: "DXCoreTests", dependencies: ["DXCore"]),
        .testTarget(name: "DXDocumentsTests", dependencies: ["DXDocuments", "DXReports"]),
        .testTarget(name: "DXReportsTests", dependencies: ["DXReports", "DXStore", "DXTestSupport"]),
        .testTarget(
            name: "DXImportTests",
            dependencies: ["DXImport", "DXCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "DXStoreTests", dependencies: ["DXStore", "DXTestSupport"]),
        .testTarget(
            name: "DXWebTests",
            dependencies: ["DXWeb", "DXStore", "DXTestSupport", "DXDocuments", "DXImport",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "XCTVapor", package: "vapor")]
        ),
        .testTarget(name: "dxtrackTests", dependencies: ["dxtrack", "DXStore", "DXTestSupport", "DXWeb"]),
    ],
    swiftLanguageModes: [.v6]
)

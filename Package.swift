// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Dossier", targets: ["Dossier"]),
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries, found through pkg-config.
        .systemLibrary(name: "CICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Foundation-free wrapper around ICU: the only module that sees ICU's headers.
        .target(
            name: "ICUText",
            dependencies: ["CICU"],
            swiftSettings: [.unsafeFlags(["-enable-library-evolution"])]
        ),
        // The pipeline: Document → Text → Matchers → Resolvers → Records → Writers.
        .target(
            name: "Dossier",
            dependencies: ["ICUText", "CLibXML2"],
            resources: [.copy("Language/en")]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: ["Dossier", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "DossierTests", dependencies: ["Dossier", "ICUText"]),
    ]
)

// swift-tools-version:6.0
import PackageDescription

// A libFuzzer target for the Dossier pipeline. Build and run it with `Fuzz/run.sh`, which passes
// `-sanitize=fuzzer`: coverage instrumentation for every module, and libFuzzer linked in. The
// executable's own `main` hands over to libFuzzer through `LLVMFuzzerRunDriver`.
let package = Package(
    name: "DossierFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Dossier", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "DossierFuzz",
            dependencies: ["CFuzzerDriver", .product(name: "Dossier", package: "Dossier")]
        ),
    ]
)

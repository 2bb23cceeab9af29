// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sakerhet",
    products: [
        .executable(name: "sakerhet", targets: ["sakerhet"]),
        .library(name: "SakerhetCore", targets: ["SakerhetCore"]),
    ],
    targets: [
        .target(name: "SakerhetCore"),
        .executableTarget(name: "sakerhet", dependencies: ["SakerhetCore"]),
        .executableTarget(name: "sakerhet-bench", dependencies: ["SakerhetCore"]),
        .testTarget(name: "SakerhetCoreTests", dependencies: ["SakerhetCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SakerhetCore"], exclude: ["Golden", "Fixtures"]),
    ]
)

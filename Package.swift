// swift-tools-version:6.0
import PackageDescription
import Foundation

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
        .testTarget(name: "SakerhetCoreTests", dependencies: ["SakerhetCore"], exclude: ["FuzzRegressions"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SakerhetCore"], exclude: ["Golden", "Fixtures"]),
    ]
)

// The libFuzzer target (docs/security.md), only with SAKERHET_FUZZ=1: it must be built with
// -sanitize=fuzzer, which brings its own main, so a plain `swift build` leaves it out.
// .ci/fuzz.sh builds and runs it.
if ProcessInfo.processInfo.environment["SAKERHET_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "sakerhet-fuzz", dependencies: ["SakerhetCore"]))
    package.products.append(.executable(name: "sakerhet-fuzz", targets: ["sakerhet-fuzz"]))
}

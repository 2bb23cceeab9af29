// swift-tools-version:6.0
import PackageDescription
import Foundation

/// Release builds get a generic type's metadata from an accessor function the compiler
/// writes, not from its mangled name: the runtime then neither decodes the name nor scans
/// every protocol conformance of the binary to check the type's requirements, which took
/// about 1 ms of each small command (docs/performance.md). The code's meaning is the same.
let startUp: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

let package = Package(
    name: "sakerhet",
    products: [
        .executable(name: "sakerhet", targets: ["sakerhet"]),
        .library(name: "SakerhetCore", targets: ["SakerhetCore"]),
    ],
    targets: [
        // glibc's allocator settings (`mallopt`), which the Glibc module leaves out: a header
        // of the C library, no library of its own (Platform.tuneAllocator).
        .systemLibrary(name: "CAllocator"),
        .target(name: "SakerhetCore", dependencies: ["CAllocator"], swiftSettings: startUp),
        // A release build on Linux is one static executable: no dynamic loader, libc,
        // libstdc++ or libm to map and bind at every start, 2.5–4.5 ms of each command
        // (docs/performance.md, "Start-up: one static executable"). The product calls
        // nothing that needs glibc's run-time loading (user and group lookups, dlopen,
        // iconv); PortabilityTests checks that.
        .executableTarget(name: "sakerhet", dependencies: ["SakerhetCore"], swiftSettings: startUp,
                          linkerSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))]),
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

// libFuzzer target: feeds bytes to the parser, the data set, every check and every
// renderer (see Exercise.swift). Built only with SAKERHET_FUZZ=1 and -sanitize=fuzzer;
// run it with .ci/fuzz.sh, explained in docs/security.md.
//
// The first byte of an input says what the rest is:
//   bits 0–2: 0…5 replace one kind's file (owners, areas, goals, activities, risks,
//             findings) of the base (see baseFiles), 6 replaces config.rec, 7 splits the
//             rest on NUL bytes into the seven files (a missing piece is an absent file);
//   bit 3:    the other files are absent instead of the base's;
//   bits 4–5: the date: 2024-11-04, 2023-01-01, 2026-11-26 or 2099-12-31;
//   bits 6–7, with the input's length modulo 4: which language, report format and list
//             format run (Exercise.run's variant), so that each run takes a quarter of the
//             time and every renderer still comes round.
import Foundation
import SakerhetCore

/// The base the input is put into: the shipped plan (SAKERHET_FUZZ_DATA, else data/ of
/// this repository), each file cut after its fourth record, so that a run takes
/// milliseconds and references between the files still resolve.
let baseFiles: [[UInt8]?] = {
    let folder = ProcessInfo.processInfo.environment["SAKERHET_FUZZ_DATA"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data").path
    return Exercise.files(folder: folder).map { file in
        guard let file else { return nil }
        let records = Document(bytes: file).records
        return records.count > 4 ? Array(file[..<records[3].byteRange.upperBound]) : file
    }
}()

let days = ["2024-11-04", "2023-01-01", "2026-11-26", "2099-12-31"].map { Day($0)! }

/// The seven files an input stands for (see the head of this file).
func files(_ input: [UInt8]) -> ([[UInt8]?], Day, Int) {
    guard let head = input.first else { return (baseFiles, days[0], 0) }
    let body = Array(input.dropFirst())
    let selector = Int(head & 7)
    let bare = head & 8 != 0
    var files: [[UInt8]?] = bare ? Array(repeating: nil, count: 7) : baseFiles
    if selector == 7 {
        let pieces = body.split(separator: 0, maxSplits: 6, omittingEmptySubsequences: false)
        for i in 0..<7 { files[i] = i < pieces.count ? Array(pieces[i]) : nil }
    } else {
        files[selector] = body
    }
    return (files, days[Int(head >> 4) & 3], Int(head >> 6) + 4 * (input.count % 4))
}

/// Runs one input; libFuzzer calls it with each input it makes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let (inputFiles, asOf, variant) = files(bytes)
    Exercise.run(Exercise.dataSet(inputFiles), asOf: asOf, variant: variant)
    return 0
}

/// libFuzzer's driver. SwiftPM links an executable's `main` to this module's entry point
/// (`--defsym main=sakerhet_fuzz_main`), so libFuzzer's own `main` is not used and the
/// entry point hands the command line to the driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("sakerhet_fuzz_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, fuzz)
}

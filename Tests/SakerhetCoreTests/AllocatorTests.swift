import Foundation
import XCTest
@testable import SakerhetCore

/// `Platform.tuneAllocator` (called at the start of `main`): on Linux with transparent huge
/// pages, part of the heap is marked for them, and memory allocated and freed afterwards
/// works as before.
final class AllocatorTests: XCTestCase {
    func testTheHeapIsMarkedForHugePages() throws {
        #if os(Linux)
        guard let mode = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8) else {
            throw XCTSkip("this kernel has no transparent huge pages")
        }
        Platform.tuneAllocator()
        // A file of /proc has no size to read up to: read it to its end.
        let smaps = String(decoding: FileHandle(forReadingAtPath: "/proc/self/smaps")?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        // A mapping's flags: "hg" is the advice MADV_HUGEPAGE.
        let flagged = smaps.split(separator: "\n").filter { $0.hasPrefix("VmFlags:") && $0.split(separator: " ").contains("hg") }
        XCTAssertFalse(flagged.isEmpty, "no mapping is marked for huge pages (the kernel's setting: \(mode))")
        // Allocations of every size after it, and a second call, are as before.
        Platform.tuneAllocator()
        var kept: [[UInt8]] = []
        for size in [1, 100, 4096, 1 << 20, 40 << 20] {
            var a = [UInt8](repeating: 7, count: size)
            a[size - 1] = 9
            kept.append(a)
        }
        XCTAssertEqual(kept.map { Int($0.last!) + $0.count }, [10, 109, 4105, (1 << 20) + 9, (40 << 20) + 9])
        #else
        throw XCTSkip("glibc only")
        #endif
    }
}

import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Colour on a terminal, and none with NO_COLOR. Standard output is a pseudo-terminal here,
/// since the binary never colours a pipe or a file.
final class TerminalTests: EndToEndCase {
    static let escape: UInt8 = 0x1B

    /// Runs `sakerhet args` in `cwd` with standard output on a pseudo-terminal (of `columns`
    /// when given); returns the bytes the terminal got and the exit code.
    func runOnTerminal(_ args: [String], in cwd: URL, env: [String: String?], columns: UInt16? = nil) throws -> (bytes: [UInt8], exitCode: Int32) {
        let (master, name) = try Self.openTerminal()
        defer { close(master) }
        if let columns {
            var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
            guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else { throw XCTSkip("cannot set the terminal's size") }
        }
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw XCTSkip("cannot open \(name)") }

        var environment = ProcessInfo.processInfo.environment
        environment["SAKERHET_BIN"] = nil
        for (key, value) in env { environment[key] = value }
        let process = Process()
        process.executableURL = try Binary.url()
        process.arguments = args
        process.currentDirectoryURL = cwd
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(slave)

        // Read until the child has closed the terminal (EIO or end of file).
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        process.waitUntilExit()
        return (bytes, process.terminationStatus)
    }

    /// A new pseudo-terminal: the master's descriptor and the slave's path.
    static func openTerminal() throws -> (Int32, String) {
        #if os(Linux)
        // posix_openpt and friends are not visible from Swift's Glibc module; these are
        // the same calls as ioctls (TIOCSPTLCK, TIOCGPTN from <asm-generic/ioctls.h>).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw XCTSkip("no /dev/ptmx") }
        var unlock: Int32 = 0, number: UInt32 = 0
        guard ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            close(master)
            throw XCTSkip("cannot set up a pseudo-terminal")
        }
        return (master, "/dev/pts/\(number)")
        #else
        let master = posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw XCTSkip("no pseudo-terminal available")
        }
        return (master, String(cString: name))
        #endif
    }

    /// The fixture: clean at 2024-11-04, with overdue errors at 2026-11-26.
    func lateFixture() throws -> URL { try folder(with: Fixture.files) }

    func testColourOnATerminal() throws {
        let r = try runOnTerminal(["audit", "--as-of", "2026-11-26", "--data", "data"], in: try lateFixture(),
                                  env: ["NO_COLOR": nil, "TERM": "xterm-256color"])
        XCTAssertEqual(r.exitCode, 1)
        XCTAssertTrue(String(decoding: r.bytes, as: UTF8.self).contains("M3.3"), "no output on the terminal")
        XCTAssertTrue(r.bytes.contains(Self.escape), "no colour on a terminal without NO_COLOR")
    }

    func testNoColorIsHonouredOnATerminal() throws {
        let root = try lateFixture()
        for args in [["audit"], ["audit", "--by-owner"], ["report"]] {
            let r = try runOnTerminal(args + ["--as-of", "2026-11-26", "--data", "data"], in: root,
                                      env: ["NO_COLOR": "1", "TERM": "xterm-256color"])
            XCTAssertTrue(String(decoding: r.bytes, as: UTF8.self).contains("M3.3"), "no output for \(args)")
            XCTAssertFalse(r.bytes.contains(Self.escape), "ESC byte with NO_COLOR=1 for \(args)")
        }
    }

    /// Issue 17: without COLUMNS, a table fits the terminal's own width (here 70 columns).
    func testTablesFitTheTerminalsWidth() throws {
        let r = try runOnTerminal(["activities", "list", "--as-of", "2024-11-04"], in: try copyOfShippedData(),
                                  env: ["NO_COLOR": "1", "COLUMNS": nil, "TERM": "xterm-256color"], columns: 70)
        XCTAssertEqual(r.exitCode, 0)
        let lines = String(decoding: r.bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 30)
        for line in lines { XCTAssertLessThanOrEqual(line.count, 70, String(line)) }
        XCTAssertTrue(lines.contains { $0.count > 60 }, "the table does not use the terminal's width")
    }

    func testNoColourInAPipe() throws {
        let r = try run(["audit", "--as-of", "2026-11-26", "--data", "data"], in: try lateFixture(), env: ["NO_COLOR": nil])
        XCTAssertEqual(r.exitCode, 1)
        XCTAssertTrue(r.stdout.contains("M3.3"), r.output)
        XCTAssertFalse(r.stdoutBytes.contains(Self.escape))
    }
}

import Foundation
import SakerhetCore

/// Runs a command several times through `Foundation.Process` and keeps the wall-clock time,
/// CPU time (user + system) and peak resident set size of each run. CPU time and peak RSS
/// come from `/usr/bin/time -f "%M %U %S"` when present, else from `getrusage(RUSAGE_CHILDREN)`
/// (CPU as a difference; RSS is the largest child so far, an upper bound). Each run is
/// limited by `timeout` (coreutils) when present. CPU time shows the work itself; wall time
/// also shows what other processes on a busy machine take away.
struct Runner {
    let runs: Int
    let timeoutSeconds: Int
    let scratch: String
    /// A run longer than this is not repeated.
    let slowSeconds: Double = 15
    private let timePath: String?
    private let timeoutPath: String?

    init(runs: Int, timeoutSeconds: Int, scratch: String) {
        self.runs = runs
        self.timeoutSeconds = timeoutSeconds
        self.scratch = scratch
        let fm = FileManager.default
        timePath = fm.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil
        timeoutPath = ["/usr/bin/timeout", "/bin/timeout"].first { fm.isExecutableFile(atPath: $0) }
    }

    var rssSource: String {
        timePath != nil ? "/usr/bin/time" : "getrusage(RUSAGE_CHILDREN), an upper bound"
    }

    struct Result {
        var seconds: [Double] = []
        var rssKB: [Int] = []
        var cpu: [Double] = []
        var note: String?
        var failed: Bool { seconds.isEmpty }

        var median: Double? {
            guard !seconds.isEmpty else { return nil }
            let s = seconds.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        var min: Double? { seconds.min() }
        var maxRSS: Int? { rssKB.max() }
        var medianCPU: Double? {
            guard !cpu.isEmpty else { return nil }
            let s = cpu.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
    }

    /// Runs `executable args` up to `runs` times. `okStatus` says which exit codes count as
    /// success. With `innerTime`, the command prints its own time in seconds on the last
    /// line of standard output (used for PyYAML, to leave out interpreter start-up).
    func measure(_ executable: String, _ args: [String], cwd: String? = nil, okStatus: Set<Int32> = [0],
                 innerTime: Bool = false) -> Result {
        var result = Result()
        for run in 0..<runs {
            switch once(executable, args, cwd: cwd, innerTime: innerTime) {
            case .failure(let why):
                result.note = why.message
                return result
            case .success(let (status, seconds, rss, cpu)):
                if status == 124, timeoutPath != nil {
                    result.note = "stopped after \(timeoutSeconds) s (timeout)"
                    return result
                }
                guard okStatus.contains(status) else {
                    result.note = "exit status \(status): " + lastError()
                    return result
                }
                result.seconds.append(seconds)
                if let rss { result.rssKB.append(rss) }
                if let cpu { result.cpu.append(cpu) }
                if seconds > slowSeconds && run == 0 && runs > 1 {
                    result.note = "1 run (over \(Int(slowSeconds)) s)"
                    return result
                }
            }
        }
        return result
    }

    private var outFile: String { scratch + "/stdout.txt" }
    private var errFile: String { scratch + "/stderr.txt" }
    private var rssFile: String { scratch + "/rss.txt" }

    private func once(_ executable: String, _ args: [String], cwd: String?, innerTime: Bool)
        -> Swift.Result<(Int32, Double, Int?, Double?), RunError> {
        let fm = FileManager.default
        _ = fm.createFile(atPath: outFile, contents: nil)
        _ = fm.createFile(atPath: errFile, contents: nil)
        try? fm.removeItem(atPath: rssFile)
        var argv: [String] = []
        if let timeoutPath { argv += [timeoutPath, String(timeoutSeconds)] }
        argv += [executable] + args
        if let timePath { argv = [timePath, "-f", "%M %U %S", "-o", rssFile] + argv }
        let before = Platform.childProcessUsage()

        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        guard let out = FileHandle(forWritingAtPath: innerTime ? outFile : "/dev/null"),
              let err = FileHandle(forWritingAtPath: errFile) else {
            return .failure(RunError("cannot open output files in \(scratch)"))
        }
        defer { try? out.close(); try? err.close() }
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        // `waitUntilExit` polls the run loop every 50 ms on Linux; a semaphore signalled by the
        // termination handler wakes at once.
        let exited = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in exited.signal() }
        let clock = ContinuousClock()
        let start = clock.now
        do { try p.run() } catch { return .failure(RunError("cannot start \(argv[0]): \(error.localizedDescription)")) }
        exited.wait()
        let elapsed = clock.now - start
        p.waitUntilExit()
        var seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let status = p.terminationStatus

        var rss: Int?
        var cpu: Double?
        if timePath != nil {
            // GNU time writes "Command exited with non-zero status N" before the values.
            let text = (try? String(contentsOfFile: rssFile, encoding: .utf8)) ?? ""
            let values = text.split(separator: "\n").last?.split(separator: " ") ?? []
            if values.count == 3 {
                rss = Int(values[0])
                if let u = Double(values[1]), let s = Double(values[2]) { cpu = u + s }
            }
        } else {
            let usage = Platform.childProcessUsage()
            rss = usage.maxResidentKiB
            cpu = usage.cpuSeconds - before.cpuSeconds
        }
        if innerTime, status == 0 {
            let text = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
            guard let inner = text.split(separator: "\n").last.flatMap({ Double($0) }) else {
                return .failure(RunError("no time printed: " + lastError()))
            }
            seconds = inner
        }
        return .success((status, seconds, rss, cpu))
    }

    /// The last non-empty line the command wrote to standard error.
    func lastError() -> String {
        let text = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").last.map(String.init) ?? "(no message)"
    }

    /// Runs a command to completion and returns its standard output (for `help`, git, builds).
    static func capture(_ executable: String, _ args: [String], cwd: String? = nil, input: Data? = nil) -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        let stdin = Pipe()
        p.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do { try p.run() } catch { return (127, "cannot start \(executable): \(error.localizedDescription)") }
        if let input {
            // Write from another thread so a large input cannot block against a full output pipe.
            let writer = stdin.fileHandleForWriting
            let box = DataBox(input)
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                writer.write(box.data)
                try? writer.close()
                done.signal()
            }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.wait()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The full path of a program on PATH, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

final class DataBox: @unchecked Sendable {
    let data: Data
    init(_ data: Data) { self.data = data }
}

struct RunError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

import FoundationEssentials

/// Diagnostics for machines: JSON, GitHub workflow commands, a GitLab Code Quality
/// report and JUnit XML. See docs/ci.md for the schemas.
public enum DiagnosticFormats {
    /// Version of the JSON schema below; raised on any incompatible change.
    public static let jsonSchema = "sakerhet.audit/1"

    struct JSONDiagnostic: Encodable {
        let file: String
        let line: Int
        let column: Int?
        let kind: String?
        let id: String?
        let check: String
        let severity: String
        let message: String
        let owner: String?
        let owner_name: String?
        /// Every owner and name, when the record has several (`owner` stays the first).
        let owners: [String]?
        let owner_names: [String]?
    }

    struct JSONAudit: Encodable {
        let schema: String
        let as_of: String
        let data: String
        let errors: Int
        let warnings: Int
        let notices: Int
        let diagnostics: [JSONDiagnostic]
    }

    public static func json(_ diagnostics: [Diagnostic], data: DataSet, asOf: Day, lang: Lang) -> String {
        let counts = diagnostics.counts()
        let doc = JSONAudit(
            schema: jsonSchema, as_of: asOf.description, data: SafeText.masked(data.folder, lang),
            errors: counts.errors, warnings: counts.warnings, notices: counts.notices,
            diagnostics: diagnostics.map {
                let several = $0.owner != nil && $0.coOwners != nil ? $0.owners : nil
                return JSONDiagnostic(file: SafeText.masked($0.file, lang), line: $0.line, column: $0.column, kind: $0.kind?.rawValue,
                                      id: $0.recordID.map { SafeText.masked($0, lang) }, check: $0.check, severity: $0.severity.rawValue,
                                      message: message($0, lang), owner: $0.owner.map { SafeText.masked($0, lang) },
                                      owner_name: $0.owner.map { SafeText.masked(data.ownerName($0), lang) },
                                      owners: several?.map { SafeText.masked($0, lang) },
                                      owner_names: several?.map { SafeText.masked(data.ownerName($0), lang) })
            })
        return encode(doc)
    }

    /// The message with any personal identity number masked: a check may quote a value.
    /// Every format takes its messages from here; the text formats also make controls visible.
    static func message(_ d: Diagnostic, _ lang: Lang) -> String { SafeText.masked(d.message.text(lang), lang) }

    static func encode<T: Encodable>(_ value: T) -> String {
        (try? JSONWriter.encode(value)) ?? "\n"
    }

    // MARK: GitHub

    /// `::error file=…,line=…,title=…::message`, one per diagnostic.
    public static func github(_ diagnostics: [Diagnostic], data: DataSet, lang: Lang) -> String {
        var out = ""
        for d in diagnostics {
            var props = "file=\(escapeProperty(SafeText.text(d.file, lang))),line=\(d.line)"
            if let c = d.column { props += ",col=\(c)" }
            props += ",title=\(escapeProperty(SafeText.text(title(d, lang), lang)))"
            var msg = d.message.text(lang)
            if d.owner != nil { msg += (lang == .sv ? " (ansvarig: " : " (owner: ") + fewNames(d.owners, lang, name: data.ownerName) + ")" }
            out += "::\(d.severity.rawValue) \(props)::\(escapeData(SafeText.text(msg, lang)))\n"
        }
        return out
    }

    /// A short title such as "Försenad A12".
    static func title(_ d: Diagnostic, _ lang: Lang) -> String {
        let name = checkTitle(d.check, lang)
        return d.recordID.map { "\(name) \($0)" } ?? name
    }

    /// The check's title as the text output words it, from the check itself.
    static func checkTitle(_ check: String, _ lang: Lang) -> String { Checks.title(of: check).text(lang) }

    static func escapeData(_ s: String) -> String {
        s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }

    // MARK: GitLab

    struct CodeQuality: Encodable {
        struct Location: Encodable {
            struct Lines: Encodable { let begin: Int }
            let path: String
            let lines: Lines
        }
        let description: String
        let check_name: String
        let fingerprint: String
        let severity: String
        let location: Location
    }

    /// A Code Quality report. The fingerprint hangs on the check, the file and the
    /// record (or the line, outside records), never on the message, which changes daily.
    public static func gitlab(_ diagnostics: [Diagnostic], data: DataSet, lang: Lang) -> String {
        var seen: [String: Int] = [:]
        let items = diagnostics.map { d -> CodeQuality in
            var key = d.check + "\u{1F}" + d.file + "\u{1F}" + (d.recordID ?? "line \(d.line)")
            let n = seen[key, default: 0]
            seen[key] = n + 1
            if n > 0 { key += "\u{1F}\(n)" }
            // GitLab shows the description alone: it starts with the title ("Försenad A9: …").
            var msg = SafeText.text(title(d, lang), lang) + ": " + message(d, lang)
            if d.owner != nil { msg += (lang == .sv ? " (ansvarig: " : " (owner: ") + SafeText.masked(fewNames(d.owners, lang, name: data.ownerName), lang) + ")" }
            let severity = d.severity == .error ? "major" : d.severity == .warning ? "minor" : "info"
            return CodeQuality(description: msg, check_name: d.check, fingerprint: fingerprint(key), severity: severity,
                               location: .init(path: SafeText.masked(d.file, lang), lines: .init(begin: d.line)))
        }
        return encode(items)
    }

    /// 128 bits of FNV-1a as 32 hex digits: stable across runs and machines.
    static func fingerprint(_ s: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in s.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = b &+ (a >> 29)
        }
        return hex64(a) + hex64(b)
    }

    static func hex64(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    // MARK: JUnit

    /// One test suite per kind and one test case per record, named by its id. A record
    /// with an error fails; problems outside any record go in a case named by the file.
    public static func junit(_ diagnostics: [Diagnostic], data: DataSet, lang: Lang) -> String {
        var byRecord: [String: [Diagnostic]] = [:]
        var byFile: [String: [Diagnostic]] = [:]
        for d in diagnostics {
            if let k = d.kind, let id = d.recordID { byRecord[k.rawValue + "\u{1F}" + id, default: []].append(d) }
            else { byFile[d.file, default: []].append(d) }
        }
        var suites = ""
        var totalTests = 0, totalFailures = 0
        // One suite per kind, and one for config.rec with a single case.
        var suitesToWrite: [(name: String, className: String, cases: [(String, [Diagnostic])])] = []
        for kind in Kind.allCases {
            guard let file = data.files[kind] else { continue }
            var seen = Set<String>()
            var caseNames: [(String, [Diagnostic])] = []
            if let fileLevel = byFile[file.path] { caseNames.append((file.path, fileLevel)) }
            for r in file.document.records {
                guard let id = r.value(.id), seen.insert(id).inserted else { continue }
                caseNames.append((id, byRecord[kind.rawValue + "\u{1F}" + id] ?? []))
            }
            suitesToWrite.append((kind.word(lang, plural: true), kind.fileName, caseNames))
        }
        if let config = data.configFile {
            suitesToWrite.append(("config", "config.rec", [(config.path, byFile[config.path] ?? [])]))
        }
        for suite in suitesToWrite {
            var cases = ""
            var tests = 0, failures = 0
            let caseNames = suite.cases
            for (name, ds) in caseNames {
                tests += 1
                let errors = ds.filter { $0.severity == .error }
                cases += "    <testcase classname=\"\(xml(suite.className))\" name=\"\(xml(SafeText.masked(name, lang)))\""
                if errors.isEmpty && ds.isEmpty { cases += "/>\n"; continue }
                cases += ">\n"
                if !errors.isEmpty {
                    failures += 1
                    let text = errors.map { "\($0.file):\($0.line): \(message($0, lang))" }.joined(separator: "\n")
                    cases += "      <failure message=\"\(xml(message(errors[0], lang)))\" type=\"\(xml(errors[0].check))\">\(xml(text))</failure>\n"
                }
                let rest = ds.filter { $0.severity != .error }
                if !rest.isEmpty {
                    let text = rest.map { "\($0.file):\($0.line): \($0.severity.word(lang)): \(message($0, lang))" }.joined(separator: "\n")
                    cases += "      <system-out>\(xml(text))</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            totalTests += tests
            totalFailures += failures
            suites += "  <testsuite name=\"\(xml(suite.name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n" + cases + "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sakerhet audit\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\">\n" + suites + "</testsuites>\n"
    }

    /// Escapes text for XML and HTML; with `breaks`, a line break becomes `<br/>`. A personal
    /// identity number is masked; a control character (see `SafeText`) becomes U+FFFD.
    public static func xml(_ s: String, breaks: Bool = false) -> String {
        // One pass tells whether there is a number to mask or anything to escape (masking
        // adds nothing that needs an escape): most text comes back as it is.
        let found = SafeBytes.scan(s)
        let s = found.number ? SafeText.masked(s) : s
        if !(found.markup || found.control || (breaks && found.newline)) { return s }
        // Without a control character, every escape is of one ASCII byte: the text is copied
        // in runs between them.
        if !found.control { return SafeBytes.markupEscaped(s, breaks: breaks) }
        return escapedByScalar(s, breaks: breaks)
    }

    /// The escape of `xml`, one Unicode scalar at a time, a control character written as
    /// U+FFFD; no number is masked here.
    static func escapedByScalar(_ s: String, breaks: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n" where breaks: out += "<br/>"
            default:
                if SafeText.isHidden(c) { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}

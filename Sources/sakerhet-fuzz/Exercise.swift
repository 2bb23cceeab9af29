import Foundation
import SakerhetCore

/// Everything the tool does with a data folder, in process: every check, every audit
/// format, the follow-up report in every format (with and without `--public`), every
/// list format, the risk matrix, and `show`. The fuzz target (main.swift) runs all of it on
/// each input; Tests/SakerhetCoreTests/MutationTests.swift (through a link to this file)
/// runs a rotating part of it on each mutant, so that thousands fit in seconds.
enum Exercise {
    /// The kinds with a file, in a fixed order; index 6 is `config.rec`.
    static let kinds: [Kind] = [.owner, .area, .goal, .activity, .risk, .finding]
    static let fileNames = kinds.map(\.fileName) + ["config.rec"]

    /// The seven files of a folder (nil for a file that does not exist).
    static func files(folder: String) -> [[UInt8]?] {
        fileNames.map { FileManager.default.contents(atPath: folder + "/" + $0).map { Array($0) } }
    }

    /// A data set of seven files (six kinds and config.rec, nil for a missing file).
    static func dataSet(_ files: [[UInt8]?]) -> DataSet {
        var byKind: [Kind: SourceFile] = [:]
        for (i, kind) in kinds.enumerated() {
            if let bytes = files[i] { byKind[kind] = SourceFile(path: "data/" + kind.fileName, document: Document(bytes: bytes)) }
        }
        let config = files[6].map { SourceFile(path: "data/config.rec", document: Document(bytes: $0)) }
        return DataSet(folder: "data", files: byKind, configFile: config)
    }

    /// Runs the checks and renderers on `data` as of `asOf`: all of them when `variant` is
    /// nil, else one language, the text audit and one other audit format, one report format
    /// and one list format chosen by `variant` (each comes round within 16 variants), and
    /// `show` on every 8th.
    /// Returns the total size of the output, so that nothing is optimised away.
    @discardableResult
    static func run(_ data: DataSet, asOf: Day, variant: Int? = nil) -> Int {
        let all = variant == nil
        let v = variant ?? 0
        var size = 0
        let diagnostics = Checks.run(data, asOf: asOf)
        size += Checks.run(data, asOf: asOf, includeDateChecks: false).count
        for lang in all ? Lang.allCases : [Lang.allCases[v % 2]] {
            let format = v % 5
            size += DiagnosticText.render(diagnostics, data: data, asOf: asOf, lang: lang, style: .plain).utf8.count
            if all || format == 0 { size += DiagnosticText.renderByOwner(diagnostics, data: data, asOf: asOf, lang: lang, style: Style(color: true)).utf8.count }
            if all || format == 1 { size += DiagnosticFormats.json(diagnostics, data: data, asOf: asOf, lang: lang).utf8.count }
            if all || format == 2 { size += DiagnosticFormats.github(diagnostics, data: data, lang: lang).utf8.count }
            if all || format == 3 { size += DiagnosticFormats.gitlab(diagnostics, data: data, lang: lang).utf8.count }
            if all || format == 4 { size += DiagnosticFormats.junit(diagnostics, data: data, lang: lang).utf8.count }
        }
        for isPublic in all ? [false, true] : [(v / 4) % 2 == 1] {
            let lang: Lang = isPublic ? .en : .sv
            let report = FollowUp.make(data, asOf: asOf, isPublic: isPublic, lang: lang)
            let format = v % 4
            if all || format == 0 { size += FollowUpText.render(report, lang: lang, style: .plain).utf8.count }
            if all || format == 1 { size += FollowUpMarkdown.render(report, lang: lang).utf8.count }
            if all || format == 2 { size += FollowUpHTML.render(report, lang: lang).utf8.count }
            if all || format == 3 { size += FollowUpJSON.render(report).utf8.count }
        }
        for kind in Kind.allCases where all || data.files[kind] != nil {
            let list = RecordList.make(data, kind, filter: ListFilter(), asOf: asOf)
            let format = (v / 2) % 4
            if all || format == 0 { size += ListRender.table(list, lang: .sv, style: Style(color: true)).utf8.count }
            if all || format == 1 { size += ListRender.tsv(list, lang: .en).utf8.count }
            if all || format == 2 { size += ListRender.csv(list, lang: .sv).utf8.count }
            if all || format == 3 { size += ListRender.json(list).utf8.count }
            var late = ListFilter()
            late.overdue = true
            size += RecordList.make(data, kind, filter: late, asOf: asOf).rows.count
            // `show ID` for the first id in sorted order (the same every run); it is the
            // slowest renderer, so only every 8th variant.
            if all || v % 8 == 0, let ids = data.ids[kind], let id = ids.keys.min(), let index = ids[id]?.first {
                size += ShowRender.text(data, RecordRef(kind: kind, index: index), asOf: asOf, lang: .sv, style: .plain).utf8.count
            }
        }
        size += ListRender.matrix(data.risks, thresholds: data.riskThresholds, lang: .sv, style: .plain).utf8.count
        return size
    }
}

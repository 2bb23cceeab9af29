/// An open finding the auditor assessed `röd` needs someone to answer for it in time: a
/// deadline (`due`), and when the deadline is unknown (`due: ?`), a linked activity
/// (`action`). Severity: warning for röd, notice for gul; grön and closed findings pass.
public struct UnownedFindingCheck: Check {
    public var id: String { "unowned-finding" }
    public var title: Message { Message(sv: "Rekommendation utan åtgärd", en: "Finding without action") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for f in data.findings where !(f.status?.isClosed ?? false) {
            let severity: Severity
            switch f.assessment {
            case .red?: severity = .warning
            case .yellow?: severity = .notice
            default: continue
            }
            let colour = f.assessment!
            if f.due == nil {
                out.append(Diagnostic(severity, id, data, f.ref, field: .assessment,
                                      sv: Text.noDueSV(f.id, colour, f.actions.isEmpty), en: Text.noDueEN(f.id, colour, f.actions.isEmpty)))
            } else if f.due?.isUnknown == true, f.actions.isEmpty {
                out.append(Diagnostic(severity, id, data, f.ref, field: .due,
                                      sv: Text.unknownSV(f.id, colour), en: Text.unknownEN(f.id, colour)))
            }
        }
        return out
    }

    private enum Text {
        static func noDueSV(_ id: String, _ a: Assessment, _ noAction: Bool) -> String {
            "\(id) är bedömd \(a.word(.sv)) och öppen men saknar slutdatum" + (noAction ? " och kopplad åtgärd" : "")
                + "; ange 'due: …'" + (noAction ? " och 'action: …'" : "")
        }
        static func noDueEN(_ id: String, _ a: Assessment, _ noAction: Bool) -> String {
            "\(id) is assessed \(a.word(.en)) and open but has no deadline" + (noAction ? " and no linked activity" : "")
                + "; add 'due: …'" + (noAction ? " and 'action: …'" : "")
        }
        static func unknownSV(_ id: String, _ a: Assessment) -> String {
            "\(id) är bedömd \(a.word(.sv)) och öppen, har okänt slutdatum (due: ?) och ingen kopplad åtgärd; ange ett slutdatum eller 'action: …'"
        }
        static func unknownEN(_ id: String, _ a: Assessment) -> String {
            "\(id) is assessed \(a.word(.en)) and open, has an unknown deadline (due: ?) and no linked activity; add a deadline or 'action: …'"
        }
    }
}

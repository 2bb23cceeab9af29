/// A goal agrees with what lies under it (`GoalChildren`: its sub-goals, its activities
/// and the findings whose `action` names one of them). A goal marked `klar` while a child
/// is open, or an open goal whose children are all `struken`, says something the plan
/// does not. Severity: warning, naming the children (at most `shown` of them).
///
/// A finding is linked to a goal through an activity, two references away; a write is
/// validated on its neighbourhood for errors only, so this warning is not part of it.
public struct GoalChildrenCheck: Check {
    public let id = "goal-children"
    public let title = Message(sv: "Mål och delar stämmer inte", en: "Goal and parts disagree")
    /// How many children a message names before "and N more".
    static let shown = 8
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        let tree = GoalChildren(data)
        var out: [Diagnostic] = []
        for (i, g) in data.goals.enumerated() {
            let children = tree.children(of: i, in: data)
            guard !children.isEmpty else { continue }
            if g.status == .done {
                let open = children.filter(\.isOpen)
                guard !open.isEmpty else { continue }
                out.append(Diagnostic(.warning, id, data, g.ref, field: "status",
                                      sv: Text.openSV(g.id, open, data), en: Text.openEN(g.id, open, data)))
            } else if g.status != .cancelled, children.allSatisfy({ $0.status == .cancelled }) {
                out.append(Diagnostic(.warning, id, data, g.ref, field: "status",
                                      sv: Text.cancelledSV(g.id, children, data), en: Text.cancelledEN(g.id, children, data)))
            }
        }
        return out
    }

    private enum Text {
        /// "delmål", or "målområde" for an action plan's area (`level`).
        static func goalWord(_ c: GoalChildren.Child, _ lang: Lang, _ data: DataSet) -> String {
            if data.record(c.ref).value(.level).flatMap({ GoalLevel(rawValue: $0.lowercased()) }) == .actionArea {
                return lang == .sv ? "målområde" : "action-plan area"
            }
            return lang == .sv ? "delmål" : "sub-goal"
        }

        static func list(_ children: [GoalChildren.Child], _ lang: Lang, _ data: DataSet) -> String {
            let named = children.prefix(GoalChildrenCheck.shown).map { c in
                "\(c.id(data)) (\(c.kind == .goal ? goalWord(c, lang, data) : c.kind.word(lang)), \(c.status?.word(lang) ?? (lang == .sv ? "utan status" : "no status")))"
            }.joined(separator: ", ")
            let more = children.count - GoalChildrenCheck.shown
            guard more > 0 else { return named }
            return named + (lang == .sv ? " och \(more) till" : " and \(more) more")
        }
        static func openSV(_ id: String, _ open: [GoalChildren.Child], _ data: DataSet) -> String {
            "\(id) är klar men \(open.count == 1 ? "en post" : "\(open.count) poster") under \(id) är \(open.count == 1 ? "öppen" : "öppna"): \(list(open, .sv, data)); avsluta eller stryk dem, eller sätt \(id) till pågår"
        }
        static func openEN(_ id: String, _ open: [GoalChildren.Child], _ data: DataSet) -> String {
            "\(id) is done but \(open.count == 1 ? "one record" : "\(open.count) records") under it \(open.count == 1 ? "is" : "are") open: \(list(open, .en, data)); close or cancel them, or set \(id) back to in-progress"
        }
        static func cancelledSV(_ id: String, _ all: [GoalChildren.Child], _ data: DataSet) -> String {
            "\(id) är öppen men allt under den är struket: \(list(all, .sv, data)); stryk \(id) med ett skäl eller lägg till det som ska göras"
        }
        static func cancelledEN(_ id: String, _ all: [GoalChildren.Child], _ data: DataSet) -> String {
            "\(id) is open but everything under it is cancelled: \(list(all, .en, data)); cancel \(id) with a reason or add the work that remains"
        }
    }
}

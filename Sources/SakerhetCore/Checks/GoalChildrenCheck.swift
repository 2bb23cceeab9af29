/// A goal agrees with what lies under it (`GoalChildren`: its sub-goals, its activities
/// and the findings whose `action` names one of them). A goal marked `klar` while a child
/// is open, a goal marked `struken` while a child is open (work left without a goal), or
/// an open goal whose children are all `struken`, says something the plan does not. A
/// `struken` sub-goal with open work anywhere below it does not count as cancelled there:
/// the goal above still has that work. Severity: warning, naming the children (at most
/// `shown` of them).
///
/// A finding is linked to a goal through an activity, two references away; a write is
/// validated on its neighbourhood for errors only, so this warning is not part of it.
public struct GoalChildrenCheck: Check {
    public var id: String { "goal-children" }
    public var title: Message { Message(sv: "Mål och delar stämmer inte", en: "Goal and parts disagree") }
    /// How many children a message names before "and N more".
    static let shown = 8
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        let tree = GoalChildren(data)
        // Worked out only when some goal has every child cancelled (rare), not on every audit.
        var openBelow: [Bool]?
        func isOpenBelow(_ i: Int) -> Bool {
            if openBelow == nil { openBelow = tree.openBelow(data) }
            return openBelow![i]
        }
        var out: [Diagnostic] = []
        let statuses = GoalChildren.Statuses(data)
        for (i, g) in data.goals.enumerated() {
            let children = tree.children(of: i, statuses: statuses)
            guard !children.isEmpty else { continue }
            if g.status == .done {
                let open = children.filter(\.isOpen)
                guard !open.isEmpty else { continue }
                out.append(Diagnostic(.warning, id, data, g.ref, field: .status,
                                      sv: Text.openSV(g.id, open, data), en: Text.openEN(g.id, open, data)))
            } else if g.status == .cancelled {
                let open = children.filter(\.isOpen)
                guard !open.isEmpty else { continue }
                out.append(Diagnostic(.warning, id, data, g.ref, field: .status,
                                      sv: Text.openUnderCancelledSV(g.id, open, data), en: Text.openUnderCancelledEN(g.id, open, data)))
            } else if children.allSatisfy({ $0.status == .cancelled }),
                      !children.contains(where: { $0.kind == .goal && isOpenBelow($0.ref.index) }) {
                out.append(Diagnostic(.warning, id, data, g.ref, field: .status,
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
        /// The fields that place the open children under a goal: `parent:` for a sub-goal,
        /// `goal:` for an activity, `action:` for a finding.
        static func moveFields(_ open: [GoalChildren.Child]) -> String {
            let kinds = Set(open.map(\.kind))
            return [(Kind.goal, "parent:"), (.activity, "goal:"), (.finding, "action:")]
                .filter { kinds.contains($0.0) }.map(\.1).joined(separator: ", ")
        }
        static func openUnderCancelledSV(_ id: String, _ open: [GoalChildren.Child], _ data: DataSet) -> String {
            let one = open.count == 1
            return "\(id) är struken men \(one ? "en post" : "\(open.count) poster") under \(id) är \(one ? "öppen" : "öppna"): \(list(open, .sv, data)); stryk \(one ? "den" : "dem") också med ett skäl, eller flytta \(one ? "den" : "dem") till ett annat mål (\(moveFields(open)))"
        }
        static func openUnderCancelledEN(_ id: String, _ open: [GoalChildren.Child], _ data: DataSet) -> String {
            let one = open.count == 1
            return "\(id) is cancelled but \(one ? "one record" : "\(open.count) records") under it \(one ? "is" : "are") open: \(list(open, .en, data)); cancel \(one ? "it" : "them") too with a reason, or move \(one ? "it" : "them") to another goal (\(moveFields(open)))"
        }
        static func cancelledSV(_ id: String, _ all: [GoalChildren.Child], _ data: DataSet) -> String {
            "\(id) är öppen men allt under den är struket: \(list(all, .sv, data)); stryk \(id) med ett skäl eller lägg till det som ska göras"
        }
        static func cancelledEN(_ id: String, _ all: [GoalChildren.Child], _ data: DataSet) -> String {
            "\(id) is open but everything under it is cancelled: \(list(all, .en, data)); cancel \(id) with a reason or add the work that remains"
        }
    }
}

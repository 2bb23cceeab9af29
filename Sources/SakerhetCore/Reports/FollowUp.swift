/// The follow-up report as a value: computed from the data set and a date, rendered
/// afterwards (text, Markdown, HTML, JSON), so that no format can disagree with another.
public struct FollowUp: Sendable, Encodable {
    public var organisation: String?
    public var title: String?
    public var version: String?
    public var asOf: Day
    public var period: Period
    public var window: Int
    public var summary: Summary
    /// Top-level goals (mål).
    public var goals: [GoalRow]
    /// Goals with a parent (delmål), in file order; not the målområden.
    public var subgoals: [GoalRow]
    /// An action plan's areas (goals with a parent and `level: målområde`), in file order:
    /// the Målområden table, counted by `summary.actionAreas`.
    public var actionAreas: [GoalRow] = []
    /// Activities grouped by their goal, in goal order.
    public var activityGroups: [ActivityGroup]
    public var risks: [RiskRow]
    /// `matrix[l-1][c-1]` holds the ids of risks with likelihood l and consequence c.
    public var matrix: [[[String]]]
    public var thresholds: RiskThresholds
    public var audits: [AuditGroup]
    public var owners: [OwnerSection]
    /// Records left out in public mode, per kind.
    public var omitted: [String: Int]
    public var isPublic: Bool
    /// What a reader must know before reading on, said under the head in every format: the
    /// report's date is before later commits (its tables show the records as they are now),
    /// the plan's version changed after it (`HistoryReport.headWarnings`). Nil when none.
    public var headNotes: [Message]? = nil
    /// Revisionshistorik, Förändringar under perioden, Förskjutna tidplaner: from git,
    /// set by the caller (reading git is I/O). Nil when left out, with the reason in `historyNote`.
    public var history: HistoryReport?
    public var historyNote: Message?
    /// The committee paper's head (config.rec): diarienummer, sammanträdesdatum, and the
    /// role (never a person) that prepared it.
    public var caseNumber: String? = nil
    public var meeting: Day? = nil
    public var preparedBy: String? = nil
    /// Periodens uppföljning: each goal, sub-goal and activity with a follow-up
    /// (followups.rec) for the period or before it, with its indicator and target.
    public var followups: [FollowupRow] = []

    /// One record's follow-up for the report's period, else one within it, else a broader one
    /// that covers it, else the latest before it (`FollowUp.followupRows`).
    public struct FollowupRow: Sendable, Codable {
        public let kind: Kind
        public let id: String
        public let title: String
        public let indicator: String?
        public let target: String?
        /// The follow-up's period (`2027-T1`).
        public let period: String
        /// True when no follow-up lies within or covers the report's period and this is the
        /// latest that starts by its end ("senaste: 2027-T1").
        public let isEarlier: Bool
        public let assessment: String
        public let signal: Signal?
        public let analysis: String?
        public let outcome: String?
        /// True when no follow-up is for the report's period or lies within it and this one
        /// is for a longer period that covers it ("hela 2027": the year's in a tertial's report).
        public var isBroader = false
    }

    public struct Period: Sendable, Codable, Hashable {
        public let first: Day
        public let last: Day
        public let label: String

        /// `2024`, `2024-H1`, `2024-T1`, `2024-Q2` or `2024-05`.
        public init?(_ text: String) {
            // A period has days: not `?`, not `löpande`, not one day.
            guard let d = Deadline(token: text), !d.isUnknown, d.precision != .day, let a = d.firstDay, let b = d.lastDay else { return nil }
            first = a
            last = b
            label = d.token
        }

        public static func year(of day: Day) -> Period { Period(pad(day.year, 4))! }  // year 1 is "0001"

        private init(first: Day, last: Day, label: String) {
            self.first = first
            self.last = last
            self.label = label
        }

        /// The period up to `day` at the latest: what the history of a report as of `day`
        /// may show (nothing committed after the report's date). The label stays.
        public func through(_ day: Day) -> Period { Period(first: first, last: min(last, day), label: label) }
    }

    public struct Counts: Sendable, Codable, Hashable {
        public var green = 0, yellow = 0, red = 0, grey = 0
        public var total: Int { green + yellow + red + grey }

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(green: a.green + b.green, yellow: a.yellow + b.yellow, red: a.red + b.red, grey: a.grey + b.grey)
        }

        mutating func add(_ s: Signal) {
            switch s {
            case .green: green += 1
            case .yellow: yellow += 1
            case .red: red += 1
            case .grey: grey += 1
            }
        }
    }

    /// Each kind counted as what it is (JSON keys under `summary`, docs/format.md).
    public struct Summary: Sendable, Codable {
        /// Top-level goals (mål), as in the Mål table.
        public var goals = Counts()
        /// Goals with a parent (delmål), as in the Delmål table.
        public var subgoals = Counts()
        /// An action plan's areas (`level: målområde`), counted apart from the delmål.
        public var actionAreas = Counts()
        public var activities = Counts()
        /// Findings (rekommendationer) by their signal; the auditor's colours are per audit.
        public var findings = Counts()
        public var risks = RiskCounts()
        public var overdue: [Line] = []
        public var dueSoon: [Line] = []
        public var waiting: [Line] = []
        /// On time by a deadline moved since the period began (up to the report's date), so gul for the move alone (unless
        /// `moved_signal: grön` in config.rec): the gul of the counts that no list above holds.
        /// Nil without the history (no baselines) or when none is.
        public var moved: [Line]? = nil
    }

    /// Risks by level; `unscored` lacks a likelihood or consequence.
    /// The risks by level. A closed risk (`stängd`) is counted as closed, not by its level:
    /// the levels and the matrix are the risks that are still there.
    public struct RiskCounts: Sendable, Codable, Hashable {
        public var low = 0, medium = 0, high = 0, veryHigh = 0, unscored = 0, closed = 0
        public var total: Int { low + medium + high + veryHigh + unscored + closed }

        mutating func add(_ level: RiskLevel?, closed isClosed: Bool = false) {
            if isClosed { closed += 1; return }
            switch level {
            case .low?: low += 1
            case .medium?: medium += 1
            case .high?: high += 1
            case .veryHigh?: veryHigh += 1
            case nil: unscored += 1
            }
        }
    }

    /// One record in a summary list.
    public struct Line: Sendable, Codable, Hashable {
        public let kind: Kind
        public let id: String
        public let title: String
        public let owner: String
        public let ownerName: String
        public let due: Deadline?
        /// Days late (overdue) or days left (due soon).
        public let days: Int
        public let reason: String?
        /// Every owner, when the record has several: the per-owner section lists it under each.
        public var owners: [String]? = nil
        /// The deadline at the start of the period, when it has moved since (`Baselines`).
        public var original: Deadline? = nil
    }

    public struct GoalRow: Sendable, Codable {
        public let id: String
        public let parent: String?
        public let title: String
        public let doneWhen: String?
        public let owner: String
        public let ownerName: String
        public let due: Deadline?
        public let dueText: String
        public let status: Status?
        public let signal: Signal
        /// The worst signal open below the goal (`GoalChildren`); nil when nothing is open.
        public let below: Signal?
        public let comment: String?
        public let daysLate: Int
        /// Fields whose values no source gives (`assumed`), shown as "antaget".
        public let assumed: [String]
        /// The deadline at the start of the period, when `due` was moved later since (`Baselines`).
        public var original: Deadline? = nil
        /// The status word as the file gives it when it is an alias (`genomförd`), shown as given.
        public var statusAlias: String? = nil
        /// Every owner's id, when the record has several (`owner` is the first).
        public var owners: [String]? = nil
        /// The deadline it was first planned with, when moved before the period began.
        public var planned: Deadline? = nil
        /// As for an activity (`ActivityRow`): the day it was done, the days after its
        /// deadline, and the words for a late or future done date.
        public var done: Day? = nil
        public var doneDaysLate = 0
        public var doneNote: String? = nil

        /// The comment as shown: the done note first, as an activity's.
        public var shownComment: String? {
            guard let doneNote else { return comment }
            return comment.map { doneNote + "; " + $0 } ?? doneNote
        }
    }

    public struct ActivityRow: Sendable, Codable {
        public let id: String
        public let title: String
        public let start: Deadline?
        public let startText: String
        public let due: Deadline?
        public let dueText: String
        public let owner: String
        public let ownerName: String
        public let status: Status?
        public let signal: Signal
        public let comment: String?
        public let daysLate: Int
        public let every: Recurrence?
        public let assumed: [String]
        /// The deadline it was first planned with, when it was moved before the period began
        /// (`Baselines.planned`); said in `comment`.
        public var planned: Deadline? = nil
        /// The day it was done, for a record that is done (`klar`).
        public var done: Day? = nil
        /// Days after its deadline's last day that it was done (0 when on time).
        public var doneDaysLate = 0
        /// Said before the comment when done is worth a word: done late ("klar 2025-04-15,
        /// 15 dagar sen") or done on a day after the report's date (which `audit` calls an
        /// error); nil when done on time or not done.
        public var doneNote: String? = nil
        /// The deadline at the start of the period, when `due` was moved later since (`Baselines`).
        public var original: Deadline? = nil
        /// The status word as the file gives it when it is an alias (`genomförd`), shown as given.
        public var statusAlias: String? = nil
        /// Every owner's id, when the record has several (`owner` is the first).
        public var owners: [String]? = nil
    }

    public struct ActivityGroup: Sendable, Codable {
        public let goal: String
        public let goalTitle: String
        public let rows: [ActivityRow]
    }

    public struct RiskRow: Sendable, Codable {
        public let id: String
        public let title: String
        public let area: String?
        public let likelihood: Int?
        public let consequence: Int?
        public let score: Int?
        public let level: RiskLevel?
        public let owner: String
        public let ownerName: String
        public let status: RiskStatus?
        public let actions: [String]
        public let review: Day?
        public let reviewPassed: Bool
        public let assumed: [String]
        /// The actions not going to plan: late, cancelled, or no activity by that id. A
        /// risk "hanteras" only as far as its actions do.
        public var actionsOffTrack: [ActionState] = []
        /// The risk left after the actions, as the register gives it (both residual values
        /// on the scale): likelihood, consequence, their product and its level.
        public var residualLikelihood: Int? = nil
        public var residualConsequence: Int? = nil
        public var residualScore: Int? = nil
        public var residualLevel: RiskLevel? = nil

        /// "2×2 = 4, låg": the residual risk, or empty when the register gives none.
        public func residualText(_ lang: Lang) -> String {
            guard let l = residualLikelihood, let c = residualConsequence, let s = residualScore else { return "" }
            return "\(l)×\(c) = \(s)" + (residualLevel.map { ", " + $0.word(lang) } ?? "")
        }

        /// "A1 (46 dagar sen), A2 (struken), A3": the actions, each not going to plan with why.
        public func actionsText(_ lang: Lang, separator: String = ", ") -> String {
            let states = Dictionary(actionsOffTrack.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return actions.map { id in states[id]?.text(lang) ?? id }.joined(separator: separator)
        }
    }

    /// An action of a risk (an activity) that is not going to plan.
    public struct ActionState: Sendable, Codable, Hashable {
        public let id: String
        /// Nil when no activity has the id.
        public let status: Status?
        public let daysLate: Int

        /// "A26 (46 dagar sen)", "A30 (struken)", "A99 (finns inte)": in every format and in `show`.
        public func text(_ lang: Lang) -> String { id + " (" + note(lang) + ")" }

        /// "46 dagar sen", "struken", "finns inte".
        public func note(_ lang: Lang) -> String {
            guard let status else { return lang == .sv ? "finns inte" : "no such activity" }
            return status == .cancelled ? status.word(lang) : lang.daysLate(daysLate)
        }
    }

    public struct FindingRow: Sendable, Codable {
        public let id: String
        public let recommendation: String
        public let response: String?
        public let progress: String?
        public let remaining: String?
        public let assessment: Assessment?
        public let evidence: String?
        public let owner: String
        public let ownerName: String
        public let due: Deadline?
        public let status: Status?
        public let signal: Signal
        public let assumed: [String]
        /// The deadline at the start of the period, when `due` was moved later since (`Baselines`).
        public var original: Deadline? = nil
        /// The status word as the file gives it when it is an alias (`genomförd`), shown as given.
        public var statusAlias: String? = nil
        /// The kind of finding (avvikelse, brist …) and its legal basis.
        public var kind: String? = nil
        public var basis: String? = nil
        /// Days past its deadline, when it is late (0 otherwise).
        public var daysLate = 0
        /// Every owner's id, when the record has several (`owner` is the first).
        public var owners: [String]? = nil
        /// The deadline it was first planned with, when moved before the period began
        /// (`Baselines.planned`); said under the recommendation ("Först planerad till …").
        public var planned: Deadline? = nil
        /// As for an activity (`ActivityRow`); the note is said under the recommendation.
        public var done: Day? = nil
        public var doneDaysLate = 0
        public var doneNote: String? = nil
    }

    public struct AuditGroup: Sendable, Codable {
        public let audit: String
        public let auditor: String?
        public let year: Int?
        public let green: Int
        public let yellow: Int
        public let red: Int
        public let rows: [FindingRow]
        public var total: Int { rows.count }
    }

    public struct OwnerSection: Sendable, Codable {
        public let owner: String
        public let ownerName: String
        public let overdue: [Line]
        public let dueSoon: [Line]
    }
}

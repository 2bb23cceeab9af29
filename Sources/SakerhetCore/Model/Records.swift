import Foundation

/// Where a record lives: its kind and its index among the file's records.
public struct RecordRef: Sendable, Hashable, Codable {
    public let kind: Kind
    public let index: Int

    public init(kind: Kind, index: Int) {
        self.kind = kind
        self.index = index
    }
}

/// What every record of the plan shares.
public protocol Item: Sendable {
    var ref: RecordRef { get }
    var id: String { get }
    var classification: Classification { get }
}

/// A record with an owner and a deadline: goals, activities and findings.
public protocol Scheduled: Item {
    var title: String { get }
    var owner: String { get }
    /// The deadline that counts; for a recurring activity, the next one.
    var deadline: Deadline? { get }
    var status: Status? { get }
    var reason: String? { get }
}

extension Scheduled {
    /// Late: the period has ended and the record is neither `klar` nor `struken`.
    public func isOverdue(asOf: Day) -> Bool {
        guard let last = deadline?.lastDay, !(status?.isClosed ?? false) else { return false }
        return last < asOf
    }

    /// Open and due within `window` days from `asOf` (inclusive).
    public func isDueSoon(asOf: Day, window: Int) -> Bool {
        guard let last = deadline?.lastDay, !(status?.isClosed ?? false) else { return false }
        return last >= asOf && asOf.days(until: last) <= window
    }

    /// Days late, 0 when not late.
    public func daysLate(asOf: Day) -> Int {
        guard isOverdue(asOf: asOf), let last = deadline?.lastDay else { return 0 }
        return last.days(until: asOf)
    }

    /// Waiting on someone else: `vilande`, or an unknown deadline.
    public var isWaiting: Bool {
        guard !(status?.isClosed ?? false) else { return false }
        return status == .onHold || deadline?.isUnknown == true
    }

    /// The traffic light: röd when late, gul when due soon or waiting, grön when done or
    /// on track, grå when cancelled.
    public func signal(asOf: Day, window: Int) -> Signal {
        if status == .cancelled { return .grey }
        if status == .done { return .green }
        if isOverdue(asOf: asOf) { return .red }
        if isDueSoon(asOf: asOf, window: window) || isWaiting { return .yellow }
        return .green
    }
}

/// The traffic light (trafikljus).
public enum Signal: String, Sendable, CaseIterable, Codable {
    case green, yellow, red, grey

    public func word(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.green, .sv): return "grön"
        case (.yellow, .sv): return "gul"
        case (.red, .sv): return "röd"
        case (.grey, .sv): return "grå"
        case (_, .en): return rawValue
        }
    }
}

public struct Owner: Item {
    public let ref: RecordRef
    public let id: String
    public let name: String
    public let kind: OwnerKind?
    public let parent: String?
    public let contact: String?
    public var classification: Classification { .open }
}

public struct Area: Item {
    public let ref: RecordRef
    public let id: String
    public let name: String
    public let description: String?
    public var classification: Classification { .open }
}

public struct Goal: Scheduled {
    public let ref: RecordRef
    public let id: String
    public let title: String
    public let parent: String?
    public let area: String?
    public let owner: String
    public let due: Deadline?
    public let status: Status?
    public let doneWhen: String?
    public let done: Day?
    public let reason: String?
    public let note: String?
    public let source: String?
    public let classification: Classification
    public var deadline: Deadline? { due }
}

public struct Activity: Scheduled {
    public let ref: RecordRef
    public let id: String
    public let title: String
    public let goal: String
    public let owner: String
    public let start: Deadline?
    public let due: Deadline?
    public let status: Status?
    public let done: Day?
    public let reason: String?
    public let note: String?
    public let evidence: String?
    public let every: Recurrence?
    public let area: String?
    public let classification: Classification

    /// For a recurring activity done on or after its stored deadline, the next period.
    public var deadline: Deadline? {
        if let every, let done, let last = due?.lastDay, done >= (due?.firstDay ?? last) {
            return every.next(after: done)
        }
        return due
    }
}

/// Risk level; the score thresholds are in `RiskThresholds`.
public enum RiskLevel: String, Sendable, CaseIterable, Codable, Comparable {
    case low, medium, high, veryHigh


    public func word(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.low, .sv): return "låg"
        case (.medium, .sv): return "medel"
        case (.high, .sv): return "hög"
        case (.veryHigh, .sv): return "mycket hög"
        case (.low, .en): return "low"
        case (.medium, .en): return "medium"
        case (.high, .en): return "high"
        case (.veryHigh, .en): return "very high"
        }
    }

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public struct Risk: Item {
    public let ref: RecordRef
    public let id: String
    public let title: String
    public let area: String?
    public let description: String?
    public let likelihood: Int?
    public let consequence: Int?
    public let owner: String
    public let treatment: String?
    public let actions: [String]
    public let status: RiskStatus?
    public let review: Day?
    public let residualLikelihood: Int?
    public let residualConsequence: Int?
    public let source: String?
    public let classification: Classification

    public var score: Int? {
        guard let l = likelihood, let c = consequence else { return nil }
        return l * c
    }

    public func isReviewPassed(asOf: Day) -> Bool {
        guard let review, status != .closed else { return false }
        return review < asOf
    }
}

public struct Finding: Scheduled {
    public let ref: RecordRef
    public let id: String
    public let audit: String
    public let auditor: String?
    public let year: Int?
    public let caseNumber: String?
    public let recommendation: String
    public let response: String?
    public let progress: String?
    public let remaining: String?
    public let assessment: Assessment?
    public let evidence: String?
    public let owner: String
    public let due: Deadline?
    public let actions: [String]
    public let status: Status?
    public let classification: Classification
    public let reason: String?
    public var title: String { recommendation }
    public var deadline: Deadline? { due }
}

/// Orders ids as people read them: `D8` before `D10`, `A2` before `A12`.
public func naturalLess(_ a: String, _ b: String) -> Bool {
    a.compare(b, options: .numeric) == .orderedAscending
}

/// A risk that is not `stängd` is reviewed by its `review` date. Severity: warning once
/// the date has passed.
public struct ReviewDateCheck: Check {
    public let id = "review"
    public let title = Message(sv: "Omprövning passerad", en: "Review date passed")
    public var usesDate: Bool { true }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        data.risks.filter { $0.isReviewPassed(asOf: asOf) }.map { r in
            Diagnostic(.warning, id, data, r.ref, field: "review",
                       sv: "\(r.id): datumet för omprövning har passerat (\(r.review!)); pröva risken och sätt ett nytt review-datum",
                       en: "\(r.id): review date passed (\(r.review!)); review the risk and set a new review date")
        }
    }
}

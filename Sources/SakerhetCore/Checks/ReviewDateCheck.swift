/// A risk that is not `stängd` is reviewed by its `review` date. Severity: warning once
/// the date has passed.
public struct ReviewDateCheck: Check {
    public var id: String { "review" }
    public var title: Message { Message(sv: "Omprövning passerad", en: "Review date passed") }
    public var usesDate: Bool { true }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        data.risks.filter { $0.isReviewPassed(asOf: asOf) }.map { r in
            let (riskID, review) = (r.id, r.review!)
            return Diagnostic(.warning, id, data, r.ref, field: .review, message: Message { lang in
                lang == .sv ? "\(riskID): datumet för omprövning har passerat (\(review)); pröva risken och sätt ett nytt review-datum"
                            : "\(riskID): review date passed (\(review)); review the risk and set a new review date"
            })
        }
    }
}

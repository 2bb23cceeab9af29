/// A risk's residual values (`residual_likelihood`, `residual_consequence`: the risk left
/// once its actions are done) come as a pair, and the residual risk is not larger than the
/// risk before them: one value alone scores nothing, and a larger residual is most often
/// the two pairs written the wrong way round. Values off the scale are `score`'s.
/// Severity: warning.
public struct ResidualRiskCheck: Check {
    public var id: String { "residual" }
    public var title: Message { Message(sv: "Restrisk", en: "Residual risk") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for r in data.risks {
            let (l, c) = (r.residualLikelihood, r.residualConsequence)
            let rid = r.id
            if (l == nil) != (c == nil) {
                let (given, missing): (FieldKey, String) = l != nil ? (.residualLikelihood, "residual_consequence") : (.residualConsequence, "residual_likelihood")
                out.append(Diagnostic(.warning, id, data, r.ref, field: given,
                                      sv: "\(rid): restrisken har bara ett av två värden; ange också \(missing), eller ta bort det som finns",
                                      en: "\(rid): the residual risk has one of its two values; give \(missing) too, or remove the one there is"))
                continue
            }
            guard let after = Risk.score(l, c, scale: r.scaleMax), let before = r.score, after > before,
                  let l, let c, let bl = r.likelihood, let bc = r.consequence else { continue }
            out.append(Diagnostic(.warning, id, data, r.ref, field: .residualLikelihood,
                                  sv: "\(rid): restrisken (\(l)×\(c) = \(after)) är större än risken före åtgärderna (\(bl)×\(bc) = \(before)); kontrollera att värdena inte står omkastade",
                                  en: "\(rid): the residual risk (\(l)×\(c) = \(after)) is larger than the risk before the actions (\(bl)×\(bc) = \(before)); check that the values are not the wrong way round"))
        }
        return out
    }
}

/// The fills of the traffic-light words, the auditor's colours and the risk levels in
/// the workbook and the Word report: light tones under black text, the same in both, as
/// the HTML report's. A reader who cannot tell the colours apart has the word.
public enum OfficeColours {
    public static func fill(_ s: Signal) -> String {
        switch s {
        case .green: return "C6EFCE"
        case .yellow: return "FFEB9C"
        case .red: return "FFC7CE"
        case .grey: return "D9D9D9"
        }
    }

    public static func fill(_ a: Assessment) -> String {
        switch a {
        case .green: return fill(Signal.green)
        case .yellow: return fill(Signal.yellow)
        case .red: return fill(Signal.red)
        }
    }

    /// The heat map's colours (the HTML report's `.lvl-*`).
    public static func fill(_ level: RiskLevel) -> String {
        switch level {
        case .low: return "C8E6C9"
        case .medium: return "FFF59D"
        case .high: return "FFCC80"
        case .veryHigh: return "EF9A9A"
        }
    }
}

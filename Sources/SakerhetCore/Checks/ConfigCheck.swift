/// `config.rec` holds one record whose numbers make sense: `soon_days` a whole number of
/// days, `moved_signal` gul or grön, `risk_scale` 4 or 5, the risk thresholds rising within 2–N² (16 or 25),
/// `meeting` a day. A bad value falls back to the default, so the check says so. Thresholds
/// that are exactly the defaults of the other scale (4, 8, 12 under `risk_scale: 5`, as an
/// older `init` wrote them) are most likely left over from a change of scale: the check says
/// to remove them or give the scale's own. Severity: warning.
public struct ConfigCheck: Check {
    public var id: String { "config" }
    public var title: Message { Message(sv: "Inställning", en: "Setting") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        guard let file = data.configFile else { return [] }
        var out: [Diagnostic] = []
        func warn(_ line: Int, quoting value: String? = nil, sv: String, en: String) {
            out.append(Diagnostic(severity: .warning, check: id, file: file.path, line: line, message: Message(sv: sv, en: en), quoting: value))
        }
        let records = file.document.records
        if records.count > 1 {
            warn(records[1].line, sv: "config.rec har fler än en post; bara den första läses, ta bort resten",
                 en: "config.rec has more than one record; only the first is read, remove the rest")
        }
        guard let r = records.first else { return [] }
        if let f = r.field("soon_days"), Int(f.value).map({ $0 >= 0 }) != true {
            warn(f.line, quoting: f.value, sv: "soon_days '\(f.value)' ska vara ett antal dagar (t.ex. 30); 30 används",
                 en: "soon_days '\(f.value)' must be a number of days (e.g. 30); 30 is used")
        }
        for key in Config.defaultIDPrefixes.keys.sorted() {
            if let f = r.field(key), !Config.isIDPrefix(f.value) {
                warn(f.line, quoting: f.value, sv: "\(key) '\(f.value)' ska vara 1–4 bokstäver A–Z (t.ex. \(Config.defaultIDPrefixes[key]!)); \(Config.defaultIDPrefixes[key]!) används",
                     en: "\(key) '\(f.value)' must be 1–4 letters A–Z (e.g. \(Config.defaultIDPrefixes[key]!)); \(Config.defaultIDPrefixes[key]!) is used")
            }
        }
        if let f = r.field("moved_signal"), Config.movedSignalWords[f.value.lowercased()] == nil {
            warn(f.line, quoting: f.value, sv: "moved_signal '\(f.value)' ska vara gul eller grön; gul används",
                 en: "moved_signal '\(f.value)' must be gul or grön; gul is used")
        }
        if let f = r.field("risk_scale"), Int(f.value).map(Risk.scales.contains) != true {
            warn(f.line, quoting: f.value, sv: "risk_scale '\(f.value)' ska vara 4 (1–4) eller 5 (1–5); 4 används",
                 en: "risk_scale '\(f.value)' must be 4 (1–4) or 5 (1–5); 4 is used")
        }
        if let f = r.field("meeting"), Day(f.value) == nil {
            warn(f.line, quoting: f.value, sv: "meeting '\(f.value)' ska vara sammanträdets dag, t.ex. 2027-05-12",
                 en: "meeting '\(f.value)' must be the meeting's day, e.g. 2027-05-12")
        }
        let keys = ["level_medium", "level_high", "level_very_high"]
        let given = keys.compactMap { r.field($0) }
        let d = RiskThresholds(scale: data.config.riskScale)
        let defaults = "\(d.medium), \(d.high), \(d.veryHigh)"
        if let bad = given.first(where: { Int($0.value).map { (2...d.maxScore).contains($0) } != true }) {
            warn(bad.line, quoting: bad.value, sv: "\(bad.key) '\(bad.value)' ska vara en riskpoäng från 2 till \(d.maxScore); standardgränserna \(defaults) används",
                 en: "\(bad.key) '\(bad.value)' must be a risk score from 2 to \(d.maxScore); the default thresholds \(defaults) are used")
        } else if !given.isEmpty {
            let t = data.riskThresholds
            let asked = keys.map { k in r.value(k).flatMap { Int($0) } }
            let used = [t.medium, t.high, t.veryHigh]
            if zip(asked, used).contains(where: { $0.0 != nil && $0.0 != $0.1 }) {
                warn(given[0].line, sv: "riskgränserna ska stiga: level_medium < level_high < level_very_high; standardgränserna \(defaults) används",
                     en: "the risk thresholds must rise: level_medium < level_high < level_very_high; the defaults \(defaults) are used")
            } else if let other = Risk.scales.first(where: { $0 != d.scale }).map(RiskThresholds.init(scale:)),
                      asked == [other.medium, other.high, other.veryHigh] {
                let theirs = "\(other.medium), \(other.high), \(other.veryHigh)"
                warn(given[0].line, sv: "riskgränserna \(theirs) är standardgränserna för skalan 1–\(other.scale), men risk_scale är \(d.scale): "
                                        + "ta bort raderna level_medium, level_high och level_very_high (då gäller \(defaults)) eller ange gränser för skalan 1–\(d.scale), t.ex. \(defaults)",
                     en: "the risk thresholds \(theirs) are the defaults of the 1–\(other.scale) scale, but risk_scale is \(d.scale): "
                         + "remove the lines level_medium, level_high and level_very_high (the defaults \(defaults) then apply) or give thresholds for the 1–\(d.scale) scale, e.g. \(defaults)")
            }
        }
        return out
    }
}

/// One file of the data folder, as parsed.
public struct SourceFile: Sendable {
    /// The path shown in messages, e.g. `data/activities.rec`.
    public let path: String
    public let document: Document

    public init(path: String, document: Document) {
        self.path = path
        self.document = document
    }
}

/// The settings of `config.rec`.
public struct Config: Sendable {
    public var organisation: String?
    public var title: String?
    public var version: String?
    /// How many days ahead counts as "due soon".
    public var soonDays: Int = 30

    public init() {}

    init(record: Record?) {
        guard let record else { return }
        organisation = record.value("organisation")
        title = record.value("title")
        version = record.value("version")
        if let s = record.value("soon_days"), let n = Int(s), n >= 0 { soonDays = n }
    }
}

/// The whole data folder: every file, and the typed records built from them.
public struct DataSet: Sendable {
    public let folder: String
    public let files: [Kind: SourceFile]
    public let configFile: SourceFile?
    public let config: Config

    public let owners: [Owner]
    public let areas: [Area]
    public let goals: [Goal]
    public let activities: [Activity]
    public let risks: [Risk]
    public let findings: [Finding]

    /// id → record indices, per kind (more than one index means a duplicate id).
    public let ids: [Kind: [String: [Int]]]

    public init(folder: String, files: [Kind: SourceFile], configFile: SourceFile? = nil) {
        self.folder = folder
        self.files = files
        self.configFile = configFile
        self.config = Config(record: configFile?.document.records.first)
        func records(_ k: Kind) -> [Record] { files[k]?.document.records ?? [] }
        func build<T>(_ k: Kind, _ make: (RecordRef, Record) -> T) -> [T] {
            var out: [T] = []
            let rs = records(k)
            out.reserveCapacity(rs.count)
            for (i, r) in rs.enumerated() { out.append(make(RecordRef(kind: k, index: i), r)) }
            return out
        }
        owners = build(.owner) { ref, r in
            Owner(ref: ref, id: r.value("id") ?? "", name: r.value("name") ?? "",
                  kind: r.value("kind").flatMap(OwnerKind.init(rawValue:)), parent: r.value("parent"), contact: r.value("contact"))
        }
        areas = build(.area) { ref, r in
            Area(ref: ref, id: r.value("id") ?? "", name: r.value("name") ?? "", description: r.value("description"))
        }
        goals = build(.goal) { ref, r in
            let f = Fields(r)
            return Goal(ref: ref, id: f["id"] ?? "", title: f["title"] ?? "", parent: f["parent"], area: f["area"],
                        owner: f["owner"] ?? "", due: f["due"].flatMap(Deadline.init(token:)),
                        status: f["status"].flatMap(Status.init(parsing:)), doneWhen: f["done_when"],
                        done: f["done"].flatMap(Day.init), reason: f["reason"], note: f["note"], source: f["source"],
                        classification: f.classification)
        }
        activities = build(.activity) { ref, r in
            let f = Fields(r)
            return Activity(ref: ref, id: f["id"] ?? "", title: f["title"] ?? "", goal: f["goal"] ?? "",
                            owner: f["owner"] ?? "", start: f["start"].flatMap(Deadline.init(token:)),
                            due: f["due"].flatMap(Deadline.init(token:)), status: f["status"].flatMap(Status.init(parsing:)),
                            done: f["done"].flatMap(Day.init), reason: f["reason"], note: f["note"], evidence: f["evidence"],
                            every: f["every"].flatMap(Recurrence.init(parsing:)), area: f["area"],
                            classification: f.classification)
        }
        risks = build(.risk) { ref, r in
            let f = Fields(r)
            return Risk(ref: ref, id: f["id"] ?? "", title: f["title"] ?? "", area: f["area"], description: f["description"],
                        likelihood: f.score("likelihood"), consequence: f.score("consequence"), owner: f["owner"] ?? "",
                        treatment: f["treatment"], actions: r.values("action"),
                        status: f["status"].flatMap(RiskStatus.init(parsing:)), review: f["review"].flatMap(Day.init),
                        residualLikelihood: f.score("residual_likelihood"), residualConsequence: f.score("residual_consequence"),
                        source: f["source"], classification: f.classification)
        }
        findings = build(.finding) { ref, r in
            let f = Fields(r)
            return Finding(ref: ref, id: f["id"] ?? "", audit: f["audit"] ?? "", auditor: f["auditor"],
                           year: f["year"].flatMap { Int($0) }, caseNumber: f["case"],
                           recommendation: f["recommendation"] ?? "", response: f["response"], progress: f["progress"],
                           remaining: f["remaining"], assessment: f["assessment"].flatMap(Assessment.init(parsing:)),
                           evidence: f["evidence"], owner: f["owner"] ?? "", due: f["due"].flatMap(Deadline.init(token:)),
                           actions: r.values("action"), status: f["status"].flatMap(Status.init(parsing:)),
                           classification: f.classification)
        }
        var ids: [Kind: [String: [Int]]] = [:]
        for k in Kind.allCases {
            var m: [String: [Int]] = [:]
            let rs = records(k)
            m.reserveCapacity(rs.count)
            for (i, r) in rs.enumerated() {
                if let id = r.value("id") { m[id, default: []].append(i) }
            }
            ids[k] = m
        }
        self.ids = ids
    }

    public func record(_ ref: RecordRef) -> Record { files[ref.kind]!.document.records[ref.index] }

    public func path(_ kind: Kind) -> String { files[kind]?.path ?? folder + "/" + kind.fileName }

    public func contains(_ kind: Kind, id: String) -> Bool { ids[kind]?[id] != nil }

    public func owner(_ id: String) -> Owner? {
        guard let i = ids[.owner]?[id]?.first else { return nil }
        return owners[i]
    }

    /// The owner's name for messages, or the id when unknown.
    public func ownerName(_ id: String) -> String { owner(id)?.name ?? id }

    public func goal(_ id: String) -> Goal? {
        guard let i = ids[.goal]?[id]?.first else { return nil }
        return goals[i]
    }

    public func area(_ id: String) -> Area? {
        guard let i = ids[.area]?[id]?.first else { return nil }
        return areas[i]
    }

    /// Goals, activities and findings: everything with an owner and a deadline.
    public var scheduled: [any Scheduled] { goals as [any Scheduled] + activities + findings }

    /// The records of a kind, as items.
    public func items(_ kind: Kind) -> [any Item] {
        switch kind {
        case .owner: return owners
        case .area: return areas
        case .goal: return goals
        case .activity: return activities
        case .risk: return risks
        case .finding: return findings
        }
    }
}

/// First values of a record's fields, looked up once.
struct Fields {
    private var values: [String: String] = [:]

    init(_ record: Record) {
        values.reserveCapacity(record.fields.count)
        for f in record.fields where values[f.key] == nil { values[f.key] = f.value }
    }

    subscript(_ key: String) -> String? {
        guard let v = values[key], !v.isEmpty else { return nil }
        return v
    }

    func score(_ key: String) -> Int? { self[key].flatMap { Int($0) } }

    var classification: Classification { self["classification"].flatMap(Classification.init(parsing:)) ?? .open }
}

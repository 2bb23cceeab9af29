import FoundationEssentials

/// Reading many plans (`--data` repeated, `--plans FILE`): one plan per core, each let go
/// as soon as its part is made. The rollup (`Rollup`) judges what is read here.
extension Store {
    /// `body` over every folder's data set, one plan per core; a data set that `body` does
    /// not return is let go as soon as its part is made, so only the plans being worked on
    /// are in memory. The first failing folder (in the given order) is thrown, and nothing
    /// is returned. Each part comes with its plan's name: its organisation, else its
    /// folder's name, made unique (`Plans.names`).
    public static func eachPlan<T: Sendable>(_ folders: [Plans.Folder], kinds: [Kind] = Kind.allCases,
                                      _ body: @Sendable (DataSet, Plans.Folder) -> T) throws -> [(name: String, part: T)] {
        try eachPlan(folders, kinds: kinds, numbered: { data, folder, _ in body(data, folder) })
    }

    /// The same, with each folder's place in `folders` given to `body`.
    public static func eachPlan<T: Sendable>(_ folders: [Plans.Folder], kinds: [Kind] = Kind.allCases,
                                      numbered body: @Sendable (DataSet, Plans.Folder, Int) -> T) throws -> [(name: String, part: T)] {
        let made: [Result<(part: T, organisation: String?, folder: String), StoreError>] = Parallel.map(folders.count) { i in
            loadPlan(folders[i], kinds: kinds).map { data in (body(data, folders[i], i), data.config.organisation, data.folder) }
        }
        var parts: [(part: T, organisation: String?, folder: String)] = []
        for r in made { parts.append(try r.get()) }
        let names = Plans.names(parts.map { ($0.organisation, $0.folder) })
        return zip(names, parts).map { ($0, $1.part) }
    }

    /// The plans' names as `eachPlan` gives them, from each folder's `config.rec` alone:
    /// what a command needs before it reads the plans when a value may name one
    /// (`Socialnämnden:D3`). A config.rec that cannot be read names the plan by its folder;
    /// reading the plan then says what is wrong.
    public static func planNames(_ folders: [Plans.Folder]) -> [String] {
        let organisations: [String?] = Parallel.map(folders.count) { i in
            let path = folders[i].path + "/config.rec"
            guard FileManager.default.fileExists(atPath: path), let bytes = try? read(path) else { return nil }
            return Config(record: Document(bytes: bytes).records.first).organisation
        }
        return Plans.names(zip(organisations, folders).map { ($0, $1.display) })
    }

    /// One folder as a data set, or the error that names it (an unreadable folder, one
    /// without records).
    static func loadPlan(_ f: Plans.Folder, kinds: [Kind]) -> Result<DataSet, StoreError> {
        do {
            let data = try Store.load(folder: f.path, display: f.display, kinds: kinds)
            // Counted on the parsed records, so that no kind's typed records are made for it.
            let kindsOfRecords: [Kind] = [.owner, .area, .goal, .activity, .risk, .finding]
            if kinds == Kind.allCases, kindsOfRecords.allSatisfy({ data.files[$0]?.document.records.isEmpty ?? true }) {
                return .failure(StoreError(sv: "\(f.origin): \(f.display) innehåller inga poster; lägg till poster eller ta bort mappen ur listan",
                                           en: "\(f.origin): \(f.display) holds no records; add records or remove the folder from the list"))
            }
            return .success(data)
        } catch let e as StoreError {
            return .failure(StoreError(sv: "\(f.origin): " + e.message.sv, en: "\(f.origin): " + e.message.en))
        } catch {
            return .failure(StoreError(sv: "\(f.origin): \(f.display) kan inte läsas: \(error)", en: "\(f.origin): \(f.display) cannot be read: \(error)"))
        }
    }

    /// `read` of every item at the same time, one per core, results in order: what the
    /// commands over many plans read of each plan besides its records (`log` reads each
    /// plan's git history so).
    public static func readEach<P: Sendable, T: Sendable>(_ items: [P], _ read: @Sendable (P) -> T) -> [T] {
        Parallel.map(items.count) { read(items[$0]) }
    }
}

import FoundationEssentials

/// What a safe write came to; the caller (the CLI, or any other user of the library)
/// renders it.
public enum WriteOutcome: Sendable {
    /// The file is written (and committed when asked); `summary` says what changed (in
    /// Swedish it is the commit subject).
    case written(summary: Message, path: String, committed: Bool)
    /// `dryRun`: nothing written; the change as a unified diff.
    case dryRun(diff: String)
    /// The edit is refused (a rule of the record, or a file with uncommitted changes under
    /// `commit`); nothing written.
    case refused(Message)
    /// The edit would add these errors; nothing written. `data` is the folder as loaded,
    /// for rendering the diagnostics.
    case invalid(errors: [Diagnostic], data: DataSet)
    /// The edit changes nothing (`set status=pågår` on a record that is `pågår`): nothing
    /// written, nothing committed.
    case unchanged(record: String)
}

/// The one way to change data: lock the folder (which clears temporary files of killed
/// writers), load it fresh, make the edit, refuse it if it adds an error (or, with
/// `commit`, if the file has changes not yet committed), write atomically, and commit if
/// asked.
public enum SafeWrite {
    /// Performs `edit` on the data in `folder` (shown as `display` in messages) as of
    /// `asOf`. An `EditError` marked as a refusal becomes `.refused`; other errors
    /// (a value the user must correct, a folder or git that fails) are thrown.
    /// `lockTimeout`: seconds to wait for another writer. `loaded` sees the data set as
    /// loaded (a process that ends right after may keep it, to spare freeing it).
    /// `notices` hears what the writer should see at once (a deadline that has passed, how
    /// a phrase was read), for a dry run too; `diffStyle` colours the dry run's diff, and
    /// `lang` is the language of its masks (`[personnummer dolt]`). With `creating`, a
    /// folder without that kind's file is edited as if it held `Templates.newFile(kind)`:
    /// the write creates the file, and the dry run shows it created (`--- /dev/null`).
    /// `record`: the record the edit changes, when it changes one that exists (`set`,
    /// `done`, `postpone`, `remove`). The folder is then read around it first
    /// (`Store.load(folder:display:around:)`), which in a large folder is most of the
    /// work; when the edit fails, reaches past what was read or would add an error, it is
    /// made again on the whole folder, so the outcome and its messages are the same.
    /// `edit` may so be called twice, and `loaded` then sees the data set the write used,
    /// which may be read around the record (`Document.sieve`).
    public static func perform(folder: String, display: String, asOf: Day, dryRun: Bool, commit: Bool,
                               lockTimeout: Double = 10, diffStyle: Style = .plain, lang: Lang = .sv,
                               creating: Kind? = nil, record: (kind: Kind, id: String)? = nil,
                               loaded: (DataSet) -> Void = { _ in }, notices: ([Message]) -> Void = { _ in },
                               edit make: (DataSet) throws -> Edit) throws -> WriteOutcome {
        if commit && !dryRun && Git.topLevel(of: folder) == nil {
            throw StoreError(sv: "--commit: \(display) ligger inte i ett git-förråd; kör 'git init' eller utelämna --commit",
                             en: "--commit: \(display) is not in a git repository; run 'git init' or leave out --commit")
        }
        // A dry run writes nothing: it reads without the lock (so a folder one may only read
        // shows the diff), and a writer busy meanwhile does not hold it up.
        func locked(_ body: () throws -> WriteOutcome) throws -> WriteOutcome {
            dryRun ? try body() : try Store.withLock(folder: folder, timeout: lockTimeout, body)
        }
        return try locked {
            if let record, creating == nil {
                let data = try Store.load(folder: folder, display: display, around: record)
                if let edit = try? make(data), edit.addsNoErrorNearby(in: data, asOf: asOf) == true {
                    loaded(data)
                    return try finish(edit, folder: folder, asOf: asOf, dryRun: dryRun, commit: commit, diffStyle: diffStyle,
                                      lang: lang, created: false, notices: notices)
                }
            }
            var data = try Store.load(folder: folder, display: display)
            var created = false
            if let kind = creating, data.files[kind] == nil {
                var files = data.files
                files[kind] = SourceFile(path: Store.join(display, kind.fileName), document: Editor.template(kind))
                data = DataSet(folder: data.folder, files: files, configFile: data.configFile)
                created = true
            }
            loaded(data)
            let edit: Edit
            do { edit = try make(data) } catch let e as EditError where e.isRefusal {
                return .refused(e.message)
            }
            let errors = edit.newErrors(in: data, asOf: asOf)
            if !errors.isEmpty { return .invalid(errors: errors, data: data) }
            return try finish(edit, folder: folder, asOf: asOf, dryRun: dryRun, commit: commit, diffStyle: diffStyle,
                              lang: lang, created: created, notices: notices)
        }
    }

    /// The rest of a write once the edit is known to add no error: its notices, then the
    /// dry run's diff, or the write (and the commit).
    private static func finish(_ edit: Edit, folder: String, asOf: Day, dryRun: Bool, commit: Bool, diffStyle: Style,
                               lang: Lang, created: Bool, notices: ([Message]) -> Void) throws -> WriteOutcome {
        var edit = edit
        // Nothing to write (and no commit that git would refuse as empty).
        if edit.replacement.elementsEqual(edit.before.bytes[edit.replaced]) {
            return .unchanged(record: "\(edit.kind.fileName.dropLast(4)): \(edit.index.map { edit.before.records[$0].value(.id) ?? "" } ?? "")")
        }
        edit.notices += edit.pastDeadlineNotices(asOf: asOf)
        notices(edit.notices)
        if dryRun {
            return .dryRun(diff: Diff.unified(created ? [] : edit.before.bytes, edit.afterBytes, path: edit.path, style: diffStyle,
                                              lang: lang, created: created))
        }
        let path = folder + "/" + edit.kind.fileName
        // A commit takes the whole file: refuse when it holds changes not made here.
        if commit, let why = try Git.uncommittedState(of: path, display: edit.path) { return .refused(why) }
        try Store.writeAtomically(slices: edit.afterSlices, to: path)
        if commit { try Git.commit(file: path, message: edit.summary) }
        return .written(summary: edit.echo, path: edit.path, committed: commit)
    }
}

/// The rules of the record verbs, for any caller: what `add`, `done` and `postpone` change.
public enum RecordRules {
    /// The status a new record gets when none is given.
    public static func defaultStatus(_ kind: Kind) -> String {
        kind == .risk ? RiskStatus.identified.rawValue : Status.notStarted.rawValue
    }

    /// The required fields missing from `fields` (the id is made when missing, the status
    /// defaults).
    public static func missing(_ kind: Kind, in fields: [(String, String)]) -> [String] {
        kind.fields.filter { spec in spec.required && spec.name != "id" && spec.name != "status" && !fields.contains { $0.0 == spec.name } }.map(\.name)
    }

    /// A new record of `kind`, with the default status when none is given; the new id.
    public static func add(_ data: DataSet, _ kind: Kind, fields: [(String, String)]) throws -> (Edit, String) {
        var fields = fields
        // A kind without a status (a follow-up) gets none.
        if kind.spec("status") != nil, !fields.contains(where: { $0.0 == "status" }) { fields.append(("status", defaultStatus(kind))) }
        return try Editor.add(data, kind, fields: fields)
    }

    /// Changes the fields of `id` (`Editor.update`). Where the deadline that counts on
    /// `asOf` has passed (a recurring activity's next once done), a change that makes the
    /// work look on time needs a new reason in the same change (`reason=…`), as `postpone`
    /// asks for one: otherwise late work, or a late finish, would be on time again, in the
    /// owners' lists and the report, with nothing in the plan to say why. Two such changes:
    /// - a later deadline counts (`due` later, `löpande`, `?` or taken away; a late one-off
    ///   made recurring; a recurring control's `done`, `occurrence` or `every` changed so a
    ///   later period counts). Before and after are judged on the same day: `asOf`, or the
    ///   end of a `done` period not yet ended (then it counts);
    /// - a recurring control closed (`status=klar`, with or without its rhythm) without a
    ///   `done` in the period that passed: an earlier period's `done` would read as this one's;
    /// - a rhythm (`every`) given, changed or taken away: it changes which period is late (a
    ///   late one-off made recurring, then done, would be on time).
    /// Late work struck out (`status=struken`) needs a new reason too. No reason is needed
    /// for an earlier deadline; for work closed by the deadline that passed (a one-off, its
    /// schedule kept); for a recurring control's
    /// passed period recorded done within it by the change, its schedule and occurrences
    /// kept (the way to record one is
    /// `done`, which writes the occurrence); nor for a `due` that cannot be read (its check
    /// says what is wrong). The rule reads the record as the change leaves it, so `due-=…`
    /// with `due+=…`, or a reason given and taken away again, is the move it makes, and a
    /// reason is new only as a reader sees it (blanks and invisible characters aside).
    public static func set(_ data: DataSet, _ kind: Kind, id: String, _ changes: [Change], asOf: Day) throws -> Edit {
        let edit = try Editor.update(data, kind, id: id, changes)
        guard kind != .risk, let block = edit.block, let after = block.records.first else { return edit }
        let ref = RecordRef(kind: kind, index: try Editor.target(data, kind, id: id))
        guard let record = data.scheduled(ref), let old = record.deadline(on: asOf), let oldLast = old.lastDay, oldLast < asOf else { return edit }
        let before = data.record(ref)
        // The record as the change leaves it, typed on its own: its deadline on a day is its
        // own fields' (not the whole file parsed again, which in a large folder `set`
        // reads only around the record, `Store.load(folder:display:around:)`).
        let alone = DataSet(folder: data.folder, files: [kind: SourceFile(path: edit.path, document: block)], configFile: data.configFile)
        let typed = alone.scheduled(RecordRef(kind: kind, index: 0))
        let doneLast = typed?.donePeriod?.lastDay
        let wasRecurring = kind == .activity && before.value(.every) != nil
        let recurring = wasRecurring || kind == .activity && after.value(.every) != nil
        let everyChanged = after.value(.every) != before.value(.every)
        let scheduleKept = after.value(.due) == before.value(.due) && !everyChanged && after.values(.occurrence) == before.values(.occurrence)
        let closed = typed?.status == .done, wasClosed = record.status == .done
        // Done by the deadline that passed: nothing late to hide. A one-off closed by it; a
        // recurring control's passed period recorded done within it by this change. Either
        // with its schedule and occurrences kept: a closed record given a later `due` and
        // then reopened would be late work on time.
        if let doneLast, doneLast <= oldLast, scheduleKept,
           wasRecurring || !closed ? recurring && after.value(.done) != before.value(.done) && doneLast >= (old.firstDay ?? oldLast) : true { return edit }
        // A late standing control given another schedule (a date, another rhythm) would leave
        // the periods it owes behind with no move to show in the history: its checks are
        // recorded first.
        if kind == .activity, before.isStandingControl, after.value(.due) != before.value(.due) || everyChanged {
            let check = OverdueCheck.Text.command(kind, "done", id)
            throw EditError(sv: "\(id) är en löpande kontroll utan registrerad kontroll för \(old.token); registrera kontrollerna först (\(check) --date ÅÅÅÅ-MM-DD) och ändra sedan tidplanen, eller stryk kontrollen med ett skäl (status=struken reason=…) om den upphör",
                            en: "\(id) is a standing control with no check recorded for \(old.token); record the checks first (\(check) --date YYYY-MM-DD), then change the schedule, or strike the control out with a reason (status=struken reason=…) if it ends",
                            refusal: true)
        }
        let newReason = !isBlank(after.value(.reason) ?? "") && visible(after.value(.reason)) != visible(before.value(.reason))
        if newReason { return edit }
        let done = OverdueCheck.Text.command(kind, "done", id)
        // Late work struck out: grey, not late; why, the change must say (not a reason from
        // an earlier move).
        if typed?.status == .cancelled, record.status != .cancelled {
            throw EditError(sv: "\(id):s slutdatum \(old.token) har passerat; att stryka sent arbete behöver ett nytt skäl: lägg till reason=… i samma set",
                            en: "the deadline of \(id), \(old.token), has passed; striking out late work needs a new reason: add reason=… to the same set",
                            refusal: true)
        }
        if wasRecurring, closed, !wasClosed, doneLast.map({ $0 < (old.firstDay ?? oldLast) }) ?? true {
            throw EditError(sv: "\(id) är en återkommande kontroll vars period \(old.token) har passerat utan ett klardatum i den; klar döljer då att perioden inte gjordes: registrera den med \(done) --date ÅÅÅÅ-MM-DD, eller sätt status=struken med ett nytt skäl (reason=…) om kontrollen upphör",
                            en: "\(id) is a recurring control whose period \(old.token) has passed without a done date in it; klar would hide that the period was not done: record it with \(done) --date YYYY-MM-DD, or set status=struken with a new reason (reason=…) if the control ends",
                            refusal: true)
        }
        // A rhythm given, changed or taken away on late work changes which period is late
        // (a late one-off made recurring and then done would be on time).
        if everyChanged {
            throw EditError(sv: "\(id):s slutdatum \(old.token) har passerat; ett ändrat intervall (every) ändrar vilken period som gäller, och det behöver ett nytt skäl: lägg till reason=… i samma set",
                            en: "the deadline of \(id), \(old.token), has passed; a changed rhythm (every) changes which period counts, and that needs a new reason: add reason=… to the same set",
                            refusal: true)
        }
        let day = max(asOf, doneLast ?? asOf, record.donePeriod?.lastDay ?? asOf)
        let then = record.deadline(on: day) ?? old
        let next = typed?.deadline(on: day)
        if next == nil, after.value(.due) != nil { return edit }
        guard next.map({ n in n.isUnknown || n.lastDay.map { $0 > (then.lastDay ?? oldLast) } ?? true }) ?? true else { return edit }
        // A one-off given a later `due`: `postpone` moves it so.
        if let next, !recurring, !wasClosed, !closed, after.value(.due) != before.value(.due), let token = after.value(.due), Deadline(token: token)?.token == next.token {
            let command = OverdueCheck.Text.command(kind, "postpone", id)
            let to = next.isUnknown ? "'?'" : next.token
            throw EditError(sv: "\(id):s slutdatum \(old.token) har passerat; ett senare slutdatum behöver ett nytt skäl: lägg till reason=… i samma set, eller använd \(command) --to \(to) --reason …",
                            en: "the deadline of \(id), \(old.token), has passed; a later deadline needs a new reason: add reason=… to the same set, or use \(command) --to \(to) --reason …",
                            refusal: true)
        }
        // A recurring control whose period is done: `done` records the occurrence.
        let hint = recurring ? (sv: "; en kontroll som är gjord registreras med \(done) --date ÅÅÅÅ-MM-DD",
                                en: "; a control that was done is recorded with \(done) --date YYYY-MM-DD") : (sv: "", en: "")
        let counts = next.map { (sv: "gäller ett senare (\($0.token))", en: "a later one counts (\($0.token))") } ?? (sv: "finns inget slutdatum", en: "there is no deadline")
        throw EditError(sv: "\(id):s slutdatum \(old.token) har passerat; efter ändringen \(counts.sv), och det behöver ett nytt skäl: lägg till reason=… i samma set" + hint.sv,
                        en: "the deadline of \(id), \(old.token), has passed; after the change \(counts.en), and that needs a new reason: add reason=… to the same set" + hint.en,
                        refusal: true)
    }

    /// Removes `id`, refused while another record refers to it (`Editor.remove`), and
    /// for open work the follow-up must account for: a goal, activity or finding neither
    /// `klar` nor `struken` in the file whose deadline on `asOf` has passed, and any open finding
    /// (the auditors' recommendation is answered, not taken away). Removed, it would leave
    /// every count and list with no trace of why; struck out with a reason it stays, grey,
    /// with the reason beside it.
    public static func remove(_ data: DataSet, _ kind: Kind, id: String, asOf: Day) throws -> Edit {
        let edit = try Editor.remove(data, kind, id: id)
        let ref = RecordRef(kind: kind, index: try Editor.target(data, kind, id: id))
        guard let record = data.scheduled(ref), !(record.status?.isClosed ?? false) else { return edit }
        let strike = "sakerhet \(kind.word(.en, plural: true)) set \(OverdueCheck.Text.shellWord(id)) status=struken reason=…"
        if let deadline = record.deadline(on: asOf), let last = deadline.lastDay, last < asOf {
            throw EditError(sv: "\(id) är öppen och försenad sedan \(last); borttagen skulle den försvinna ur uppföljningens siffror och listor utan ett ord om varför. Stryk den med ett skäl i stället (\(strike)): den står kvar, grå, med skälet",
                            en: "\(id) is open and overdue since \(last); removed, it would vanish from the follow-up's figures and lists with no word of why. Strike it out with a reason instead (\(strike)): it stays, grey, with the reason",
                            refusal: true)
        }
        if kind == .finding {
            throw EditError(sv: "\(id) är en öppen rekommendation från revisionen; borttagen skulle den försvinna ur uppföljningen utan ett ord om varför. Markera den klar, eller stryk den med ett skäl (\(strike)): den står kvar, grå, med skälet",
                            en: "\(id) is an open recommendation of the auditors; removed, it would vanish from the follow-up with no word of why. Mark it done, or strike it out with a reason (\(strike)): it stays, grey, with the reason",
                            refusal: true)
        }
        return edit
    }

    /// Whether a reason says nothing: empty, or only blanks and invisible characters (a
    /// no-break or zero-width space, a soft hyphen), which a reader sees as nothing.
    public static func isBlank(_ reason: String) -> Bool {
        reason.unicodeScalars.allSatisfy(invisible)
    }

    /// A reason as a reader sees it: without its blanks and invisible characters, so that
    /// an old reason with a zero-width space added is not a new one.
    static func visible(_ reason: String?) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: (reason ?? "").unicodeScalars.filter { !invisible($0) })
        return String(out)
    }

    private static func invisible(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || c.properties.generalCategory == .format || blanks.contains(c.value)
    }

    /// Letters that print as nothing: the Braille blank and the Hangul fillers.
    private static let blanks: Set<UInt32> = [0x2800, 0x115F, 0x1160, 0x3164, 0xFFA0]

    /// Marks `id` done on `date`. A recurring activity (`every:`) moves to its next period
    /// instead, in progress. Risks are not marked done (their status says it).
    public static func done(_ data: DataSet, _ kind: Kind, id: String, date: Day, evidence: String?,
                            outcome: Occurrence.Outcome? = nil) throws -> Edit {
        guard kind != .risk else {
            throw EditError(sv: "risker markeras inte klara; använd 'risks set ID status=stängd'", en: "risks are not marked done; use 'risks set ID status=stängd'")
        }
        return try Editor.done(data, kind, id: id, on: date, evidence: evidence, outcome: outcome)
    }

    /// Moves the deadline of `id` to `to`, with the reason; refused unless it is later. A
    /// standing control (`löpande` with `every`) is not moved: it owes its periods a check,
    /// which `done` records. Judged on `asOf`, late work needs a reason other than the one it
    /// has, as `set` asks (`RecordRules.set`).
    public static func postpone(_ data: DataSet, _ kind: Kind, id: String, to deadline: Deadline, phrase: String? = nil,
                                reason: String, asOf: Day? = nil) throws -> Edit {
        guard kind != .risk else {
            throw EditError(sv: "risker har inget slutdatum; ändra 'review' med 'risks set ID review=ÅÅÅÅ-MM-DD'", en: "risks have no deadline; change 'review' with 'risks set ID review=YYYY-MM-DD'")
        }
        guard !isBlank(reason) else {
            throw EditError(sv: "postpone behöver ett skäl (--reason) som säger något", en: "postpone needs a reason (--reason) that says something")
        }
        let ref = RecordRef(kind: kind, index: try Editor.target(data, kind, id: id))
        let record = data.record(ref)
        let done = OverdueCheck.Text.command(kind, "done", id)
        if kind == .activity, record.isStandingControl {
            throw EditError(sv: "\(id) är en löpande kontroll (every: \(record.value(.every) ?? "")); den flyttas inte, eftersom varje period ska kontrolleras: registrera kontrollen med \(done) --date ÅÅÅÅ-MM-DD (en annan tidplan ges med 'set \(id) due=…' när inga kontroller saknas)",
                            en: "\(id) is a standing control (every: \(record.value(.every) ?? "")); it is not moved, since each period is to be checked: record the check with \(done) --date YYYY-MM-DD (another schedule is given with 'set \(id) due=…' when no check is missing)",
                            refusal: true)
        }
        if let asOf, let old = data.scheduled(ref)?.deadline(on: asOf), let last = old.lastDay, last < asOf,
           visible(reason) == visible(record.value(.reason)) {
            throw EditError(sv: "\(id):s slutdatum \(old.token) har passerat; att flytta det behöver ett nytt skäl, inte det som redan står",
                            en: "the deadline of \(id), \(old.token), has passed; moving it needs a new reason, not the one already given",
                            refusal: true)
        }
        // A later deadline for work already done would turn a late finish into one on time.
        if record.value(.status).flatMap(Status.init(parsing:)) == .done {
            throw EditError(sv: "\(id) är redan klar; postpone flyttar tidplanen för det som inte är klart (ett slutdatum som var fel rättas med 'set \(id) due=… reason=…')",
                            en: "\(id) is already done; postpone moves the schedule of work not yet done (a deadline that was wrong is corrected with 'set \(id) due=… reason=…')",
                            refusal: true)
        }
        if let old = record.value(.due).flatMap(Deadline.init(token:)),
           let oldLast = old.lastDay, let newLast = deadline.lastDay, newLast <= oldLast {
            throw EditError(sv: "\(id) ska redan vara klar \(old.token); postpone flyttar bara senare (använd 'set \(id) due=…' för att tidigarelägga)",
                            en: "\(id) is already due \(old.token); postpone only moves later (use 'set \(id) due=…' to move earlier)", refusal: true)
        }
        // The phrase as typed ('hösten 2027'): the editor stores its token and echoes the reading.
        return try Editor.update(data, kind, id: id, [.set("due", phrase ?? deadline.token), .set("reason", reason)])
    }
}

import Foundation

/// A small valid data folder made of real records from the plan (seed 000, §3.3 and §4.1).
/// It audits clean at 2024-11-04, so each bad-input test sees only the problem it adds.
/// Line numbers that tests rely on are noted beside the lines.
enum Fixture {
    static let owners = """
        %rec: owner
        %key: id
        %mandatory: id name

        id: sbs
        name: Enheten för säkerhet, beredskap och systemförvaltning
        kind: enhet

        id: ekb
        name: Enheten för mottagning och ekonomiskt bistånd
        kind: enhet

        """

    static let goals = """
        %rec: goal
        %key: id
        %mandatory: id title owner due status

        id: M3.3
        title: Säkerställa socialnämndens systematiska säkerhetsarbete
        owner: sbs
        due: 2024-12-31
        status: pågår

        id: D2
        title: Upprätta en förvaltningsgemensam plan för kontinuitetshantering
        parent: M3.3
        owner: sbs
        due: 2024-12-31
        status: pågår

        """
    // goals.rec: M3.3 at line 5 (owner 7, due 8, status 9); D2 at line 11 (parent 13).

    static let activities = """
        %rec: activity
        %key: id
        %mandatory: id title goal owner due status

        id: A1
        title: Skapa en övergripande kontinuitetsplan och presentera för FLG
        goal: D2
        owner: sbs
        start: 2024-05
        due: 2024-10
        status: klar
        done: 2024-10-31

        id: A26
        title: Kartlägga och analysera risker för välfärdsbrott inom ekonomiskt bistånd
        goal: D2
        owner: ekb
        start: 2024-06
        due: 2024-12
        status: pågår

        """
    // activities.rec: A1 at line 5 (title 6, goal 7, owner 8, due 10, status 11, done 12);
    // A26 at line 14 (owner 17, due 19).

    /// The three files as bytes, ready for `EndToEndCase.folder(with:)`.
    static var files: [String: [UInt8]] {
        ["owners.rec": Array(owners.utf8), "goals.rec": Array(goals.utf8), "activities.rec": Array(activities.utf8)]
    }

    /// The files with the first `old` in `file` replaced by `new` (bytes, so a test can
    /// put in what no Swift string holds). Throws if `old` is not there, so a stale edit
    /// cannot pass silently.
    static func files(editing file: String, replacing old: String, with new: [UInt8]) throws -> [String: [UInt8]] {
        var all = files
        let bytes = all[file] ?? [], pattern = Array(old.utf8)
        guard let at = bytes.indices.first(where: { bytes[$0...].starts(with: pattern) }) else {
            throw TestError("fixture \(file) has no '\(old)'")
        }
        all[file] = Array(bytes[..<at]) + new + Array(bytes[(at + pattern.count)...])
        return all
    }

    static func files(editing file: String, replacing old: String, with new: String) throws -> [String: [UInt8]] {
        try files(editing: file, replacing: old, with: Array(new.utf8))
    }

    /// A Luhn-valid Swedish personnummer (YYYYMMDD-NNNC) for the given date and serial.
    static func personnummer(date: String, serial: String) -> String {
        let digits = Array(date.dropFirst(2) + serial).map { Int(String($0))! }
        var sum = 0
        for (i, d) in digits.enumerated() {
            let p = i % 2 == 0 ? d * 2 : d
            sum += p / 10 + p % 10
        }
        return "\(date)-\(serial)\((10 - sum % 10) % 10)"
    }
}

/// The language of user-facing text.
public enum Lang: String, Sendable, CaseIterable {
    case sv, en
}

/// A user-facing text in Swedish and English.
public struct Message: Sendable, Hashable, Codable {
    public let sv: String
    public let en: String

    public init(sv: String, en: String) {
        self.sv = sv
        self.en = en
    }

    public func text(_ lang: Lang) -> String { lang == .sv ? sv : en }
}

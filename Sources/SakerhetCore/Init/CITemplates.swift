/// The CI files that `init --ci` writes. docs/ci/ holds the same files; a test keeps
/// them identical.
public enum CITemplates {
    /// (path in the repository, contents) for `github` or `gitlab`.
    public static func file(_ system: String) -> (String, String) {
        system == "gitlab" ? (".gitlab-ci.yml", gitlab) : (".github/workflows/sakerhet.yml", github)
    }

    public static let github = #"""
    PLACEHOLDER-GITHUB
    """#

    public static let gitlab = #"""
    PLACEHOLDER-GITLAB
    """#
}

/// The formats a command writes with `--format` or `-o FILE`, declared once: the name a
/// "Skrev …" line gives, the file extension a suggested file name gets, and which
/// extensions of `-o` choose a report's format.
public enum OutputFormat {
    /// "HTML", "Markdown", "JSON", "Word", "Excel"; "text" for plain text.
    public static func name(_ format: String) -> String {
        ["json": "JSON", "markdown": "Markdown", "html": "HTML", "docx": "Word", "xlsx": "Excel",
         "gitlab": "JSON", "junit": "XML"][format] ?? "text"
    }

    /// The extension of a file in `format`: "html", "md", "json", "xml", "txt".
    public static func fileExtension(_ format: String) -> String {
        ["json": "json", "markdown": "md", "html": "html", "docx": "docx", "xlsx": "xlsx",
         "gitlab": "json", "junit": "xml"][format] ?? "txt"
    }

    /// The report format an `-o` file's extension chooses, nil for one a report is not
    /// written in.
    public static func report(forExtension ext: String) -> String? {
        ["html": "html", "htm": "html", "md": "markdown", "markdown": "markdown", "json": "json", "txt": "text", "": "text",
         "docx": "docx"][ext.lowercased()]
    }
}

/// Reads a plan file's tables by its extension: `.xlsx` (one sheet, or every sheet named
/// after a kind, as `export` writes them), `.docx` (every table), `.csv`, `.tsv` and `.txt`. Files it cannot read get a message saying what to do.
public enum ImportSource {
    public static let extensions = ["xlsx", "csv", "docx", "tsv", "txt"]

    /// `kind`: the kind asked for (`--kind`), which picks a workbook's sheets when they are
    /// named after kinds (`XLSXReader.read(_:file:sheet:kind:kindOf:)`).
    public static func tables(_ bytes: [UInt8], file: String, sheet: String? = nil, kind: Kind? = nil, maxText: Int = ImportSource.maxText) throws -> [SourceTable] {
        let ext = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
        // An OLE compound file: an encrypted (password-protected) workbook or document, or a
        // .xls / .doc from before 2007.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) || ext == "xls" || ext == "doc" {
            let old = ext == "xls" || ext == "doc"
            throw OfficeError(
                sv: "\(file) är \(old ? "i det gamla binära Office-formatet (före 2007)" : "lösenordsskyddad eller i det gamla binära Office-formatet") och kan inte läsas; öppna den i Excel eller Word\(old ? "" : ", ta bort lösenordet (Arkiv > Info > Skydda > Kryptera med lösenord)") och spara som .xlsx eller .docx",
                en: "\(file) is \(old ? "in the old binary Office format (before 2007)" : "password-protected or in the old binary Office format") and cannot be read; open it in Excel or Word\(old ? "" : ", remove the password (File > Info > Protect > Encrypt with Password)") and save it as .xlsx or .docx")
        }
        let tables = try read(bytes, file: file, ext: ext, sheet: sheet, kind: kind)
        // A cell's text may be copied to many rows: a shared string named by every row, a
        // merged range, a Word cell continued down the table. A file of kilobytes could so
        // become gigabytes of text (a 1 MiB string in 1,024 rows: 47 s and 1.3 GB), so the
        // text of the tables as read is held to what the file itself may be.
        var text = 0
        for t in tables { for row in t.rows { for case .text(let s) in row { text += s.utf8.count } } }
        if text > maxText {
            throw OfficeError(sv: "\(file): tabellernas text blir större än import läser (\(Inflate.size(maxText).sv)) när delade texter och sammanfogade celler fylls i; en plan är några MiB. Kontrollera att inga celler upprepar en lång text, eller spara bara planens blad eller tabeller i en egen fil och importera den",
                              en: "\(file): the text of its tables grows past what import reads (\(Inflate.size(maxText).en)) when shared strings and merged cells are filled in; a plan is a few MiB. Check that no cells repeat a long text, or save only the plan's sheets or tables in a file of their own and import that")
        }
        return tables
    }

    /// The most text the tables of one file may hold, as read (the cap on one zip entry).
    public static let maxText = ZipArchive.maxEntrySize

    private static func read(_ bytes: [UInt8], file: String, ext: String, sheet: String?, kind: Kind?) throws -> [SourceTable] {
        do {
            switch ext {
            case "xlsx", "xlsm": return try XLSXReader.read(bytes, file: file, sheet: sheet, kind: kind, kindOf: ExportLabels.kind(ofSheet:))
            case "docx", "docm": return try DOCXReader.read(bytes, file: file)
            case "csv":
                var t = try CSVReader.read(bytes, file: file, tab: false)
                t.lettered = true
                return [t]
            case "tsv", "txt":
                var t = try CSVReader.read(bytes, file: file, tab: true)
                t.lettered = true
                // Most rows one column with semicolons in it: a Swedish Excel CSV under another
                // name (a tab inside a cell makes a row or two of two columns).
                let filled = t.rows.filter { !$0.allSatisfy(\.isBlank) }
                let semicolons = filled.filter { $0.count <= 1 && $0.first?.text.contains(";") == true }.count
                if !filled.isEmpty, semicolons * 2 > filled.count {
                    throw OfficeError(sv: "\(file) läses som tabbseparerad (.\(ext)) men har semikolon och inga tabbar; är den semikolonseparerad (som svenska Excel sparar CSV), byt ändelse till .csv och importera igen",
                                      en: "\(file) is read as tab-separated (.\(ext)) but has semicolons and no tabs; if it is separated by semicolons (as Swedish Excel saves CSV), rename it to .csv and import again")
                }
                return [t]
            case "ods", "odt":
                throw OfficeError(sv: "\(file): OpenDocument läses inte; spara som .xlsx, .docx eller .csv", en: "\(file): OpenDocument is not read; save it as .xlsx, .docx or .csv")
            default:
                // A name with no extension has none to name.
                let which = file.split(separator: "/").last?.contains(".") == true ? (sv: "okänd filtyp '.\(ext)'", en: "unknown file type '.\(ext)'")
                    : (sv: "filnamnet saknar ändelse", en: "the file name has no extension")
                throw OfficeError(sv: "\(file): \(which.sv); import läser .xlsx, .docx, .csv, .tsv och .txt",
                                  en: "\(file): \(which.en); import reads .xlsx, .docx, .csv, .tsv and .txt")
            }
        } catch let f as ZipArchive.Failure where f.isOverCap {
            throw OfficeError(sv: "\(file) är större än import läser: \(f.message.sv); en plan är några MiB. Spara bara planens blad eller tabeller i en egen fil och importera den",
                              en: "\(file) is larger than import reads: \(f.message.en); a plan is a few MiB. Save only the plan's sheets or tables in a file of their own and import that")
        } catch let f as ZipArchive.Failure {
            // Text, not a zip (a CSV saved under the workbook's name): said as such.
            let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            if !bytes.starts(with: [0x50, 0x4B]), utf16 || (!bytes.prefix(4_096).contains(0) && bytes.prefix(4_096).contains(where: { $0 == 0x3B || $0 == 0x2C || $0 == 0x09 })) {
                throw OfficeError(sv: "\(file) är en textfil (CSV?), inte \(ext.hasPrefix("doc") ? "ett Word-dokument" : "en arbetsbok"); byt ändelse till .csv (eller .tsv för tabbar) och importera igen",
                                  en: "\(file) is a text file (CSV?), not a \(ext.hasPrefix("doc") ? "Word document" : "workbook"); rename it to .csv (or .tsv for tabs) and import again")
            }
            throw OfficeError(sv: "\(file) kan inte läsas som \(ext.hasPrefix("doc") ? "Word-dokument" : "arbetsbok"): \(f.message.sv); filen är skadad eller inte av den typen, spara om den från Excel eller Word",
                              en: "\(file) cannot be read as a \(ext.hasPrefix("doc") ? "Word document" : "workbook"): \(f.message.en); the file is damaged or not of that type, save it again from Excel or Word")
        }
    }
}

#!/usr/bin/python3
"""Makes the import fixtures with real tools: openpyxl for the workbook, python-docx for
the Word document, Python's csv module for the Swedish-Excel CSV (';', Windows-1252, CRLF).

Run from this folder: /usr/bin/python3 make_fixtures.py  (Debian: python3-openpyxl,
python3-docx; or pip install openpyxl python-docx). The generated files are committed,
so the tests do not need Python.

All three hold the same 7-row plan: a title row above the header, a goal column, four
owners, "Mars 2015", "Hösten 2015", "Löpande", a year as a number, a date (a serial with
a date format in the workbook), and "Genomförd".
"""
import csv, datetime, io
import openpyxl
from openpyxl.styles import Font
import docx

TITLE = "Handlingsplan för säkerhetsarbetet 2015"
HEADER = ["Mål", "Aktivitet", "Ansvarig", "Start", "Klart senast", "Status", "Kommentar"]
G1 = "Stärkt informationssäkerhet"
G2 = "Förbättrad kontinuitetshantering"
# The deadline column: text, except the year (a number) and the date (a real date).
ROWS = [
    [G1, "Inventera informationstillgångar", "Säkerhetsstrateg", "Januari 2015", "Mars 2015", "Genomförd", "Klar före sommaren"],
    [G1, "Genomföra informationsklassning", "Säkerhetsstrateg och IT-enheten", "April 2015", "Hösten 2015", "Pågår", 'Se "Rutin för klassning"; version 2\nGäller hela förvaltningen'],
    [G2, "Ta fram kontinuitetsplan", "Avdelningschef IFO / Säkerhetsstrateg", "", 2015, "Ej påbörjad", ""],
    [G2, "Öva krisledningsgruppen", "Krisledningsgruppen", "", datetime.date(2015, 11, 30), "Påbörjad", ""],
    [G1, "Följa upp informationssäkerhetsincidenter", "IT-enheten", "", "Löpande", "Pågår", "Varje månad"],
    [G2, "Uppdatera risk- och sårbarhetsanalysen", "Säkerhetsstrateg", "", "Q4 2015", "Klar", ""],
    [G1, "Utbilda personalen i informationssäkerhet", "Avdelningschef IFO, IT-enheten", "Hösten 2015", "Enligt tidsplan från KS", "Ej påbörjad", ""],
]


def as_text(v):
    if isinstance(v, datetime.date):
        return v.isoformat()
    return str(v)


def workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws["A1"] = TITLE
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])  # row 2 blank
    ws.append(HEADER)  # row 3
    for r in ROWS:
        ws.append([v if v != "" else None for v in r])
    for row in ws.iter_rows(min_row=4):
        for c in row:
            if isinstance(c.value, datetime.date):
                c.number_format = "yyyy-mm-dd"
    other = wb.create_sheet("Anteckningar")
    other["A1"] = "Inget här"
    wb.save(path)


def swedish_csv(path):
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow([TITLE] + [""] * 6)
    w.writerow([""] * 7)
    w.writerow(HEADER)
    for r in ROWS:
        w.writerow([as_text(v) for v in r])
    with open(path, "wb") as f:
        f.write(out.getvalue().encode("cp1252"))


def word(path):
    d = docx.Document()
    d.add_heading(TITLE, level=1)
    d.add_paragraph("Tabell 1. Aktiviteter")
    t = d.add_table(rows=2 + len(ROWS), cols=len(HEADER))
    title = t.rows[0].cells[0].merge(t.rows[0].cells[len(HEADER) - 1])
    title.text = TITLE
    for i, h in enumerate(HEADER):
        t.rows[1].cells[i].text = h
    for r, row in enumerate(ROWS):
        for i, v in enumerate(row):
            cell = t.rows[2 + r].cells[i]
            parts = as_text(v).split("\n")
            cell.text = parts[0]
            for p in parts[1:]:
                cell.add_paragraph(p)
    d.add_paragraph("Ett annat bord utan rubriker:")
    t2 = d.add_table(rows=2, cols=2)
    t2.rows[0].cells[0].text = "Version"
    t2.rows[0].cells[1].text = "Datum"
    d.save(path)


if __name__ == "__main__":
    workbook("plan.xlsx")
    swedish_csv("plan.csv")
    word("plan.docx")
    # An encrypted workbook is an OLE compound file: its first bytes are enough to refuse it.
    with open("encrypted.xlsx", "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
    with open("noheader.csv", "wb") as f:
        f.write("Vad;Vem;När\r\nNågot;Någon;Sen\r\n".encode("cp1252"))

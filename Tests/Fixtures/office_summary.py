#!/usr/bin/env python3
"""Opens the files sakerhet wrote with real readers and prints what they saw as JSON.

    office_summary.py FILE...

For every file: the zip as Python's zipfile reads it (testzip, entry names, flag bits,
and whether each stored CRC-32 matches zlib's over the content). Then, by extension:
  .xlsx  openpyxl: sheet names, and per sheet the header row, the first data rows,
         the values, number formats and fills of every cell, frozen panes, autofilter.
  .docx  python-docx: paragraphs with their style, the tables' cells with shading.
Used by Tests/EndToEndTests/OfficeExportTests.swift (it lives outside the test targets, so SwiftPM leaves it alone); needs openpyxl and python-docx
(apt-get install python3-openpyxl python3-docx, or pip install openpyxl python-docx).
"""
import datetime
import json
import sys
import zipfile
import zlib


def zip_summary(path):
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        return {
            "testzip": z.testzip(),
            "names": [i.filename for i in infos],
            "utf8_flag": all(i.flag_bits & 0x800 for i in infos),
            "stored": all(i.compress_type == zipfile.ZIP_STORED for i in infos),
            "crc_ok": all(zlib.crc32(z.read(i)) & 0xFFFFFFFF == i.CRC for i in infos),
            "date_time": sorted({list(i.date_time).__repr__() for i in infos}),
        }


def cell_value(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.isoformat()
    return v


def fill_of(cell):
    f = cell.fill
    if f is None or f.fill_type != "solid":
        return None
    rgb = f.fgColor.rgb
    return rgb if isinstance(rgb, str) else None


def xlsx_summary(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            rows.append([{"v": cell_value(c.value), "fmt": c.number_format, "fill": fill_of(c),
                          "bold": bool(c.font and c.font.b),
                          "wrap": bool(c.alignment and c.alignment.wrap_text)} for c in row])
        sheets.append({
            "name": ws.title,
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
            "max_row": ws.max_row,
            "max_column": ws.max_column,
            "rows": rows,
        })
    return {"sheets": sheets, "title": wb.properties.title}


def docx_summary(path):
    import docx
    from docx.oxml.ns import qn
    d = docx.Document(path)
    paragraphs = [{"style": p.style.name, "text": p.text} for p in d.paragraphs]
    tables = []
    for t in d.tables:
        rows = []
        for r in t.rows:
            cells = []
            for c in r.cells:
                shd = c._tc.tcPr.find(qn("w:shd")) if c._tc.tcPr is not None else None
                cells.append({"text": c.text, "fill": shd.get(qn("w:fill")) if shd is not None else None})
            rows.append(cells)
        tables.append(rows)
    section = d.sections[0]
    return {"paragraphs": paragraphs, "tables": tables, "title": d.core_properties.title,
            "landscape": section.page_width > section.page_height}


def main():
    out = {}
    for path in sys.argv[1:]:
        entry = {"zip": zip_summary(path)}
        if path.endswith(".xlsx"):
            entry["xlsx"] = xlsx_summary(path)
        elif path.endswith(".docx"):
            entry["docx"] = docx_summary(path)
        out[path] = entry
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

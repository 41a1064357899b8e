#!/usr/bin/env python3
"""Writes the XLSX fixtures of Tests/DXImportTests the way Excel writes files.

Usage: python3 scripts/make-xlsx-fixtures.py OUTPUT_DIR

Needs openpyxl (pip install openpyxl). openpyxl itself writes shared strings, rich text,
styles with date formats and merged cells; what it does not write as Excel does is then
patched into the XML with zipfile:
- formulas get Excel's cached values (<f>..</f><v>..</v>, t="str" and t="e" results);
- texts become shared strings (openpyxl writes inline strings), one of them with two runs
  and a phonetic run (<rPh>), which readers must skip;
- one inline string cell with rich-text runs (t="inlineStr");
- the sheet "Không r" loses every row and cell `r` attribute (as some generators write).

Files written:
- excel-like.xlsx: the sheets "Chỉ tiêu" and "Không r" described in XLSXReaderTests.swift.
- date1904.xlsx: one date cell in the 1904 date system.
"""
import datetime
import html
import os
import re
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont


def build_excel_like(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws["A1"] = "BIỂU TỔNG HỢP HỒ SƠ"
    ws.merge_cells("A1:G1")
    for col, title in enumerate(
        ["STT", "Đơn vị", "Trực tuyến", "Trực tiếp", "Tổng", "Ngày báo cáo", "Ghi chú"], start=1
    ):
        ws.cell(row=2, column=col, value=title)

    ws["A3"] = 1
    ws["B3"] = "Sở Nội vụ"
    ws["C3"] = 1445521
    ws["D3"] = 10
    ws["E3"] = "=C3+D3"
    ws["F3"] = datetime.date(2024, 7, 5)
    ws["F3"].number_format = "dd/mm/yyyy"
    ws["G3"] = "Đã rà soát"

    ws["A4"] = 2
    ws["B4"] = CellRichText(["Sở ", TextBlock(InlineFont(b=True), "Tư pháp")])
    ws["C4"] = 12.5
    ws["D4"] = 0
    ws["E4"] = "=C4/D4"
    ws["F4"] = datetime.datetime(2025, 6, 30, 15, 45)
    ws["F4"].number_format = "mm-dd-yy"  # built-in format 14
    ws["G4"] = True

    ws["A5"] = 3
    ws["B5"] = "UBND huyện Hưng Hà"
    ws["C5"] = "nhiều"  # text in a number column
    ws["D5"] = "1.234"  # a number typed as text, Vietnamese style
    ws["E5"] = '=B5&" (huyện)"'
    ws["F5"] = 45658  # a plain number, not a date
    ws["G5"] = "#N/A"  # openpyxl writes an error value

    ws2 = wb.create_sheet("Không r")
    ws2.append(["Mã", "Giá trị"])
    ws2.append(["X1", 10])
    ws2.append(["X2", 20])
    ws2.append([None, 30])  # a first empty cell, written without `r`

    wb.save(path)
    patch(path)


def patch(path):
    """Rewrites parts the way Excel writes them."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
        order = z.namelist()

    # openpyxl writes every text as an inline string; Excel writes shared strings.
    shared = []
    index = {}

    def share(match):
        body = match.group(3)
        if body not in index:
            index[body] = len(shared)
            shared.append(body)
        attrs = (match.group(1) + match.group(2)).strip()
        return '<c %s t="s"><v>%d</v></c>' % (attrs, index[body]) if attrs else '<c t="s"><v>%d</v></c>' % index[body]

    inline = re.compile(r'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>')
    for name in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"):
        parts[name] = inline.sub(share, parts[name].decode("utf-8")).encode("utf-8")

    items = []
    for body in shared:
        if html.unescape(body) == "<t>Đã rà soát</t>":
            # Two runs and a phonetic run, which readers must skip.
            body = '<r><t xml:space="preserve">Đã rà </t></r><r><t>soát</t></r><rPh sb="0" eb="2"><t>ダ</t></rPh>'
        items.append("<si>%s</si>" % body)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (len(items), len(items), "".join(items))
    ).encode("utf-8")
    order.append("xl/sharedStrings.xml")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml" Id="rId99"/></Relationships>',
    )
    parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode("utf-8")

    # Cached values of the formulas on "Chỉ tiêu" (sheet1).
    sheet1 = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    cached = {
        "E3": ("", "1445531"),
        "E4": ("e", "#DIV/0!"),
        "E5": ("str", "UBND huyện Hưng Hà (huyện)"),
    }
    for ref, (t, v) in cached.items():
        pattern = re.compile(r'<c r="%s"([^>]*)>(<f>.*?</f>)(<v\s*/>|<v></v>)?</c>' % ref)
        match = pattern.search(sheet1)
        assert match, ref
        attrs = re.sub(r'\st="[^"]*"', "", match.group(1))
        if t:
            attrs += ' t="%s"' % t
        sheet1 = sheet1[: match.start()] + '<c r="%s"%s>%s<v>%s</v></c>' % (
            ref, attrs, match.group(2), v) + sheet1[match.end():]
    # One inline string with rich-text runs, as some writers use.
    sheet1 = sheet1.replace(
        "</row></sheetData>",
        '<c r="H5" t="inlineStr"><is><r><t xml:space="preserve">Nội </t></r><r><rPr><b/></rPr><t>tuyến</t></r></is></c>'
        "</row></sheetData>",
        1,
    )
    assert 'r="H5"' in sheet1
    parts["xl/worksheets/sheet1.xml"] = sheet1.encode("utf-8")

    # "Không r" (sheet2): no row or cell references at all.
    sheet2 = parts["xl/worksheets/sheet2.xml"].decode("utf-8")
    sheet2 = re.sub(r'<row r="\d+"', "<row", sheet2)
    sheet2 = re.sub(r'<c r="[A-Z]+\d+"', "<c", sheet2)
    sheet2 = re.sub(r"<dimension[^>]*/>", "", sheet2)
    assert ' r="' not in sheet2
    parts["xl/worksheets/sheet2.xml"] = sheet2.encode("utf-8")

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in order:
            z.writestr(name, parts[name])


def build_date1904(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Ngày"
    wb.epoch = datetime.datetime(1904, 1, 1)  # openpyxl's 1904 date system
    ws["A1"] = datetime.date(2024, 7, 5)
    ws["A1"].number_format = "d/m/yyyy"
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        assert b'date1904="1"' in z.read("xl/workbook.xml") or b"date1904" in z.read("xl/workbook.xml")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    build_excel_like(os.path.join(out, "excel-like.xlsx"))
    build_date1904(os.path.join(out, "date1904.xlsx"))


if __name__ == "__main__":
    main()

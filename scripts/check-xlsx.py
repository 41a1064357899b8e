#!/usr/bin/env python3
"""Reads an XLSX with openpyxl, an independent reader, and checks what a report's appendix
workbook needs: valid, unique sheet names; a frozen header row on sheets that have one; column
widths; numbers stored as numbers; rates formatted as percentages.

Usage: check-xlsx.py FILE.xlsx [--expect-sheets N]

Prints a JSON object: for each sheet its name, freeze_panes, dimensions, column widths, merged
ranges, number formats by cell, and every row's values (dates as ISO text); then the problems.
Exits 1 when there is any problem, 2 when the file cannot be read. Needs `pip install openpyxl`.
"""
import argparse
import datetime
import json
import re
import sys

try:
    import openpyxl
except ImportError:  # pragma: no cover
    print(json.dumps({"error": "openpyxl is not installed: pip install openpyxl"}))
    sys.exit(3)

FORBIDDEN = set('[]:*?/\\')
NUMBER_LIKE = re.compile(r"^[+-]?\d+([.,]\d+)?%?$")


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.date().isoformat() if isinstance(value, datetime.datetime) else value.isoformat()
    return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--expect-sheets", type=int)
    args = parser.parse_args()

    problems = []
    try:
        workbook = openpyxl.load_workbook(args.file)
    except Exception as error:  # noqa: BLE001
        print(json.dumps({"error": f"openpyxl cannot open the file: {error}"}, ensure_ascii=False))
        sys.exit(2)

    names = workbook.sheetnames
    seen = set()
    for name in names:
        if not name.strip():
            problems.append("empty sheet name")
        if len(name) > 31:
            problems.append(f"sheet name longer than 31 characters: {name!r}")
        if FORBIDDEN & set(name):
            problems.append(f"sheet name with a forbidden character: {name!r}")
        if name.lower() in seen:
            problems.append(f"duplicate sheet name: {name!r}")
        seen.add(name.lower())
    if args.expect_sheets is not None and len(names) != args.expect_sheets:
        problems.append(f"{len(names)} sheets, expected {args.expect_sheets}")

    sheets = []
    for sheet in workbook.worksheets:
        rows = [[plain(cell.value) for cell in row] for row in sheet.iter_rows()]
        formats = {}
        percent_cells = []
        text_numbers = []
        # Identifier columns ("STT", "TT", "Mã") hold codes such as "1.1" or "2.7", not numbers.
        id_columns = {cell.column for cell in next(sheet.iter_rows(max_row=1), [])
                      if isinstance(cell.value, str) and cell.value.strip() in ("STT", "TT", "Mã")}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    formats[cell.coordinate] = cell.number_format
                    if "%" in cell.number_format:
                        percent_cells.append(cell.coordinate)
                elif isinstance(cell.value, str) and NUMBER_LIKE.match(cell.value.strip()) and cell.column not in id_columns:
                    # A header such as "(1)" is not a number; a bare "56,25" or "12" is.
                    text_numbers.append(cell.coordinate)
                elif isinstance(cell.value, datetime.datetime):
                    formats[cell.coordinate] = cell.number_format
        widths = {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()
                  if dimension.customWidth}
        info = {
            "name": sheet.title,
            "freeze_panes": sheet.freeze_panes,
            "max_row": sheet.max_row,
            "max_column": sheet.max_column,
            "column_widths": widths,
            "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "number_formats": formats,
            "percent_cells": percent_cells,
            "print_title_rows": sheet.print_title_rows,
            "orientation": sheet.page_setup.orientation,
            "paper_size": sheet.page_setup.paperSize,
            "validations": [{"type": v.type, "sqref": str(v.sqref), "formula1": v.formula1}
                            for v in sheet.data_validations.dataValidation],
            "rows": rows,
            "protected": bool(sheet.protection.sheet),
            "unlocked_cells": [cell.coordinate for row in sheet.iter_rows() for cell in row
                               if cell.has_style and not cell.protection.locked],
        }
        if text_numbers:
            problems.append(f"{sheet.title}: numbers stored as text in {text_numbers[:10]}")
        if sheet.max_row > 1 and not sheet.freeze_panes:
            problems.append(f"{sheet.title}: no frozen header row")
        if sheet.max_column > 0 and not widths:
            problems.append(f"{sheet.title}: no column widths")
        for coordinate in percent_cells:
            value = sheet[coordinate].value
            if not (-10 <= value <= 10):
                problems.append(f"{sheet.title}!{coordinate}: percentage {value} is not a fraction")
        sheets.append(info)

    result = {"sheets": sheets, "sheet_names": names, "problems": problems}
    print(json.dumps(result, ensure_ascii=False, indent=1, default=str))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

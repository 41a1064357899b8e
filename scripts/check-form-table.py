#!/usr/bin/env python3
"""Reads a form table back from an XLSX (openpyxl) or a DOCX (python-docx) and prints its header
as JSON: for XLSX the merged ranges and the header cells' values, for DOCX each header row's
cells with their gridSpan and vMerge, so a test can check the multi-level header is laid out
as the form says. An optional third argument picks the sheet (by name) or the table (by index,
negative from the end), for a form that is one appendix of a report."""
import json
import sys

path = sys.argv[1]
header_rows = int(sys.argv[2])
which = sys.argv[3] if len(sys.argv) > 3 else None
out = {}
if path.endswith(".xlsx"):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    ws = wb[which] if which else wb.worksheets[0]
    out["sheets"] = wb.sheetnames
    out["merged"] = sorted(str(r) for r in ws.merged_cells.ranges)
    out["header"] = [[ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)] for r in range(1, header_rows + 1)]
    out["freeze"] = ws.freeze_panes
    out["body"] = [[ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)] for r in range(header_rows + 1, ws.max_row + 1)]
    out["formats"] = [ws.cell(row=header_rows + 1, column=c).number_format for c in range(1, ws.max_column + 1)]
else:
    import docx
    from docx.oxml.ns import qn
    d = docx.Document(path)
    t = d.tables[int(which)] if which else d.tables[0]
    rows = []
    for tr in t._tbl.tr_lst[:header_rows]:
        cells = []
        for tc in tr.tc_lst:
            pr = tc.tcPr
            span = pr.find(qn("w:gridSpan")) if pr is not None else None
            vm = pr.find(qn("w:vMerge")) if pr is not None else None
            cells.append({
                "text": "".join(x.text or "" for x in tc.iter(qn("w:t"))),
                "span": int(span.get(qn("w:val"))) if span is not None else 1,
                "vmerge": (vm.get(qn("w:val")) or "continue") if vm is not None else None,
            })
        header = tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None
        rows.append({"cells": cells, "repeat": header})
    out["rows"] = rows
    out["grid"] = len(t._tbl.tblGrid.gridCol_lst)
print(json.dumps(out, ensure_ascii=False))

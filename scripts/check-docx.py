#!/usr/bin/env python3
"""Checks a DOCX against the format of Nghị định 30/2020/NĐ-CP (Phụ lục I), reading it with
python-docx, an independent reader of the file.

Usage: check-docx.py FILE.docx [--expect-text TEXT]... [--require-landscape] [--require-footnotes]

Prints a JSON object of what it found (sections, header block, title, appendices, tables,
footnotes, the full text) and a list of problems; exits 1 when there is any problem, 2 when the
file cannot be read at all. Needs `pip install python-docx`.
"""
import argparse
import json
import re
import sys
import zipfile

try:
    import docx
    from docx.oxml.ns import qn
except ImportError:  # pragma: no cover
    print(json.dumps({"error": "python-docx is not installed: pip install python-docx"}))
    sys.exit(3)

TWIPS_PER_MM = 1440 / 25.4
A4 = (11906, 16838)
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DATE_LINE = re.compile(r"^.+, ngày (0[1-9]|[12][0-9]|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")
NUMBER_LINE = re.compile(r"^Số:\s*(\d{2,}|\s*)/\S+$")
APPENDIX_LABEL = re.compile(r"^Phụ lục [IVXLCDM]+$")
ROMAN_HEADING = re.compile(r"^[IVXLC]+\. \S")


def attr(element, name):
    return None if element is None else element.get(qn(name))


def paragraph_text(p):
    """Text of a w:p, with line breaks and tabs."""
    out = []
    for node in p.iter():
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:br"):
            out.append("\n")
        elif node.tag == qn("w:tab"):
            out.append("\t")
    return "".join(out)


def run_flags(p, styles_default_size):
    """Bold/italic/size of the text runs of a w:p (None when not set on the run)."""
    runs = []
    for r in p.findall(qn("w:r")):
        text = "".join(t.text or "" for t in r.findall(qn("w:t")))
        if not text.strip():
            continue
        rpr = r.find(qn("w:rPr"))
        bold = rpr is not None and rpr.find(qn("w:b")) is not None and attr(rpr.find(qn("w:b")), "w:val") not in ("0", "false")
        italic = rpr is not None and rpr.find(qn("w:i")) is not None and attr(rpr.find(qn("w:i")), "w:val") not in ("0", "false")
        size = None
        fonts = None
        if rpr is not None:
            sz = rpr.find(qn("w:sz"))
            if sz is not None:
                size = int(attr(sz, "w:val")) / 2
            rf = rpr.find(qn("w:rFonts"))
            if rf is not None:
                fonts = attr(rf, "w:ascii")
        runs.append({"text": text, "bold": bold, "italic": italic,
                     "size": size if size is not None else styles_default_size, "font": fonts})
    return runs


def jc(p):
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return None
    j = ppr.find(qn("w:jc"))
    return attr(j, "w:val")


def has_top_border(p):
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return False
    bdr = ppr.find(qn("w:pBdr"))
    return bdr is not None and bdr.find(qn("w:top")) is not None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--expect-text", action="append", default=[])
    parser.add_argument("--require-landscape", action="store_true")
    parser.add_argument("--require-footnotes", action="store_true")
    args = parser.parse_args()

    problems = []
    try:
        document = docx.Document(args.file)
    except Exception as error:  # noqa: BLE001
        print(json.dumps({"error": f"python-docx cannot open the file: {error}"}, ensure_ascii=False))
        sys.exit(2)

    package = zipfile.ZipFile(args.file)
    names = set(package.namelist())

    # Document defaults: font and body size.
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    fonts = rpr_default.find(qn("w:rFonts")) if rpr_default is not None else None
    default_fonts = {k: attr(fonts, "w:" + k) for k in ("ascii", "hAnsi", "cs")} if fonts is not None else {}
    default_size_el = rpr_default.find(qn("w:sz")) if rpr_default is not None else None
    default_size = int(attr(default_size_el, "w:val")) / 2 if default_size_el is not None else None
    for key in ("ascii", "hAnsi", "cs"):
        if default_fonts.get(key) != "Times New Roman":
            problems.append(f"default font {key} is {default_fonts.get(key)!r}, not Times New Roman")
    if default_size is None or not (13 <= default_size <= 14):
        problems.append(f"default body size {default_size} pt is outside 13-14 pt")
    normal_font = document.styles["Normal"].font.name

    # Sections through python-docx.
    sections = []
    for index, section in enumerate(document.sections):
        sectpr = section._sectPr
        pgsz = sectpr.find(qn("w:pgSz"))
        w, h = int(attr(pgsz, "w:w")), int(attr(pgsz, "w:h"))
        orient = attr(pgsz, "w:orient") or "portrait"
        margins = {name: round(getattr(section, name + "_margin") / 36000, 1)
                   for name in ("top", "bottom", "left", "right")}
        header_refs = {attr(ref, "w:type"): attr(ref, "r:id") for ref in sectpr.findall(qn("w:headerReference"))}
        title_pg = sectpr.find(qn("w:titlePg")) is not None
        default_header_xml = section.header._element.xml if not section.header.is_linked_to_previous else ""
        first_header_text = "".join(p.text for p in section.first_page_header.paragraphs) if title_pg else None
        first_header_has_field = "PAGE" in section.first_page_header._element.xml if title_pg else None
        info = {
            "index": index + 1,
            "orientation": orient,
            "page_twips": [w, h],
            "margins_mm": margins,
            "different_first_page": title_pg,
            "page_number_in_header": "instrText" in default_header_xml and "PAGE" in default_header_xml,
            "header_centred": 'w:val="center"' in default_header_xml,
            "first_page_header_empty": (first_header_text == "" and not first_header_has_field) if title_pg else None,
            "start_type": attr(sectpr.find(qn("w:type")), "w:val"),
        }
        sections.append(info)
        expected = A4 if orient == "portrait" else (A4[1], A4[0])
        if (w, h) != expected:
            problems.append(f"section {index + 1}: page {w}x{h} twips is not A4 {orient} {expected}")
        if orient == "landscape" and not w > h:
            problems.append(f"section {index + 1}: landscape without swapped page size")
        # Margins as printed: for a landscape page, python-docx reports them as written.
        ranges = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
        for name, (low, high) in ranges.items():
            if not (low <= margins[name] <= high):
                problems.append(f"section {index + 1}: {name} margin {margins[name]} mm outside {low}-{high} mm")
    if not sections:
        problems.append("no sections")
    else:
        first = sections[0]
        if not first["page_number_in_header"] or not first["header_centred"]:
            problems.append("section 1: no centred PAGE field in the header")
        if not first["different_first_page"] or not first["first_page_header_empty"]:
            problems.append("section 1: the page number is not hidden on the first page (titlePg + empty first header)")
    if args.require_landscape and not any(s["orientation"] == "landscape" for s in sections):
        problems.append("no landscape section")

    # Walk the body in order: paragraphs and tables, with the section each belongs to.
    body = document.element.body
    blocks = []
    section_index = 1
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            ppr = child.find(qn("w:pPr"))
            blocks.append(("p", child, section_index))
            if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
                section_index += 1
        elif child.tag == qn("w:tbl"):
            blocks.append(("tbl", child, section_index))

    full_text = []
    for kind, element, _ in blocks:
        if kind == "p":
            full_text.append(paragraph_text(element))
        else:
            for p in element.iter(qn("w:p")):
                full_text.append(paragraph_text(p))
    text = "\n".join(full_text)

    # Body paragraphs (outside tables): size 13-14 pt, Times New Roman.
    body_sizes = set()
    for kind, element, _ in blocks:
        if kind != "p":
            continue
        for run in run_flags(element, default_size):
            body_sizes.add(run["size"])
            if run["font"] not in (None, "Times New Roman"):
                problems.append(f"body run in font {run['font']}: {run['text'][:40]!r}")
    for size in body_sizes:
        if size is None or not (13 <= size <= 14):
            problems.append(f"body text at {size} pt, outside 13-14 pt")

    # Header block: the first block is a borderless 2-column table.
    header = {}
    if not blocks or blocks[0][0] != "tbl":
        problems.append("the document does not start with the header table")
    else:
        table = blocks[0][1]
        borders = table.find(qn("w:tblPr") + "/" + qn("w:tblBorders"))
        border_values = [attr(edge, "w:val") for edge in borders] if borders is not None else []
        grid = table.findall(qn("w:tblGrid") + "/" + qn("w:gridCol"))
        rows = table.findall(qn("w:tr"))
        header["columns"] = len(grid)
        header["borderless"] = bool(border_values) and all(v in ("nil", "none") for v in border_values)
        header["layout_fixed"] = attr(table.find(qn("w:tblPr") + "/" + qn("w:tblLayout")), "w:type") == "fixed"
        if len(grid) != 2:
            problems.append(f"header table has {len(grid)} columns, not 2")
        if not header["borderless"]:
            problems.append(f"header table has borders: {border_values}")

        def cell_paragraphs(row, column):
            cells = row.findall(qn("w:tc"))
            return cells[column].findall(qn("w:p")) if column < len(cells) else []

        if len(rows) >= 1:
            left = cell_paragraphs(rows[0], 0)
            right = cell_paragraphs(rows[0], 1)
            left_lines = [(paragraph_text(p), run_flags(p, default_size), has_top_border(p)) for p in left]
            right_lines = [(paragraph_text(p), run_flags(p, default_size), has_top_border(p)) for p in right]
            header["left"] = [line[0] for line in left_lines if line[0]]
            header["right"] = [line[0] for line in right_lines if line[0]]
            texts_left = [l for l in left_lines if l[0]]
            if texts_left:
                issuer = texts_left[-1]
                header["issuing_body"] = issuer[0]
                if issuer[0] != issuer[0].upper():
                    problems.append(f"issuing body not in capitals: {issuer[0]!r}")
                if not all(r["bold"] for r in issuer[1]):
                    problems.append("issuing body not bold")
                for parent in texts_left[:-1]:
                    if parent[0] != parent[0].upper():
                        problems.append(f"parent body not in capitals: {parent[0]!r}")
            else:
                problems.append("header: no issuing body")
            header["rule_under_issuer"] = any(l[2] for l in left_lines)
            if not header["rule_under_issuer"]:
                problems.append("header: no rule under the issuing body")
            national = [l for l in right_lines if l[0] == NATIONAL_NAME]
            motto = [l for l in right_lines if l[0] == MOTTO]
            if not national or not all(r["bold"] for r in national[0][1]):
                problems.append("header: no bold national name " + NATIONAL_NAME)
            elif not all(12 <= (r["size"] or 0) <= 13 for r in national[0][1]):
                problems.append("header: national name not in 12-13 pt")
            if not motto or not all(r["bold"] for r in motto[0][1]):
                problems.append("header: no bold motto " + MOTTO)
            elif not all(13 <= (r["size"] or 0) <= 14 for r in motto[0][1]):
                problems.append("header: motto not in 13-14 pt")
            header["rule_under_motto"] = any(l[2] for l in right_lines)
            if not header["rule_under_motto"]:
                problems.append("header: no rule under the motto")
        number_line = None
        date_line = None
        for row in rows:
            for column in (0, 1):
                for p in cell_paragraphs(row, column):
                    line = paragraph_text(p).replace("\u00a0", " ")
                    if line.startswith("Số:"):
                        number_line = (line, column)
                    if DATE_LINE.match(line):
                        date_line = (line, column, run_flags(p, default_size))
        header["number_line"] = number_line[0] if number_line else None
        header["date_line"] = date_line[0] if date_line else None
        if not number_line or number_line[1] != 0 or not NUMBER_LINE.match(number_line[0]):
            problems.append(f"header: no 'Số: NN/...' line in the left column ({number_line})")
        if not date_line or date_line[1] != 1:
            problems.append("header: no place and date line ('..., ngày DD tháng M năm YYYY') in the right column")
        elif not all(r["italic"] for r in date_line[2]):
            problems.append("header: place and date not in italics")

    # Title: the first body paragraph after the header, bold capitals, centred.
    title = {}
    for kind, element, _ in blocks[1:]:
        if kind == "p" and paragraph_text(element).strip():
            runs = run_flags(element, default_size)
            title["kind"] = paragraph_text(element)
            title["bold"] = all(r["bold"] for r in runs)
            title["centred"] = jc(element) == "center"
            break
    if not title or title["kind"] != title["kind"].upper() or not title["bold"] or not title["centred"]:
        problems.append(f"title is not a centred bold line in capitals: {title}")

    # Section headings "I. ..." bold capitals.
    roman_headings = []
    for kind, element, section in blocks:
        if kind == "p":
            line = paragraph_text(element)
            if ROMAN_HEADING.match(line):
                runs = run_flags(element, default_size)
                roman_headings.append(line)
                if line != line.upper() or not all(r["bold"] for r in runs):
                    problems.append(f"heading {line[:40]!r} is not bold capitals")

    # Appendices: label, title, citation, then a table whose first row repeats.
    appendices = []
    for position, (kind, element, section) in enumerate(blocks):
        if kind != "p" or not APPENDIX_LABEL.match(paragraph_text(element)):
            continue
        info = {"label": paragraph_text(element), "section": section}
        runs = run_flags(element, default_size)
        if not all(r["bold"] for r in runs) or jc(element) != "center":
            problems.append(f"{info['label']}: label not bold and centred")
        ppr = element.find(qn("w:pPr"))
        page_break = ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None
        previous = blocks[position - 1] if position > 0 else None
        starts_section = previous is not None and previous[2] != section
        info["new_page"] = page_break or starts_section
        if not info["new_page"]:
            problems.append(f"{info['label']}: does not start on a new page")
        following = [b for b in blocks[position + 1:position + 6]]
        texts = [paragraph_text(b[1]) for b in following if b[0] == "p" and paragraph_text(b[1]).strip()]
        info["title"] = texts[0] if texts else None
        info["citation"] = texts[1] if len(texts) > 1 else None
        if not info["title"] or info["title"] != info["title"].upper():
            problems.append(f"{info['label']}: title not in capitals")
        if not info["citation"] or not info["citation"].startswith("(Kèm theo"):
            problems.append(f"{info['label']}: no '(Kèm theo ...)' line")
        else:
            cite = [b for b in following if b[0] == "p" and paragraph_text(b[1]) == info["citation"]][0]
            if not all(r["italic"] for r in run_flags(cite[1], default_size)):
                problems.append(f"{info['label']}: citation not in italics")
        tables = [b for b in blocks[position + 1:] if b[0] == "tbl" and b[2] == section]
        if tables:
            table = tables[0][1]
            rows = table.findall(qn("w:tr"))
            header_rows = 0
            for row in rows:
                trpr = row.find(qn("w:trPr"))
                if trpr is not None and trpr.find(qn("w:tblHeader")) is not None:
                    header_rows += 1
                else:
                    break
            info["table_rows"] = len(rows)
            info["table_columns"] = len(table.findall(qn("w:tblGrid") + "/" + qn("w:gridCol")))
            info["repeated_header_rows"] = header_rows
            info["header_texts"] = [paragraph_text(p) for p in rows[0].iter(qn("w:p"))] if rows else []
            if header_rows < 1:
                problems.append(f"{info['label']}: the table's first row has no w:tblHeader")
        else:
            info["table_rows"] = 0
        info["orientation"] = sections[section - 1]["orientation"] if section - 1 < len(sections) else None
        appendices.append(info)

    # Tables: every row covers the grid.
    table_shapes = []
    for kind, element, _ in blocks:
        if kind != "tbl":
            continue
        columns = len(element.findall(qn("w:tblGrid") + "/" + qn("w:gridCol")))
        for number, row in enumerate(element.findall(qn("w:tr")), 1):
            covered = 0
            for cell in row.findall(qn("w:tc")):
                span = cell.find(qn("w:tcPr") + "/" + qn("w:gridSpan"))
                covered += int(attr(span, "w:val")) if span is not None else 1
                if cell.find(qn("w:p")) is None:
                    problems.append("a table cell without a paragraph")
            if covered != columns:
                problems.append(f"a table row {number} covers {covered} of {columns} columns")
        table_shapes.append(columns)

    # Footnotes.
    footnotes = []
    if "word/footnotes.xml" in names:
        from lxml import etree
        root = etree.fromstring(package.read("word/footnotes.xml"))
        for note in root.findall(qn("w:footnote")):
            if int(attr(note, "w:id")) > 0:
                footnotes.append("".join(t.text or "" for t in note.iter(qn("w:t"))).strip())
    references = len(list(body.iter(qn("w:footnoteReference"))))
    if references != len(footnotes):
        problems.append(f"{references} footnote references but {len(footnotes)} footnotes")
    if args.require_footnotes and not footnotes:
        problems.append("no footnotes")

    for expected in args.expect_text:
        if expected not in text:
            problems.append(f"text not found: {expected!r}")

    result = {
        "sections": sections,
        "default_fonts": default_fonts,
        "normal_style_font": normal_font,
        "default_size": default_size,
        "body_sizes": sorted(s for s in body_sizes if s is not None),
        "header": header,
        "title": title,
        "roman_headings": roman_headings,
        "appendices": appendices,
        "table_columns": table_shapes,
        "footnotes": footnotes,
        "paragraph_count": len(document.paragraphs),
        "text": text,
        "problems": problems,
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

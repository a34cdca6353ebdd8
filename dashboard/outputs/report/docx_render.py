"""The report as DOCX (python-docx): Word's own Heading styles, a table-of-contents field that Word and
LibreOffice fill in, tables as tables with a repeated header row, charts as PNG pictures with alt text."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

import re

from dashboard.core.formatting import text_only as _text_only
from dashboard.outputs.report.document import Bullets, Figure, Paragraph, Report, Section, Table

MUTED = RGBColor(0x5A, 0x5A, 0x5A)
# XML 1.0 has no place for control characters: a stored one would make python-docx refuse the text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
WORD_LANG = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}


def text_only(text: str | None) -> str:
    return _CONTROL.sub("", _text_only(text))


def render(report: Report) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    props = doc.core_properties
    props.title, props.author, props.language = report.title, report.author, WORD_LANG[report.lang]
    props.subject = report.subtitle
    _language(doc, WORD_LANG[report.lang])
    doc.styles["Table Grid"].font.size = Pt(9)
    doc.add_paragraph(text_only(report.title), style="Title")
    doc.add_paragraph(text_only(report.subtitle), style="Subtitle")
    for line in report.cover_lines:
        doc.add_paragraph(text_only(line))
    note = doc.add_paragraph()
    run = note.add_run(text_only(report.proposed_note))
    run.italic, run.font.color.rgb = True, MUTED
    doc.add_paragraph(text_only(report.contents_title), style="TOC Heading" if _has_style(doc, "TOC Heading") else None)
    _toc(doc.add_paragraph())
    doc.add_page_break()
    counters = {"table": 0, "figure": 0}
    for top in report.sections:
        _section(doc, top, report, counters)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _has_style(doc, name: str) -> bool:
    return any(s.name == name for s in doc.styles)


def _language(doc, tag: str) -> None:
    """The document's language on the default run style, so Word hyphenates and spell-checks in it."""
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    rpr.append(lang)


def _toc(paragraph) -> None:
    """A TOC field over Heading 1–3; Word asks to update it on opening (updateFields), LibreOffice on demand."""
    for kind, text in (("begin", None), (None, 'TOC \\o "1-3" \\h \\z \\u'), ("separate", None), ("end", None)):
        run = paragraph.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                fld.set(qn("w:dirty"), "true")
            run._r.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
    settings = paragraph.part.document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _section(doc, s: Section, report: Report, counters: dict) -> None:
    doc.add_heading(text_only(s.title), level=min(s.level, 3))
    for block in s.blocks:
        _block(doc, block, report, counters)
    for child in s.children:
        _section(doc, child, report, counters)


def _block(doc, block, report: Report, counters: dict) -> None:
    if isinstance(block, Paragraph):
        p = doc.add_paragraph()
        run = p.add_run(text_only(block.text))
        run.italic = block.proposed
    elif isinstance(block, Bullets):
        for item in block.items:
            doc.add_paragraph(text_only(item), style="List Bullet")
    elif isinstance(block, Table):
        counters["table"] += 1
        caption = doc.add_paragraph(f"{report.table_word} {counters['table']}: {text_only(block.caption)}",
                                    style="Caption")
        caption.paragraph_format.keep_with_next = True
        _table(doc, block)
    elif isinstance(block, Figure):
        counters["figure"] += 1
        doc.add_picture(io.BytesIO(block.png), width=Cm(16.6))
        picture = doc.paragraphs[-1]
        picture.alignment = WD_ALIGN_PARAGRAPH.LEFT
        for prop in picture._p.iter(qn("wp:docPr")):
            prop.set("descr", text_only(block.alt))
            prop.set("title", text_only(block.caption))
        doc.add_paragraph(f"{report.figure_word} {counters['figure']}: {text_only(block.caption)}", style="Caption")


def _table(doc, block: Table) -> None:
    """A table in Word's Table Grid style (9 pt, set once on the style), the header row marked as one.

    Rows are written as XML directly: python-docx's add_row and cell access walk the whole table each
    time, which took 10 s for the 3,000 districts of a national-scale store."""
    table = doc.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    header = table.rows[0]
    _repeat_header(header)
    for cell, text in zip(header.cells, block.header):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text_only(text))
        run.bold = True
    widths = [tc.tcPr.tcW for tc in header._tr.tc_lst]
    tbl = table._tbl
    for values in block.rows:
        tr = OxmlElement("w:tr")
        for i, text in enumerate(values):
            tc = OxmlElement("w:tc")
            tc_pr = OxmlElement("w:tcPr")
            width = OxmlElement("w:tcW")
            width.set(qn("w:w"), widths[i].get(qn("w:w")))
            width.set(qn("w:type"), widths[i].get(qn("w:type")))
            tc_pr.append(width)
            tc.append(tc_pr)
            p = OxmlElement("w:p")
            if block.numeric and block.numeric[i]:
                p_pr = OxmlElement("w:pPr")
                jc = OxmlElement("w:jc")
                jc.set(qn("w:val"), "right")
                p_pr.append(jc)
                p.append(p_pr)
            r = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = text_only(text)
            r.append(t)
            p.append(r)
            tc.append(p)
            tr.append(tc)
        tbl.append(tr)
    doc.add_paragraph()


def _repeat_header(row) -> None:
    """The header row repeats on every page the table runs over and is read as a header by screen readers."""
    trpr = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    trpr.append(mark)

"""The report as one self-contained HTML file: semantic headings, a contents list, tables with header
cells, charts as embedded PNG images with alt text, the document's language for hyphenation."""

from __future__ import annotations

import base64
from html import escape

from dashboard.core.formatting import text_only
from dashboard.outputs.report.document import Bullets, Figure, Paragraph, Report, Section, Table

STYLE = """
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #1a1a2e; max-width: 52rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; hyphens: auto; -webkit-hyphens: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #c8c8d0; padding: .3rem .4rem; text-align: left; vertical-align: top; }
th { background: #e8f0f7; }
td.num { text-align: right; white-space: nowrap; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; }
.proposed { font-style: italic; } .muted { color: #5a5a5a; }
"""


def _e(text: str) -> str:
    return escape(text_only(text), quote=True)


def render(report: Report) -> bytes:
    counters = {"table": 0, "figure": 0}
    toc = "".join(_toc(s) for s in report.sections)
    body = "".join(_section(s, report, counters) for s in report.sections)
    cover = "".join(f"<p>{_e(line)}</p>" for line in report.cover_lines)
    page = (f'<!DOCTYPE html>\n<html lang="{report.lang}">\n<head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(report.title)} – {_e(report.municipality)}</title><style>{STYLE}</style></head>\n"
            f"<body><header><h1>{_e(report.title)}</h1><p><strong>{_e(report.subtitle)}</strong></p>{cover}"
            f'<p class="muted proposed">{_e(report.proposed_note)}</p></header>\n'
            f'<nav aria-labelledby="toc"><h2 id="toc">{_e(report.contents_title)}</h2><ul>{toc}</ul></nav>\n'
            f"<main>{body}</main></body></html>\n")
    return page.encode("utf-8")


def _anchor(s: Section) -> str:
    return "s-" + "".join(ch if ch.isalnum() else "-" for ch in s.key)


def _toc(s: Section) -> str:
    inner = "".join(_toc(c) for c in s.children if c.level <= 2)
    return f'<li><a href="#{_anchor(s)}">{_e(s.title)}</a>' + (f"<ul>{inner}</ul>" if inner else "") + "</li>"


def _section(s: Section, report: Report, counters: dict) -> str:
    level = min(s.level + 1, 6)  # h1 is the report's title
    parts = [f'<section aria-labelledby="{_anchor(s)}"><h{level} id="{_anchor(s)}">{_e(s.title)}</h{level}>']
    parts += [_block(b, report, counters) for b in s.blocks]
    parts += [_section(c, report, counters) for c in s.children]
    return "".join(parts) + "</section>\n"


def _block(block, report: Report, counters: dict) -> str:
    if isinstance(block, Paragraph):
        return f'<p class="proposed">{_e(block.text)}</p>' if block.proposed else f"<p>{_e(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Table):
        counters["table"] += 1
        head = "".join(f'<th scope="col">{_e(h)}</th>' for h in block.header)
        rows = []
        for values in block.rows:
            cells = []
            for i, v in enumerate(values):
                if i == 0:
                    cells.append(f'<th scope="row">{_e(v)}</th>')
                else:
                    num = ' class="num"' if block.numeric and block.numeric[i] else ""
                    cells.append(f"<td{num}>{_e(v)}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return (f"<table><caption>{_e(report.table_word)} {counters['table']}: {_e(block.caption)}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    if isinstance(block, Figure):
        counters["figure"] += 1
        data = base64.b64encode(block.png).decode("ascii")
        return (f'<figure><img src="data:image/png;base64,{data}" alt="{_e(block.alt)}">'
                f"<figcaption>{_e(report.figure_word)} {counters['figure']}: {_e(block.caption)}</figcaption></figure>")
    raise TypeError(type(block))

"""The report as a tagged PDF (PDF/UA-1) typeset by Typst: the document model as JSON beside report.typ,
the charts as PNG files, DejaVu Sans (Debian's fonts-dejavu-core, as the briefing's)."""

from __future__ import annotations

from pathlib import Path

from dashboard.core.formatting import text_only
from dashboard.outputs.typeset import typeset
from dashboard.outputs.report.document import Bullets, Figure, Paragraph, Report, Section, Table

TEMPLATE = Path(__file__).with_name("report.typ")
REGION = {"fi": "FI", "sv": "FI", "en": "GB"}


def render(report: Report) -> bytes:
    def fill(root: Path) -> dict:
        counters = {"table": 0, "figure": 0}
        return {"title": text_only(report.title), "author": text_only(report.author), "lang": report.lang,
                "region": REGION[report.lang], "municipality": text_only(report.municipality),
                "cover_lines": [text_only(x) for x in report.cover_lines], "contents_title": report.contents_title,
                "figure_word": report.figure_word, "table_word": report.table_word,
                "proposed_note": report.proposed_note,
                "sections": [_section(s, root, counters) for s in report.sections]}

    return typeset(TEMPLATE, fill)


def _section(s: Section, root: Path, counters: dict) -> dict:
    return {"title": text_only(s.title), "level": min(s.level, 3), "blocks": [_block(b, root, counters) for b in s.blocks],
            "children": [_section(c, root, counters) for c in s.children]}


def _block(block, root: Path, counters: dict) -> dict:
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "text": text_only(block.text), "proposed": block.proposed}
    if isinstance(block, Bullets):
        return {"kind": "bullets", "items": [text_only(i) for i in block.items]}
    if isinstance(block, Table):
        counters["table"] += 1
        n = len(block.header)
        return {"kind": "table", "number": counters["table"], "caption": text_only(block.caption),
                "header": [text_only(h) for h in block.header],
                "rows": [[text_only(v) for v in row] for row in block.rows],
                "numeric": list(block.numeric) if block.numeric else [False] * n,
                "widths": list(block.widths) if block.widths else [1.0] * n}
    if isinstance(block, Figure):
        counters["figure"] += 1
        name = f"figure-{counters['figure']}.png"
        (root / name).write_bytes(block.png)
        return {"kind": "figure", "number": counters["figure"], "path": name, "alt": text_only(block.alt),
                "caption": text_only(block.caption)}
    raise TypeError(type(block))

"""The council report as a document model: sections in THL's order holding paragraphs, lists, tables and
figures; what every format (DOCX, PDF, HTML) renders, so the three say the same thing."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core.i18n import DEFAULT_LANGUAGE
# THL's suggested structure of a wellbeing report (summary → background → current state → strengths and
# development areas → plan → appendices); the keys name the catalogue's headings `report.section.<key>`
# and the coordinator's texts in the store.
from data_pipeline.store.report_texts import KINDS, SECTIONS  # noqa: F401 - the report's kinds and sections, named here for its modules

FORMATS = ("docx", "pdf", "html")
# A broad report covers the council term: four years ending with the report's year.
TERM_YEARS = 4


class ReportError(Exception):
    """Something the person asking can fix: `reason` is "empty", "year", "kind", "lang" or "format";
    `known` lists what is on offer."""

    def __init__(self, reason: str, value: object = None, known: tuple = ()) -> None:
        super().__init__(f"{reason}: {value!r} (known: {', '.join(map(str, known))})")
        self.reason, self.value, self.known = reason, value, known


@dataclass(frozen=True)
class Request:
    kind: str = "annual"
    year: int | None = None  # None: the newest year with indicator data
    lang: str = DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Paragraph:
    text: str
    proposed: bool = False  # a sentence the data proposes, until the coordinator's own text replaces it


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()  # right-aligned columns
    # Relative widths for formats that need them (PDF); None: the typesetter decides from the content.
    widths: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Figure:
    png: bytes
    alt: str
    caption: str


Block = Paragraph | Bullets | Table | Figure


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    level: int  # 1: one of THL's sections; 2: a part of one
    blocks: tuple[Block, ...] = ()
    children: tuple["Section", ...] = ()
    proposed: tuple[str, ...] = ()  # the draft sentences, as the report screen offers them
    text: str | None = None  # the coordinator's own text (plain, paragraphs and "- " lists)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Report:
    kind: str
    year: int
    first_year: int
    lang: str
    title: str
    subtitle: str
    municipality: str
    author: str
    cover_lines: tuple[str, ...]
    sections: tuple[Section, ...]
    contents_title: str
    figure_word: str  # "Kuva" / "Figur" / "Figure"
    table_word: str
    proposed_note: str  # says a paragraph is a proposal from the data

    def walk(self):
        for section in self.sections:
            yield from section.walk()


def text_blocks(text: str) -> tuple[Block, ...]:
    """The coordinator's plain text as blocks: blank lines part paragraphs, lines starting "- " or "* " are a list."""
    blocks: list[Block] = []
    for chunk in [c for c in text.replace("\r\n", "\n").split("\n\n") if c.strip()]:
        lines = [line.strip() for line in chunk.strip().split("\n")]
        items = [line[2:].strip() for line in lines if line[:2] in ("- ", "* ")]
        if items and len(items) == len(lines):
            blocks.append(Bullets(tuple(items)))
        else:
            blocks.append(Paragraph(" ".join(lines)))
    return tuple(blocks)

"""The briefing's request, its resolution against the store, and the A4 document with its running head
(typeset by Typst, as the deck's 16:9 pages and the council report are)."""


from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from dashboard.core import chart_render, queries
from dashboard.core.formatting import fmt_datetime, fmt_year_range, text_only
from dashboard.outputs.typeset import FONT_DIR, FONT_FILES, missing_fonts, typeset, write_pictures  # noqa: F401 - FONT_* and missing_fonts are the briefing's API
from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, localized, translate
from data_pipeline.store import engine as store_module

# Same look-back as the screens' default period (dashboard.core.filters.TREND_YEARS): a trend needs the
# years before the plan.
TREND_YEARS = 6
CHARTS_PER_ROW = 2
CHARTS_PER_IMAGE = 4  # two rows of two: a half page
INDICATOR_CHART_PX = 430  # chart width in pixels for half a page: the screens' 15 px labels stay readable
MAP_PX = 520
TEMPLATE = Path(__file__).with_name("briefing.typ")
TEXT_WIDTH_MM = 210 - 2 * 16  # A4 less briefing.typ's margins
# A table cell longer than this is cut with an ellipsis: a stored name is not a page of text.
CELL_CHARACTERS = 160
TEXT_RGB = (26, 26, 46)  # theme.TEXT
MUTED_RGB = (90, 90, 90)
BAD_RGB = (213, 94, 0)  # theme.BAD


class BriefingError(Exception):
    """Something the person asking can fix: an empty store or a filter value the store does not know.

    `reason` is "empty", "age", "district" or "period"; `known` lists the values on offer.
    """

    def __init__(self, reason: str, value: object = None, known: tuple = ()) -> None:
        super().__init__(f"{reason}: {value!r} (known: {', '.join(map(str, known))})")
        self.reason, self.value, self.known = reason, value, known


@dataclass(frozen=True)
class Request:
    """What to brief on: None means all ages / the whole municipality / the screens' default period."""

    lang: str = DEFAULT_LANGUAGE
    age_group: str | None = None
    district: str | None = None
    start_year: int | None = None
    end_year: int | None = None


@dataclass
class Briefing:
    """The resolved request and the store's facts the cover states."""

    lang: str
    age_group: str | None
    district: str | None
    start_year: int
    end_year: int
    municipality: dict
    loaded_at: datetime | None
    age_names: dict[str, str] = field(default_factory=dict)
    district_names: dict[str, str] = field(default_factory=dict)
    area_names: dict[str, str] = field(default_factory=dict)

    @property
    def age_label(self) -> str:
        return self.age_names[self.age_group] if self.age_group else translate("filters.all_ages", self.lang)

    @property
    def district_label(self) -> str:
        return self.district_names[self.district] if self.district else translate("filters.all_districts", self.lang)

    @property
    def period(self) -> str:
        return fmt_year_range(self.start_year, self.end_year)

    @property
    def municipality_name(self) -> str:
        return localized(self.municipality, "name", self.lang)


def default_period(municipality: dict | None, span: tuple[int, int]) -> tuple[int, int]:
    """The screens' default period (dashboard.core.filters.choices): the plan's years, looking back for trends."""
    plan_start = municipality["plan_start_year"] if municipality else None
    plan_end = municipality["plan_end_year"] if municipality else None
    anchor = plan_start if plan_start is not None else span[1]
    first = max(span[0], anchor - TREND_YEARS)
    last = plan_end if plan_end is not None and first <= plan_end <= span[1] else span[1]
    return first, last


def resolve(engine: Engine, request: Request) -> Briefing:
    """Check the request against the store; BriefingError names what is wrong and what is on offer."""
    if request.lang not in LANGUAGES:
        raise BriefingError("lang", request.lang, LANGUAGES)
    if store_module.data_version(engine) == 0:
        raise BriefingError("empty")
    lang = request.lang
    muni = queries.municipality(engine).to_dicts()
    ages = {g["code"]: localized(g, "name", lang) for g in queries.age_groups(engine).to_dicts()}
    districts = {d["code"]: localized(d, "name", lang) for d in queries.districts(engine).to_dicts()}
    if request.age_group is not None and request.age_group not in ages:
        raise BriefingError("age", request.age_group, tuple(ages))
    if request.district is not None and request.district not in districts:
        raise BriefingError("district", request.district, tuple(districts))
    span = queries.year_span(engine)
    if span is None:
        raise BriefingError("empty")
    start, end = default_period(muni[0] if muni else None, span)
    start = request.start_year if request.start_year is not None else start
    end = request.end_year if request.end_year is not None else end
    years = tuple(range(span[0], span[1] + 1))
    for year in (start, end):
        if year not in years:
            raise BriefingError("period", year, (span[0], span[1]))
    start, end = sorted((start, end))
    return Briefing(lang=lang, age_group=request.age_group, district=request.district, start_year=start,
                    end_year=end, municipality=muni[0] if muni else {"name_fi": ""},
                    loaded_at=queries.last_successful_load(engine), age_names=ages, district_names=districts,
                    area_names={a["code"]: localized(a, "name", lang)
                                for a in queries.priority_areas(engine).to_dicts()})


# --- the document -----------------------------------------------------------------------------------

def _hex(rgb: tuple[int, int, int]) -> str:
    return "#%02x%02x%02x" % rgb


class Document:
    """A4 portrait with a running head (municipality, filters, data date) and page numbers, typeset by
    Typst as a tagged PDF (PDF/UA-1) with Finnish and Swedish hyphenation, as the council report is
    (dashboard/outputs/report/): the sections record what they say, `output()` typesets it.

    Typst breaks the pages and fits the tables to them: a word in a narrow column is hyphenated at a
    syllable, never cut mid-word as the PDF library before it did ("Heikkene|e", "263/30|5").
    """

    def __init__(self, b: Briefing) -> None:
        self.b = b
        self.items: list[dict] = []
        self.images: list[bytes] = []
        self.title = f"{translate('brief.title', b.lang)} – {b.municipality_name}"

    def add_page(self) -> None:
        self.items.append({"kind": "pagebreak"})

    def title_heading(self, text: str) -> None:
        """The cover's title: the document's first bookmark, without a page of its own."""
        self.items.append({"kind": "title", "text": text_only(text)})

    def heading(self, text: str, level: int = 0) -> None:
        """A section heading (level 0 starts a page), also an entry in the PDF's outline."""
        self.items.append({"kind": "heading", "text": text_only(text), "level": level + 1})

    def para(self, text: str, size: float = 10, bold: bool = False, colour=TEXT_RGB) -> None:
        self.items.append({"kind": "para", "text": text_only(text), "size": size, "bold": bold, "colour": _hex(colour)})

    def ln(self, mm: float = 2) -> None:
        self.items.append({"kind": "space", "mm": mm})

    def box(self, title: str, lines: list[str]) -> None:
        """The cover's shaded box of the filters in force."""
        self.items.append({"kind": "box", "title": text_only(title), "lines": [text_only(x) for x in lines]})

    def bottom(self, lines: list[str]) -> None:
        """Small print at the foot of the current page (the cover's compilation time and source)."""
        self.items.append({"kind": "bottom", "lines": [text_only(x) for x in lines]})

    def chart(self, png: bytes, alt: str, width: float = 1.0, max_height: float | None = None) -> None:
        """A rendered chart, `width` a share of the text width, at most `max_height` mm high; `alt` is what a
        screen reader says of it (PDF/UA: every picture has one)."""
        self.images.append(png)
        if max_height is not None:  # as wide as asked, unless that would be taller than allowed
            px_w, px_h = chart_render.png_size(png)
            width = min(width, max_height * px_w / px_h / TEXT_WIDTH_MM)
        self.items.append({"kind": "image", "path": f"chart-{len(self.images)}.png", "alt": text_only(alt),
                           "width": width})

    def table(self, header: list[str], rows: list[list[str]], widths: tuple[float, ...],
              align: tuple[str, ...] | None = None) -> None:
        """A table with a header row; `widths` are the columns' shares (relative), `align` LEFT or RIGHT."""
        align = align or ("LEFT",) * len(header)
        self.items.append({"kind": "table", "header": [cut(text_only(h)) for h in header],
                           "rows": [[cut(text_only(v)) for v in row] for row in rows], "widths": list(widths),
                           "right": [a == "RIGHT" for a in align]})

    def output(self) -> bytes:
        b = self.b
        head = (f"{b.municipality_name} · {translate('brief.subtitle', b.lang)} · "
                f"{translate('filters.active', b.lang, age=b.age_label, district=b.district_label, period=b.period)} · "
                f"{data_date(b)}")
        data = {"title": text_only(self.title), "author": text_only(b.municipality_name), "lang": b.lang,
                "region": "GB" if b.lang == "en" else "FI", "head": text_only(head),
                "page": translate("brief.page", b.lang, page="{page}", pages="{pages}"), "items": self.items}

        def fill(root: Path) -> dict:
            write_pictures(root, "chart", self.images)
            return data

        return typeset(TEMPLATE, fill)


def cut(text: str, limit: int = CELL_CHARACTERS) -> str:
    """A table cell's text, cut with an ellipsis where a stored name is too long for one page."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def data_date(b: Briefing) -> str:
    if b.loaded_at is None:
        return translate("data_date.none", b.lang)
    return translate("data_date", b.lang, when=fmt_datetime(b.loaded_at, b.lang))

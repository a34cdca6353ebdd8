"""The briefing's request, its resolution against the store, and the A4 document with its running head."""


from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from sqlalchemy import Engine

from dashboard.core import chart_render
from dashboard.core import queries
from dashboard.core.formatting import fmt_datetime, fmt_year_range, text_only
from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, localized, translate
from data_pipeline.store import engine as store_module

# DejaVu covers ä, ö, å and the typography the texts use (–, −, ≥, “”, ✓); Debian's fonts-dejavu-core.

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FONT = "DejaVu"
# Same look-back as the screens' default period (dashboard.core.filters.TREND_YEARS): a trend needs the
# years before the plan.
TREND_YEARS = 6
CHARTS_PER_ROW = 2
CHARTS_PER_IMAGE = 4  # two rows of two: a half page
INDICATOR_CHART_PX = 430  # chart width in pixels for half a page: the screens' 15 px labels stay readable
MAP_PX = 520
# A table cell longer than this is cut with an ellipsis: fpdf2 cannot break one row across pages.
CELL_CHARACTERS = 160
TEXT_RGB = (26, 26, 46)  # theme.TEXT
MUTED_RGB = (90, 90, 90)
BAD_RGB = (213, 94, 0)  # theme.BAD


def missing_fonts() -> list[str]:
    """The PDF font files not installed (empty when the briefing can be made)."""
    return [name for name in FONT_FILES.values() if not (FONT_DIR / name).is_file()]


def add_fonts(pdf: FPDF) -> None:
    """DejaVu (ä, ö, å) into `pdf`; FileNotFoundError naming the Debian package when it is missing."""
    missing = missing_fonts()
    if missing:
        raise FileNotFoundError(
            f"fonts {', '.join(missing)} not found in {FONT_DIR}: install Debian's fonts-dejavu-core")
    for style, name in FONT_FILES.items():
        pdf.add_font(FONT, style, str(FONT_DIR / name))


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

class Document(FPDF):
    """A4 portrait with a running head (municipality, filters, data date) and page numbers."""

    def __init__(self, b: Briefing) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.b = b
        add_fonts(self)
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(True, margin=16)
        self.set_title(f"{translate('brief.title', b.lang)} – {b.municipality_name}")
        self.set_author(b.municipality_name)
        self.set_lang(b.lang)
        self.set_creator("HYTE dashboard")
        self.set_font(FONT, size=10)
        self.set_text_color(*TEXT_RGB)

    @property
    def width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def normalize_text(self, text: str) -> str:
        # Every text fpdf2 writes passes here: a stored name's bidi override cannot turn a line around.
        return super().normalize_text(text_only(text))

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT, size=7.5)
        self.set_text_color(*MUTED_RGB)
        b = self.b
        line = (f"{b.municipality_name} · {translate('brief.subtitle', b.lang)} · "
                f"{translate('filters.active', b.lang, age=b.age_label, district=b.district_label, period=b.period)} · "
                f"{data_date(b)}")
        self.cell(self.width, 4, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_y(self.get_y() + 3)
        self.set_font(FONT, size=10)
        self.set_text_color(*TEXT_RGB)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FONT, size=7.5)
        self.set_text_color(*MUTED_RGB)
        self.cell(self.width, 5, translate("brief.page", self.b.lang, page=self.page_no(), pages="{nb}"), align="R")
        self.set_text_color(*TEXT_RGB)

    def heading(self, text: str, level: int = 0) -> None:
        """A section heading (h1 starts a page), also an entry in the PDF's outline."""
        if level == 0:
            self.add_page()
        elif self.get_y() > self.h - 60:
            self.add_page()
        self.start_section(text, level=level)
        self.set_font(FONT, "B", size=17 if level == 0 else 12.5)
        self.multi_cell(self.width, 8 if level == 0 else 6.5, text, align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.set_font(FONT, size=10)
        self.ln(1.5)

    def para(self, text: str, size: float = 10, bold: bool = False, colour=TEXT_RGB, width: float | None = None,
             height: float | None = None) -> None:
        self.set_font(FONT, "B" if bold else "", size=size)
        self.set_text_color(*colour)
        self.multi_cell(width or self.width, height or size * 0.5, text, align="L",
                        new_x=XPos.LMARGIN if width is None else XPos.LEFT, new_y=YPos.NEXT)
        self.set_font(FONT, size=10)
        self.set_text_color(*TEXT_RGB)

    def chart(self, png: bytes, x: float, y: float, width: float, max_height: float | None = None) -> float:
        """Place a rendered chart at (x, y), `width` mm wide; returns its height in mm."""
        px_w, px_h = chart_render.png_size(png)
        height = width * px_h / px_w
        if max_height is not None and height > max_height:
            width, height = max_height * px_w / px_h, max_height
        self.image(io.BytesIO(png), x=x, y=y, w=width, h=height)
        return height

    def table(self, header: list[str], rows: list[list[str]], widths: tuple[float, ...],
              align: tuple[str, ...] | None = None) -> None:
        self.set_font(FONT, size=8.5)
        with super().table(col_widths=widths, text_align=align or "LEFT", line_height=4.6,
                           headings_style=heading_style(), borders_layout="HORIZONTAL_LINES") as table:
            row = table.row()
            for name in header:
                row.cell(cut(name))
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(cut(value))
        self.set_font(FONT, size=10)
        self.ln(2)


def cut(text: str, limit: int = CELL_CHARACTERS) -> str:
    """A table cell's text, cut with an ellipsis where a stored name is too long for one page."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def heading_style():
    from fpdf.fonts import FontFace

    # Smaller than the cells: Finnish headings are long words that must not break mid-word.
    return FontFace(family=FONT, emphasis="BOLD", size_pt=7.5, fill_color=(232, 240, 247))


def data_date(b: Briefing) -> str:
    if b.loaded_at is None:
        return translate("data_date.none", b.lang)
    return translate("data_date", b.lang, when=fmt_datetime(b.loaded_at, b.lang))

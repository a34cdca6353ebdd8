"""A meeting deck as a PDF for the council packet: presentation mode's slides, one 16:9 page each.

Each page is the slide the projector shows (dashboard/outputs/slides.py: the same builders, so the
paper and the projector never disagree): title and position (`2 / 3`), key figure, message, lines and
the picture, with the filters and the data date small in the footer. Charts are rendered on the server
(chart_render); the participation map is the briefing's `reach_map` (a Vega-Lite geoshape with the
weakly reached districts outlined), since the projector's pydeck map needs a browser.

The slide builders read through the screens' Streamlit caches. Outside the app (`hyte briefing
--deck`) those caches run in Streamlit's bare mode (a plain in-memory cache, no session), and the
language is fixed with `i18n.speaking`, so the command builds exactly what the screen shows.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import polars as pl
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos
from sqlalchemy import Engine

from dashboard.core import cache, chart_render, filters
from dashboard.core.i18n import speaking, translate
from dashboard.outputs.briefing import Request, reach_map, resolve
from dashboard.outputs.briefing.document import (FONT, add_fonts, MUTED_RGB, TEXT_RGB, Briefing,
                                                 data_date)
from dashboard.outputs.deck import DeckSlide, parse_deck
from dashboard.outputs.slides import Picture, Slide, slide
from dashboard.participation import cache as part_cache
from dashboard.participation import queries as part_queries
from dashboard.participation import reach_map as participation_map
from data_pipeline.store import engine as store_module

# 16:9 at the size of a PowerPoint widescreen slide (13.333 × 7.5 in).
PAGE_W, PAGE_H = 338.67, 190.5
MARGIN = 12.0
TEXT_W = 118.0  # the figure and message column; the picture takes the rest (3:2 as on the projector)
GAP = 8.0
FOOTER_H = 12.0
CHART_PX = 720  # the picture column's width on a 1280×720 projector: the slide's chart text sizes hold
FIGURE_RGB = (0, 53, 90)  # the projector's figure colour (#00355A)
DEMO_RGB = (240, 228, 66)

# The screens a deck can name, and the i18n key of each one's title (dashboard/app.py's PAGES).
SCREENS = {"overview": "page.overview", "indicators": "page.indicators", "participation": "page.participation",
           "working-groups": "page.working_groups", "partnerships": "page.partnerships",
           "data-status": "page.data_status", "accessibility": "page.accessibility"}

_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>:$])")


@dataclass(frozen=True)
class DeckPdf:
    """The PDF, the slides it holds in order, and the parts of the deck that named no screen (skipped)."""

    pdf: bytes
    slides: list[DeckSlide]
    unknown: list[str]


class NoSlides(Exception):
    """The deck names no known screen; `unknown` are its parts."""

    def __init__(self, unknown: list[str]) -> None:
        super().__init__(", ".join(unknown))
        self.unknown = unknown


def build(url: str, request: Request, deck: str | None, engine: Engine | None = None) -> DeckPdf:
    """The deck's slides as PDF pages (`engine`: the app's shared one, else one is made for `url`).
    Raises BriefingError for a filter value the store does not know (as `hyte briefing` does) and
    NoSlides when the deck names no screen."""
    engine = engine if engine is not None else store_module.make_engine(url)
    b = resolve(engine, request)
    chosen, unknown = parse_deck(deck, tuple(SCREENS))
    if not chosen:
        raise NoSlides(unknown)
    store = cache.Store(url, store_module.data_version(engine))
    f = filters.Filters(age_group=b.age_group, district=b.district, start_year=b.start_year, end_year=b.end_year)
    pdf = DeckDocument(b)
    with speaking(b.lang):
        for i, s in enumerate(chosen, start=1):
            shown = slide(s.path, translate(SCREENS[s.path], b.lang), store, f, b.lang, s.focus)
            pdf.slide_page(shown, f"{i} / {len(chosen)}", _picture_png(shown.picture, store, f, b, engine))
    return DeckPdf(bytes(pdf.output()), chosen, unknown)


def _picture_png(picture: Picture | None, store: cache.Store, f: filters.Filters, b: Briefing,
                 engine) -> tuple[bytes, str] | None:
    """The slide's picture as a PNG and its text alternative (None when the slide has none)."""
    if picture is None:
        return None
    if picture.spec is not None:
        return chart_render.png(picture.spec, CHART_PX), picture.alt
    # The map: the reach the slide's figure comes from, drawn as the briefing draws it.
    view = part_cache.participation_reach(store, f.start_year, f.end_year, f.age_group)
    districts = view["districts"].with_columns(
        pl.col("district_code").replace_strict(b.district_names, default=pl.col("district_code")).alias("name"))
    chart = reach_map(part_queries.district_shapes(engine), districts, participation_map.breaks_of(view["districts"]), b)
    return chart_render.png(chart, None), picture.alt


def text_of(markdown: str) -> str:
    """A slide's Markdown-safe line (stored names escaped with `plain`) as the text it shows."""
    return _ESCAPED.sub(r"\1", markdown)


class DeckDocument(FPDF):
    """Landscape 16:9 pages, one a slide: no running head, the filters and data date in the footer."""

    def __init__(self, b: Briefing) -> None:
        super().__init__(orientation="L", unit="mm", format=(PAGE_H, PAGE_W))
        self.b = b
        add_fonts(self)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.set_title(f"{translate('deck.title', b.lang)} – {b.municipality_name}")
        self.set_author(b.municipality_name)
        self.set_lang(b.lang)
        self.set_creator("HYTE dashboard")
        self.set_text_color(*TEXT_RGB)

    def footer(self) -> None:
        b = self.b
        self.set_xy(MARGIN, PAGE_H - FOOTER_H)
        self.set_font(FONT, size=9)
        self.set_text_color(*MUTED_RGB)
        line = " · ".join((b.municipality_name,
                           translate("filters.active", b.lang, age=b.age_label, district=b.district_label,
                                     period=b.period), data_date(b)))
        self.cell(PAGE_W - 2 * MARGIN, 5, line)
        self.set_text_color(*TEXT_RGB)

    def slide_page(self, shown: Slide, where: str, picture: tuple[bytes, str] | None) -> None:
        self.add_page()
        self.start_section(shown.title)
        top = MARGIN
        # The position first, right-aligned; the title takes the rest of the line.
        self.set_font(FONT, "B", size=20)
        pos_w = self.get_string_width(where) + 2
        self.set_xy(PAGE_W - MARGIN - pos_w, top + 1)
        self.cell(pos_w, 10, where, align=Align.R)
        right = PAGE_W - MARGIN - pos_w - 4
        if self.b.municipality.get("is_demo"):
            label = translate("demo.label", self.b.lang)
            self.set_font(FONT, "B", size=12)
            demo_w = self.get_string_width(label) + 4
            self.set_fill_color(*DEMO_RGB)
            self.set_xy(right - demo_w, top + 2.5)
            self.cell(demo_w, 7, label, fill=True, align=Align.C)
            right -= demo_w + 4
        self._fitted(MARGIN, top, right - MARGIN, 26, text_of(shown.title), (28, 24, 20, 16), bold=True)
        body = top + 18
        bottom = PAGE_H - FOOTER_H - 3
        text_w = TEXT_W if picture is not None else PAGE_W - 2 * MARGIN
        y = body
        if shown.figure is not None:
            figure = shown.figure.replace("\u00a0/\u00a0", " / ")
            size = 60
            self.set_font(FONT, "B", size=size)
            while size > 24 and self.get_string_width(figure) > text_w:
                size -= 2
                self.set_font(FONT, "B", size=size)
            self.set_text_color(*FIGURE_RGB)
            self.set_xy(MARGIN, y)
            self.cell(text_w, size * 0.42, figure)
            self.set_text_color(*TEXT_RGB)
            y += size * 0.42 + 3
        y += self._fitted(MARGIN, y, text_w, 30, text_of(shown.label), (17, 15, 13), bold=True) + 3
        if shown.lines:
            self._fitted(MARGIN, y, text_w, bottom - y, "\n".join(text_of(line) for line in shown.lines),
                         (14, 13, 12, 11, 10, 9, 8))
        if picture is not None:
            png, alt = picture
            x0 = MARGIN + TEXT_W + GAP
            box_w, box_h = PAGE_W - MARGIN - x0, bottom - body
            px_w, px_h = chart_render.png_size(png)
            w = box_w
            h = w * px_h / px_w
            if h > box_h:
                w, h = box_h * px_w / px_h, box_h
            self.image(io.BytesIO(png), x=x0 + (box_w - w) / 2, y=body, w=w, h=h, alt_text=alt)

    def _fitted(self, x: float, y: float, width: float, max_height: float, text: str, sizes: tuple[int, ...],
                bold: bool = False) -> float:
        """`text` wrapped into `width` at the largest of `sizes` that fits `max_height`; returns its height."""
        style = "B" if bold else ""
        for size in sizes:
            self.set_font(FONT, style, size=size)
            height = self.multi_cell(width, size * 0.5, text, align=Align.L, dry_run=True, output="HEIGHT")
            if height <= max_height or size == sizes[-1]:
                break
        self.set_xy(x, y)
        self.multi_cell(width, size * 0.5, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return height

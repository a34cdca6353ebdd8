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

import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from sqlalchemy import Engine

from dashboard.core import cache, chart_render, filters
from dashboard.core.i18n import speaking, translate
from dashboard.outputs.briefing import Request, reach_map, resolve
from dashboard.core.formatting import text_only
from dashboard.outputs.briefing.document import Briefing, data_date
from dashboard.outputs.typeset import typeset, write_pictures
from dashboard.outputs.deck import DeckSlide, parse_deck
from dashboard.outputs.slides import Picture, Slide, slide
from dashboard.participation import cache as part_cache
from dashboard.participation import queries as part_queries
from dashboard.participation import reach_map as participation_map
from data_pipeline.store import engine as store_module

# 16:9 at the size of a PowerPoint widescreen slide (13.333 × 7.5 in): deck.typ lays the pages out.
TEMPLATE = Path(__file__).with_name("deck.typ")
CHART_PX = 720  # the picture column's width on a 1280×720 projector: the slide's chart text sizes hold

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
    return DeckPdf(pdf.output(), chosen, unknown)


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


def title_size(title: str) -> int:
    """The title's size (pt): the largest of 28, 24, 20, 16 at which it fits the title line, by its length."""
    for limit, size in ((38, 28), (46, 24), (56, 20)):
        if len(title) <= limit:
            return size
    return 16


class DeckDocument:
    """Landscape 16:9 pages, one a slide: no running head, the filters and data date in the footer, typeset
    by Typst (deck.typ) as the briefing and the council report are: tagged, with alt text on every picture."""

    def __init__(self, b: Briefing) -> None:
        self.b = b
        self.slides: list[dict] = []
        self.images: list[bytes] = []
        self.title = f"{translate('deck.title', b.lang)} – {b.municipality_name}"

    def slide_page(self, shown: Slide, where: str, picture: tuple[bytes, str] | None) -> None:
        title = text_only(text_of(shown.title))
        entry = {"title": title, "title_size": title_size(title), "where": where,
                 "demo": translate("demo.label", self.b.lang) if self.b.municipality.get("is_demo") else None,
                 "figure": None if shown.figure is None else shown.figure.replace("\u00a0/\u00a0", " / "),
                 "label": text_only(text_of(shown.label)), "lines": [text_only(text_of(x)) for x in shown.lines],
                 "picture": None}
        if picture is not None:
            self.images.append(picture[0])
            entry["picture"] = {"path": f"picture-{len(self.images)}.png", "alt": text_only(picture[1])}
        self.slides.append(entry)

    def output(self) -> bytes:
        b = self.b
        footer = " · ".join((b.municipality_name, translate("filters.active", b.lang, age=b.age_label,
                                                            district=b.district_label, period=b.period), data_date(b)))
        data = {"title": text_only(self.title), "author": text_only(b.municipality_name), "lang": b.lang,
                "region": "GB" if b.lang == "en" else "FI", "footer": text_only(footer), "slides": self.slides}

        def fill(root: Path) -> dict:
            write_pictures(root, "picture", self.images)
            return data

        return typeset(TEMPLATE, fill)

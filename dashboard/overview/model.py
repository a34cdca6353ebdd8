"""What the overview shows for one choice of filters and language, as one value: each priority area's
status, the weak signals, the other screens' headline tiles and the plan.

Composed from cached pieces (the indicator board, the other screens' headlines); no Streamlit widgets:
pages/overview.py lays it out, the overview's slide reads the same board.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import screen
from dashboard.core.formatting import fmt_number, fmt_year_range, plain
from dashboard.core.i18n import localized, names, translate
from dashboard.core.model import INFO, Heading, Message, Tile
from dashboard.indicators import cache as ind_cache
from dashboard.indicators import charts as indicator_charts
from dashboard.indicators import view as ind_view
from dashboard.overview import view
from dashboard.participation import model as participation
from dashboard.plan import model as plan_model
from dashboard.partnerships import model as partnerships
from dashboard.working_groups import model as working_groups

# Each screen's headline: (i18n key of the tile, its page, function giving (value, note)); a screen
# without data gives a dash and says why, never a made-up number.
HEADLINES = (
    ("tile.reach", "participation.py", participation.headline),
    ("tile.groups", "working_groups.py", working_groups.headline),
    ("tile.ngo", "partnerships.py", partnerships.headline),
)


@dataclass(frozen=True)
class AreaCard:
    """A priority area at a glance: its status bar (None without indicators) and line, how many
    indicators it has, how it compares, and the link to its indicators."""

    code: str
    name: str
    bar: dict | None
    line: str | None
    count_label: str
    count: str
    comparison: str | None
    link_label: str


@dataclass(frozen=True)
class Signal:
    """A weak signal as a link to its indicator: "**title**: what happened" (Markdown-safe)."""

    indicator_id: int
    text: str


@dataclass(frozen=True)
class ScreenTile:
    """Another screen's headline figure and the link to that screen (its page file)."""

    tile: Tile
    page: str
    link_label: str


@dataclass(frozen=True)
class OverviewModel:
    heading: Heading
    status_title: str
    no_areas: Message | None
    areas: tuple[AreaCard, ...]
    signals_title: str
    no_signals: str | None
    signals: tuple[Signal, ...]
    headlines_title: str
    tiles: tuple[ScreenTile, ...]
    municipality: str | None
    plan: str | None
    no_plan: Message | None
    measures_flag: Message | None = None  # measures not updated within the plan's limits ([plan] in hyte.toml)


def build(store: cache.Store, f: filters.Filters, lang: str) -> OverviewModel:
    board = ind_cache.indicator_board(store, f.start_year, f.end_year, f.age_group)
    status = {row["priority_area_code"]: row for row in board["areas"].iter_rows(named=True)}
    areas = cache.indicator_summary_by_area(store).to_dicts()
    labels = view.status_labels(lang)
    cards = tuple(_area_card(name, area, status.get(area["code"]), labels, lang)
                  for name, area in zip(names(areas, lang), areas))
    signals = []
    for signal in board["signals"].to_dicts():
        title, what = view.signal_parts(signal, lang)
        signals.append(Signal(signal["indicator_id"], f"**{plain(title)}**: {plain(what)}"))
    tiles = []
    for key, page, headline in HEADLINES:
        value, note = headline(store, f, lang)
        # A short link label: a long one is cut off in a third of a 1280 px screen.
        tiles.append(ScreenTile(Tile(translate(key, lang), value, note), page, translate("tile.open", lang)))
    municipality = cache.municipality(store).to_dicts()
    muni = municipality[0] if municipality else None
    plan = None
    if muni and muni["plan_name_fi"]:
        years = fmt_year_range(muni["plan_start_year"], muni["plan_end_year"])
        plan = (f"**{plain(localized(muni, 'plan_name', lang))}** · "
                f"{translate('overview.period', lang, period=years)}")
    return OverviewModel(
        heading=screen.heading(store, "page.overview", lang, f),
        status_title=translate("ov.status", lang),
        no_areas=None if areas else Message(INFO, translate("overview.no_areas", lang)),
        areas=cards,
        signals_title=translate("ov.signals", lang),
        no_signals=None if signals else translate("ov.no_signals", lang),
        signals=tuple(signals),
        headlines_title=translate("overview.headlines", lang),
        tiles=tuple(tiles),
        municipality=plain(localized(muni, "name", lang)) if muni else None,
        plan=plan,
        no_plan=None if plan else Message(INFO, translate("overview.no_plan", lang)),
        measures_flag=plan_model.measures_flag(store, lang))


def _area_card(name: str, area: dict, status: dict | None, labels: dict[str, str], lang: str) -> AreaCard:
    """Its indicators improving, holding and worsening as a bar (the card's big figure), the same in
    words, and how many indicators it has (kept, small)."""
    bar = line = None
    if status is not None and status["indicators"]:
        line = ind_view.area_line(status, lang)
        bar = indicator_charts.status_bar(status, labels, f"{plain(name)}: {line}",
                                          (translate("ind.col.trend", lang), translate("ind.axis.count", lang)))
    return AreaCard(area["code"], plain(name), bar, line, translate("overview.indicator_count", lang),
                    fmt_number(area["indicators"], 0, lang),
                    None if status is None else ind_view.comparison_line(status, lang),
                    translate("page.indicators", lang))

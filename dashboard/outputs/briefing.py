"""The meeting briefing: the dashboard's picture for one choice of filters, as a PDF for the council.

Cover (municipality, filters, data date, language), the overview (trend counts, targets and
comparisons per priority area; the weak signals), each priority area with its indicators' time
series, the participation map, working-group activity and NGO coverage. The numbers come from
the same query and metric functions as the screens, the charts from the same builders, rendered
on the server (chart_render). No Streamlit: `hyte briefing` builds it without the app, and the
app's download button calls `build` inside its cache.
"""

from __future__ import annotations

import io
import json
import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import altair as alt
import polars as pl
import shapely
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from sqlalchemy import Engine

from dashboard.core import chart_render
from dashboard.working_groups import metrics as group_metrics
from dashboard.working_groups import queries as group_queries
from dashboard.indicators import charts as indicator_charts
from dashboard.indicators import queries as indicator_queries
from dashboard.indicators import metrics as indicator_status
from dashboard.partnerships import charts as ngo_charts
from dashboard.partnerships import metrics as ngo_metrics
from dashboard.partnerships import queries as ngo_queries
from dashboard.participation import charts as participation_charts
from dashboard.participation import metrics as participation_metrics
from dashboard.participation import queries as participation_queries
from dashboard.core import queries
from dashboard.core import theme
from dashboard.core.formatting import DASH, fmt_datetime, fmt_number, fmt_year_range
from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, localized, translate
from dashboard.indicators import view as ind_view
from dashboard.participation import view as part_view
from dashboard.participation.view import count_text, reach_number, reach_text
from dashboard.partnerships import view as ngo_view
from dashboard.working_groups import view as wg_view
from data_pipeline import store as store_module
from data_pipeline.registers import EVENT_TYPES

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
TEXT_RGB = (26, 26, 46)  # theme.TEXT
MUTED_RGB = (90, 90, 90)
BAD_RGB = (213, 94, 0)  # theme.BAD


def missing_fonts() -> list[str]:
    """The PDF font files not installed (empty when the briefing can be made)."""
    return [name for name in FONT_FILES.values() if not (FONT_DIR / name).is_file()]


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


def build(engine: Engine, request: Request, today: date | None = None) -> bytes:
    """The briefing as PDF bytes. Raises BriefingError for what the person asking can fix."""
    b = resolve(engine, request)
    today = today or date.today()
    pdf = _Document(b)
    _cover(pdf, b, engine)
    board = _indicator_board(engine, b)
    _overview(pdf, b, board)
    series = indicator_queries.indicator_values(engine, b.start_year, b.end_year)
    for code in b.area_names:  # the plan's order
        _priority_area(pdf, b, code, board, series)
    _participation(pdf, b, engine)
    _working_groups(pdf, b, engine, today)
    _ngo_coverage(pdf, b, engine)
    return bytes(pdf.output())


# --- the document -----------------------------------------------------------------------------------

class _Document(FPDF):
    """A4 portrait with a running head (municipality, filters, data date) and page numbers."""

    def __init__(self, b: Briefing) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.b = b
        missing = missing_fonts()
        if missing:
            raise FileNotFoundError(
                f"fonts {', '.join(missing)} not found in {FONT_DIR}: install Debian's fonts-dejavu-core")
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, str(FONT_DIR / name))
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

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT, size=7.5)
        self.set_text_color(*MUTED_RGB)
        b = self.b
        line = (f"{b.municipality_name} · {translate('brief.subtitle', b.lang)} · "
                f"{translate('filters.active', b.lang, age=b.age_label, district=b.district_label, period=b.period)} · "
                f"{_data_date(b)}")
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
                           headings_style=_heading_style(), borders_layout="HORIZONTAL_LINES") as table:
            row = table.row()
            for name in header:
                row.cell(name)
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(value)
        self.set_font(FONT, size=10)
        self.ln(2)


def _heading_style():
    from fpdf.fonts import FontFace

    # Smaller than the cells: Finnish headings are long words that must not break mid-word.
    return FontFace(family=FONT, emphasis="BOLD", size_pt=7.5, fill_color=(232, 240, 247))


def _data_date(b: Briefing) -> str:
    if b.loaded_at is None:
        return translate("data_date.none", b.lang)
    return translate("data_date", b.lang, when=fmt_datetime(b.loaded_at, b.lang))


# --- the sections -----------------------------------------------------------------------------------

def _cover(pdf: _Document, b: Briefing, engine: Engine) -> None:
    pdf.add_page()
    pdf.start_section(translate("brief.title", b.lang), level=0)
    pdf.set_y(48)
    pdf.para(b.municipality_name, size=30, bold=True, height=13)
    pdf.para(translate("brief.title", b.lang), size=19, height=10)
    pdf.para(translate("brief.subtitle", b.lang), size=13, colour=MUTED_RGB, height=8)
    muni = b.municipality
    if muni.get("plan_name_fi"):
        pdf.ln(3)
        plan = localized(muni, "plan_name", b.lang)
        years = fmt_year_range(muni.get("plan_start_year"), muni.get("plan_end_year"))
        pdf.para(f"{plan} · {translate('overview.period', b.lang, period=years)}", size=11)
    pdf.ln(10)
    top = pdf.get_y()
    pdf.set_fill_color(232, 240, 247)
    pdf.rect(pdf.l_margin, top, pdf.width, 46, style="F")
    pdf.set_xy(pdf.l_margin + 5, top + 4)
    pdf.para(translate("brief.filters", b.lang), size=12, bold=True, width=pdf.width - 10, height=7)
    for line in (translate("brief.age", b.lang, value=b.age_label), translate("brief.district", b.lang, value=b.district_label),
                 translate("brief.period", b.lang, value=b.period), _data_date(b),
                 translate("brief.language", b.lang, value=LANGUAGE_NAMES[b.lang])):
        pdf.set_x(pdf.l_margin + 5)
        pdf.para(line, size=11, width=pdf.width - 10, height=6)
    pdf.set_y(top + 52)
    if muni.get("is_demo"):
        pdf.para(translate("brief.demo", b.lang), size=11, bold=True, colour=BAD_RGB)
    attribution = indicator_queries.sotkanet_attribution(engine)
    pdf.set_y(pdf.h - 40)
    pdf.para(translate("brief.compiled", b.lang, when=fmt_datetime(datetime.now(timezone.utc), b.lang)), size=9,
             colour=MUTED_RGB)
    if attribution and attribution.get("attribution"):
        pdf.para(attribution["attribution"], size=9, colour=MUTED_RGB)


def _indicator_board(engine: Engine, b: Briefing) -> dict[str, pl.DataFrame]:
    plan_start = b.municipality.get("plan_start_year")
    return indicator_status.board(indicator_queries.plan_indicators(engine),
                                  indicator_queries.indicator_values(engine, b.start_year, b.end_year),
                                  plan_start, b.age_group)


def _overview(pdf: _Document, b: Briefing, board: dict[str, pl.DataFrame]) -> None:
    pdf.heading(translate("page.overview", b.lang))
    pdf.heading(translate("ov.status", b.lang), level=1)
    areas = {row["priority_area_code"]: row for row in board["areas"].iter_rows(named=True)}
    header = [translate("brief.col.area", b.lang), translate("brief.col.indicators", b.lang), translate("ind.trend.improving", b.lang),
              translate("ind.trend.holding", b.lang), translate("ind.trend.worsening", b.lang), translate("ind.trend.no_data", b.lang),
              translate("brief.col.target_met", b.lang)]
    rows = []
    for code, name in b.area_names.items():
        a = areas.get(code)
        if a is None:
            rows.append([name, "0", DASH, DASH, DASH, DASH, DASH])
            continue
        rows.append([name, str(a["indicators"]), str(a["improving"]), str(a["holding"]), str(a["worsening"]),
                     str(a["no_data"]), f"{a['target_met']}/{a['with_target']}"])
    pdf.table(header, rows, (56, 24, 18, 18, 18, 18, 26), ("LEFT", *("RIGHT",) * 6))
    for code, name in b.area_names.items():
        if code in areas:
            a = areas[code]
            pdf.para(name, size=9.5, bold=True)
            pdf.para(translate("ind.summary_compare", b.lang, better_county=a["better_than_county"],
                         worse_county=a["worse_than_county"], better_country=a["better_than_country"],
                         worse_country=a["worse_than_country"]), size=9, colour=MUTED_RGB)
            pdf.ln(1)
    summary = board["areas"].join(pl.DataFrame({"priority_area_code": list(b.area_names),
                                                "area": list(b.area_names.values())}),
                                  on="priority_area_code", how="inner")
    if summary.height:
        long = summary.unpivot(index="area", on=["improving", "holding", "worsening", "no_data"],
                               variable_name="status_code", value_name="count").with_columns(
            pl.col("status_code").replace_strict({s: translate(f"ind.trend.{s}", b.lang) for s in
                                                  ("improving", "holding", "worsening", "no_data")}).alias("status"))
        labels = {s: translate(f"ind.trend.{s}", b.lang) for s in ("improving", "holding", "worsening", "no_data")}
        labels["count"] = translate("ind.axis.count", b.lang)
        chart = indicator_charts.area_balance_chart(long, labels, translate("ov.status", b.lang))
        y = pdf.get_y() + 2
        height = pdf.chart(chart_render.png(chart, 760), pdf.l_margin, y, pdf.width, 70)
        pdf.set_y(y + height + 3)

    pdf.heading(translate("ov.signals", b.lang), level=1)
    signals = board["signals"].to_dicts()
    if not signals:
        pdf.para(translate("ov.no_signals", b.lang))
    for s in signals:
        what = translate(f"ov.signal.{s['kind']}", b.lang, change=ind_view.value_text(s["change"], s, b.lang, signed=True), year=s["year"])
        pdf.para(f"⚠ {localized(s, 'title', b.lang)}: {what}", size=9.5)
        pdf.ln(0.8)


def _priority_area(pdf: _Document, b: Briefing, code: str, board: dict, series: pl.DataFrame) -> None:
    """The area's indicators as a table of figures, then their time series as small multiples."""
    name = b.area_names[code]
    pdf.heading(name)
    summaries = {row["priority_area_code"]: row for row in board["areas"].iter_rows(named=True)}
    cards = board["cards"].filter(pl.col("priority_area_code") == code).to_dicts()
    if code in summaries:
        a = summaries[code]
        pdf.para(translate("ind.summary", b.lang, improving=a["improving"], holding=a["holding"], worsening=a["worsening"],
                     no_data=a["no_data"], met=a["target_met"], with_target=a["with_target"]), size=10, bold=True)
        pdf.para(translate("ind.summary_compare", b.lang, better_county=a["better_than_county"],
                     worse_county=a["worse_than_county"], better_country=a["better_than_country"],
                     worse_country=a["worse_than_country"]), size=9, colour=MUTED_RGB)
    if not cards:
        pdf.para(translate("ind.none", b.lang))
        return
    pdf.ln(2)
    header = [translate("ind.col.indicator", b.lang), translate("ind.col.latest", b.lang), translate("ind.col.trend", b.lang), translate("ind.col.target", b.lang),
              translate("ind.col.county", b.lang), translate("ind.col.country", b.lang)]
    rows = []
    for card in cards:
        latest = ind_view.with_unit(ind_view.value_text(card.get("latest"), card, b.lang), card)
        if card.get("latest_year"):
            latest += f" ({card['latest_year']})"
        target = DASH if card.get("target_value") is None else ind_view.with_unit(
            ind_view.value_text(card["target_value"], card, b.lang), card) + (
            "" if card.get("target_met") is None else (" ✓" if card["target_met"] else " ✗"))
        rows.append([localized(card, "title", b.lang), latest, translate(f"ind.trend.{card.get('trend') or 'no_data'}", b.lang),
                     target, _versus(card, "county", b), _versus(card, "country", b)])
    pdf.table(header, rows, (56, 30, 19, 24, 27, 22), ("LEFT", "RIGHT", "LEFT", "RIGHT", "RIGHT", "RIGHT"))
    pdf.para(translate("brief.table_note", b.lang), size=8, colour=MUTED_RGB)

    totals = series.filter(pl.col("gender") == "total").with_columns(
        (pl.coalesce(f"region_{b.lang}", "region_fi") if b.lang != "fi" else pl.col("region_fi")).alias("region"))
    labels = {key: translate(f"ind.axis.{key}", b.lang) for key in ("year", "value", "region", "target", "gender")}
    charts = []
    for card in cards:
        own = totals.filter(pl.col("indicator_id") == card["id"])
        if own.drop_nulls("value").is_empty():
            continue
        title = localized(card, "title", b.lang)
        with alt.utils.schemapi.debug_mode(False):
            chart = indicator_charts.trend_chart(own, card.get("target_value"), labels, title)
            charts.append(chart.properties(height=170, width=INDICATOR_CHART_PX, title=alt.TitleParams(
                textwrap.wrap(title, 52), anchor="start", fontSize=15, fontWeight="bold")))
    # One image per CHARTS_PER_IMAGE charts: vl-convert's cost is mostly per call, not per chart.
    for start in range(0, len(charts), CHARTS_PER_IMAGE):
        with alt.utils.schemapi.debug_mode(False):
            grid = alt.concat(*charts[start:start + CHARTS_PER_IMAGE], columns=CHARTS_PER_ROW, spacing=28)
        png = chart_render.png(grid, width=None)
        px_w, px_h = chart_render.png_size(png)
        height = pdf.width * px_h / px_w
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()
        y = pdf.get_y() + 2
        pdf.set_y(y + pdf.chart(png, pdf.l_margin, y, pdf.width) + 4)


def _versus(card: dict, role: str, b: Briefing) -> str:
    """The comparison region's value, with ▲ where we are better and ▼ where worse."""
    if card.get(role) is None:
        return DASH
    mark = {"better": " ▲", "worse": " ▼"}.get(card.get(f"vs_{role}") or "", "")
    return ind_view.value_text(card[role], card, b.lang) + mark


def _participation(pdf: _Document, b: Briefing, engine: Engine) -> None:
    pdf.heading(translate("brief.participation", b.lang))
    rows = participation_queries.event_participants(engine, b.start_year, b.end_year)
    population = participation_queries.population(engine, b.end_year)
    codes = list(b.district_names)
    view = participation_metrics.reach_view(rows, population, codes, b.age_group, EVENT_TYPES)
    summary = view["summary"]
    if summary["events"] == 0:
        pdf.para(translate("part.no_events", b.lang))
        return
    reach = DASH if summary["reach"] is None else translate("part.per_1000", b.lang, value=reach_number(summary["reach"], b.lang))
    pdf.para(translate("brief.participation.summary", b.lang, reach=reach,
                 participants=fmt_number(summary["participants"], 0, b.lang),
                 events=fmt_number(summary["events"], 0, b.lang)), size=10, bold=True)
    notes = [translate("part.reach_note", b.lang, year=view["population_year"])] if view["population_year"] else []
    pdf.para(" ".join([*notes, translate("part.suppression_note", b.lang)]), size=8.5, colour=MUTED_RGB)
    pdf.ln(2)
    districts = view["districts"].with_columns(
        pl.col("district_code").replace_strict(b.district_names, default=pl.col("district_code")).alias("name"))
    if not codes:
        pdf.para(translate("part.no_districts", b.lang))
        return
    shapes = participation_queries.district_shapes(engine)
    chart = reach_map(shapes, districts, view["breaks"], b)
    y = pdf.get_y()
    height = pdf.chart(chart_render.png(chart, MAP_PX), pdf.l_margin, y, pdf.width * 0.8, 150)
    pdf.set_y(y + height + 2)
    pdf.para(part_view.map_alt(districts, b.lang), size=8.5, colour=MUTED_RGB)
    pdf.ln(2)
    header = [translate(f"part.col.{key}", b.lang) for key in ("district", "participants", "events", "population", "reach", "low")]
    table_rows = [[r["name"], count_text(r["participants"], b.lang), fmt_number(r["events"], 0, b.lang),
                   fmt_number(r["population"], 0, b.lang), reach_text(r, b.lang),
                   translate("part.yes", b.lang) if r["low"] else ""] for r in districts.sort("name").iter_rows(named=True)]
    pdf.table(header, table_rows, (40, 34, 24, 22, 34, 24), ("LEFT", *("RIGHT",) * 4, "LEFT"))


def legend_entries(breaks: list[float], districts: pl.DataFrame, b: Briefing) -> list[tuple[str, str, str]]:
    """(fill, outline, label) of each reach class and of the other marks that occur on the map (the screen's)."""
    classes, extras = part_view.legend_entries(breaks, districts, b.lang)
    return [(colour, participation_charts.OUTLINE, label) for colour, label in classes] + extras


def reach_map(shapes: pl.DataFrame, districts: pl.DataFrame, breaks: list[float], b: Briefing) -> alt.Chart:
    """The districts coloured by reach class, each labelled with its name and figure ("< 5" when
    suppressed), barely reached ones outlined in the "bad" colour, with a legend: the screen's map
    (participation_charts.reach_deck) drawn as a Vega-Lite geoshape, so it renders without a browser."""
    figures = {r["district_code"]: r for r in districts.iter_rows(named=True)}
    features, labels = [], []
    for code, text, lon, lat in shapes.select("code", "geometry", "centroid_lon", "centroid_lat").iter_rows():
        row = figures.get(code, {"reach": None, "suppressed": False, "low": False})
        fill = participation_charts.district_fill(row.get("reach"), row.get("suppressed", False), breaks)
        low = bool(row.get("low")) and not row.get("suppressed")
        # d3-geo wants exterior rings clockwise (GeoJSON's own rule is the opposite): else a district
        # would fill the whole globe but itself.
        geom = shapely.orient_polygons(shapely.from_geojson(text), exterior_cw=True)
        features.append({"type": "Feature", "geometry": json.loads(shapely.to_geojson(geom)),
                         "properties": {"fill": fill, "line": participation_charts.LOW_OUTLINE if low
                                        else participation_charts.OUTLINE, "width": 3 if low else 0.8}})
        if lon is not None and lat is not None:
            figure = reach_text(row, b.lang) if code in figures else DASH
            labels.append({"lon": lon, "lat": lat, "name": b.district_names.get(code, code), "figure": figure})
    shapes_layer = alt.Chart(alt.Data(values=features)).mark_geoshape().encode(
        fill=alt.Color("properties.fill:N", scale=None), stroke=alt.Color("properties.line:N", scale=None),
        strokeWidth=alt.StrokeWidth("properties.width:Q", scale=None))
    names = alt.Chart(alt.Data(values=labels)).mark_text(fontSize=11, fontWeight="bold", dy=-7, color=theme.TEXT,
                                                         stroke="white", strokeWidth=3, strokeOpacity=0.8).encode(
        longitude="lon:Q", latitude="lat:Q", text="name:N")
    names_fill = names.mark_text(fontSize=11, fontWeight="bold", dy=-7, color=theme.TEXT)
    figures_layer = alt.Chart(alt.Data(values=labels)).mark_text(fontSize=11, dy=7, color=theme.TEXT).encode(
        longitude="lon:Q", latitude="lat:Q", text="figure:N")
    geo = alt.layer(shapes_layer, names, names_fill, figures_layer).project(type="mercator").properties(
        width=MAP_PX, height=MAP_PX * 0.8)
    entries = legend_entries(breaks, districts, b)
    legend = alt.Chart(alt.Data(values=[{"i": i, "fill": f, "line": line, "label": label}
                                        for i, (f, line, label) in enumerate(entries)])).encode(
        y=alt.Y("i:O", axis=None))
    swatches = legend.mark_square(size=260, strokeWidth=2).encode(
        x=alt.value(8), fill=alt.Color("fill:N", scale=None), stroke=alt.Color("line:N", scale=None))
    words = legend.mark_text(align="left", fontSize=12, color=theme.TEXT).encode(x=alt.value(24), text="label:N")
    key = alt.layer(swatches, words).properties(width=MAP_PX, height=22 * len(entries),
                                                title=alt.TitleParams(translate("part.axis.reach", b.lang), fontSize=13,
                                                                      anchor="start"))
    return alt.vconcat(geo, key, spacing=12).configure_view(stroke=None)


def _working_groups(pdf: _Document, b: Briefing, engine: Engine, today: date) -> None:
    pdf.heading(translate("brief.groups", b.lang))
    first_day, last_day = date(b.start_year, 1, 1), date(b.end_year, 12, 31)
    act = group_metrics.activity(
        group_queries.working_groups(engine), group_queries.group_seats(engine),
        group_queries.meetings(engine, first_day, last_day), group_queries.meetings(engine, today, date.max),
        group_queries.latest_meetings(engine, today), group_queries.meeting_topics(engine, first_day, last_day),
        list(b.area_names), group_queries.first_meeting_year(engine), b.start_year, b.end_year, b.age_group, today)
    # The last full year of the period, as the overview's tile judges it.
    year = min(b.end_year, today.year - 1)
    if act["groups"].is_empty() or year not in act["years"]:
        pdf.para(translate("brief.groups.none", b.lang))
        return
    names = wg_view.group_names(act["tree"], b.lang)
    rows = wg_view.year_rows(act, year, names, b.lang)
    pdf.heading(translate("wg.meetings_year", b.lang, year=year), level=1)
    chart = wg_view.meetings_year(act, year, names, wg_view.meetings_year_message(act, year, names, b.lang), b.lang)
    y = pdf.get_y()
    height = pdf.chart(chart_render.png(chart, 760), pdf.l_margin, y, pdf.width, 150)
    pdf.set_y(y + height + 3)
    header = [translate("wg.axis.group", b.lang), translate("wg.axis.meetings", b.lang), translate("wg.kind_joint", b.lang), translate("wg.axis.target", b.lang),
              translate("wg.axis.status", b.lang)]
    table_rows = [[r["group"], str(r["held"]), str(r["joint"]),
                   wg_view.target_range(r["target_meetings_min"], r["target_meetings_max"], b.lang), r["status_label"]]
                  for r in rows.iter_rows(named=True)]
    pdf.table(header, table_rows, (70, 22, 26, 24, 36), ("LEFT", "RIGHT", "RIGHT", "RIGHT", "LEFT"))


def _ngo_coverage(pdf: _Document, b: Briefing, engine: Engine) -> None:
    pdf.heading(translate("brief.ngo", b.lang))
    tables = ngo_queries.ngo_tables(engine)
    board = ngo_metrics.board(tables, list(b.area_names), list(b.age_names), list(b.district_names),
                              b.start_year, b.end_year, b.age_group, b.district)
    matrix = board["matrix"]
    if board["ngos_in_store"] == 0 or matrix.is_empty():
        pdf.para(translate("brief.ngo.none", b.lang))
        return
    pdf.heading(translate("ngo.coverage.title", b.lang), level=1)
    names = ngo_view.Names(area=b.area_names, age=b.age_names, district=b.district_names)
    message = ngo_view.coverage_alt(matrix, names, b.lang)
    chart = ngo_charts.coverage_heatmap(ngo_view.coverage_cells(matrix, names, b.lang), ngo_view.coverage_labels(b.lang),
                                        message)
    y = pdf.get_y()
    height = pdf.chart(chart_render.png(chart, 760), pdf.l_margin, y, pdf.width, 120)
    pdf.set_y(y + height + 3)
    pdf.para(message, size=9.5)

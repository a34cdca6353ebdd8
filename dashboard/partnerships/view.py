"""What the partnerships screen says, in a language given: names, sentences, chart inputs and specs,
tables, notes and the coverage lines (no Streamlit: the screen, the slides and the briefing share them).

Numbers are formatted here, once, so the screen, the chart labels, the downloads and the overview tile
say the same thing. Every stored text (organisation names, notes, forum titles) that goes into Markdown
passes through `plain()`; tables take it as data, so it is shown as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from altair.utils.schemapi import debug_mode

from dashboard.core.formatting import DASH, fmt_date, fmt_number, plain
from dashboard.core.i18n import localized, translate
from dashboard.partnerships import charts as ngo_charts
from dashboard.indicators import view as ind_view
from dashboard.partnerships import metrics as ngo_metrics



@dataclass(frozen=True)
class Names:
    """Display names by code in the screen's language."""

    area: dict[str, str]
    age: dict[str, str]
    district: dict[str, str]


NOTES_SHOWN = 5  # newest notes in view; the earlier ones behind an expander


def eur(value: float | None, lang: str) -> str:
    return DASH if value is None else translate("ngo.eur", lang, amount=fmt_number(value, 0, lang))


def percent(part: int, whole: int, lang: str) -> str:
    return DASH if not whole else translate("ngo.percent", lang, value=fmt_number(100 * part / whole, 0, lang))


def covered_cells(matrix: pl.DataFrame) -> tuple[int, int]:
    """(cells with an active partner, all cells) of the coverage matrix."""
    return int((matrix["partners"] > 0).sum()), matrix.height


def cell_name(row: dict, n: Names, lang: str) -> str:
    return translate("ngo.cell", lang, area=n.area.get(row["priority_area_code"], row["priority_area_code"]),
              age=n.age.get(row["age_group_code"], row["age_group_code"]).lower())


# --- coverage -------------------------------------------------------------------------------------

def coverage_cells(matrix: pl.DataFrame, n: Names, lang: str) -> pl.DataFrame:
    """The heat map's input: display names, counts, and the words a gap carries besides its colour."""
    return matrix.select(
        pl.col("priority_area_code").replace_strict(n.area, default=pl.col("priority_area_code")).alias("area"),
        pl.col("age_group_code").replace_strict(n.age, default=pl.col("age_group_code")).alias("age"),
        "partners",
        pl.when(pl.col("partners") == 0).then(pl.lit(translate("ngo.gap_label", lang)))
        .otherwise(pl.col("partners").map_elements(lambda v: fmt_number(v, 0, lang), return_dtype=pl.Utf8))
        .alias("label"))


def gap_sentence(matrix: pl.DataFrame, n: Names, lang: str) -> str:
    """Names every gap, or says there is none (plain text: safe in Markdown after plain())."""
    found = ngo_metrics.gaps(matrix)
    if found.is_empty():
        return translate("ngo.gaps.none", lang)
    return translate("ngo.gaps.some", lang, cells="; ".join(cell_name(r, n, lang) for r in found.iter_rows(named=True)))


def coverage_summary(matrix: pl.DataFrame, lang: str) -> str:
    covered, cells = covered_cells(matrix)
    return translate("ngo.alt.coverage", lang, covered=covered, cells=cells)


def coverage_alt(matrix: pl.DataFrame, n: Names, lang: str) -> str:
    """The heat map's message: how many cells have a partner, and every gap by name."""
    return f"{coverage_summary(matrix, lang)} {gap_sentence(matrix, n, lang)}"


def coverage_labels(lang: str) -> dict[str, str]:
    return {key: translate(f"ngo.axis.{key}", lang) for key in ("age", "area", "partners")}


# --- districts ------------------------------------------------------------------------------------

def district_rows(districts: pl.DataFrame, n: Names, chosen: str | None, lang: str) -> pl.DataFrame:
    """The district chart's input, in rank order, with each bar's label in the screen's number format."""
    rows = []
    for r in districts.iter_rows(named=True):
        if r["partners"] == 0:
            label = translate("ngo.none_mark", lang)
        elif r["per_1000"] is None:
            label = translate("ngo.rate_hidden", lang, partners=r["partners"])
        else:
            label = fmt_number(r["per_1000"], 1, lang)
        rows.append({"district": n.district.get(r["district_code"], r["district_code"]),
                     "per_1000": r["per_1000"], "partners": r["partners"], "label": label,
                     "none": r["partners"] == 0, "chosen": r["district_code"] == chosen,
                     "population_label": DASH if r["population"] is None else fmt_number(r["population"], 0, lang)})
    return pl.DataFrame(rows, schema={"district": pl.Utf8, "per_1000": pl.Float64, "partners": pl.Int64,
                                      "label": pl.Utf8, "none": pl.Boolean, "chosen": pl.Boolean,
                                      "population_label": pl.Utf8})


def district_sentences(districts: pl.DataFrame, n: Names, chosen: str | None, lang: str) -> dict[str, str]:
    """What the district chart says, in words: range, districts with none, the chosen one, hidden rates."""
    name = lambda code: n.district.get(code, code)  # noqa: E731
    rated = districts.filter(pl.col("per_1000").is_not_null())
    out = {}
    if rated.height:
        best, worst = rated.row(0, named=True), rated.row(-1, named=True)
        out["range"] = translate("ngo.districts.range", lang, best=name(best["district_code"]),
                          best_rate=fmt_number(best["per_1000"], 1, lang), worst=name(worst["district_code"]),
                          worst_rate=fmt_number(worst["per_1000"], 1, lang))
    none = districts.filter(pl.col("partners") == 0)["district_code"].to_list()
    out["none"] = (translate("ngo.districts.none", lang, districts=", ".join(name(c) for c in none)) if none
                   else translate("ngo.districts.all", lang))
    hidden = districts.filter(pl.col("per_1000").is_null() & (pl.col("partners") > 0))["district_code"].to_list()
    if hidden:
        out["hidden"] = translate("ngo.districts.hidden", lang, districts=", ".join(name(c) for c in hidden))
    codes = districts["district_code"].to_list()
    if chosen in codes:
        row = districts.row(codes.index(chosen), named=True)
        out["chosen"] = translate("ngo.districts.chosen", lang, district=name(chosen), partners=row["partners"],
                           rate=fmt_number(row["per_1000"], 1, lang), rank=codes.index(chosen) + 1,
                           count=len(codes))
    return out


def district_summary(said: dict[str, str], lang: str) -> str:
    """The district chart's caption: what it ranks, the best and the least covered."""
    return translate("ngo.alt.districts", lang, range=said.get("range", "")).strip()


def district_labels(lang: str) -> dict[str, str]:
    return {key: translate(f"ngo.axis.{key}", lang) for key in ("rate", "district", "partners", "population")}


# --- partners table -------------------------------------------------------------------------------

# Pixel widths that fit the first five columns on a 1920 px projector; the long lists come last.
PARTNER_COLUMN_WIDTHS = {"name": 260, "type": 130, "kinds": 250, "grants": 120, "seats": 240, "areas": 330,
                         "ages": 210, "districts": 210}


def partner_frame(partners: pl.DataFrame, n: Names, group_names: dict[str, dict], lang: str,
                  formatted: bool = False) -> pl.DataFrame:
    """The partners with translated headers and names; grants raw for downloads, formatted on screen."""
    def joined(codes: list[str], lookup) -> str:
        return ", ".join(lookup(c) for c in codes)

    rows = []
    for r in partners.iter_rows(named=True):
        values = {
            "name": r["name"],
            "type": translate(f"ngo.type.{r['ngo_type']}", lang),
            "kinds": joined(r["kinds"], lambda k: translate(f"ngo.kind.{k}", lang)),
            "grants": fmt_number(r["grants_eur"], 0, lang) if formatted else r["grants_eur"],
            "seats": joined(r["seat_groups"], lambda c: localized(group_names.get(c, {}), "name", lang) or c),
            "areas": joined(r["areas"], lambda c: n.area.get(c, c)),
            "ages": joined(r["age_groups"], lambda c: n.age.get(c, c)),
            "districts": (translate("ngo.whole", lang) if r["whole_municipality"]
                          else joined(r["districts"], lambda c: n.district.get(c, c))),
        }
        rows.append(tuple(values[key] for key in PARTNER_COLUMN_WIDTHS))
    schema = {translate(f"ngo.col.{key}", lang): pl.Float64 if key == "grants" and not formatted else pl.Utf8
              for key in PARTNER_COLUMN_WIDTHS}
    return pl.DataFrame(rows, schema=schema, orient="row")


# --- grants and forums ----------------------------------------------------------------------------

def grant_frames(grants: pl.DataFrame, n: Names, lang: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(per year and area with display names and labels, per-year totals with labels) for the chart."""
    order = {code: i for i, code in enumerate(n.area)}
    unassigned = translate("ngo.grants.unassigned", lang)
    bars = (grants.with_columns(
        pl.col("priority_area_code").replace_strict(order, default=len(order), return_dtype=pl.Int64).alias("o"),
        pl.col("priority_area_code").replace_strict(n.area, default=unassigned, return_dtype=pl.Utf8).alias("area"),
        pl.col("grants_eur").map_elements(lambda v: eur(v, lang), return_dtype=pl.Utf8).alias("eur_label"))
        .sort("o", "year").select("year", "area", "grants_eur", "eur_label"))
    totals = (grants.group_by("year").agg(pl.col("grants_eur").sum()).sort("year")
              .with_columns(pl.col("grants_eur").map_elements(lambda v: eur(v, lang), return_dtype=pl.Utf8)
                            .alias("label")))
    return bars, totals


def grants_alt(bars: pl.DataFrame, totals: pl.DataFrame, lang: str) -> str:
    """The grants chart's message: each year's total and the area with the largest share."""
    top = bars.group_by("area").agg(pl.col("grants_eur").sum()).sort("grants_eur", descending=True).row(0, named=True)
    years = ", ".join(f"{y} {label}" for y, label in totals.select("year", "label").iter_rows())
    return translate("ngo.alt.grants", lang, years=years, area=top["area"], amount=eur(top["grants_eur"], lang))


def grant_labels(lang: str) -> dict[str, str]:
    return {key: translate(f"ngo.axis.{key}", lang) for key in ("year", "eur", "area")}


def forum_tables(per_year: pl.DataFrame, each: pl.DataFrame, ngo_names: dict[str, str],
                 lang: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(meetings per year, one row per forum with the organisations present) with translated headers."""
    col = {key: translate(f"ngo.forums.col.{key}", lang)
           for key in ("year", "meetings", "organisations", "partners", "date", "title", "present")}
    years = per_year.select(pl.col("year").cast(pl.Utf8).alias(col["year"]),
                            *(pl.col(key).alias(col[key]) for key in ("meetings", "organisations", "partners")))
    rows = [(fmt_date(r["forum_date"], lang), r["title"],
             ", ".join(sorted((ngo_names.get(i, i) for i in r["organisations"]), key=str.lower)))
            for r in each.sort("forum_date", descending=True).iter_rows(named=True)]
    forums = pl.DataFrame(rows, schema={col[key]: pl.Utf8 for key in ("date", "title", "present")}, orient="row")
    return years, forums


# --- experiential knowledge beside the indicators -------------------------------------------------

def note_lines(notes: pl.DataFrame, ngo_names: dict[str, str], n: Names, lang: str) -> list[tuple[str, str]]:
    """(the note, "date · organisation · age group"), both escaped for Markdown, newest first."""
    out = []
    for r in notes.sort("note_date", "id", descending=[True, False]).iter_rows(named=True):
        age = n.age.get(r["age_group_code"], r["age_group_code"]) if r["age_group_code"] else translate("ngo.all_ages", lang)
        meta = f"{fmt_date(r['note_date'], lang)} · {ngo_names.get(r['ngo_id'], r['ngo_id'])} · {age}"
        out.append((plain(r["note"]), plain(meta)))
    return out


def indicator_lines(cards: pl.DataFrame, lang: str) -> list[str]:
    """One Markdown line per indicator: title, latest value and year, trend as a coloured badge."""
    lines = []
    for row in cards.iter_rows(named=True):
        colour, icon = ind_view.TREND_BADGE[row.get("trend") or "no_data"]
        value = ind_view.with_unit(ind_view.value_text(row.get("latest"), row, lang), row)
        year = row.get("latest_year")
        figure = translate("ngo.knowledge.value", lang, value=value, year=year) if year else value
        lines.append(f"**{plain(localized(row, 'title', lang))}**  \n{plain(figure)} · "
                     f":{colour}-badge[{icon} {ind_view.trend_label(row.get('trend'), lang)}]")
    return lines


def area_coverage_line(matrix: pl.DataFrame, area: str, n: Names, lang: str) -> str:
    """"Lapset ja nuoret 3 · Työikäiset 10 · Ikääntyneet 0 · aukko" for one priority area."""
    parts = []
    for r in matrix.filter(pl.col("priority_area_code") == area).iter_rows(named=True):
        count = translate("ngo.gap_label", lang) if r["partners"] == 0 else fmt_number(r["partners"], 0, lang)
        parts.append(f"{n.age.get(r['age_group_code'], r['age_group_code'])} {count}")
    return " · ".join(parts)


# --- the overview tile ----------------------------------------------------------------------------

# --- charts ---------------------------------------------------------------------------------------

def chart_locale(lang: str) -> dict:
    return ngo_charts.NUMBER_LOCALES.get(lang, ngo_charts.NUMBER_LOCALES["fi"])


def coverage_spec(matrix: pl.DataFrame, n: Names, lang: str) -> dict:
    """The area × age-group heat map (Vega-Lite; its description names every gap)."""
    with debug_mode(False):
        return ngo_charts.coverage_heatmap(coverage_cells(matrix, n, lang), coverage_labels(lang),
                                           coverage_alt(matrix, n, lang)).to_dict(validate=False)


def chart_specs(board: dict, n: Names, district: str | None, lang: str) -> dict[str, dict | None]:
    """The screen's charts as Vega-Lite specs, each with its `description`.

    coverage, districts and grants; None for a chart with nothing to draw. Built once per data
    version, filters and language (see partnerships.model.chart_specs): Altair costs about 25 ms a chart.
    Altair's schema validation is off here: it checks every inline data row, and with 3,000
    districts it took over a second of a cold run. The builders' structure is validated by their
    unit tests (tests/test_partnerships.py), on small frames, where it costs nothing.
    """
    with debug_mode(False):
        return _chart_specs(board, n, district, lang)


def _chart_specs(board: dict, n: Names, district: str | None, lang: str) -> dict[str, dict | None]:
    matrix, districts, grants = board["matrix"], board["districts"], board["grants"]
    specs: dict[str, dict | None] = {"coverage": None, "districts": None, "grants": None}
    if not matrix.is_empty():
        specs["coverage"] = coverage_spec(matrix, n, lang)
    if not districts.is_empty():
        said = district_sentences(districts, n, district, lang)
        description = f"{district_summary(said, lang)} {said['none']}"
        specs["districts"] = ngo_charts.district_bars_spec(
            district_rows(districts, n, district, lang), district_labels(lang), description,
            chart_locale(lang), validate=False)
    if not grants.is_empty():
        bars, totals = grant_frames(grants, n, lang)
        specs["grants"] = ngo_charts.grants_bars(bars, totals, grant_labels(lang), grants_alt(bars, totals, lang),
                                                 chart_locale(lang)).to_dict(validate=False)
    return specs

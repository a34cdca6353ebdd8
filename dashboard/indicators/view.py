"""What the indicator screens say, in a language given: values with their units, trends, targets,
comparisons, the area summary lines, the table and the source line.

No Streamlit here: the cards, the table, the downloads, the overview, the slides and the PDF briefing
share these, so each says the same thing in the same words.
"""

from __future__ import annotations

import json

import polars as pl
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

from dashboard.core import theme
from data_pipeline.compute.similar import PROPOSED
from dashboard.indicators import charts
from dashboard.indicators import metrics
from dashboard.core.formatting import DASH, NBSP, fmt_date, fmt_number, plain
from data_pipeline.i18n import stored_text
from dashboard.core.i18n import localized, source_text, translate

# A trend as a badge: (colour, icon); colour-blind safe (blue/orange), never red/green.
TREND_BADGE = {"improving": ("blue", ":material/trending_up:"), "holding": ("gray", ":material/trending_flat:"),
               "worsening": ("orange", ":material/trending_down:"), "no_data": ("gray", ":material/help:")}


# A rank's quartile as a badge colour: Kolada's three bands in the colour-blind-safe palette (the best
# quarter good, the middle half neutral, the worst quarter bad); the words always go with the colour.
QUARTILE_BADGE = {1: theme.BADGE_GOOD, 2: theme.BADGE_NEUTRAL, 3: theme.BADGE_NEUTRAL, 4: theme.BADGE_BAD}
QUARTILE_COLOUR = {1: theme.GOOD, 2: theme.NEUTRAL, 3: theme.NEUTRAL, 4: theme.BAD}


def value_text(value: float | None, row: dict, lang: str, signed: bool = False) -> str:
    if value is None:
        return DASH
    text = fmt_number(value, int(row.get("decimals") or 0), lang)
    if signed and value > 0:
        text = "+" + text
    return text


# Sotkanet's value types written as a reader expects them after a number.
SHORT_UNITS = {"PROS": "%", "PER1000": "/ 1\u00a0000", "PER10000": "/ 10\u00a0000", "PER100000": "/ 100\u00a0000",
               "LKM": "", "EUR": "€", "INDEKSI": ""}

def short_unit(row: dict) -> str:
    return SHORT_UNITS.get(row.get("value_type") or "", row.get("unit") or "")


def with_unit(text: str, row: dict) -> str:
    unit = short_unit(row)
    return f"{text}\u00a0{unit}" if unit and text != DASH else text


def trend_label(trend: str | None, lang: str) -> str:
    return translate(f"ind.trend.{trend or 'no_data'}", lang)


def target_text(row: dict, lang: str) -> str:
    if row.get("target_value") is None:
        return translate("ind.no_target", lang)
    target = with_unit(value_text(row["target_value"], row, lang), row)
    year = row.get("target_year") or ""
    if row.get("target_met") is None:
        return translate("ind.target_pending", lang, target=target, year=year)
    return translate("ind.target_met" if row["target_met"] else "ind.target_not_met", lang, target=target, year=year)


def region_names(regions: pl.DataFrame, lang: str) -> dict[str, str]:
    """role -> the region's name in `lang` ("Pirkanmaan hyvinvointialue"), from the region table."""
    return {r["role"]: localized(r, "name", lang) for r in regions.iter_rows(named=True)}


def compared_with(names: dict[str, str], lang: str) -> str | None:
    """"Vertailualueet: Pirkanmaan hyvinvointialue, Koko maa." (None without comparison regions)."""
    shown = [names[role] for role in ("county", "country") if names.get(role)]
    return translate("ind.compared_with", lang, names=", ".join(shown)) if shown else None


def comparison_text(row: dict, lang: str, names: dict[str, str] | None = None) -> str:
    """"Pirkanmaan hyvinvointialue 12,3 (me paremmin) · Koko maa 11,0 (me heikommin)": the regions by
    name when `names` (role -> name) has them, else by their kind."""
    parts = []
    for role in ("county", "country"):
        if row.get(role) is not None:
            relation = translate(f"ind.compare.{row[f'vs_{role}']}", lang) if row.get(f"vs_{role}") else ""
            value = with_unit(value_text(row[role], row, lang), row)
            if (names or {}).get(role):
                parts.append(translate("ind.vs_named", lang, name=names[role], value=value, relation=relation))
            else:
                parts.append(translate(f"ind.vs_{role}", lang, value=value, relation=relation))
    return " · ".join(parts) or translate("ind.no_comparison", lang)


def alt_text(row: dict, lang: str, municipality: str) -> str:
    """The message of an indicator's charts, for screen readers and the briefing."""
    if row.get("latest") is None:
        return translate("ind.alt.none", lang, title=localized(row, "title", lang))
    return translate("ind.alt.trend", lang, title=localized(row, "title", lang), municipality=municipality,
             value=with_unit(value_text(row["latest"], row, lang), row), year=row["latest_year"],
             trend=trend_label(row["trend"], lang).lower())


def area_line(area: dict, lang: str) -> str:
    """"2 paranee · 1 ennallaan · 1 heikkenee · tavoite saavutettu 1/3" for one priority area; with no target
    set among its indicators it says so and where to set them (Kuusamo: "tavoite saavutettu 0/0")."""
    key = "ind.summary" if area["with_target"] else "ind.summary.no_targets"
    return translate(key, lang, improving=area["improving"], holding=area["holding"], worsening=area["worsening"],
             no_data=area["no_data"], met=area["target_met"], with_target=area["with_target"])


def comparison_line(area: dict, lang: str) -> str:
    return translate("ind.summary_compare", lang, better_county=area["better_than_county"], worse_county=area["worse_than_county"],
             better_country=area["better_than_country"], worse_country=area["worse_than_country"])


def table(cards: pl.DataFrame, area_names: dict[str, str], lang: str, formatted: bool = False) -> pl.DataFrame:
    """The cards' numbers as a table with translated headers.

    Raw numbers for the downloads (analysts compute with them); `formatted` gives the screen's text
    in the language's number format, with each indicator's own decimals.
    """
    rows = []
    for row in cards.iter_rows(named=True):
        def num(value, signed=False, _row=row):
            return value_text(value, _row, lang, signed) if formatted else value

        rows.append({
            translate("ind.col.area", lang): area_names.get(row["priority_area_code"], row["priority_area_code"]),
            translate("ind.col.indicator", lang): localized(row, "title", lang),
            translate("ind.col.id", lang): row["id"],
            translate("ind.col.year", lang): row.get("latest_year"),
            translate("ind.col.latest", lang): num(row.get("latest")),
            translate("ind.col.unit", lang): short_unit(row) or row.get("unit"),
            translate("ind.col.change", lang): num(row.get("change"), True),
            translate("ind.col.trend", lang): trend_label(row.get("trend"), lang),
            translate("ind.col.plan_change", lang): num(row.get("plan_change"), True),
            translate("ind.col.target", lang): num(row.get("target_value")),
            translate("ind.col.target_met", lang): None if row.get("target_met") is None else (
                translate("ind.yes", lang) if row["target_met"] else translate("ind.no", lang)),
            translate("ind.col.county", lang): num(row.get("county")),
            translate("ind.col.country", lang): num(row.get("country")),
            translate("ind.col.direction", lang): translate(f"ind.direction.{row['direction']}", lang),
        })
    return pl.DataFrame(rows, infer_schema_length=None)


def goal_blocks(plan: pl.DataFrame, area_names: dict[str, str], lang: str) -> list[str]:
    """The plan's goals as Markdown, one block a goal: its name and priority area in bold, then its
    measures as a list (responsible unit, status). Stored text escaped."""
    blocks = []
    for (_code,), group in plan.group_by("goal_code", maintain_order=True):
        first = group.row(0, named=True)
        lines = [f"**{plain(localized(first, 'goal', lang))}** · {plain(area_names.get(first['priority_area_code'], ''))}"]
        for m in group.filter(pl.col("measure_code").is_not_null()).iter_rows(named=True):
            lines.append("- " + plain(translate("ind.measure_line", lang, measure=localized(m, "measure", lang),
                                                unit=m["responsible_unit"],
                                                status=translate(f"measure.{m['status']}", lang))))
        blocks.append("\n".join(lines))
    return blocks


def attribution_line(attribution: dict | None, lang: str) -> str | None:
    if not attribution or not attribution.get("attribution"):
        return None
    if attribution.get("data_updated"):
        return translate("ind.source", lang, source=source_text(attribution["attribution"], lang),
                         date=fmt_date(attribution["data_updated"], lang))
    return source_text(attribution["attribution"], lang)


def rank_text(rank: dict, lang: str) -> str:
    """"Sija 57/304 kunnista · toiseksi paras neljännes": a rank among all municipalities, in words."""
    return (translate("rank.country", lang, rank=rank["rank"], count=rank["count"]) + " · "
            + translate(f"rank.quartile.{rank['quartile']}", lang))


def rank_change_text(rank: dict, lang: str) -> str | None:
    """"↑3 noussut vuodesta 2023" (a climb is positive), or None without a previous year's rank."""
    change, year = rank.get("rank_change"), rank.get("previous_year")
    if change is None or year is None:
        return None
    key = "rank.up" if change > 0 else "rank.down" if change < 0 else "rank.same"
    return translate(key, lang, n=abs(change), year=year)


def county_rank_text(rank: dict, lang: str) -> str:
    """"Satakunnan hyvinvointialue: 3/16 · ↑1 noussut vuodesta 2023": the rank among the county's municipalities."""
    county = localized(rank, "county", lang) or translate("ind.axis.region", lang)
    text = translate("rank.county", lang, county=county, rank=rank["rank"], count=rank["count"])
    change = rank_change_text(rank, lang)
    return f"{text} · {change}" if change else text


def rank_lines(ranks: dict[str, dict] | None, lang: str) -> list[str]:
    """The ranks as lines (country with its change, then county), or the plain "no rank" line."""
    if not ranks or "country" not in ranks:
        return [translate("rank.none", lang)]
    country = ranks["country"]
    lines = [rank_text(country, lang) + (f" · {c}" if (c := rank_change_text(country, lang)) else "")]
    if "county" in ranks:
        lines.append(county_rank_text(ranks["county"], lang))
    return lines


def peer_band_text(band: pl.DataFrame, row: dict, lang: str, municipality: str) -> str:
    """The peer comparison's message with its numbers (the chart's text alternative and the briefing's line)."""
    if band.is_empty():
        return translate("peer.none", lang)
    last = band.row(-1, named=True)
    def num(value):
        return with_unit(value_text(value, row, lang), row)
    text = translate("peer.alt", lang, title=localized(row, "title", lang), year=last["year"], peers=last["peers"],
                     median=num(last["median"]), low=num(last["low"]), high=num(last["high"]))
    if last["own"] is not None:
        text += " " + translate("peer.own", lang, municipality=municipality, value=num(last["own"]))
    return text


def clockwise(geometry) -> dict:
    """A polygon's GeoJSON with clockwise outer rings: Vega's d3-geo reads spherical polygons, and an
    anticlockwise ring (GeoJSON's own convention) would fill the whole world except the municipality."""
    if isinstance(geometry, Polygon):
        geometry = orient(geometry, sign=-1.0)
    elif isinstance(geometry, MultiPolygon):
        geometry = MultiPolygon([orient(part, sign=-1.0) for part in geometry.geoms])
    return mapping(geometry)


def county_outline(shapes: pl.DataFrame, codes: list[str]) -> dict | None:
    """The county's boundary: its municipalities' shapes dissolved into one GeoJSON geometry (shapely)."""
    chosen = shapes.filter(pl.col("code").is_in(codes))
    if chosen.is_empty():
        return None
    merged = unary_union([shape(json.loads(g)).buffer(0) for g in chosen["geometry"]])
    return clockwise(merged.simplify(0.002))


def finland_map_view(shapes: pl.DataFrame, values: pl.DataFrame, row: dict, lang: str,
                     failed: str | None = None) -> dict:
    """The map of Finland for one indicator (cached per data version, indicator and language):
    spec (Vega-Lite), alt (its text alternative with the numbers), or `missing` saying why there is no map.
    `failed`: the boundaries were asked for but their download failed (the stored reason): said so,
    rather than asking for the setting that is already there."""
    if shapes.is_empty():
        if failed is not None:
            return {"missing": translate("map.shapes_failed", lang, reason=plain(stored_text(failed, lang)) or "–")}
        return {"missing": translate("map.no_shapes", lang)}
    if values.is_empty():
        return {"missing": translate("map.no_values", lang)}
    classed = metrics.map_classes(values, row["direction"])
    year = int(classed["year"][0])
    legend = []
    for cls in range(metrics.MAP_CLASSES):
        members = classed.filter(pl.col("cls") == cls)["value"]
        if members.is_empty():
            legend.append(translate(f"map.class.{cls}", lang))
            continue
        lo, hi = (with_unit(value_text(x, row, lang), row) for x in (members.min(), members.max()))
        legend.append(f"{translate(f'map.class.{cls}', lang)}: {lo}" + (f"–{hi}" if hi != lo else ""))
    by_code = {r["code"]: r for r in classed.iter_rows(named=True)}
    features = []
    for shp in shapes.iter_rows(named=True):
        r = by_code.get(shp["code"], {})
        cls = r.get("cls")
        features.append({"type": "Feature", "geometry": clockwise(shape(json.loads(shp["geometry"]))), "properties": {
            "code": shp["code"], "name": localized(r, "name", lang) or localized(shp, "name", lang),
            "role": r.get("role") or "other", "cls": cls,
            "cls_label": legend[cls] if cls is not None else translate("map.no_value", lang),
            "value_text": with_unit(value_text(r.get("value"), row, lang), row),
            "rank_text": f"{r['rank']}/{r['count']}" if r.get("rank") is not None else DASH}})
    own = classed.filter(pl.col("role") == "municipality")
    county_id = own["county_id"][0] if own.height else None
    county = county_outline(shapes, classed.filter(pl.col("county_id") == county_id)["code"].to_list()) \
        if county_id is not None else None
    # The ranks' count where there are ranks (the rank's "x/N" says the same N), else the values drawn.
    ranked = classed["count"].drop_nulls()
    count = int(ranked.max()) if ranked.len() else classed["value"].drop_nulls().len()
    alt = translate("map.alt", lang, title=localized(row, "title", lang), year=year, count=count)
    if own.height:
        o = own.row(0, named=True)
        alt += " " + translate("map.alt_own", lang, municipality=localized(o, "name", lang),
                               value=with_unit(value_text(o["value"], row, lang), row),
                               rank=f"{o['rank']}/{o['count']}" if o.get("rank") is not None else DASH,
                               cls=legend[o["cls"]] if o["cls"] is not None else DASH)
    labels = {"legend": translate("map.legend", lang, year=year), "no_value": translate("map.no_value", lang),
              "municipality": translate("map.tip.municipality", lang), "value": translate("map.tip.value", lang),
              "rank": translate("map.tip.rank", lang)}
    return {"spec": charts.finland_map(features, county, legend, labels, alt), "alt": alt,
            "note": translate("map.note", lang)}


def similar_view(profiles: pl.DataFrame, lang: str, municipality: str, proposed: int = PROPOSED) -> dict:
    """Why these peers (cached per data version and language): `missing` saying why there is no proposal, or
    `method` (how they were chosen), `notes` (configured peers outside the proposal), `table` (the own one,
    the peers and the proposed, formatted), `spec` (every municipality by size and age: Vega-Lite) and `alt`.

    `profiles`: queries.municipality_profiles."""
    if profiles.is_empty() or profiles["share_0_14"].is_null().all() or profiles["share_65_plus"].is_null().all():
        return {"missing": translate("similar.none", lang)}  # population alone (a plan indicator) is no profile
    year = int(profiles["year"].max())
    grouped = metrics.similar_groups(profiles, proposed)
    own = grouped.filter(pl.col("group") == "municipality")
    if own.is_empty() or own["population"][0] is None or grouped["similarity_rank"].is_null().all():
        return {"missing": translate("similar.no_own", lang, year=year)}
    by_language = own["share_swedish"][0] is not None
    named = grouped.with_columns(
        pl.Series("name", [localized(r, "name", lang) for r in grouped.select("name_fi", "name_sv", "name_en").to_dicts()]))
    ranked = named.filter(pl.col("similarity_rank").is_not_null() | (pl.col("group") == "municipality"))
    notes = []
    for row in named.filter(pl.col("group") == "peer").iter_rows(named=True):
        key = "similar.outside" if row["similarity_rank"] is not None else "similar.no_rank"
        notes.append(translate(key, lang, name=row["name"], rank=row["similarity_rank"], year=year))
    if not notes and named.filter(pl.col("group") == "peer_proposed").height:
        notes.append(translate("similar.all_in", lang))
    shown = named.filter(pl.col("group") != "other")
    table = pl.DataFrame({
        translate("similar.col.municipality", lang): shown["name"],
        translate("similar.col.choice", lang): [translate(f"similar.group.{g}", lang) for g in shown["group"]],
        translate("similar.col.rank", lang): [DASH if r is None else str(r) for r in shown["similarity_rank"]],
        translate("similar.col.population", lang): [fmt_number(None if v is None else int(v), 0, lang)
                                                     for v in shown["population"]],
        translate("similar.col.young", lang): [fmt_number(v, 1, lang) for v in shown["share_0_14"]],
        translate("similar.col.old", lang): [fmt_number(v, 1, lang) for v in shown["share_65_plus"]],
        # A bilingual or Swedish-speaking municipality's peers are near in language too: the share is a reason.
        **({translate("similar.col.swedish", lang): [fmt_number(v, 1, lang) for v in shown["share_swedish"]]}
           if by_language else {}),
        translate("similar.col.distance", lang): [DASH if v is None else fmt_number(v, 2, lang)
                                                  for v in shown["distance"]],
    })
    first = own.row(0, named=True)
    proposal = named.filter(pl.col("group").is_in(["peer_proposed", "proposed"]))["name"].to_list()
    alt_text_ = translate("similar.alt", lang, count=ranked.height, year=year, municipality=municipality,
                          population=fmt_number(int(first["population"]), 0, lang),
                          old=fmt_number(first["share_65_plus"], 1, lang), proposed=", ".join(proposal))
    points = [{"name": r["name"], "population": r["population"], "old": r["share_65_plus"],
               "young": r["share_0_14"], "group": translate(f"similar.group.{r['group']}", lang),
               # The tooltip's figures as the language writes them (Vega's own format is English: 1,000).
               "population_text": fmt_number(int(r["population"]), 0, lang), "young_text": fmt_number(r["share_0_14"], 1, lang),
               "old_text": fmt_number(r["share_65_plus"], 1, lang), "swedish_text": fmt_number(r["share_swedish"], 1, lang),
               "order": SIMILAR_ORDER.index(r["group"]),
               # Named: the own one and the configured peers (the proposed crowd around them: the table names them).
               "label": r["name"] if r["group"] in ("municipality", "peer", "peer_proposed") else ""}
              for r in named.filter(pl.col("population").is_not_null() & pl.col("share_65_plus").is_not_null())
              .iter_rows(named=True)]
    groups = [translate(f"similar.group.{g}", lang) for g in SIMILAR_ORDER]
    labels = {key: translate(f"similar.{key}", lang) for key in
              ("axis.population", "axis.old", "col.municipality", "col.population", "col.young", "col.old",
               "col.choice", "col.swedish")}
    labels["thousands"] = "," if lang == "en" else NBSP
    labels["by_language"] = "1" if by_language else ""
    method = "similar.method_language" if by_language else "similar.method"
    return {"method": translate(method, lang, n=proposed, municipality=municipality, year=year,
                                count=ranked.height),
            "notes": notes, "table": table, "alt": alt_text_,
            "spec": charts.similar_chart(points, groups, labels, alt_text_)}


# Drawn last = on top: the own municipality over its peers over the proposed over the rest.
SIMILAR_ORDER = ("other", "proposed", "peer", "peer_proposed", "municipality")

"""The sentences the data proposes for each section: each names its year and its source, and says only
what the gathered facts show (a count, a direction, a comparison), never why or what will follow.
The coordinator accepts or rewrites them on the report screen."""

from __future__ import annotations

from dashboard.core.formatting import fmt_date, fmt_number, fmt_year_range
from dashboard.core.i18n import localized, translate, translate_n
from dashboard.indicators import view as ind_view
from dashboard.outputs.report.facts import Facts
from dashboard.participation.view import reach_number
from dashboard.partnerships import metrics as ngo_metrics
from dashboard.partnerships import view as ngo_view


def t(key: str, f: Facts, **fmt) -> str:
    return translate(key, f.b.lang, **fmt)


def _n(value, f: Facts) -> str:
    return fmt_number(value, 0, f.b.lang)


def _sources(f: Facts) -> str:
    cards = f.board["cards"]
    kinds = set(cards["source"].to_list()) if cards.height else set()
    names = [t("report.source.sotkanet", f)] if "sotkanet" in kinds else []
    if kinds - {"sotkanet"}:
        names.append(t("report.source.local", f))
    return "; ".join(names) or t("report.source.sotkanet", f)


def _period(f: Facts) -> str:
    return fmt_year_range(f.first_year, f.year)


def _card_source(card: dict, f: Facts) -> str:
    return t("report.source.sotkanet" if card.get("source") == "sotkanet" else "report.source.local", f)


def _value(card: dict, f: Facts) -> str:
    return ind_view.with_unit(ind_view.value_text(card.get("latest"), card, f.b.lang), card)


# --- the sections' drafts -----------------------------------------------------------------------------

def summary(f: Facts) -> tuple[str, ...]:
    cards = f.board["cards"]
    counts = {k: int((cards["trend"] == k).sum()) for k in ("improving", "holding", "worsening", "no_data")}
    said = [t("report.draft.trends", f, count=_n(cards.height, f), improving=_n(counts["improving"], f),
              holding=_n(counts["holding"], f), worsening=_n(counts["worsening"], f), year=f.year, source=_sources(f))]
    if counts["no_data"]:
        said.append(t("report.draft.no_data", f, count=_n(counts["no_data"], f), period=f.b.period))
    with_target = int(cards["target_met"].is_not_null().sum()) if cards.height else 0
    if with_target:
        said.append(t("report.draft.targets", f, met=_n(int(cards["target_met"].fill_null(False).sum()), f),
                      with_target=_n(with_target, f), year=f.year))
    said.extend(measures_sentence(f))
    said.append(participation_sentence(f))
    return tuple(said)


def measures_sentence(f: Facts) -> list[str]:
    if not f.measures:
        return []
    count = {s: sum(1 for m in f.measures if m["status"] == s) for s in ("done", "ongoing", "planned", "delayed")}
    return [t("report.draft.measures", f, count=_n(len(f.measures), f), done=_n(count["done"], f),
              ongoing=_n(count["ongoing"], f), planned=_n(count["planned"], f), delayed=_n(count["delayed"], f),
              date=_loaded(f))]


def _loaded(f: Facts) -> str:
    return fmt_date(f.b.loaded_at, f.b.lang) if f.b.loaded_at else "–"


def background(f: Facts) -> tuple[str, ...]:
    muni = f.b.municipality
    plan = localized(muni, "plan_name", f.b.lang)
    said = []
    if plan:
        said.append(t("report.draft.plan_years", f, plan=plan,
                      period=fmt_year_range(muni.get("plan_start_year"), muni.get("plan_end_year"))))
    said.append(t(f"report.draft.covers.{f.kind}", f, period=_period(f), year=f.year))
    return tuple(said)


def current_state(f: Facts) -> tuple[str, ...]:
    if not f.worsened_runs:
        return (t("report.draft.no_runs", f, period=f.b.period, source=_sources(f)),)
    cards = {c["id"]: c for c in f.board["cards"].to_dicts()}
    names = "; ".join(f"{localized(cards[i], 'title', f.b.lang)} ({first}–{last})"
                      for i, (first, last) in f.worsened_runs.items())
    return (translate_n("report.draft.runs", len(f.worsened_runs), f.b.lang, count=_n(len(f.worsened_runs), f),
                        names=names, source=_sources(f)),)


def area_sentence(f: Facts, code: str) -> str:
    areas = {r["priority_area_code"]: r for r in f.board["areas"].iter_rows(named=True)}
    a = areas.get(code)
    if a is None:
        return t("ind.none", f)
    return t("report.draft.area", f, improving=_n(a["improving"], f), holding=_n(a["holding"], f),
             worsening=_n(a["worsening"], f), met=_n(a["target_met"], f), with_target=_n(a["with_target"], f),
             better=_n(a["better_than_country"], f), worse=_n(a["worse_than_country"], f), year=f.year,
             source=_sources(f))


def participation_sentence(f: Facts) -> str:
    s = f.reach["summary"]
    if s["events"] == 0:
        return t("report.draft.reach.none", f, period=_period(f))
    if s.get("reach") is None:
        return t("report.draft.reach.unknown", f, participants=_n(s["participants"], f), events=_n(s["events"], f),
                 period=_period(f))
    said = t("report.draft.reach", f, participants=_n(s["participants"], f), events=_n(s["events"], f),
             period=_period(f), reach=reach_number(s["reach"], f.b.lang),
             population_year=f.reach.get("population_year") or f.year)
    low = _low_districts(f)
    if low:
        said += " " + t("report.draft.reach.low", f, count=_n(len(low), f), names=", ".join(low))
    return said


def _low_districts(f: Facts) -> list[str]:
    rows = f.reach["districts"].filter(f.reach["districts"]["low"])
    return [f.b.district_names.get(c, c) for c in rows["district_code"].to_list()]


def district_sentence(f: Facts) -> str:
    known = f.reach["districts"].filter(f.reach["districts"]["reach"].is_not_null()
                                        & ~f.reach["districts"]["suppressed"]).sort("reach")
    if known.height < 2:
        return t("report.draft.districts.none", f, period=_period(f))
    low, high = known.row(0, named=True), known.row(-1, named=True)
    return t("report.draft.districts", f, period=_period(f),
             low=f.b.district_names.get(low["district_code"], low["district_code"]),
             low_value=reach_number(low["reach"], f.b.lang),
             high=f.b.district_names.get(high["district_code"], high["district_code"]),
             high_value=reach_number(high["reach"], f.b.lang))


def district_indicator_sentence(f: Facts, card: dict, values) -> str:
    """"Between the districts, X ranged from a (A) to b (B)": the lowest and highest latest value."""
    low, high = values.row(0, named=True), values.row(-1, named=True)
    return t("report.draft.district_values", f, title=localized(card, "title", f.b.lang),
             low=ind_view.with_unit(ind_view.value_text(low["value"], card, f.b.lang), card),
             low_name=f.b.district_names.get(low["district_code"], low["district_code"]),
             high=ind_view.with_unit(ind_view.value_text(high["value"], card, f.b.lang), card),
             high_name=f.b.district_names.get(high["district_code"], high["district_code"]),
             years=fmt_year_range(int(values["year"].min()), int(values["year"].max())), source=_card_source(card, f))


def strengths(f: Facts) -> tuple[str, ...]:
    return (t("report.draft.strengths", f, year=f.year, source=_sources(f), period=_period(f)),)


def strength_items(f: Facts) -> list[str]:
    """Indicators improving or at their target, neither short of a target nor worse than the whole country
    (an improving indicator short of its target is a development area, said to be improving there)."""
    items = []
    for c in f.board["cards"].to_dicts():
        parts = []
        if c.get("trend") == "improving":
            parts.append(t("report.draft.part.improving", f, previous_year=c["previous_year"]))
        if c.get("target_met"):
            parts.append(t("report.draft.part.target_met", f))
        if not parts or c.get("vs_country") == "worse" or c.get("target_met") is False:
            continue
        if c.get("vs_country") == "better":
            parts.append(t("report.draft.part.better_country", f))
        items.append(t("report.draft.item", f, title=localized(c, "title", f.b.lang), value=_value(c, f),
                       year=c["latest_year"], source=_card_source(c, f), parts=", ".join(parts)))
    return items


def development_items(f: Facts) -> list[str]:
    """Worsening runs, worsening indicators short of target or worse than the country, barely reached
    districts, NGO coverage gaps and delayed measures."""
    items = []
    cards = {c["id"]: c for c in f.board["cards"].to_dicts()}
    for i, (first, last) in f.worsened_runs.items():
        items.append(t("report.draft.dev.run", f, title=localized(cards[i], "title", f.b.lang), first=first, last=last,
                       source=_card_source(cards[i], f)))
    for c in cards.values():
        if c["id"] in f.worsened_runs:
            continue
        parts = []
        if c.get("trend") == "worsening":
            parts.append(t("report.draft.part.worsening", f, previous_year=c["previous_year"]))
        if c.get("target_met") is False:
            parts.append(t("report.draft.part.target_missed", f))
        if not parts:
            continue
        if c.get("trend") == "improving":
            parts.insert(0, t("report.draft.part.improving", f, previous_year=c["previous_year"]))
        if c.get("vs_country") == "worse":
            parts.append(t("report.draft.part.worse_country", f))
        items.append(t("report.draft.item", f, title=localized(c, "title", f.b.lang), value=_value(c, f),
                       year=c["latest_year"], source=_card_source(c, f), parts=", ".join(parts)))
    low = _low_districts(f)
    if low:
        items.append(t("report.draft.dev.low", f, names=", ".join(low), period=_period(f)))
    if f.ngo is not None and not f.ngo["matrix"].is_empty() and not ngo_metrics.gaps(f.ngo["matrix"]).is_empty():
        n = ngo_view.Names(area=f.b.area_names, age=f.b.age_names, district=f.b.district_names)
        items.append(t("report.draft.dev.ngo", f, gaps=ngo_view.gap_sentence(f.ngo["matrix"], n, f.b.lang),
                       period=_period(f)))
    delayed = [localized(m, "text", f.b.lang) for m in f.measures if m["status"] == "delayed"]
    if delayed:
        items.append(t("report.draft.dev.delayed", f, names="; ".join(delayed), date=_loaded(f)))
    return items


def plan(f: Facts) -> tuple[str, ...]:
    return (t("report.draft.plan", f, date=_loaded(f)), *measures_sentence(f))
